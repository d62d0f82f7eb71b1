"""Shared fixtures: each notebook is executed once, and the grading loop runs once, per test session."""
import contextlib
import functools
import io
import json
import numbers
import os
import types

import nbformat
import numpy as np
import pytest

from tools import ROOT, code, execute, run_solutions

os.environ.setdefault("MPLBACKEND", "Agg")

# Fixtures that execute notebooks or run the grading loop: a test that uses one must be marked slow.
SLOW_FIXTURES = {"executed", "executed_nb", "demo_run"}
# The tests that share a session fixture run in one test process (make test runs two): each fixture once.
SHARED = {"demo_run": "grading", "calibrated": "grading", "executed": "notebooks", "executed_nb": "notebooks"}


# First: pytest-xdist reads the xdist_group marks in its own hook of the same name.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Slow tests are marked so, one way (@pytest.mark.slow or a module's pytestmark): checked here."""
    unmarked = [item.nodeid for item in items if SLOW_FIXTURES & set(getattr(item, "fixturenames", ()))
                and item.get_closest_marker("slow") is None]
    if unmarked:
        raise pytest.UsageError(f"tests that use a slow fixture must be marked slow: {', '.join(unmarked[:5])}")
    for item in items:
        groups = {SHARED[f] for f in getattr(item, "fixturenames", ()) if f in SHARED}
        if groups:
            item.add_marker(pytest.mark.xdist_group(sorted(groups)[0]))


ASSIGNMENT = "a1_two_layer_network"
ASSIGNMENTS = sorted(p.name for p in (ROOT / "source").iterdir() if p.is_dir())
# A case of the instructor's solutions runs in under a second; a loop that never ends is stopped after this.
CASE_SECONDS = 4


def source_path(assignment):
    return ROOT / "source" / assignment / f"{assignment}.ipynb"


def release_path(assignment):
    return ROOT / "release" / assignment / f"{assignment}.ipynb"


@pytest.fixture(scope="session")
def executed():
    """execute(assignment): its source notebook, run once per session in a fresh kernel."""
    done = {}

    def execute_once(assignment):
        if assignment not in done:
            path = source_path(assignment)
            done[assignment] = execute(nbformat.read(path, as_version=4), path.parent)
        return done[assignment]

    return execute_once


@pytest.fixture(scope="session")
def executed_nb(executed):
    """The notebook of assignment 1, executed as a student would run it."""
    return executed(ASSIGNMENT)


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory):
    """The main job's grading loop, run once: release, sample submissions, autograde, feedback, export."""
    from tools.demo import run

    lines = []
    demo = run(tmp_path_factory.mktemp("demo") / "course", report=lines.append)
    demo.report_lines = lines
    return demo


@pytest.fixture(scope="session")
def calibrated(demo_run):
    """The calibration the main job's grading made of every assignment: other tests' courses copy it."""
    return demo_run.course_dir / "calibration"


