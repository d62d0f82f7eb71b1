"""
Autograding that survives bad submissions.

``nbgrader autograde`` grades one student at a time, but a few kinds of
submission make it give up on that student with no grade at all, and others
make it hang. This module runs it one student at a time in a subprocess and
deals with each case, so that every submission is graded as far as it can be
and reported in one line, and the batch always goes on:

* a file that is not a readable notebook is kept aside and graded as the blank
  release (0 points);
* cells whose nbgrader metadata was edited (a renamed ``grade_id``, say) are
  treated as ordinary cells, and nbgrader puts the real test cells back;
* a cell that stops the kernel (``os._exit``) is found, disabled, and the
  notebook graded again;
* a notebook that runs longer than the limit for a whole notebook is stopped
  and graded again with a short limit for each cell;
* deleted or edited test cells, interrupted cells and shortened outputs are
  reported;
* code that could make the tests pass without solving the exercises (changing
  the attributes of a module such as numpy or helpers, touching builtins or the
  kernel) is reported for review by hand: tests that run in the student's own
  kernel cannot defend themselves against it, but the grader can point at it.

Usage, from the course directory::

    python -m helpers.grading a1_two_layer_network [--notebook-timeout 600]
"""
import argparse
import contextlib
import os
import pathlib
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field

import nbformat

TEST_SUFFIX = "_tests"
DISABLED_CELL = (
    'raise RuntimeError("The grader disabled this cell: running it stopped the Python kernel '
    '(os._exit, for example), so nothing after it could run.")\n'
)


def nbgrader_env():
    """The environment to run nbgrader in: it calls alembic, which lives next to the Python that runs it."""
    return dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))


@dataclass
class StudentResult:
    """The grade of one student for one assignment, by exercise, with the grader's notes."""
    student: str
    score: float = None
    max_score: float = 0.0
    by_exercise: dict = field(default_factory=dict)  # exercise -> (score, max_score)
    failures: dict = field(default_factory=dict)  # exercise -> first line of the error
    notes: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def graded(self):
        return self.score is not None


