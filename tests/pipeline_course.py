"""
A made-up course for the fast tests of the grading pipeline's steps and the batch: a
release of one notebook with two exercises, the configuration and resources nbgrader
gives a step, and a course where one student's notebook was graded.
"""
import pathlib
import shutil

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from nbgrader.api import Gradebook
from traitlets.config import Config

from grader import facts, gradebook, provenance
from grader.course import Course

A = "a0"


def cell(source, grade_id=None, points=None, solution=False):
    made = new_code_cell(source)
    if grade_id:
        made.metadata["nbgrader"] = {"grade_id": grade_id, "grade": points is not None, "solution": solution,
                                     "locked": not solution, "schema_version": 3,
                                     **({"points": points} if points is not None else {})}
    return made


def release():
    """The release notebook: two solutions and their test cells, and the instructor's markdown."""
    return new_notebook(cells=[
        new_markdown_cell("# Squares\n<b>Write</b> `square`."),
        cell("def square(x):\n    raise NotImplementedError()", "square", solution=True),
        cell("assert square(2) == 4", "square_tests", points=5),
        cell("def cube(x):\n    raise NotImplementedError()", "cube", solution=True),
        cell("assert cube(2) == 8", "cube_tests", points=5)],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})


def make_course(root):
    """A course at ``root`` with the release on disk; returns the configuration a step gets."""
    root = pathlib.Path(root)
    (root / "release" / A).mkdir(parents=True)
    nbformat.write(release(), root / "release" / A / f"{A}.ipynb")
    config = Config()
    config.CourseDirectory.root = str(root)
    return config


def resources(root, student="ann"):
    """The resources nbgrader hands each step for the student's notebook."""
    return {"nbgrader": {"assignment": A, "student": student, "notebook": A,
                         "db_url": f"sqlite:///{pathlib.Path(root) / 'gradebook.db'}"},
            "metadata": {"path": str(pathlib.Path(root) / "autograded" / student / A)}}


def graded_gradebook(folder):
    """A gradebook of the made-up assignment where ann got 5 of 5 and 0 of 5; returns its path."""
    path = pathlib.Path(folder) / "gradebook.db"
    with Gradebook(gradebook.empty(path)) as gb:
        gb.add_assignment(A)
        gb.add_notebook(A, A)
        for name in ("square_tests", "cube_tests"):
            gb.add_grade_cell(name, A, A, max_score=5, cell_type="code")
        gb.add_student("ann")
        gb.add_submission(A, "ann")
        for name, score in (("square_tests", 5.0), ("cube_tests", 0.0)):
            grade = gb.find_grade(name, A, A, "ann")
            grade.auto_score, grade.needs_manual_grade = score, False
        gb.db.commit()
    return path


def graded_course(root, gradebook):
    """
    A course at ``root`` where ann's notebook was graded (a copy of ``gradebook``, the submission,
    the graded notebook as nbgrader writes it, and the record the pipeline wrote); (Course, record).
    """
    root = pathlib.Path(root)
    config = make_course(root)
    shutil.copy2(gradebook, root / "gradebook.db")
    nb = release()
    nb.cells[4].outputs = [new_output("error", ename="AssertionError", evalue="cube(2) is 6 but should be 8\nmore",
                                      traceback=[])]
    submitted = root / "submitted" / "ann" / A / f"{A}.ipynb"
    submitted.parent.mkdir(parents=True)
    nbformat.write(release(), submitted)
    facts.start(nb, submitted_sha256=provenance.fingerprints.sha256_file(submitted), started=provenance.now())
    facts.note(nb, "interrupted", cells=["cube_tests"])
    entry = provenance.notebook_entry(nb, facts.take(nb), {"square_tests": 5.0, "cube_tests": 0.0})
    record = provenance.record_notebook(config, resources(root), entry)
    path = root / "autograded" / "ann" / A / f"{A}.ipynb"
    path.parent.mkdir(parents=True)
    text = nbformat.writes(nb, version=4)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return Course(root, db_url=f"sqlite:///{root / 'gradebook.db'}"), record
