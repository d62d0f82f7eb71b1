"""
Autograding that survives bad submissions: ``make autograde ASSIGNMENT=<id>``.

``nbgrader autograde`` grades one student at a time, but a few kinds of
submission make it give up on that student with no grade at all, and others
make it hang. This runs it for one student at a time in a process of its own,
with the course's pipeline (student code in the sandboxed kernel, cases judged
in the grader), and deals with each case, so that every submission is graded as
far as it can be and reported in one line, and the batch always goes on:

* a file that is not a readable notebook is graded as the blank release
  (0 points);
* cells whose nbgrader metadata was edited (a renamed ``grade_id``, say) are
  treated as ordinary cells, and nbgrader puts the real test cells back;
* a cell during which the kernel stops (``os._exit``, a segfault) is disabled
  and the notebook graded again;
* a notebook that runs longer than the limit for a whole notebook is stopped
  and graded again with a shorter limit per cell, never shorter than the
  solutions need;
* deleted or edited test cells, interrupted cells and shortened outputs are
  reported.

The time limits come from the solutions' own run in the sandbox at the start of
the batch (``calibrate``), and every grade gets a provenance record
(grader/provenance.py). ``grade_all`` grades a batch on several workers
(grader/parallel.py), each student in a scratch course of its own, and writes
the results into this course's gradebook, one by one.

Usage, from the course directory::

    python -m grader autograde a1_two_layer_network [--student ID ...] [--jobs N | --scheduler ADDRESS]
                                                    [--unsandboxed]
"""
import contextlib
import functools
import json
import multiprocessing
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

import nbformat
from tqdm import tqdm

from grader import parallel, provenance, sandbox
from grader.preprocessors import KERNEL_STOPPED, cell_seconds, exercise_of, run_graded

DISABLED_CELL = (
    'raise RuntimeError("The grader disabled this cell: running it stopped the Python kernel '
    '(os._exit, for example), so nothing after it could run.")\n'
)


def nbgrader_env():
    """The environment to run nbgrader in: it calls alembic, which lives next to the Python that runs it."""
    return dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""),
                MPLBACKEND="Agg")


# nbgrader, and what grading imports (the reference solutions' NumPy, matplotlib and scikit-learn),
# take seconds to import. Each nbgrader command runs in a process of its own (it changes the
# directory and the environment, and a hung one must be killed), forked from a server process that
# has imported them once: every student saves that start-up (tools/bench.py measures it).
_FORKS = multiprocessing.get_context("forkserver")
_FORKS.set_forkserver_preload([
    "nbgrader.apps.nbgraderapp", "nbgrader.converters.autograde", "nbgrader.preprocessors", "nbconvert",
    "nbclient", "jupyter_client", "numpy", "matplotlib.pyplot", "sklearn.datasets", "sklearn.linear_model",
    "h5py", "PIL.Image", "helpers.checks", "helpers.datasets", "helpers.plotting", "helpers.planar_utils",
    "helpers.dnn_utils", "helpers.images", "helpers.public_tests", "helpers.testCases", "grader.preprocessors"])
# The server imports matplotlib and NumPy before nbgrader's environment is set: grading never shows a
# figure, and the instructor's solutions judged in nbgrader's processes use one BLAS thread, as the
# kernels do, so that workers side by side do not oversubscribe the cores.
os.environ.setdefault("MPLBACKEND", "Agg")
for _blas in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_blas, "1")


def _nbgrader_child(args, cwd, env, log):
    """The body of a forked nbgrader process: its own session (so that it can be killed with its kernel)."""
    os.setsid()
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    from nbgrader.apps.nbgraderapp import NbGraderApp

    sys.argv = ["nbgrader", *args]
    NbGraderApp.launch_instance(argv=args)