class CourseGrader:
    """
    Grades the submissions of one assignment in an nbgrader course directory.

    Arguments:
    course_dir -- the course directory (holding nbgrader_config.py and gradebook.db)
    assignment -- the assignment id
    notebook_timeout -- seconds allowed for autograding one student's notebooks
    retry_cell_timeout -- seconds per cell when a notebook is graded again after running out of time
    """

    def __init__(self, course_dir, assignment, notebook_timeout=600, retry_cell_timeout=5):
        self.course_dir = pathlib.Path(course_dir).resolve()
        self.assignment = assignment
        self.notebook_timeout = notebook_timeout
        self.retry_cell_timeout = retry_cell_timeout
        self.log_dir = self.course_dir / "logs"
        self.log_dir.mkdir(exist_ok=True)
        self._load_assignment()

    # -- the gradebook -----------------------------------------------------------------------

    def _gradebook(self):
        from nbgrader.api import Gradebook
        from traitlets.config.loader import PyFileConfigLoader

        # The gradebook named in the course's configuration (SQLite by default).
        config = PyFileConfigLoader("nbgrader_config.py", path=str(self.course_dir)).load_config()
        default = "sqlite:///" + str(self.course_dir / "gradebook.db")
        return Gradebook(config.CourseDirectory.get("db_url", default))

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
                    "solution_cells": [c.name for c in nb.solution_cells],
                }

    def _grade_ids_in_order(self, name):
        release = nbformat.read(self._release_notebook(name), as_version=4)
        return [c.metadata["nbgrader"]["grade_id"] for c in release.cells if "nbgrader" in c.metadata]

    def exercises(self):
        """The exercises of the assignment, in notebook order (test cells named <exercise>_tests)."""
        names = []
        for info in self.notebooks.values():
            for grade_id in info["order"]:
                if grade_id in info["grade_cells"]:
                    names.append(_exercise(grade_id))
        return names

    # -- running nbgrader --------------------------------------------------------------------

    def _nbgrader(self, *args, timeout=None, log_name=None):
        """Runs an nbgrader command in the course directory; returns (exit code or None on timeout, output)."""
        command = [sys.executable, "-m", "nbgrader", *args]
        started = subprocess.Popen(command, cwd=self.course_dir, env=nbgrader_env(), stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True, text=True, errors="replace")
        try:
            output, _ = started.communicate(timeout=timeout)
            code = started.returncode
        except subprocess.TimeoutExpired:
            # Stop nbgrader and the kernel it started (same process group).
            os.killpg(started.pid, 9)
            output, _ = started.communicate()
            code = None
        if log_name:
            (self.log_dir / log_name).write_text(output, encoding="utf-8")
        return code, output

    # -- before grading ----------------------------------------------------------------------

    def _submission_dir(self, student):
        return self.course_dir / "submitted" / student / self.assignment

    def _release_notebook(self, name):
        return self.course_dir / "release" / self.assignment / f"{name}.ipynb"

    def _keep_original(self, path):
        backup = path.with_name(path.name + ".orig")
        if not backup.exists():
            shutil.copy2(path, backup)
        return backup

    def preflight(self, student):
        """
        Makes each submitted notebook gradable, keeping the original beside it; returns notes.
        """
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
                kept = path.with_name(path.name + ".unreadable")
                shutil.move(path, kept)
                shutil.copy2(self._release_notebook(name), path)
                notes.append(f"{name}.ipynb is not a readable notebook ({reason}); graded as the blank "
                              f"release (0 points); the file is kept as {kept.name}")
                continue
            review = []
            for index, cell in enumerate(nb.cells, start=1):
                meta = cell.metadata.get("nbgrader", {})
                if cell.cell_type == "code" and not meta.get("grade"):
                    where = meta.get("grade_id") or f"cell {index}"
                    review += [f"{where} {finding}" for finding in suspicious_code(cell.source)]
            if review:
                notes.append(f"REVIEW BY HAND, code that could fool the tests: {'; '.join(review)}")
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

    # -- recovering from a dead kernel -------------------------------------------------------

    def _cell_that_kills_kernel(self, path, info):
        """
        Runs the notebook as the autograder would (test cells as in the source) and returns the
        index of the cell during which the kernel died, or None.
        """
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id in info["grade_cells"]:
                cell.source = info["source_cells"][grade_id]
        client = NotebookClient(nb, timeout=30, allow_errors=True, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}})
        with _kernel_stderr_silenced(), client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                try:
                    client.execute_cell(cell, index)
                except DeadKernelError:
                    return index
                except (CellExecutionError, CellTimeoutError):
                    continue
        return None

    def _disable_kernel_killer(self, student):
        """Finds and disables the cell that stops the kernel; returns a note, or None if none was found."""
        for name, info in self.notebooks.items():
            path = self._submission_dir(student) / f"{name}.ipynb"
            if not path.exists():
                continue
            index = self._cell_that_kills_kernel(path, info)
            if index is None:
                continue
            nb = nbformat.read(path, as_version=4)
            cell = nb.cells[index]
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id in info["grade_cells"]:
                # A test cell cannot be changed; disable the solution it calls instead.
                exercise = _exercise(grade_id)
                target = next((i for i, c in enumerate(nb.cells)
                               if c.metadata.get("nbgrader", {}).get("grade_id") == exercise), None)
                if target is None:
                    return None
                index, where = target, f"when its test cell ran, so the solution cell '{exercise}' was disabled"
            else:
                where = f"in {'solution cell ' + repr(grade_id) if grade_id else 'cell %d' % (index + 1)}, " \
                        f"which was disabled"
            self._keep_original(path)
            nb.cells[index].source = DISABLED_CELL + "\n# " + "\n# ".join(nb.cells[index].source.splitlines())
            nbformat.write(nb, path)
            return f"the Python kernel stopped {where}; the notebook was graded again without it"
        return None

    # -- grading -----------------------------------------------------------------------------

    def autograde_student(self, student):
        """Autogrades one student as far as possible; never raises for a bad submission."""
        result = StudentResult(student)
        started = time.monotonic()
        try:
            result.notes.extend(self.preflight(student))
            cell_timeout = None
            for attempt in range(4):
                args = ["autograde", self.assignment, "--student", student, "--force"]
                if cell_timeout:
                    args.append(f"--Execute.timeout={cell_timeout}")
                code, output = self._nbgrader(*args, timeout=self.notebook_timeout,
                                              log_name=f"autograde-{self.assignment}-{student}.log")
                if code == 0:
                    break
                if code is None and cell_timeout is None:
                    result.notes.append(
                        f"grading ran past the limit of {self.notebook_timeout} s for a whole notebook; "
                        f"graded again with a limit of {self.retry_cell_timeout} s per cell")
                    cell_timeout = self.retry_cell_timeout
                    continue
                if code is not None and "Kernel died" in output:
                    note = self._disable_kernel_killer(student)
                    if note:
                        result.notes.append(note)
                        continue
                reason = "time limit" if code is None else _last_error(output)
                result.notes.append(f"could not be graded ({reason}); see logs/autograde-"
                                    f"{self.assignment}-{student}.log")
                break
            self._collect(result)
        except Exception as error:  # report, and let the batch go on
            result.notes.append(f"grading failed: {type(error).__name__}: {error}")
        result.seconds = time.monotonic() - started
        return result

    def _collect(self, result):
        """Reads the student's grades from the gradebook and the notes from the graded notebooks."""
        from nbgrader.api import MissingEntry

        with self._gradebook() as gb:
            for name, info in self.notebooks.items():
                try:
                    submitted = gb.find_submission_notebook(name, self.assignment, result.student)
                except MissingEntry:
                    continue
                for grade in submitted.grades:
                    exercise = _exercise(grade.name)
                    score = grade.score if grade.score is not None else 0.0
                    old = result.by_exercise.get(exercise, (0.0, 0.0))
                    result.by_exercise[exercise] = (old[0] + score, old[1] + grade.max_score)
                result.score = (result.score or 0.0) + submitted.score
                result.max_score += submitted.max_score
        for name, info in self.notebooks.items():
            self._read_graded_notebook(result, name, info)

    def _read_graded_notebook(self, result, name, info):
        path = self.course_dir / "autograded" / result.student / self.assignment / f"{name}.ipynb"
        if not path.exists():
            return
        nb = nbformat.read(path, as_version=4)
        restored, timed_out, shortened = [], [], False
        for cell in nb.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id in info["grade_cells"] and "was missing from the submission" in cell.source:
                restored.append(grade_id)
            for output in cell.get("outputs", []):
                text = output.get("text", "") if output.output_type == "stream" else ""
                if "characters of output removed" in text or "Output truncated" in text:
                    shortened = True
                if output.output_type == "error":
                    if output.ename in ("CellTimeoutError", "TimeoutError") or "Timeout" in output.ename:
                        timed_out.append(grade_id or f"cell {nb.cells.index(cell) + 1} (not graded)")
                    if grade_id in info["grade_cells"]:
                        result.failures.setdefault(_exercise(grade_id), _error_line(output))
        edited = self._edited_test_cells(result.student, name, info)
        if restored:
            result.notes.append(f"deleted test cell(s) {', '.join(restored)} were put back and run")
        if edited:
            result.notes.append(f"edited test cell(s) {', '.join(edited)} were replaced by the originals")
        if timed_out:
            result.notes.append(f"interrupted after the time limit per cell: {', '.join(timed_out)}")
        if shortened:
            result.notes.append("very long output was shortened in the graded notebook")

    def _edited_test_cells(self, student, name, info):
        """Test cells whose source or points differ from the release, in the original submission."""
        path = self._submission_dir(student) / f"{name}.ipynb"
        original = path.with_name(path.name + ".orig")
        path = original if original.exists() else path
        release = self._release_notebook(name)
        try:
            submitted = nbformat.read(path, as_version=4)
            released = nbformat.read(release, as_version=4)
        except Exception:
            return []
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

    def grade_all(self, students=None, report=print):
        """Autogrades every student (or the given ones); returns their results in order."""
        if students is None:
            students = sorted(p.name for p in (self.course_dir / "submitted").iterdir()
                              if (p / self.assignment).is_dir())
        results = []
        for student in students:
            result = self.autograde_student(student)
            results.append(result)
            if report:
                report(summary_line(result))
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


