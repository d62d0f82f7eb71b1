"""Shared fixtures: each notebook is executed once, and the grading loop runs once, per test session."""
import os
import pathlib
import re

import nbformat
import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

# Fixtures that execute notebooks or run the grading loop: tests that use them are slow.
SLOW_FIXTURES = {"executed", "executed_nb", "demo_run"}


def pytest_collection_modifyitems(items):
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)

ROOT = pathlib.Path(__file__).resolve().parent.parent
ASSIGNMENT = "a1_two_layer_network"
SOURCE = ROOT / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
RELEASE = ROOT / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"


ASSIGNMENTS = sorted(p.name for p in (ROOT / "source").iterdir() if p.is_dir())


def source_path(assignment):
    return ROOT / "source" / assignment / f"{assignment}.ipynb"


def release_path(assignment):
    return ROOT / "release" / assignment / f"{assignment}.ipynb"


@pytest.fixture(scope="session")
def source_nb():
    return nbformat.read(SOURCE, as_version=4)


@pytest.fixture(scope="session")
def executed():
    """execute(assignment): its source notebook, run once per session in a fresh kernel."""
    from nbclient import NotebookClient

    done = {}

    def execute(assignment):
        if assignment not in done:
            path = source_path(assignment)
            nb = nbformat.read(path, as_version=4)
            NotebookClient(nb, timeout=120, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute()
            done[assignment] = nb
        return done[assignment]

    return execute


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


def grade_id(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def cell_by_id(nb, wanted):
    return next(c for c in nb.cells if grade_id(c) == wanted)


# Globals that earlier cells of each notebook define, which a careless function might read.
NOTEBOOK_GLOBALS = {
    "a1_two_layer_network": "X, Y = load_blobs(2000)\n(n_x, n_h, n_y) = layer_sizes(X, Y)\n"
                            "parameters = initialize_parameters(n_x, n_h, n_y)",
    "a2_planar_data_classification": "X, Y = load_planar_dataset()\n(n_x, n_h, n_y) = layer_sizes(X, Y)\n"
                                     "parameters = initialize_parameters(n_x, n_h, n_y)",
    "a3_deep_neural_network": "X, parameters = test_cases.L_model_forward_test_case()\n"
                              "AL, caches = L_model_forward(X, parameters)",
    "a4_deep_neural_network_application":
        "train_x_orig, train_y, test_x_orig, test_y, classes = load_data('datasets')\n"
        "train_x = train_x_orig.reshape(train_x_orig.shape[0], -1).T / 16",
}


def notebook_namespace(nb, assignment=ASSIGNMENT):
    """
    A namespace like the notebook's after its set-up cell and every solution cell have run:
    the context in which a test cell runs.
    """
    namespace = {}
    imports = cell_by_id(nb, "imports").source
    exec("\n".join(line for line in imports.splitlines() if not line.startswith("%")), namespace)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("solution"):
            exec(cell.source, namespace)
    exec(NOTEBOOK_GLOBALS[assignment], namespace)
    return namespace


def run_test_cell(nb, test_id, replacement=None, assignment=ASSIGNMENT):
    """
    Runs the test cell `test_id` (visible and hidden parts) in a fresh notebook namespace,
    after defining `replacement` (source code of another version of the function), and
    returns what it printed; raises what the cell raises.
    """
    import contextlib
    import io

    namespace = notebook_namespace(nb, assignment)
    if replacement is not None:
        exec(replacement, namespace)
    source = re.sub(r"^\s*### (BEGIN|END) HIDDEN TESTS\n", "", cell_by_id(nb, test_id).source, flags=re.M)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(source, namespace)
    return printed.getvalue()


def graded_verdict(assignment, test_id, replacement=None, student="student"):
    """
    The grader's verdict on one test cell for the instructor's solutions, with the source
    code `replacement` (another version of a function) defined after them: the cases are
    run in-process by the code that runs in the student's kernel, and judged as in autograding.
    """
    from grader import cases, kernel_side

    reference = cases.Reference.of(ROOT, assignment)
    drawn = cases.draw(assignment, test_id, student)
    with reference.inside():
        namespace = notebook_namespace(nbformat.read(source_path(assignment), as_version=4), assignment)
        if replacement is not None:
            exec(replacement, namespace)
        payload = kernel_side.hand_in(namespace, cases.spec(test_id, drawn, "token"), publish=lambda p: None,
                                      case_seconds=20)
    return cases.judge(reference, drawn, payload)
