"""
How long an assignment's solutions take in the sandbox, measured once and cached.

The time limits of grading (grader/limits.py) follow from the solutions' own
run: every notebook of ``source/<assignment>/`` executed as autograding executes
a submission (the grader's cases handed in, the sandboxed kernel, the verdicts
judged), on this machine. The figures are cached in
``calibration/<assignment>.json`` under the fingerprints of the solutions, the
grader, helpers and the environment (grader/fingerprints.py), so that every
entry point (``make autograde``, plain ``nbgrader autograde``, formgrader) grades
with the same limits, and the solutions run again only when one of them
changed. A solutions run in which any cell raises or any test cell fails is no
calibration: it raises ``CalibrationFailed``.
"""
import datetime
import json
import pathlib
import shutil
import tempfile

import nbformat
from nbgrader.preprocessors import Execute
from traitlets.config import Config

from grader import fingerprints, handin, provenance
from grader.cells import grade_id
from grader.judging import Reference
from grader.sandbox import SandboxKernelManager

FOLDER = "calibration"


class CalibrationFailed(RuntimeError):
    """The solutions did not pass their own tests: no time limits can be had from them."""


def cell_seconds(cell):
    """How long an executed cell took, from nbclient's timing metadata, in seconds (0 if it did not run)."""
    timing = cell.get("metadata", {}).get("execution", {})
    started, ended = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not (started and ended):
        return 0.0
    parse = lambda stamp: datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00"))  # noqa: E731
    return max(0.0, (parse(ended) - parse(started)).total_seconds())


def run_solutions(source, assignment, sandboxed=True, config=None):
    """
    Executes a source notebook of an assignment as autograding executes a submission, in a
    scratch copy of its folder; returns the notebook (with per-cell timing) and the verdicts.
    """
    source = pathlib.Path(source)
    nb = nbformat.read(source, as_version=4)
    injected = handin.inject(nb, assignment, student="")
    merged = Config()
    merged.merge(config or Config())
    merged.SandboxKernelManager.enabled = sandboxed
    with tempfile.TemporaryDirectory(prefix="nnfs-calibrate-") as folder:
        shutil.copytree(source.parent, folder, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.ipynb"))
        executor = Execute(config=merged, kernel_manager_class=SandboxKernelManager, timeout=600,
                           record_timing=True, extra_arguments=["--HistoryManager.hist_file=:memory:"])
        executor.kernel_manager_class = SandboxKernelManager
        nb, _ = executor.preprocess(nb, {"metadata": {"path": folder}})
    return nb, handin.judge_notebook(nb, injected, Reference.of(source.parent.parent.parent, assignment))


def measure(course_dir, assignment, sandboxed=True, config=None):
    """Seconds of the solutions' slowest cell and of their whole run; CalibrationFailed if a test cell fails."""
    slowest = total = 0.0
    for source in sorted((pathlib.Path(course_dir) / "source" / assignment).glob("*.ipynb")):
        try:
            nb, verdicts = run_solutions(source, assignment, sandboxed, config)
        except RuntimeError as error:  # the reference itself raised on a case
            raise CalibrationFailed(f"the solutions of {assignment} fail their own tests: {error}") from None
        failed = {t: v.message.splitlines()[0] for t, v in verdicts.items() if not v.passed}
        failed.update({grade_id(c) or f"cell {i + 1}": f"{o.get('ename')}: {o.get('evalue', '')}"[:200]
                       for i, c in enumerate(nb.cells) for o in c.get("outputs", []) if o.get("output_type") == "error"
                       and grade_id(c) not in verdicts})
        if failed:
            raise CalibrationFailed(f"the solutions of {assignment} fail their own tests, so no time limits can "
                                    f"be set: " + "; ".join(f"{t}: {m}" for t, m in failed.items()))
        seconds = [cell_seconds(c) for c in nb.cells]
        slowest, total = max([slowest] + seconds), total + sum(seconds)
    return slowest, total


def _path(course_dir, assignment):
    return pathlib.Path(course_dir) / FOLDER / f"{assignment}.json"


def cached(course_dir, assignment, sandboxed=True):
    """The cached figures {slowest_cell, total} of an assignment, if still valid; else None."""
    path = _path(course_dir, assignment)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("fingerprints") != fingerprints.of_assignment(course_dir, assignment) \
            or data.get("sandboxed") != sandboxed:
        return None
    return data


def figures(course_dir, assignment, sandboxed=True, config=None):
    """
    The solutions' figures {slowest_cell, total} of an assignment: cached, or measured now and
    cached (where the course directory can be written).
    """
    data = cached(course_dir, assignment, sandboxed)
    if data is not None:
        return data
    slowest, total = measure(course_dir, assignment, sandboxed, config)
    data = {"assignment": assignment, "slowest_cell": slowest, "total": total, "sandboxed": sandboxed,
            "measured": provenance.now(), "fingerprints": fingerprints.of_assignment(course_dir, assignment)}
    try:
        provenance.write_whole(_path(course_dir, assignment), data)
    except OSError:  # a course directory this process may only read: measured again next time
        pass
    return data


def limits(course_dir, assignment, policy, sandboxed=True, config=None):
    """The time limits of an assignment under ``policy`` (a grader.limits.TimeLimits)."""
    data = figures(course_dir, assignment, sandboxed, config)
    return policy.limits(data["slowest_cell"], data["total"])
