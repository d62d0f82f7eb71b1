"""
The nbgrader preprocessors of the course's grading pipeline (see nbgrader_config.py).

Autograde runs, in order: ``InjectCases`` (the hidden part of every test cell
becomes a call that hands the grader's cases to the student's functions),
``SandboxedExecute`` (nbgrader's Execute, in the sandboxed kernel), then
``JudgeCases`` (the records are judged in the grader's process and the verdict
written into each test cell's outputs, where nbgrader's SaveAutoGrades scores
it: nothing for a pass, an error with the check's message for a failure), and
nbgrader's own output limits with ``LimitOutputBytes``. Feedback runs
``ScrubHiddenTests``, so that no line of a hidden test reaches a student.
"""
import os
import secrets

from nbclient.exceptions import DeadKernelError
from nbformat.v4 import new_output
from nbgrader.preprocessors import ClearHiddenTests, Execute, NbGraderPreprocessor
from traitlets import Integer, Unicode

from grader import cases as graded_cases
from grader import kernel_side
from grader.sandbox import SandboxKernelManager

KERNEL_SIDE = kernel_side.__file__
SIGNATURE = "nnfs_grader"  # in every line the grader injects, so that outputs echoing it can be found
KERNEL_STOPPED = "KernelStopped"


def grade_id(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def is_test_cell(cell):
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")


def exercise_of(test_id):
    """The exercise a test cell belongs to: sigmoid_tests -> sigmoid."""
    return test_id[:-len("_tests")] if test_id.endswith("_tests") else test_id


class CourseCases(NbGraderPreprocessor):
    """What the course's case preprocessors share: where the course is, and which notebook this is."""

    course_dir = Unicode("", help="the course directory (default: the current one)").tag(config=True)

    def _course(self):
        return self.course_dir or os.getcwd()

    @staticmethod
    def _ids(resources):
        meta = resources.get("nbgrader", {})
        return meta.get("assignment"), meta.get("student") or ""


class InjectCases(CourseCases):
    """Replaces each test cell that has graded cases by the call that hands them to the student's functions."""

    def preprocess(self, nb, resources):
        assignment, student = self._ids(resources)
        tests = graded_cases.tests_of(assignment)
        injected = resources.setdefault("nnfs", {}).setdefault("cells", {})
        with open(KERNEL_SIDE, encoding="utf-8") as f:
            runner = f.read()
        for cell in nb.cells:
            test_id = grade_id(cell)
            if not is_test_cell(cell) or test_id not in tests:
                continue
            cases = graded_cases.draw(assignment, test_id, student)
            token = secrets.token_hex(8)
            injected[test_id] = {"source": cell.source, "cases": cases, "token": token}
            spec = graded_cases.spec(test_id, cases, token)
            cell.source = (f"# {SIGNATURE}: the grader's cases for {exercise_of(test_id)}, judged outside this kernel\n"
                           f"(lambda {SIGNATURE}: (exec({runner!r}, {SIGNATURE}), "
                           f"{SIGNATURE}['hand_in'](globals(), {spec!r})))({{'__name__': '{SIGNATURE}'}})\n")
        return nb, resources


class SandboxedExecute(Execute):
    """
    nbgrader's Execute in the sandboxed kernel (grader/sandbox.py). A cell during which
    the kernel stops gets an error output named ``KernelStopped`` and the cells after it
    are not run; the grader then disables that cell and grades the notebook again.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("kernel_manager_class", SandboxKernelManager)
        super().__init__(**kwargs)
        self.kernel_manager_class = SandboxKernelManager

    def preprocess(self, nb, resources=None, km=None):
        self._stopped_at = None
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell, resources, index):
        if self._stopped_at is not None:
            return cell, resources
        try:
            return super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self._stopped_at = index
            resources.setdefault("nnfs", {})["stopped_at"] = index
            cell.outputs.append(new_output("error", ename=KERNEL_STOPPED, evalue="the Python kernel stopped",
                                           traceback=[f"{KERNEL_STOPPED}: the Python kernel stopped while this "
                                                      f"cell ran, so the cells after it could not run."]))
            return cell, resources


class JudgeCases(CourseCases):
    """Judges the records each test cell handed in, and writes the verdict as nbgrader scores it."""

    def preprocess(self, nb, resources):
        injected = resources.get("nnfs", {}).get("cells", {})
        if not injected:
            return nb, resources
        assignment, _ = self._ids(resources)
        reference = graded_cases.Reference.of(self._course(), assignment)
        tokens = {info["token"] for info in injected.values()}
        verdicts = resources["nnfs"].setdefault("verdicts", {})
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            test_id = grade_id(cell)
            if is_test_cell(cell) and test_id in injected:
                info = injected[test_id]
                payload = next((o.data[kernel_side.MIME] for o in cell.outputs
                                if o.output_type == "display_data" and kernel_side.MIME in o.get("data", {})
                                and isinstance(o.data[kernel_side.MIME], dict)
                                and o.data[kernel_side.MIME].get("token") == info["token"]), None)
                verdict = graded_cases.judge(reference, info["cases"], payload)
                verdicts[test_id] = verdict
                cell.source = info["source"]
                cell.outputs = _verdict_outputs(exercise_of(test_id), verdict)
            else:
                cell.outputs = [o for o in cell.outputs if not _echoes(o, tokens)] + (
                    [new_output("stream", name="stdout", text="[output removed: it showed the grader's cases]\n")]
                    if any(_echoes(o, tokens) for o in cell.outputs) else [])
        return nb, resources


def _echoes(output, tokens):
    """Whether an output shows the code or cases the grader injected."""
    text = str(output)
    return SIGNATURE in text or kernel_side.MIME in text or any(token in text for token in tokens)


def _verdict_outputs(exercise, verdict):
    if verdict.passed:
        text = f"All {verdict.cases} graded cases passed for {exercise}.\n"
        if verdict.printed:
            text += (f"Note: {exercise} printed {verdict.printed} characters while it was graded; "
                     f"graded functions should return their results, not print them.\n")
        return [new_output("stream", name="stdout", text=text)]
    return [new_output("error", ename="AssertionError", evalue=verdict.message,
                       traceback=[f"\x1b[0;31mAssertionError\x1b[0m: {verdict.message}"])]


class ScrubHiddenTests(ClearHiddenTests):
    """For feedback: removes the hidden part of every test cell, and any output that shows grader code."""

    def preprocess(self, nb, resources):
        nb, resources = super().preprocess(nb, resources)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = [o for o in cell.outputs if not _echoes(o, set())]
        return nb, resources


class LimitOutputBytes(NbGraderPreprocessor):
    """
    Caps the size of every output of a code cell.

    nbgrader's LimitOutput counts lines, so a single enormous line (print of a
    50 MB string) passes through it and bloats the graded notebook and its
    feedback. This keeps the head and the tail of each text output, and drops
    rich outputs (images, HTML) that are larger than the cap.
    """

    max_bytes = Integer(
        20000, help="maximum number of characters kept of each output (-1 means no limit)"
    ).tag(config=True)

    def _shorten(self, text):
        if len(text) <= self.max_bytes:
            return text
        keep = self.max_bytes // 2
        return (text[:keep] + f"\n... {len(text) - 2 * keep} characters of output removed ...\n"
                + text[-keep:])

    def preprocess_cell(self, cell, resources, cell_index):
        if self.max_bytes < 0 or cell.cell_type != "code":
            return cell, resources
        for output in cell.outputs:
            if output.output_type == "stream":
                output.text = self._shorten(output.text)
            elif output.output_type == "error":
                output.evalue = self._shorten(output.evalue)
                output.traceback = [self._shorten(line) for line in output.traceback]
            elif output.output_type in ("execute_result", "display_data"):
                data = output.get("data", {})
                for mime in list(data):
                    value = data[mime]
                    if isinstance(value, str) and len(value) > self.max_bytes:
                        if mime == "text/plain":
                            data[mime] = self._shorten(value)
                        else:
                            # A huge image or page: keep a note in its place.
                            del data[mime]
                            data.setdefault("text/plain", f"[{mime} output of {len(value)} characters removed]")
        return cell, resources


def run_graded(nb, course_dir, assignment, folder, student="", cell_timeout=30, sandboxed=True):
    """
    Executes a notebook as autograding does, outside nbgrader: the grader's cases handed to
    its functions, the sandboxed kernel (working directory ``folder``), the verdicts judged.
    Returns the notebook, with per-cell timing in its metadata, and the resources.
    """
    from traitlets.config import Config

    config = Config()
    config.SandboxKernelManager.enabled = sandboxed
    resources = {"nbgrader": {"assignment": assignment, "student": student},
                 "metadata": {"path": str(folder)}}
    nb, resources = InjectCases(course_dir=str(course_dir)).preprocess(nb, resources)
    executor = SandboxedExecute(config=config, timeout=cell_timeout, record_timing=True,
                                extra_arguments=["--HistoryManager.hist_file=:memory:"])
    nb, resources = executor.preprocess(nb, resources)
    return JudgeCases(course_dir=str(course_dir)).preprocess(nb, resources)


def cell_seconds(cell):
    """How long a cell executed with record_timing took, in seconds (0 if it did not run)."""
    from datetime import datetime

    timing = cell.get("metadata", {}).get("execution", {})
    started, ended = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not (started and ended):
        return 0.0
    parse = lambda stamp: datetime.fromisoformat(stamp.replace("Z", "+00:00"))  # noqa: E731
    return max(0.0, (parse(ended) - parse(started)).total_seconds())