def run_nbgrader(args, cwd, timeout=None):
    """
    Runs `nbgrader <args>` in `cwd`; returns (exit code, or None if it ran past `timeout`
    seconds and was killed with the kernel it started, output).
    """
    with tempfile.NamedTemporaryFile(prefix="nnfs-nbgrader-", suffix=".log") as log:
        if multiprocessing.current_process().daemon:
            # A daemonic process may not fork children of its own: start nbgrader anew.
            process = subprocess.Popen([sys.executable, "-m", "nbgrader", *args], cwd=cwd, env=nbgrader_env(),
                                       stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                       start_new_session=True)
            try:
                code = process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                code = None
        else:
            process = _FORKS.Process(target=_nbgrader_child, args=(args, str(cwd), nbgrader_env(), log.name))
            process.start()
            process.join(timeout)
            code = process.exitcode
        if code is None:
            os.killpg(process.pid, signal.SIGKILL)
            if isinstance(process, subprocess.Popen):
                process.wait()
            else:
                process.join()
        return code, pathlib.Path(log.name).read_text(encoding="utf-8", errors="replace")


@dataclass
class StudentResult:
    """The grade of one student for one assignment, by exercise, with the grader's notes."""
    student: str
    score: float = None
    max_score: float = 0.0
    by_exercise: dict = field(default_factory=dict)  # exercise -> (score, max_score)
    failures: dict = field(default_factory=dict)  # exercise -> first line of the grader's message
    flagged: list = field(default_factory=list)  # exercises whose cells the grader had to restore, stop or disable
    notes: list = field(default_factory=list)
    seconds: float = 0.0
    unsandboxed: bool = False

    @property
    def graded(self):
        return self.score is not None


@dataclass
class Limits:
    """The time limits of a batch, from the solutions' own run (calibrate)."""
    cell: float
    notebook: float
    retry_cell: float
    reference_slowest_cell: float = 0.0
    reference_total: float = 0.0

    def describe(self):
        return (f"time limits: {self.cell:.0f} s per cell, {self.notebook:.0f} s per notebook "
                f"(the solutions took {self.reference_slowest_cell:.2f} s in their slowest cell, "
                f"{self.reference_total:.1f} s in all)")


