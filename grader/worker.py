"""
Grading one student where a worker runs: a scratch course, nbgrader's own API, the results as data.

``grade(job)`` lays out a scratch course for the student (the submission, a
private SQLite gradebook holding the assignment, and the course's source and
release folders, which it only reads), runs ``NbGraderAPI.autograde`` there,
in this process, with the course's configuration (the very call formgrader's
Autograde button makes, so every road grades through the same pipeline), and
returns a ``Graded``: nbgrader's success and error, the student's gradebook rows,
the graded notebook, the provenance record and nbgrader's log. It never writes
to the course directory.

A worker process keeps what every student needs (nbgrader and the grader
imported, the course's configuration, the reference solutions, the calibrated
limits) from one student to the next: a student costs what it costs in plain
nbgrader's own process.
"""
import functools
import os
import pathlib
import tempfile
import warnings
from dataclasses import dataclass, field

from sqlalchemy.exc import SAWarning

from grader import gradebook, provenance
from grader.course import Course

SCRATCH_PREFIX = "nnfs-grade-"


@dataclass
class Job:
    """One student to grade: what a worker needs besides the course directory, which it reads."""
    course_root: str
    assignment: str
    student: str
    submission: dict  # path inside submitted/<student>/<assignment>/ -> bytes
    template: bytes  # the private gradebook, as grader.gradebook.template wrote it
    extension_seconds: float = None
    unsandboxed: bool = False


@dataclass
class Graded:
    """What grading one student gave: nbgrader's verdict, the gradebook rows and the files it made."""
    student: str
    success: bool = False
    error: str = ""  # the last line of nbgrader's error, when it failed
    rows: dict = None  # grader.gradebook.rows_of; None when nbgrader made none
    record: dict = None  # the provenance record
    files: dict = field(default_factory=dict)  # course-relative path -> bytes (the graded notebook's folder)
    log: str = ""


@functools.lru_cache(maxsize=None)
def _course(root):
    """The course, its configuration read once per process."""
    return Course(root)


def _scratch(job, folder):
    """Lays out the scratch course of one job in ``folder``; returns its gradebook's URL."""
    course = pathlib.Path(job.course_root)
    for part in ("source", "release"):
        (folder / part).mkdir()
        (folder / part / job.assignment).symlink_to(course / part / job.assignment)
    submitted = folder / "submitted" / job.student / job.assignment
    for relative, data in job.submission.items():
        (submitted / relative).parent.mkdir(parents=True, exist_ok=True)
        (submitted / relative).write_bytes(data)
    (folder / "gradebook.db").write_bytes(job.template)
    db_url = f"sqlite:///{folder / 'gradebook.db'}"
    if job.extension_seconds:
        gradebook.grant(db_url, _course(job.course_root).course_id, job.assignment, job.student,
                        job.extension_seconds)
    return db_url


def autograde(config, assignment, student):
    """nbgrader's autograde of one student through NbGraderAPI, in the course ``config`` names."""
    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
    with warnings.catch_warnings():
        # nbgrader's own API warns of objects it adds to its session later; nothing to report.
        warnings.simplefilter("ignore", SAWarning)
        return api.autograde(assignment, student)


def grade(job):
    """Grades one student in a scratch course of its own; returns a Graded."""
    course = _course(job.course_root)
    graded = Graded(job.student)
    with tempfile.TemporaryDirectory(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-") as scratch:
        folder = pathlib.Path(scratch)
        db_url = _scratch(job, folder)
        config = course.config_for(root=folder, db_url=db_url)
        if job.unsandboxed:
            config.SandboxKernelManager.enabled = False
        result = autograde(config, job.assignment, job.student)
        graded.success = bool(result.get("success"))
        graded.log = result.get("log", "") + result.get("error", "")
        if not graded.success:
            lines = [line for line in result.get("error", "").strip().splitlines() if line.strip()]
            graded.error = lines[-1][:300] if lines else "nbgrader failed"
        graded.record = provenance.read(folder, job.assignment, job.student)
        try:
            graded.rows = gradebook.rows_of(db_url, job.assignment, job.student)
        except Exception:  # nbgrader stopped before it wrote the student's rows
            graded.rows = None
        made = folder / "autograded" / job.student / job.assignment
        for path in sorted(made.rglob("*")) if made.is_dir() else []:
            if path.is_file():
                graded.files[str(path.relative_to(folder))] = path.read_bytes()
    return graded

