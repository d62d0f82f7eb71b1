"""
Grading a class on many workers: the cores of this machine, or a Dask cluster.

Each student is one task. A task runs on a worker (a process of a Dask cluster,
or the grader's own process with one worker) and grades the student in a
scratch course of its own: the course's configuration, grader, source and
release, the student's submission and a private SQLite gradebook made from the
course's one (`template_gradebook`). It never writes to the course directory; it
returns the grades, the graded notebooks, the provenance record and the log.

The grader's process is the only writer of the course's gradebook
(`merge_into`), so concurrent workers cannot lock or corrupt it, SQLite or
PostgreSQL alike. A task whose worker stops is graded again once on another
worker (Dask's ``allowed-failures``); a student reaches the gradebook once,
when the result arrives.

Across machines, start a scheduler and workers (README: "Grading on several
machines") and give its address: ``make autograde SCHEDULER=tcp://host:8786``.
"""
import datetime
import os
import pathlib
import shutil
import socket
import tempfile
import time
from dataclasses import dataclass, field

# Dask's event topic on which each task says that it started (a second start is a regrade).
STARTED = "nnfs-grading-started"
# What a task copies of the course into its scratch course (besides one assignment's folders).
COURSE_FILES = ("nbgrader_config.py",)


@dataclass
class Job:
    """One student to grade: everything a worker needs but the course's own files."""
    course_dir: str
    assignment: str
    student: str
    submission: dict  # path inside submitted/<student>/<assignment>/ -> bytes
    limits: object  # grader.driver.Limits
    unsandboxed: bool = False
    course_id: str = "default_course"
    extension_seconds: float = None  # an extension granted in the course's gradebook


@dataclass
class Graded:
    """What a task sends back: the result, the rows for the gradebook, and the files it made."""
    result: object  # grader.driver.StudentResult
    rows: dict = None  # see gradebook_rows; None when the student could not be graded
    files: dict = field(default_factory=dict)  # course-relative path -> bytes
    worker: str = ""
    prepare_seconds: float = 0.0


def available_cores():
    return len(os.sched_getaffinity(0))


# -- the gradebook -------------------------------------------------------------------------------


def template_gradebook(db_url, assignment, course_id, path):
    """
    Writes to `path` a SQLite gradebook holding the assignment as the course's gradebook
    defines it (notebooks, grade, solution, task and source cells), and no students.
    """
    from nbgrader.api import Gradebook

    with Gradebook(db_url, course_id) as course, Gradebook(f"sqlite:///{path}", course_id) as private:
        defined = course.find_assignment(assignment)
        private.update_or_create_assignment(assignment, duedate=defined.duedate)
        for notebook in defined.notebooks:
            private.update_or_create_notebook(notebook.name, assignment)
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


def gradebook_rows(gradebook, assignment, student):
    """What autograding wrote in a gradebook for one student: the submission's time, and per notebook its cells."""
    submission = gradebook.find_submission(assignment, student)
    rows = {"timestamp": submission.timestamp, "notebooks": {}}
    for notebook in submission.notebooks:
        rows["notebooks"][notebook.name] = {
            "late_submission_penalty": notebook.late_submission_penalty,
            "grades": {g.name: g.auto_score for g in notebook.grades},
            "comments": {c.name: c.auto_comment for c in notebook.comments},
        }
    return rows


def merge_into(gradebook, assignment, student, rows):
    """
    Writes one student's autograded rows into the course's gradebook, as nbgrader's own
    SaveAutoGrades would: the automatic scores and comments, never a manual grade (a grade
    that has one is marked for review again).
    """
    from nbgrader.api import MissingEntry

    try:
        gradebook.find_student(student)
    except MissingEntry:
        gradebook.add_student(student)
    # nbgrader builds a new submission's rows before adding it to the session: no flush half-way.
    with gradebook.db.no_autoflush:
        submission = gradebook.update_or_create_submission(assignment, student)
    submission.timestamp = rows["timestamp"]
    for name, notebook in rows["notebooks"].items():
        for cell, score in notebook["grades"].items():
            grade = gradebook.find_grade(cell, name, assignment, student)
            grade.auto_score = score
            grade.needs_manual_grade = grade.manual_score is not None or score is None
        for cell, text in notebook["comments"].items():
            gradebook.find_comment(cell, name, assignment, student).auto_comment = text
        gradebook.find_submission_notebook(name, assignment, student).late_submission_penalty = \
            notebook["late_submission_penalty"]
    gradebook.db.commit()


# -- one task ------------------------------------------------------------------------------------