class CourseGrader:
    """
    Grades the submissions of one assignment in an nbgrader course directory.

    Arguments:
    course_dir -- the course directory (holding nbgrader_config.py and the gradebook)
    assignment -- the assignment id
    unsandboxed -- grade without the sandbox (every report line then says UNSANDBOXED);
                   without it, grading refuses to start where no sandbox can be had
    db_url -- the gradebook (default: the one of the course's configuration)
    factor, cell_floor, notebook_floor -- the time limits: each at least the floor and
                   `factor` times what the solutions needed (calibrate)
    """

    def __init__(self, course_dir, assignment, unsandboxed=False, db_url=None, factor=10, cell_floor=10,
                 notebook_floor=120):
        self.course_dir = pathlib.Path(course_dir).resolve()
        self.assignment = assignment
        self._db_url = db_url
        self.isolation = sandbox.isolation(unsandboxed)
        self.unsandboxed = self.isolation == "UNSANDBOXED"
        self.factor, self.cell_floor, self.notebook_floor = factor, cell_floor, notebook_floor
        self.limits = None
        self.log_dir = self.course_dir / "logs"
        self.log_dir.mkdir(exist_ok=True)
        self._load_assignment()

    # -- the gradebook -----------------------------------------------------------------------

    @functools.cached_property
    def _config(self):
        """The course's nbgrader configuration, read once."""
        from traitlets.config.loader import PyFileConfigLoader

        # The configuration puts its course on sys.path, for nbgrader; not in this process, whose
        # nbgrader processes fork from a server that keeps the path it started with.
        path = list(sys.path)
        try:
            return PyFileConfigLoader("nbgrader_config.py", path=str(self.course_dir)).load_config()
        finally:
            sys.path[:] = path

    def db_url(self):
        """The gradebook: the one given, or the one of the course's configuration (SQLite by default)."""
        return self._db_url or self._config.CourseDirectory.get(
            "db_url", "sqlite:///" + str(self.course_dir / "gradebook.db"))

    def course_id(self):
        return self._config.CourseDirectory.get("course_id", "default_course")

    def _gradebook(self):
        from nbgrader.api import Gradebook

        return Gradebook(self.db_url(), self.course_id())

    def _load_assignment(self):
        """Reads the assignment's notebooks and cells from the gradebook."""
        with self._gradebook() as gb:
            assignment = gb.find_assignment(self.assignment)
            self.notebooks = {}
            for nb in assignment.notebooks:
                self.notebooks[nb.name] = {
                    "source_cells": {c.name: c.source for c in nb.source_cells},
                    "order": self._grade_ids_in_order(nb.name),
                    "grade_cells": {c.name: c.max_score for c in nb.grade_cells},
                }

    def _grade_ids_in_order(self, name):
        release = nbformat.read(self._release_notebook(name), as_version=4)
        return [c.metadata["nbgrader"]["grade_id"] for c in release.cells if "nbgrader" in c.metadata]

    def exercises(self):
        """The exercises of the assignment, in notebook order (test cells named <exercise>_tests)."""
        return [exercise_of(g) for info in self.notebooks.values() for g in info["order"]
                if g in info["grade_cells"]]

    # -- time limits -------------------------------------------------------------------------

    def calibrate(self):
        """
        Sets the time limits from the solutions' own run, in the sandbox, on this machine and
        under its current load: `factor` times the slowest cell (at least `cell_floor`) per
        cell, `factor` times the whole run (at least `notebook_floor`) per notebook.
        """
        slowest = total = 0.0
        for name in self.notebooks:
            source = self.course_dir / "source" / self.assignment / f"{name}.ipynb"
            with tempfile.TemporaryDirectory(prefix="nnfs-calibrate-") as folder:
                shutil.copytree(source.parent, folder, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("*.ipynb"))
                started = time.monotonic()
                nb, _ = run_graded(nbformat.read(source, as_version=4), self.course_dir, self.assignment,
                                   folder, cell_timeout=600, sandboxed=not self.unsandboxed)
                total += time.monotonic() - started
            slowest = max([slowest] + [cell_seconds(c) for c in nb.cells])
        self.limits = Limits(cell=max(self.cell_floor, self.factor * slowest),
                             notebook=max(self.notebook_floor, self.factor * total),
                             retry_cell=max(2.0, 3 * slowest), reference_slowest_cell=slowest,
                             reference_total=total)
        return self.limits

    # -- running nbgrader --------------------------------------------------------------------

    def _nbgrader(self, *args, timeout=None, log_name=None):
        """Runs an nbgrader command in the course directory; returns (exit code or None on timeout, output)."""
        args = list(args)
        if self.unsandboxed:
            args.append("--SandboxKernelManager.enabled=False")
        if self._db_url:
            args.append(f"--CourseDirectory.db_url={self._db_url}")
        code, output = run_nbgrader(args, self.course_dir, timeout)
        if log_name:
            (self.log_dir / log_name).write_text(output, encoding="utf-8")
        return code, output

    # -- before grading ----------------------------------------------------------------------

    def _submission_dir(self, student):
        return self.course_dir / "submitted" / student / self.assignment

    def _release_notebook(self, name):
        return self.course_dir / "release" / self.assignment / f"{name}.ipynb"

    def _autograded_notebook(self, student, name):
        return self.course_dir / "autograded" / student / self.assignment / f"{name}.ipynb"

    def _keep_original(self, path):
        backup = path.with_name(path.name + ".orig")
        if not backup.exists():
            shutil.copy2(path, backup)
        return backup

    def preflight(self, student):
        """Makes each submitted notebook gradable, keeping the original beside it; returns notes."""
        notes = []
        for name, info in self.notebooks.items():
            path = self._submission_dir(student) / f"{name}.ipynb"
            if not path.exists():
                notes.append(f"{name}.ipynb was not submitted: 0 points for it")
                continue
            try:
                nb = nbformat.read(path, as_version=4)
                nbformat.validate(nb)
            except Exception as error:  # any reason the file cannot be graded as a notebook
                reason = str(error).splitlines()[0][:120]
                shutil.move(path, path.with_name(path.name + ".unreadable"))
                shutil.copy2(self._release_notebook(name), path)
                notes.append(f"{name}.ipynb is not a readable notebook ({reason}); graded as the blank "
                             f"release (0 points)")
                continue
            known = set(info["source_cells"])
            renamed = []
            for cell in nb.cells:
                meta = cell.metadata.get("nbgrader")
                if meta is None:
                    continue
                grade_id = meta.get("grade_id")
                if grade_id not in known or (meta.get("grade") and "points" not in meta):
                    renamed.append(str(grade_id))
                    del cell.metadata["nbgrader"]
            if renamed:
                self._keep_original(path)
                nbformat.write(nb, path)
                notes.append(f"edited nbgrader metadata ({', '.join(renamed)}: not a grade_id of the "
                             f"assignment); such cells were graded as ordinary cells and the original "
                             f"test cells put back")
        return notes

    # -- recovering from a stopped kernel ----------------------------------------------------

    def _disable_stopped_cell(self, student):
        """Disables the cell during which the kernel stopped; returns a note, or None if there is none."""
        for name, info in self.notebooks.items():
            graded = self._autograded_notebook(student, name)
            if not graded.exists():
                continue
            stopped = next((c for c in nbformat.read(graded, as_version=4).cells
                            if any(o.get("ename") == KERNEL_STOPPED for o in c.get("outputs", []))), None)
            if stopped is None:
                continue
            path = self._submission_dir(student) / f"{name}.ipynb"
            nb = nbformat.read(path, as_version=4)
            grade_id = stopped.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id in info["grade_cells"]:
                # A test cell cannot be changed: disable the solution whose function stopped the kernel.
                target = exercise_of(grade_id)
                where = f"when its test cell ran, so the solution cell '{target}' was disabled"
                index = next((i for i, c in enumerate(nb.cells)
                              if c.metadata.get("nbgrader", {}).get("grade_id") == target), None)
            else:
                index = next((i for i, c in enumerate(nb.cells)
                              if c.get("id") == stopped.get("id") or c.source == stopped.source), None)
                where = (f"in {'solution cell ' + repr(grade_id) if grade_id else 'cell %d' % (index + 1)}, "
                         f"which was disabled") if index is not None else ""
            if index is None or nb.cells[index].source.startswith(DISABLED_CELL):
                return None
            self._keep_original(path)
            nb.cells[index].source = DISABLED_CELL + "\n# " + "\n# ".join(nb.cells[index].source.splitlines())
            nbformat.write(nb, path)
            return f"the Python kernel stopped {where}; the notebook was graded again without it"
        return None

    # -- grading -----------------------------------------------------------------------------

    def autograde_student(self, student):
        """Autogrades one student as far as possible; never raises for a bad submission."""
        if self.limits is None:
            self.calibrate()
        result = StudentResult(student, unsandboxed=self.unsandboxed)
        started = time.monotonic()
        try:
            result.notes.extend(self.preflight(student))
            cell_timeout = self.limits.cell
            for attempt in range(5):
                args = ["autograde", self.assignment, "--student", student, "--force",
                        f"--Execute.timeout={int(round(cell_timeout))}"]
                code, output = self._nbgrader(*args, timeout=self.limits.notebook,
                                              log_name=f"autograde-{self.assignment}-{student}.log")
                if code == 0:
                    note = self._disable_stopped_cell(student)
                    if note is None:
                        break
                    result.notes.append(note)
                    continue
                if code is None and cell_timeout > self.limits.retry_cell:
                    result.notes.append(
                        f"grading ran past the limit of {self.limits.notebook:.0f} s for a whole notebook; "
                        f"graded again with a limit of {self.limits.retry_cell:.0f} s per cell")
                    cell_timeout = self.limits.retry_cell
                    continue
                reason = "time limit" if code is None else _last_error(output)
                result.notes.append(f"could not be graded ({reason}); see logs/autograde-"
                                    f"{self.assignment}-{student}.log")
                break
            else:
                result.notes.append("could not be graded: the kernel kept stopping")
            self._collect(result)
            if result.graded:
                provenance.record(self, result)
        except Exception as error:  # report, and let the batch go on
            result.notes.append(f"grading failed: {type(error).__name__}: {error}")
        result.seconds = time.monotonic() - started
        return result

    def _collect(self, result):
        """Reads the student's grades from the gradebook and the notes from the graded notebooks."""
        self._collect_grades(result)
        for name, info in self.notebooks.items():
            self._read_graded_notebook(result, name, info)

    def _collect_grades(self, result):
        from nbgrader.api import MissingEntry

        with self._gradebook() as gb:
            for name in self.notebooks:
                try:
                    submitted = gb.find_submission_notebook(name, self.assignment, result.student)
                except MissingEntry:
                    continue
                for grade in submitted.grades:
                    exercise = exercise_of(grade.name)
                    if grade.needs_manual_grade and exercise not in result.flagged:
                        result.flagged.append(exercise)
                    score = grade.score if grade.score is not None else 0.0
                    old = result.by_exercise.get(exercise, (0.0, 0.0))
                    result.by_exercise[exercise] = (old[0] + score, old[1] + grade.max_score)
                result.score = (result.score or 0.0) + submitted.score
                result.max_score += submitted.max_score

    def _read_graded_notebook(self, result, name, info):
        path = self._autograded_notebook(result.student, name)
        if not path.exists():
            return
        nb = nbformat.read(path, as_version=4)
        restored, timed_out, shortened = [], [], False
        for number, cell in enumerate(nb.cells, start=1):
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id in info["grade_cells"] and "was missing from the submission" in cell.source:
                restored.append(grade_id)
            for output in cell.get("outputs", []):
                text = output.get("text", "") if output.output_type == "stream" else ""
                if "characters of output removed" in text or "Output truncated" in text:
                    shortened = True
                if output.output_type == "error":
                    if "Timeout" in output.ename or "did not finish within the time limit" in output.evalue:
                        timed_out.append(grade_id or f"cell {number} (not graded)")
                    if grade_id in info["grade_cells"]:
                        result.failures.setdefault(exercise_of(grade_id), _error_line(output))
        blocked = list(dict.fromkeys(b for cell in nb.cells for o in cell.get("outputs", [])
                                     if o.output_type == "error" for b in [blocked_by_sandbox(o)] if b))
        if blocked and not self.unsandboxed:
            result.notes.append("blocked by the sandbox: " + "; ".join(blocked[:5]))
        edited = self._edited_test_cells(result.student, name, info)
        disabled = [grade_id for cell in nb.cells for grade_id in [cell.metadata.get("nbgrader", {}).get("grade_id")]
                    if grade_id and cell.source.startswith(DISABLED_CELL)]
        for cell in restored + edited + disabled + [t for t in timed_out if t in info["grade_cells"]]:
            if exercise_of(cell) not in result.flagged:
                result.flagged.append(exercise_of(cell))
        if restored:
            result.notes.append(f"deleted test cell(s) {', '.join(restored)} were put back and run")
        if edited:
            result.notes.append(f"edited test cell(s) {', '.join(edited)} were replaced by the originals")
        if timed_out:
            result.notes.append(f"interrupted after the time limit per cell: {', '.join(dict.fromkeys(timed_out))}")
        if shortened:
            result.notes.append("very long output was shortened in the graded notebook")

    def _edited_test_cells(self, student, name, info):
        """Test cells whose source or points differ from the release, in the original submission."""
        path = self._submission_dir(student) / f"{name}.ipynb"
        original = path.with_name(path.name + ".orig")
        path = original if original.exists() else path
        if path.with_name(path.name.replace(".orig", "") + ".unreadable").exists():
            return []
        submitted = nbformat.read(path, as_version=4)
        released = nbformat.read(self._release_notebook(name), as_version=4)
        visible = {c.metadata.nbgrader["grade_id"]: c.source for c in released.cells
                   if c.metadata.get("nbgrader", {}).get("grade")}
        edited = []
        for cell in submitted.cells:
            meta = cell.metadata.get("nbgrader", {})
            grade_id = meta.get("grade_id")
            if grade_id in visible and (cell.source != visible[grade_id]
                                        or meta.get("points") != info["grade_cells"][grade_id]):
                edited.append(grade_id)
        return edited

    def students(self):
        """Every student with a submission of this assignment."""
        folder = self.course_dir / "submitted"
        return sorted(p.name for p in folder.iterdir() if (p / self.assignment).is_dir()) if folder.is_dir() else []

    def jobs(self, students):
        """The tasks of a batch (grader.parallel.Job): each student's submission, read here."""
        from nbgrader.api import MissingEntry

        jobs = []
        with self._gradebook() as gb:
            for student in students:
                folder = self._submission_dir(student)
                files = {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
                         if p.is_file()}
                try:
                    extension = gb.find_submission(self.assignment, student).extension
                except MissingEntry:
                    extension = None
                jobs.append(parallel.Job(str(self.course_dir), self.assignment, student, files, self.limits,
                                         self.unsandboxed, self.course_id(),
                                         extension.total_seconds() if extension else None))
        return jobs

    def merge(self, graded):
        """Puts what a task sent back into the course: the gradebook rows and the files, replacing older ones."""
        student = graded.result.student
        if graded.rows is None:
            return
        with self._gradebook() as gb:
            parallel.merge_into(gb, self.assignment, student, graded.rows)
        shutil.rmtree(self.course_dir / "autograded" / student / self.assignment, ignore_errors=True)
        for relative, data in graded.files.items():
            path = self.course_dir / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)

    def grade_all(self, students=None, jobs=None, scheduler=None, workers=None, report=tqdm.write):
        """
        Autogrades every student (or the given ones) and returns their results in that order.

        The students are graded on `jobs` workers of this machine (default: one per core), on
        the Dask cluster at `scheduler`, or on `workers` (an open grader.parallel.Workers, to
        share one cluster between batches). Their grades reach the gradebook here, one by one.
        """
        students = self.students() if students is None else list(students)
        if self.limits is None:
            self.calibrate()
        with tempfile.TemporaryDirectory(prefix="nnfs-template-") as folder:
            template = parallel.template_gradebook(self.db_url(), self.assignment, self.course_id(),
                                                   pathlib.Path(folder) / "gradebook.db")
        with contextlib.ExitStack() as stack:
            if workers is None:
                # No more local workers than students: one student is graded in this process.
                jobs = max(1, min(jobs or parallel.available_cores(), len(students)))
                workers = stack.enter_context(parallel.Workers(jobs, scheduler))
            if report:
                report(f"Isolation: {self.isolation}; {self.limits.describe()}")
                report(f"Grading {len(students)} submission(s) of {self.assignment} on {workers.describe()}")
            results, started = {}, time.monotonic()
            # The bar shows on a terminal; the report lines carry the same count and time left everywhere.
            bar = stack.enter_context(tqdm(total=len(students), unit="student", desc=self.assignment,
                                           disable=None, leave=False))
            for graded in workers.grade(self.jobs(students), template):
                self.merge(graded)
                results[graded.result.student] = graded.result
                bar.update()
                if report:
                    left = _time_left(len(results), len(students), time.monotonic() - started)
                    report(f"[{len(results)}/{len(students)}{left}] {summary_line(graded.result)}")
        return [results[s] for s in students]

    def class_results(self, fresh):
        """
        The results of every student with a submission: those just graded (`fresh`), and the
        others as the gradebook and their provenance records have them.
        """
        known = {r.student: r for r in fresh}
        results = []
        for student in self.students():
            if student not in known:
                known[student] = StudentResult(student, unsandboxed=self.unsandboxed)
                record = provenance.record_path(self.course_dir, self.assignment, student)
                if record.exists():
                    known[student].flagged = json.loads(record.read_text(encoding="utf-8")).get("flagged", [])
                    self._collect_grades(known[student])
            results.append(known[student])
        return results

    def generate_feedback(self):
        """Writes feedback HTML for every graded student; returns the feedback directory."""
        code, output = self._nbgrader("generate_feedback", self.assignment, "--force",
                                      log_name=f"feedback-{self.assignment}.log")
        if code != 0:
            raise RuntimeError(f"nbgrader generate_feedback failed: {_last_error(output)}")
        return self.course_dir / "feedback"

    def export_grades(self, to="grades.csv"):
        """Exports the gradebook to a CSV file; returns its path."""
        code, output = self._nbgrader("export", f"--to={to}", log_name="export.log")
        if code != 0:
            raise RuntimeError(f"nbgrader export failed: {_last_error(output)}")
        return self.course_dir / to


