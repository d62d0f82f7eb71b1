"""
SandboxedExecute: nbgrader's Execute, in the sandboxed kernel, within the calibrated limits.

It executes the notebook in the course's kernel (grader/sandbox.py) with the
time limits of the assignment (grader/calibration.py, grader/limits.py), and
deals, from what it observes itself, with what would otherwise lose a student
their grade:

* a cell during which the kernel stops (``os._exit``, a segfault): the cell (or,
  for a test cell, the solution it tests) is disabled and the notebook executed
  again in a new kernel;
* a notebook that runs past its limit: executed again with a shorter limit per
  cell, never shorter than the solutions need, within what is left of the budget;
* a kernel that stops answering on its output channel for a while (a busy
  machine): executed again, with longer patience, before it costs anything;
* output beyond the limits (bytes and number of outputs per cell and per
  notebook, display updates included): cut while the kernel runs, with a note.

Attempts are bounded in number and in time (``Limits.attempts``, ``budget``).
When they run out the notebook cannot be graded: ``NotebookNotGraded`` stops
nbgrader's grading of this student, and no score is saved for it.
"""
import copy
import json
import time

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from traitlets import Integer

from grader import calibration, facts
from grader.cells import exercise_of, grade_id, is_test_cell
from grader.limits import TimeLimits
from grader.preprocessors.coursecases import CourseCases
from grader.preprocessors.limitoutputbytes import shorten
from grader.sandbox import SandboxKernelManager

DISABLED_CELL = (
    'raise RuntimeError("The grader disabled this cell: running it stopped the Python kernel '
    '(os._exit, for example), so nothing after it could run.")\n'
)


# Characters kept of one print that is larger than what is left of its cell's output limit.
KEPT_OF_A_LONG_STREAM = 20000


class NotebookNotGraded(RuntimeError):
    """The grader gave up on a notebook; the message says why, in one line."""


class _Stopped(Exception):
    """The kernel stopped while a cell ran (cell: its index)."""

    def __init__(self, cell):
        super().__init__(cell)
        self.cell = cell


class _OverTime(Exception):
    """The notebook ran past its limit."""


class _Unanswered(Exception):
    """The kernel stopped answering on its output channel."""


def _size(data):
    """The size of an output's content in characters, as it would be stored."""
    return len(json.dumps(data, default=str))