def _scratch_course(job, template, folder):
    """Lays out the scratch course of one task in `folder`."""
    course, assignment = pathlib.Path(job.course_dir), job.assignment
    for name in COURSE_FILES:
        shutil.copy2(course / name, folder / name)
    shutil.copytree(course / "grader", folder / "grader", ignore=shutil.ignore_patterns("__pycache__"))
    for part in ("source", "release"):
        shutil.copytree(course / part / assignment, folder / part / assignment)
    submitted = folder / "submitted" / job.student / assignment
    for relative, data in job.submission.items():
        (submitted / relative).parent.mkdir(parents=True, exist_ok=True)
        (submitted / relative).write_bytes(data)
    (folder / "gradebook.db").write_bytes(template)
    if job.extension_seconds:
        from nbgrader.api import Gradebook

        with Gradebook(f"sqlite:///{folder / 'gradebook.db'}", job.course_id) as gb:
            gb.add_student(job.student)
            gb.add_submission(assignment, job.student,
                              extension=datetime.timedelta(seconds=job.extension_seconds))


def grade_job(job, template):
    """Grades one student in a scratch course (on whichever worker runs it); returns a Graded."""
    from grader.driver import CourseGrader

    started = time.monotonic()
    try:
        from distributed import get_worker

        get_worker().log_event(STARTED, {"student": job.student, "assignment": job.assignment})
        worker = get_worker().address
    except ValueError:  # not on a Dask worker: the grader's own process
        worker = "local"
    with tempfile.TemporaryDirectory(prefix="nnfs-grade-") as scratch:
        folder = pathlib.Path(scratch)
        _scratch_course(job, template, folder)
        grader = CourseGrader(folder, job.assignment, unsandboxed=job.unsandboxed,
                              db_url=f"sqlite:///{folder / 'gradebook.db'}")
        grader.limits = job.limits
        prepared = time.monotonic() - started
        result = grader.autograde_student(job.student)
        graded = Graded(result, worker=f"{socket.gethostname()} {worker}", prepare_seconds=prepared)
        if result.graded:
            with grader._gradebook() as gb:
                graded.rows = gradebook_rows(gb, job.assignment, job.student)
        made = [folder / "autograded" / job.student / job.assignment, folder / "provenance" / job.assignment,
                folder / "logs"]
        for part in made:
            for path in sorted(part.rglob("*")) if part.is_dir() else []:
                if path.is_file():
                    graded.files[str(path.relative_to(folder))] = path.read_bytes()
    result.seconds = time.monotonic() - started
    return graded


# -- workers -------------------------------------------------------------------------------------


class Workers:
    """
    Where the tasks run: the grader's own process (one worker, no cluster), a Dask
    LocalCluster of `jobs` processes on this machine, or the Dask cluster at `scheduler`.
    """

    def __init__(self, jobs=None, scheduler=None):
        self.jobs = jobs or available_cores()
        self.scheduler = scheduler
        self.client = self.cluster = None

    def __enter__(self):
        if self.scheduler is None and self.jobs == 1:
            return self
        import dask
        from distributed import Client, LocalCluster

        # A student whose worker stops is graded once more, then reported (not the default 3 times);
        # workers that are not daemonic may fork their nbgrader processes (grader.driver.run_nbgrader).
        dask.config.set({"distributed.scheduler.allowed-failures": 1, "distributed.worker.daemon": False})
        if self.scheduler is None:
            # One thread per worker: nbgrader changes the process's directory and environment.
            # No memory limit of Dask's: the sandbox caps each kernel's memory itself.
            self.cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                                        memory_limit=0, dashboard_address="127.0.0.1:0", silence_logs=40)
            self.client = Client(self.cluster)
        else:
            self.client = Client(self.scheduler, timeout="30s")
        return self

    def __exit__(self, *exc):
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def describe(self):
        if self.client is None:
            return "1 worker (this process)"
        workers = self.client.scheduler_info(n_workers=-1)["workers"]
        where = "this machine" if self.cluster is not None else f"the Dask cluster at {self.scheduler}"
        hosts = {w["host"] for w in workers.values()}
        return (f"{len(workers)} Dask worker(s) on {where}"
                + (f" ({len(hosts)} machine(s))" if self.cluster is None else ""))

    def grade(self, jobs, template):
        """Yields a Graded for every job, as they finish (in order with one worker)."""
        if self.client is None:
            yield from (grade_job(job, template) for job in jobs)
            return
        from distributed import as_completed

        from grader.driver import StudentResult

        shared = self.client.scatter(template, broadcast=True)
        futures = {self.client.submit(grade_job, job, shared, pure=False, retries=1,
                                      key=f"grade-{job.assignment}-{job.student}-{os.urandom(4).hex()}"): job
                   for job in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                graded = future.result()
            except Exception as error:  # the task failed or its workers stopped twice: report, go on
                graded = Graded(StudentResult(job.student, unsandboxed=job.unsandboxed))
                graded.result.notes.append(f"could not be graded: {_task_error(error)}")
            if self.starts(job) > 1:
                graded.result.notes.append("the worker grading it stopped; graded again on another worker")
            yield graded

    def starts(self, job):
        """How many times a task of this student started on a worker."""
        return sum(1 for _, event in self.client.get_events(STARTED)
                   if (event["student"], event["assignment"]) == (job.student, job.assignment))


def _task_error(error):
    from distributed.scheduler import KilledWorker

    if isinstance(error, KilledWorker):
        return "the workers grading it stopped twice"
    return f"{type(error).__name__}: {error}".splitlines()[0][:160]
