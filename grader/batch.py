"""
``make autograde``: choose the students, hand them to the workers, merge what comes back, report.

The grading itself is nbgrader's autograde with the course's pipeline
(nbgrader_config.py, grader/preprocessors/), the same on every road; this
driver adds what a whole class needs around it:

* only students whose submission, or whose assignment's solutions and cases,
  helpers, grader or environment changed since their provenance record are
  graded (``force`` grades them all), so a batch that was interrupted finishes
  where it stopped;
* the time limits are calibrated once, before the students are handed out;
* each result reaches the course in the grader's own process, the only writer:
  the graded notebook and the record are written beside their places, the
  gradebook rows merged in one transaction, then the files moved into place,
  so a student is in the course whole or not at all;
* a line per student as results arrive, with the count and the time left.
"""
import contextlib
import os
import pathlib
import re
import shutil
import signal
import tempfile
import threading
import time

from grader import calibration, fingerprints, gradebook, provenance, results
from grader.limits import TimeLimits
from grader.leftovers import pid_alive, remove_stale_folders
from grader.sandbox import remove_stale
from grader.worker import SCRATCH_PREFIX, Job

NOTE_REGRADED = "the worker grading it stopped; graded again on another worker"


class Batch:
    """
    Autogrades the submissions of one assignment of a course (a grader.course.Course).

    unsandboxed -- grade without the sandbox (every report line then says UNSANDBOXED)
    report -- called with each line for the instructor
    """

    def __init__(self, course, assignment, unsandboxed=False, report=print):
        self.course = course
        self.assignment = course.assignment(assignment)
        self.unsandboxed = unsandboxed
        self.report = report

    # -- which students ---------------------------------------------------------------------

    def current(self, student):
        """Why a student must be graded (a reason in words), or None when its record is current."""
        record = provenance.read(self.course.root, self.assignment.name, student)
        if record is None:
            return "not graded yet"
        if not record.get("graded"):
            return "not graded last time"
        for name, entry in record["notebooks"].items():
            path = self.course.folder("submitted", student, self.assignment.name) / f"{name}.ipynb"
            if not path.exists() or fingerprints.sha256_file(path) != entry.get("submitted_sha256"):
                return "a new submission"
        changed = fingerprints.changed(record.get("fingerprints", {}),
                                       fingerprints.of_assignment(self.course.root, self.assignment.name))
        if changed:
            return f"{' and '.join(changed)} changed"
        if provenance.verify_student(self.course, self.assignment.name, student, record):
            return "the gradebook or the graded notebook differs from its record"
        return None

    def choose(self, students=None, force=False):
        """The students to grade: all with a submission (or ``students``), those whose grade is not current."""
        students = self.course.students(self.assignment.name) if students is None else list(students)
        if force:
            return students
        reasons = {s: self.current(s) for s in students}
        chosen = [s for s in students if reasons[s]]
        if len(chosen) < len(students):
            why = {}
            for s in chosen:
                why.setdefault(reasons[s], []).append(s)
            self.report(f"Skipped {len(students) - len(chosen)} of {len(students)} student(s): graded already and "
                        f"nothing changed (FORCE=1 grades them again)."
                        + (f" Grading {len(chosen)}: " + "; ".join(f"{r} ({len(s)})" for r, s in why.items())
                           if chosen else ""))
        return chosen

    # -- grading ----------------------------------------------------------------------------

    def limits(self):
        """The assignment's time limits, calibrated now unless cached (grader/calibration.py)."""
        config = self.course.config_for()
        config.SandboxKernelManager.enabled = not self.unsandboxed
        return calibration.limits(self.course.root, self.assignment.name, TimeLimits(config=config),
                                  not self.unsandboxed, config)

    def jobs(self, students, template):
        for student in students:
            folder = self.course.folder("submitted", student, self.assignment.name)
            files = {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
            extension = gradebook.retrying(self.course, gradebook.extension_of, self.course, self.assignment.name,
                                           student)
            yield Job(str(self.course.root), self.assignment.name, student, files, template, extension,
                      self.unsandboxed)

    def run(self, workers, students=None, force=False, isolation=""):
        """Grades the chosen students on ``workers`` (grader.workers.Workers); returns their results in order."""
        self.remove_leftovers()
        chosen = self.choose(students, force)
        if not chosen:
            return []
        limits = self.limits()
        with tempfile.TemporaryDirectory(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-") as folder:
            template = gradebook.template(self.course, self.assignment.name, pathlib.Path(folder) / "gradebook.db")
        self.report(f"Isolation: {isolation}; {limits.describe()}")
        self.report(f"Grading {len(chosen)} submission(s) of {self.assignment.name} on {workers.describe()}")
        done, started = {}, time.monotonic()
        for job, graded, regraded in workers.grade(self.jobs(chosen, template)):
            with _deferred_interrupt():
                result = self.merge(graded)
            if regraded:
                result.notes.append(NOTE_REGRADED)
            done[job.student] = result
            left = _time_left(len(done), len(chosen), time.monotonic() - started)
            self.report(f"[{len(done)}/{len(chosen)}{left}] {results.summary_line(result)}")
        return [done[s] for s in chosen]

    # -- into the course --------------------------------------------------------------------

    def remove_leftovers(self):
        """Removes what grading processes that no longer run left: scratch courses, kernels, staged results."""
        remove_stale_folders(SCRATCH_PREFIX)
        remove_stale()
        staged = list((self.course.root / "autograded").glob("*/.*.new")) + list(
            (self.course.root / provenance.FOLDER).glob("*/.*.new"))
        for path in staged:
            match = re.search(r"\.(\d+)\.new$", path.name)
            if match and not pid_alive(int(match.group(1))):
                shutil.rmtree(path) if path.is_dir() else path.unlink()

    def merge(self, graded):
        """Puts one student's grading into the course, whole or not at all; returns the student's result."""
        name, student = self.assignment.name, graded.student
        if graded.rows is None or graded.record is None:
            result = self.result_of(student, None)
            result.graded = False
            result.notes.append(f"could not be graded: {graded.error or 'see logs/'}")
            self._log(graded)
            return result
        final = self.course.folder("autograded", student, name)
        staged = final.with_name(f".{name}.{os.getpid()}.new")
        record = provenance.path(self.course.root, name, student)
        staged_record = record.with_name(f".{record.name}.{os.getpid()}.new")
        try:
            shutil.rmtree(staged, ignore_errors=True)
            for relative, data in graded.files.items():
                path = staged / pathlib.Path(relative).relative_to(pathlib.Path("autograded") / student / name)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            provenance.write_to(staged_record, graded.record)
            gradebook.merge(self.course, name, student, graded.rows)
        except Exception as error:  # the disk, the gradebook: this student stays as it was
            shutil.rmtree(staged, ignore_errors=True)
            staged_record.unlink(missing_ok=True)
            result = self.result_of(student, None)
            result.graded = False
            result.notes.append(f"could not be written into the course ({type(error).__name__}: {error}); "
                                f"it stays as it was")
            return result
        shutil.rmtree(final, ignore_errors=True)
        if graded.files:
            staged.rename(final)
        else:
            shutil.rmtree(staged, ignore_errors=True)
        os.replace(staged_record, record)
        self._log(graded)
        return self.result_of(student, graded.record)

    def result_of(self, student, record):
        """A student's result as the course's gradebook has it now (a gradebook server that restarts is waited for)."""
        return gradebook.retrying(self.course, results.result_of, self.course, self.assignment, student, record,
                                  self.unsandboxed)

    def _log(self, graded):
        """Keeps nbgrader's log of a student in logs/ (the report line points there), escaped as reports are."""
        logs = self.course.root / "logs"
        text = "\n".join(results.escape(line) for line in graded.log.splitlines())
        try:
            logs.mkdir(exist_ok=True)
            (logs / f"autograde-{self.assignment.name}-{graded.student}.log").write_text(text, encoding="utf-8")
        except OSError:
            pass

    def class_results(self, fresh):
        """Every student with a submission: those just graded (``fresh``), the others as the course has them."""
        known = {r.student: r for r in fresh}
        return [known.get(s) or self.result_of(s, provenance.read(self.course.root, self.assignment.name, s))
                for s in self.course.students(self.assignment.name)]


@contextlib.contextmanager
def _deferred_interrupt():
    """Ctrl-C waits for the end of the block, so that a student goes into the course whole, then interrupts."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received = []
    previous = signal.signal(signal.SIGINT, lambda *_: received.append(True))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt


def _time_left(done, total, elapsed):
    """', about 3 min left' at the rate so far ('' at the end)."""
    if done >= total:
        return ""
    left = elapsed / done * (total - done)
    return f", about {left / 60:.0f} min left" if left >= 90 else f", about {left:.0f} s left"