def grade_id(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def in_folder(assignment):
    """The assignment's source folder as working directory and on sys.path, as for its notebook."""
    from grader.judging import Reference

    return Reference.of(ROOT, assignment).inside()


def drawn(assignment, test_id, student):
    """The cases of one test cell for one student, as grading draws them."""
    from grader.cases import tests_of
    from grader.judging import draw

    return draw(tests_of(assignment), assignment, test_id, student)


def _fresh(value):
    """
    A copy of data (arrays, and dicts, lists and tuples of them) that shares no array with it:
    what deepcopy gives, far faster on the lists of thousands of numbers the notebooks leave.
    """
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, dict):
        return {key: _fresh(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_fresh(item) for item in value)
    return value


def _is_data(value):
    # Arrays, numbers and containers of them: not the modules, functions, models or figures of the cells.
    return isinstance(value, (np.ndarray, numbers.Number, str, tuple, list, dict))


@functools.lru_cache(maxsize=None)
def notebook_globals(assignment):
    """
    The data that the notebook's own cells leave in its namespace, which a careless function
    might read instead of its arguments: what the cells before the first exercise (set-up and
    data) and the worked example after each graded function define, run once with the
    instructor's solutions.
    """
    import matplotlib.pyplot as plt

    nb = nbformat.read(source_path(assignment), as_version=4)
    cells = [c for c in nb.cells if c.cell_type == "code"]
    solution = [bool(c.metadata.get("nbgrader", {}).get("solution")) for c in cells]
    examples = [c for i, c in enumerate(cells) if not solution[i] and not c.metadata.get("nbgrader", {}).get("grade")
                and grade_id(c) != "imports" and (i < solution.index(True) or solution[i - 1])]
    with in_folder(assignment), contextlib.redirect_stdout(io.StringIO()):
        namespace = run_solutions(nb)
        defined = dict(namespace)
        for cell in examples:
            exec(compile(code(cell), f"<{cell.id}>", "exec"), namespace)
    plt.close("all")
    return {name: value for name, value in namespace.items()
            if _is_data(value) and (name not in defined or defined[name] is not value)}


def notebook_namespace(nb, assignment=ASSIGNMENT):
    """
    A namespace like the notebook's after its set-up cell, every solution cell and its worked
    examples have run: the context in which a test cell runs.
    """
    with in_folder(assignment):
        namespace = run_solutions(nb)
    namespace.update(_fresh(notebook_globals(assignment)))
    return namespace


@functools.lru_cache(maxsize=None)
def _reference_record(assignment, wired_case):
    from grader.judging import Reference

    return Reference.of(ROOT, assignment).record(json.loads(wired_case))


def graded_verdict(assignment, test_id, replacement=None, student="student"):
    """
    The grader's verdict on one test cell for the instructor's solutions, with the source
    code `replacement` (another version of a function) defined after them: the cases are
    run in-process by the code that runs in the student's kernel, and judged as in autograding.
    The reference runs each case once per session: its record of a case is always the same.
    """
    from grader import judging, kernel_side

    reference = types.SimpleNamespace(record=lambda wired: _reference_record(assignment, json.dumps(wired)))
    cases = drawn(assignment, test_id, student)
    with in_folder(assignment):
        namespace = notebook_namespace(nbformat.read(source_path(assignment), as_version=4), assignment)
        if replacement is not None:
            exec(replacement, namespace)
        payload = kernel_side.hand_in(namespace, judging.spec(test_id, cases, "token"), publish=lambda p: None,
                                      case_seconds=CASE_SECONDS)
    return judging.judge(reference, cases, payload)



def read_canvas_import(path):
    """
    A gradebook CSV file read as Canvas's gradebook import reads it (GradebookImporter in
    canvas-lms): a header row whose first columns are Student, ID, SIS User ID, SIS Login ID
    and Section, then the assignments; a row whose first cell says "Points Possible"; then
    the students, each found by its Canvas user id in the ID column. Returns ({assignment:
    points}, {user id: {assignment: score}}, {user id: name}); fails where Canvas would refuse
    the file or misread it.
    """
    import csv
    import re

    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    assert "Student" in header[0] and "ID" in header[1], header
    assert re.search(r"SIS\s+User\s+ID", header[2]) and re.search(r"SIS\s+Login\s+ID", header[3]), header
    assert "Section" in header[4], header
    assignments = header[5:]
    # Canvas takes a file whose rows differ in length for one separated by semicolons.
    assert {len(row) for row in rows} == {len(header)}
    points, grades, names = {}, {}, {}
    for row in rows[1:]:
        if "Points Possible" in row[0]:
            points = dict(zip(assignments, row[5:]))
            continue
        assert row[1].isdigit(), f"{row[1]!r} is not a Canvas user id"
        assert all(re.fullmatch(r"\d+(\.\d+)?|", score) for score in row[5:]), row
        grades[row[1]], names[row[1]] = dict(zip(assignments, row[5:])), row[0]
    assert points and all(re.fullmatch(r"\d+(\.\d+)?", p) for p in points.values()), points
    return points, grades, names