class SandboxedExecute(Execute, CourseCases):
    """nbgrader's Execute in the course's sandboxed kernel, with calibrated time limits and output limits."""

    max_outputs_per_cell = Integer(1000, help="outputs kept of one cell").tag(config=True)
    max_output_bytes_per_cell = Integer(4 * 2**20, help="characters of output kept of one cell").tag(config=True)
    max_output_bytes = Integer(32 * 2**20, help="characters of output kept of a whole notebook").tag(config=True)
    patient_iopub_timeout = Integer(60, help="seconds to wait for a cell's last output when a notebook is "
                                             "executed again after its kernel stopped answering").tag(config=True)

    def __init__(self, **kwargs):
        kwargs.setdefault("kernel_manager_class", SandboxKernelManager)
        super().__init__(**kwargs)
        self.kernel_manager_class = SandboxKernelManager

    def limits(self, assignment):
        """The time limits of an assignment's notebooks (calibrated once, then cached)."""
        sandboxed = SandboxKernelManager(config=self.config).enabled
        return calibration.limits(self._course(), assignment, TimeLimits(config=self.config), sandboxed,
                                  self.config)

    def preprocess(self, nb, resources=None, km=None):
        limits = self.limits(resources["nbgrader"]["assignment"])
        resources.setdefault("nnfs", {})["limits"] = limits
        original = copy.deepcopy(nb)
        started = time.monotonic()
        cell_limit, disabled = limits.cell, set()
        iopub_timeout = self.iopub_timeout
        for _ in range(limits.attempts):
            attempt = copy.deepcopy(original)
            for index in disabled:
                attempt.cells[index].source = DISABLED_CELL + "\n# " + "\n# ".join(
                    original.cells[index].source.splitlines())
            # Each attempt gets the limit per notebook; one with the shorter limits per cell what is left.
            deadline = started + limits.budget
            if cell_limit > limits.retry_cell:
                deadline = min(deadline, time.monotonic() + limits.notebook)
            try:
                self._run(attempt, resources, km, cell_limit, deadline, iopub_timeout)
            except _Stopped as stopped:
                target = self._to_disable(original, stopped.cell)
                if target is None or target in disabled:
                    break
                disabled.add(target)
                facts.note(original, "kernel_stopped", cell=_name(original, stopped.cell),
                           disabled=_name(original, target))
            except _OverTime:
                if cell_limit <= limits.retry_cell:
                    break
                cell_limit = limits.retry_cell
                facts.note(original, "notebook_time_limit", seconds=round(limits.notebook),
                           retry_cell=round(limits.retry_cell, 1))
            except _Unanswered:
                iopub_timeout = self.patient_iopub_timeout
            else:
                nb.cells, nb.metadata = attempt.cells, attempt.metadata
                return nb, resources
            if time.monotonic() - started >= limits.budget:
                break
        reason = ("the kernel kept stopping" if disabled else
                  f"it ran past the time limit of {limits.notebook:.0f} s per notebook, also with shorter "
                  f"limits per cell")
        raise NotebookNotGraded(reason)

    def _run(self, nb, resources, km, cell_limit, deadline, iopub_timeout):
        """Executes every cell of ``nb`` once in a new kernel; raises _Stopped, _OverTime or _Unanswered."""
        self._deadline, self._cell_limit, self._over = deadline, cell_limit, False
        self._interrupted, self._limited, self._notebook_bytes = [], {}, 0
        self.timeout_func = self._timeout
        self.iopub_timeout = iopub_timeout
        super().preprocess(nb, resources, km)
        if self._interrupted:
            facts.note(nb, "interrupted", cells=[_name(nb, i) for i in self._interrupted])
        if self._limited:
            facts.note(nb, "output_limited", cells=[_name(nb, i) for i in sorted(self._limited)])

    def _timeout(self, cell):
        """A cell's limit: the limit per cell, or what is left of the notebook's, whichever is less."""
        left = self._deadline - time.monotonic()
        if left < self._cell_limit:
            self._over = True
        return max(1, int(min(self._cell_limit, left) + 0.999))

    def preprocess_cell(self, cell, resources, index):
        self._cell_outputs, self._cell_bytes, self._timed_out = 0, 0, False
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            raise _Stopped(index) from None
        except CellTimeoutError:  # the kernel answered, but the cell's last output did not arrive in time
            if self.iopub_timeout < self.patient_iopub_timeout:
                raise _Unanswered() from None
            cell.outputs.append(new_output("error", ename="OutputTimeout", evalue=(
                f"the cell's output did not finish arriving within {self.iopub_timeout} s"), traceback=[]))
            self._timed_out = True
        except Exception as error:  # a message the grader cannot read (nested beyond reason, say): this cell's loss
            cell.outputs.append(new_output("error", ename="UnreadableOutput", evalue=(
                f"the grader could not read this cell's output ({type(error).__name__})"), traceback=[]))
        if self._timed_out:
            if self._over:
                raise _OverTime()
            self._interrupted.append(index)
        if self._limited.get(index, (0, 0))[0]:
            dropped, size = self._limited[index]
            cell.outputs.append(new_output("stream", name="stderr", text=(
                f"[{dropped} output(s), {size} characters, removed: the cell's output went over the grader's "
                f"limits]\n")))
        return cell, resources

    async def _async_handle_timeout(self, timeout, cell=None):
        # What the grader itself saw, never an error a cell prints: this cell ran out of time.
        self._timed_out = True
        return await super()._async_handle_timeout(timeout, cell)

    def output(self, outs, msg, display_id, cell_index):
        content = msg.get("content", {})
        size = _size(content)
        room = min(self.max_output_bytes_per_cell - self._cell_bytes, self.max_output_bytes - self._notebook_bytes)
        if msg.get("msg_type") == "stream" and size > room > 2 * KEPT_OF_A_LONG_STREAM:
            # One enormous print keeps its head and tail, as the stored outputs do (LimitOutputBytes).
            content["text"] = shorten(content.get("text", ""), KEPT_OF_A_LONG_STREAM)
            size = _size(content)
            self._limited.setdefault(cell_index, (0, 0))
        if self._cell_outputs >= self.max_outputs_per_cell or size > room:
            dropped, total = self._limited.get(cell_index, (0, 0))
            self._limited[cell_index] = (dropped + 1, total + size)
            return None
        self._cell_outputs += 1
        self._cell_bytes += size
        self._notebook_bytes += size
        return super().output(outs, msg, display_id, cell_index)

    def _update_display_id(self, display_id, msg):
        # nbclient copies an update into every earlier output with its display id: count every copy.
        copies = sum(len(indices) for indices in self._display_id_map.get(display_id, {}).values())
        size = _size(msg.get("content", {})) * max(1, copies)
        if self._notebook_bytes + size > self.max_output_bytes or size > self.max_output_bytes_per_cell:
            for cell_index in self._display_id_map.get(display_id, {}):
                dropped, total = self._limited.get(cell_index, (0, 0))
                self._limited[cell_index] = (dropped + 1, total + size)
            return
        self._notebook_bytes += size
        super()._update_display_id(display_id, msg)

    @staticmethod
    def _to_disable(nb, index):
        """The cell to disable after the kernel stopped in cell ``index``: for a test cell, the solution it tests."""
        cell = nb.cells[index]
        if is_test_cell(cell):
            target = exercise_of(grade_id(cell))
            return next((i for i, c in enumerate(nb.cells) if grade_id(c) == target), None)
        return index


def _name(nb, index):
    """How a note names a cell: its grade_id, or its number."""
    return grade_id(nb.cells[index]) or f"cell {index + 1}"