def blocked_by_sandbox(output):
    """What an error output of a student's cell says the sandbox denied it, in a few words, or None."""
    text = f"{output.get('ename', '')}: {output.get('evalue', '')}"
    path = re.search(r"(?:: |\b)'(/[^']*|\.\.[^']*)'", text)
    where = f" {path.group(1)}" if path else ""
    if output.get("ename") == "MemoryError":
        return "ran into the memory limit"
    if "Network is unreachable" in text or "Temporary failure in name resolution" in text \
            or "Name or service not known" in text:
        return "tried to use the network: denied"
    if "Resource temporarily unavailable" in text and output.get("ename") in ("BlockingIOError", "OSError"):
        return "ran into the process limit"
    if "File too large" in text or "No space left on device" in text or "Disk quota" in text:
        return "ran into the disk limit"
    if "unable to open database file" in text:
        return "tried to open a database outside its folder: not in the sandbox"
    if output.get("ename") in ("FileNotFoundError", "PermissionError", "OSError", "IsADirectoryError") and (
            "Read-only file system" in text or "Permission denied" in text
            or (path and (path.group(1).startswith("..") or not path.group(1).startswith("/home/student")))):
        return f"tried to reach{where}: not in the sandbox"
    return None


def _time_left(done, total, elapsed):
    """', about 3 min left' at the rate so far ('' at the end)."""
    if done >= total:
        return ""
    left = elapsed / done * (total - done)
    return f", about {left / 60:.0f} min left" if left >= 90 else f", about {left:.0f} s left"


