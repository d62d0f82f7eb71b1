"""
The course's gradebook and the private gradebooks of students graded elsewhere.

A student graded on a worker is graded in a scratch course whose private
SQLite gradebook holds the assignment as the course's gradebook defines it
(``template``). What autograding wrote there comes back as plain data
(``rows_of``) and goes into the course's gradebook in the grader's own process,
its one writer (``merge``), as nbgrader's SaveAutoGrades would write it: the
automatic scores, comments and late penalties, never a manual grade (a grade
that has one is marked for review again).
"""
import contextlib
import datetime
import functools
import os
import pathlib
import tempfile
import time

from nbgrader.api import Gradebook, MissingEntry
from sqlalchemy.exc import OperationalError


@functools.lru_cache(maxsize=None)
def _empty_bytes():
    """
    An empty SQLite gradebook, as nbgrader makes a new one (its tables, stamped with the head of its
    alembic migrations), made once per process; nbgrader reads that head by starting the alembic
    command, seconds each time, where alembic's own API reads it at once.
    """
    import nbgrader
    from alembic.script import ScriptDirectory
    from nbgrader.api import Base
    from sqlalchemy import create_engine, text

    head = ScriptDirectory(os.path.join(os.path.dirname(nbgrader.__file__), "alembic")).get_current_head()
    with tempfile.TemporaryDirectory(prefix="nnfs-gradebook-") as folder:
        path = pathlib.Path(folder) / "gradebook.db"
        engine = create_engine(f"sqlite:///{path}")
        Base.metadata.create_all(bind=engine)
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
            connection.execute(text("INSERT INTO alembic_version (version_num) VALUES (:head)"), {"head": head})
        engine.dispose()
        return path.read_bytes()


def empty(path):
    """Writes an empty SQLite gradebook to ``path``; returns its URL."""
    pathlib.Path(path).write_bytes(_empty_bytes())
    return f"sqlite:///{path}"


def template(course, assignment, path):
    """
    Writes to ``path`` a SQLite gradebook holding the assignment as the course's gradebook
    defines it (notebooks, grade, solution, task and source cells), and no students; returns its bytes.
    """
    with course.gradebook() as defined_in, Gradebook(empty(path), course.course_id) as private:
        defined = defined_in.find_assignment(assignment)
        private.update_or_create_assignment(assignment, duedate=defined.duedate)
        for notebook in defined.notebooks:
            private.update_or_create_notebook(notebook.name, assignment, kernelspec=notebook.kernelspec)
            for cell in notebook.grade_cells:
                private.update_or_create_grade_cell(cell.name, notebook.name, assignment,
                                                    max_score=cell.max_score, cell_type=cell.cell_type)
            for cell in notebook.solution_cells:
                private.update_or_create_solution_cell(cell.name, notebook.name, assignment)
            for cell in notebook.task_cells:
                private.update_or_create_task_cell(cell.name, notebook.name, assignment,
                                                   max_score=cell.max_score, cell_type=cell.cell_type)
            for cell in notebook.source_cells:
                private.update_or_create_source_cell(cell.name, notebook.name, assignment,
                                                     cell_type=cell.cell_type, locked=cell.locked,
                                                     source=cell.source, checksum=cell.checksum)
    return pathlib.Path(path).read_bytes()


def extension_of(course, assignment, student):
    """The extension the course's gradebook grants a student on an assignment, in seconds, or None."""
    with course.gradebook() as gb:
        try:
            extension = gb.find_submission(assignment, student).extension
        except MissingEntry:
            return None
    return extension.total_seconds() if extension else None


def grant(db_url, course_id, assignment, student, extension_seconds):
    """Gives a student of a (private) gradebook an extension, before grading."""
    with Gradebook(db_url, course_id) as gb:
        gb.update_or_create_student(student)
        gb.update_or_create_submission(assignment, student,
                                       extension=datetime.timedelta(seconds=extension_seconds))


def rows_of(db_url, assignment, student):
    """What autograding wrote in a gradebook for one student: the submission's time, and per notebook its cells."""
    with Gradebook(db_url) as gb:
        submission = gb.find_submission(assignment, student)
        rows = {"timestamp": submission.timestamp, "notebooks": {}}
        for notebook in submission.notebooks:
            rows["notebooks"][notebook.name] = {
                "late_submission_penalty": notebook.late_submission_penalty,
                "grades": {g.name: (g.auto_score, g.needs_manual_grade) for g in notebook.grades},
                "comments": {c.name: c.auto_comment for c in notebook.comments},
            }
    return rows


def retrying(course, function, *args, attempts=10):
    """
    ``function(*args)``, tried again a second later when the course's gradebook server cannot be
    reached (it restarts); an embedded SQLite gradebook has no server to wait for.
    """
    for attempt in range(attempts):
        try:
            return function(*args)
        except OperationalError:
            if attempt == attempts - 1 or course.db_url.startswith("sqlite"):
                raise
            time.sleep(1)


def merge(course, assignment, student, rows):
    """
    Writes one student's autograded rows into the course's gradebook in one transaction, as
    nbgrader's SaveAutoGrades would: automatic scores and comments; a grade with a manual score
    keeps it and is marked for review. A gradebook server that restarts is waited for.
    """
    def write():
        with course.gradebook() as gb, _one_transaction(gb):
            _write(gb, assignment, student, rows)
    retrying(course, write)


@contextlib.contextmanager
def _one_transaction(gradebook):
    """
    nbgrader's API commits after each step (a student, a submission); within this block those
    commits only flush, and the block commits once at its end or rolls everything back.
    """
    session = gradebook.db
    session.commit = session.flush
    try:
        yield
    except BaseException:
        session.rollback()
        raise
    finally:
        del session.commit
    session.commit()


def _write(gradebook, assignment, student, rows):
    try:
        gradebook.find_student(student)
    except MissingEntry:
        gradebook.add_student(student)
    # nbgrader builds a new submission's rows before adding it to the session: no flush half-way.
    with gradebook.db.no_autoflush:
        submission = gradebook.update_or_create_submission(assignment, student)
    submission.timestamp = rows["timestamp"]
    for name, notebook in rows["notebooks"].items():
        for cell, (score, needs_manual) in notebook["grades"].items():
            grade = gradebook.find_grade(cell, name, assignment, student)
            grade.auto_score = score
            grade.needs_manual_grade = grade.manual_score is not None or needs_manual
        for cell, text in notebook["comments"].items():
            gradebook.find_comment(cell, name, assignment, student).auto_comment = text
        gradebook.find_submission_notebook(name, assignment, student).late_submission_penalty = \
            notebook["late_submission_penalty"]