@contextlib.contextmanager
def _kernel_stderr_silenced():
    """Sends the stderr of processes started meanwhile (the kernel's log lines) to /dev/null."""
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


# Modules a submission has no business changing: the tests rely on them.
GUARDED_MODULES = {"np", "numpy", "helpers", "public_tests", "test_cases", "builtins", "__builtins__",
                   "sys", "os", "importlib", "warnings", "math", "scipy"}
SUSPICIOUS_CALLS = {"setattr", "delattr", "__import__", "exec", "eval", "compile", "get_ipython",
                    "globals", "_exit"}


def suspicious_code(source):
    """
    What in a cell's code could fool the tests that run after it, as short descriptions:
    assignments to attributes of modules (np.allclose = ..., helpers.checks.fail = ...),
    and calls such as setattr, exec or os._exit. Code that does not parse gives nothing.
    """
    import ast

    try:
        tree = ast.parse("\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))))
    except SyntaxError:
        return []
    modules = set(GUARDED_MODULES)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            modules.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    found = []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, (ast.Assign, ast.Delete)):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            root = target
            while isinstance(root, (ast.Attribute, ast.Subscript)):
                root = root.value
            if isinstance(target, ast.Attribute) and isinstance(root, ast.Name) and root.id in modules:
                found.append(f"assigns to {ast.unparse(target)}")
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in SUSPICIOUS_CALLS:
                found.append(f"calls {ast.unparse(node.func)}")
    return found


def _exercise(grade_id):
    """The exercise a test cell belongs to: sigmoid_tests -> sigmoid."""
    return grade_id[:-len(TEST_SUFFIX)] if grade_id.endswith(TEST_SUFFIX) else grade_id


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
    line = f"{result.student}: {score}"
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


def main(argv=None):
    parser = argparse.ArgumentParser(description="Autograde every submission of an assignment, robustly.")
    parser.add_argument("assignment")
    parser.add_argument("--course", default=".", help="the course directory (default: the current one)")
    parser.add_argument("--notebook-timeout", type=float, default=600,
                        help="seconds allowed for grading one student's notebooks (default 600)")
    parser.add_argument("--student", action="append", help="grade only this student (repeatable)")
    args = parser.parse_args(argv)
    grader = CourseGrader(args.course, args.assignment, notebook_timeout=args.notebook_timeout)
    results = grader.grade_all(args.student)
    print()
    print(grade_table(results, grader.exercises()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