def _error_line(output):
    text = f"{output.ename}: {output.evalue}".strip()
    return text.splitlines()[0][:160] if text else output.ename


def _last_error(output):
    errors = [line for line in output.splitlines()
              if "| ERROR]" in line and "There was an error processing" not in line
              and "Please see the" not in line]
    return errors[-1].split("]", 1)[1].strip()[:160] if errors else "nbgrader failed"


def summary_line(result):
    """One line for one student: the score, and what the grader had to do."""
    score = f"{result.score:g} / {result.max_score:g}" if result.graded else "not graded"
    line = ("UNSANDBOXED " if result.unsandboxed else "") + f"{result.student}: {score}"
    if result.notes:
        line += " -- " + "; ".join(result.notes)
    return line


def grade_table(results, exercises):
    """A text table of the points of each student in each exercise (numbered, with a legend, when names are long)."""
    width = max([len("(points)")] + [len(r.student) for r in results])
    numbered = any(len(e) > 12 for e in exercises)
    columns = [f"ex{i}" for i in range(1, len(exercises) + 1)] if numbered else list(exercises)
    widths = [max(len(c), 5) for c in columns]
    lines = ["  ".join(["student".ljust(width)] + [c.rjust(w) for c, w in zip(columns, widths)]
                       + ["total".rjust(9)])]
    maxima = {}
    for r in results:
        for e, (_, m) in r.by_exercise.items():
            maxima[e] = m
    lines.append("  ".join(["(points)".ljust(width)] + [f"{maxima.get(e, 0):g}".rjust(w)
                                                        for e, w in zip(exercises, widths)]
                           + [f"{sum(maxima.values()):g}".rjust(9)]))
    for r in results:
        cells = [f"{r.by_exercise[e][0]:g}".rjust(w) if e in r.by_exercise else "-".rjust(w)
                 for e, w in zip(exercises, widths)]
        total = f"{r.score:g}" if r.graded else "-"
        lines.append("  ".join([r.student.ljust(width)] + cells + [total.rjust(9)]))
    if numbered:
        lines.append("")
        lines.append("  ".join(f"ex{i} {e}" for i, e in enumerate(exercises, start=1)))
    return "\n".join(lines)
