"""
SandboxedExecute with a real sandboxed kernel, on small made-up notebooks: what it does when the
kernel stops, when a notebook runs past its limit, when output floods, and that it decides on what
it observed itself, never on names a student can raise.
"""
import json
import time

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook
from traitlets.config import Config

from grader import facts, fingerprints
from grader.preprocessors import SandboxedExecute
from grader.preprocessors.sandboxedexecute import DISABLED_CELL, NotebookNotGraded
from pipeline_course import A

pytestmark = pytest.mark.slow


@pytest.fixture
def execute(tmp_path):
    """execute(sources, **limits): the notebook of these code cells run by SandboxedExecute, with its notes."""
    (tmp_path / "source" / A).mkdir(parents=True)
    (tmp_path / "calibration").mkdir()
    (tmp_path / "work").mkdir()

    def run(sources, slowest=0.1, total=1.0, **policy):
        config = Config()
        config.CourseCases.course_dir = str(tmp_path)
        for name, value in policy.items():
            setattr(config.TimeLimits, name, value)
        # The solutions' figures, as calibration would have cached them for this made-up assignment.
        (tmp_path / "calibration" / f"{A}.json").write_text(json.dumps(
            {"slowest_cell": slowest, "total": total, "sandboxed": True,
             "fingerprints": fingerprints.of_assignment(tmp_path, A)}))
        nb = new_notebook(cells=[new_code_cell(s) for s in sources])
        facts.start(nb)
        resources = {"nbgrader": {"assignment": A, "student": "ann", "notebook": A},
                     "metadata": {"path": str(tmp_path / "work")}}
        nb, _ = SandboxedExecute(config=config).preprocess(nb, resources)
        return nb, facts.notes(nb)

    return run


def text(cell):
    return "".join(o.get("text", "") for o in cell.outputs)


def test_a_cell_that_stops_the_kernel_is_disabled_and_the_rest_runs(execute):
    nb, notes = execute(["print('before')", "import os\nos._exit(1)", "print('after')"])
    assert nb.cells[1].source.startswith(DISABLED_CELL)
    assert text(nb.cells[0]) == "before\n" and text(nb.cells[2]) == "after\n"
    assert notes == [{"kind": "kernel_stopped", "cell": "cell 2", "disabled": "cell 2"}]


def test_a_notebook_past_its_limit_is_run_again_with_shorter_limits(execute):
    sleeps = [f"import time\ntime.sleep(1.5)\nprint({i})" for i in range(4)]
    started = time.monotonic()
    nb, notes = execute(sleeps, slowest=0.2, total=0.3, factor=1, cell_floor=3, notebook_floor=4,
                        retry_factor=5, retry_floor=1)
    assert notes[0] == {"kind": "notebook_time_limit", "seconds": 4, "retry_cell": 1.0}
    assert {n["kind"] for n in notes} == {"notebook_time_limit", "interrupted"}
    assert time.monotonic() - started < 60


def test_errors_named_like_the_graders_own_decide_nothing(execute):
    nb, notes = execute(["class KernelStopped(Exception): pass\nraise KernelStopped()",
                         "class CellTimeoutError(Exception): pass\nraise CellTimeoutError()", "print('on')"])
    assert notes == [] and text(nb.cells[2]) == "on\n"


def test_output_beyond_the_limits_is_cut_while_the_cell_runs(execute):
    nb, notes = execute([
        "from IPython.display import display\nfor i in range(3000):\n    display({'text/plain': str(i)}, raw=True)",
        "from IPython.display import display, update_display\n"
        "for _ in range(30):\n    display({'text/plain': '.'}, raw=True, display_id='amp')\n"
        "update_display({'application/json': {'v': list(range(10**6))}}, raw=True, display_id='amp')",
        "print('x' * 50_000_000)"])
    assert len(nb.cells[0].outputs) <= 1001 and "removed" in nb.cells[0].outputs[-1].text
    assert len(nbformat.writes(nb)) < 40 * 2**20
    assert "characters of output removed" in text(nb.cells[2])
    assert {n["kind"] for n in notes} == {"output_limited"}


def test_a_kernel_that_keeps_stopping_is_not_graded(execute):
    with pytest.raises(NotebookNotGraded, match="the kernel kept stopping"):
        execute(["import os\nos._exit(1)"] * 6, attempts=3)
