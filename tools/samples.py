"""
Sample submissions for the main job and the tests.

Each sample is built from the student release with some solution cells filled
in from the instructor's source notebook, as a student would submit it, and
then changed in one way that a real submission might be. ``ASSIGNMENTS`` maps
each assignment to its samples: student id -> what the sample shows and the
exercises it must lose; the points of each exercise come from the test cells'
metadata (``points``); ``build_samples`` writes the samples under
submitted/<student>/<assignment>/.

Assignment 1 has a sample for every kind of bad submission the grader handles;
the others have the three that show their grading is right (perfect, blank, a
typical mistake), since the grader's handling does not depend on the assignment.
"""
import functools
import pathlib
from dataclasses import dataclass

import nbformat

from grader.cells import exercise_of, is_test_cell
from tools import ROOT, solutions


@functools.lru_cache(maxsize=None)
def points(assignment):
    """The points of each exercise, in notebook order, from the test cells of the source notebook."""
    nb = nbformat.read(ROOT / "source" / assignment / f"{assignment}.ipynb", as_version=4)
    return {exercise_of(c.metadata.nbgrader["grade_id"]): c.metadata.nbgrader["points"]
            for c in nb.cells if is_test_cell(c)}


@dataclass
class Sample:
    """A sample submission: what it shows, and the exercises it must lose."""
    description: str
    loses: tuple = ()
    report: str = ""  # a word the grading report must contain for this student
    edit: object = None  # function(notebook) -> None, changing the filled-in release
    raw: str = None  # the file's bytes, for a submission that is not a notebook at all


def _cell(nb, grade_id):
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            return cell
    raise KeyError(grade_id)


def _replace(nb, grade_id, old, new):
    cell = _cell(nb, grade_id)
    if old not in cell.source:
        raise ValueError(f"{old!r} not found in the solution of {grade_id}")
    cell.source = cell.source.replace(old, new, 1)


def _typical_mistake(nb):
    # The derivative of tanh where the sigmoid's is needed: a classic slip.
    _replace(nb, "backward_propagation", "A1 * (1 - A1)", "(1 - np.power(A1, 2))")


def _raises(nb):
    # A typo in a dictionary key: every call raises KeyError.
    _replace(nb, "forward_propagation", 'parameters["W1"]', 'parameters["w1"]')


def _syntax_error(nb):
    _replace(nb, "initialize_parameters", "b1 = np.zeros((n_h, 1))", "b1 = np.zeros((n_h, 1)")


def _loops_forever(nb):
    # A while loop that never advances its counter.
    _replace(nb, "nn_model", "for i in range(0, num_iterations):",
             "i = 0\n    while i < num_iterations:")


def _tampers(nb):
    # A wrong cost, with its test cell emptied so that it "passes" and its points
    # raised; the backward test cell deleted, and a test cell made editable.
    _replace(nb, "compute_cost", "cost = 1 / m * np.sum(logloss)", "cost = np.sum(logloss)")
    tests = _cell(nb, "compute_cost_tests")
    tests.source = "# nothing to see here\npass"
    tests.metadata.nbgrader["points"] = 100
    nb.cells.remove(_cell(nb, "backward_propagation_tests"))
    _cell(nb, "sigmoid_tests").metadata.nbgrader["locked"] = False


def _renames_grade_id(nb):
    _cell(nb, "layer_sizes_tests").metadata.nbgrader["grade_id"] = "my_layer_sizes_tests"


def _kills_kernel(nb):
    cell = _cell(nb, "update_parameters")
    cell.source = "import os\nos._exit(1)\n\n" + cell.source


def _prints_megabytes(nb):
    cell = _cell(nb, "sigmoid")
    cell.source += "\n\nprint('x' * 50_000_000)  # one 50 MB line\nfor i in range(100_000):\n    print(i)\n"


def _cheats(nb):
    # A wrong cost, with the checks and numpy's comparisons switched off for every test that follows:
    # the cases are judged in the grader, so this gains nothing.
    _replace(nb, "compute_cost", "cost = 1 / m * np.sum(logloss)", "cost = np.sum(logloss)")
    cell = _cell(nb, "sigmoid")
    cell.source = ("import helpers.checks\nhelpers.checks.fail = lambda message: None\n"
                   "vars(np)['allclose'] = lambda *args, **kwargs: True\n\n" + cell.source)


def _exits(nb):
    # exit() and sys.exit() at top level, and a correct sigmoid that prints to stderr: none costs a point.
    cell = _cell(nb, "sigmoid")
    cell.source = cell.source.replace("    return res", "    print('debug: sigmoid called', file=sys.stderr)\n    return res")
    cell.source = "import sys\n\n" + cell.source + "\n\nexit()\n"
    _cell(nb, "layer_sizes").source += "\n\nimport sys\nsys.exit('done for today')\n"


def _segfaults(nb):
    # Reading address 0 crashes the Python process: a segmentation fault in the middle of the notebook.
    cell = _cell(nb, "forward_propagation")
    cell.source = "import ctypes\nctypes.string_at(0)\n\n" + cell.source


def _attacks(nb):
    # After a correct sigmoid, cells that go for the gradebook, the course's configuration, the network and
    # the machine's memory: each is stopped by the sandbox, the grades are untouched, the report says what.
    index = nb.cells.index(_cell(nb, "sigmoid")) + 1
    attacks = [
        "import sqlite3\nsqlite3.connect('file:../../../gradebook.db?mode=ro', uri=True).execute('SELECT * FROM grade')",
        "open('../../nbgrader_config.py', 'w').write('c.Execute.timeout = 1')",
        "import socket\nsocket.create_connection(('93.184.216.34', 443), timeout=2)",
        "hoard = bytearray(8 * 1024 ** 3)",
    ]
    nb.cells[index:index] = [nbformat.v4.new_code_cell(code) for code in attacks]


def _warns(nb):
    _replace(nb, "predict", "    return predictions",
             "    warnings.warn('predict uses a threshold of 0.5', UserWarning)\n"
             "    np.log(np.zeros(1))  # RuntimeWarning: divide by zero\n"
             "    return predictions")
    _cell(nb, "predict").source = "import warnings\n\n" + _cell(nb, "predict").source


# Each active part of the `writes_script` sample, if anything lets it run, logs "PWNED <n>" to the browser's
# console and sets window.top.__pwned_<n>: the sentinels of tests/test_formgrader.py.
SCRIPT_SENTINELS = tuple(range(1, 7))


def _sentinel(n):
    return f"console.log('PWNED {n}'); window.top.__pwned_{n} = 1"


def _writes_script(nb):
    # A correct notebook with script in a markdown cell and in the outputs of a code cell (HTML, JavaScript,
    # an iframe, an SVG), for whoever opens the graded notebook in formgrader or the feedback in a browser.
    markdown = f'<img src="x" onerror="{_sentinel(1)}">\n\n<script>{_sentinel(2)}</script>\n'
    outputs = [("HTML", f"<script>{_sentinel(3)}</script>"), ("Javascript", _sentinel(4)),
               ("HTML", f'<iframe srcdoc="<script>{_sentinel(5)}</script>"></iframe>'),
               ("SVG", f'<svg xmlns="http://www.w3.org/2000/svg" onload="{_sentinel(6)}">'
                       '<rect width="9" height="9"/></svg>')]
    code = "from IPython.display import HTML, SVG, Javascript, display\n\n" + "\n".join(
        f"display({kind}({payload!r}))" for kind, payload in outputs)
    index = nb.cells.index(_cell(nb, "imports")) + 1
    nb.cells[index:index] = [nbformat.v4.new_markdown_cell(markdown), nbformat.v4.new_code_cell(code)]


def _samples(typical_mistake, **others):
    """The samples of an assignment: the three that every one has (perfect, blank, a typical mistake), then its own."""
    return {"perfect": Sample("every exercise solved"),
            "blank": Sample("the release submitted as it is", loses="all", edit="blank"),
            "typical_mistake": typical_mistake, **others}


A1_SAMPLES = _samples(
    Sample("backward_propagation uses the derivative of tanh", loses=("backward_propagation",), edit=_typical_mistake),
    raises=Sample("forward_propagation raises KeyError", loses=("forward_propagation",), edit=_raises),
    syntax_error=Sample("initialize_parameters does not parse", loses=("initialize_parameters",),
                        edit=_syntax_error),
    loops_forever=Sample("nn_model never leaves its loop", loses=("nn_model",), edit=_loops_forever),
    tampers=Sample("a wrong cost; its test cell emptied, another deleted, another unlocked",
                   loses=("compute_cost",), report="test cell", edit=_tampers),
    renames_grade_id=Sample("renamed the grade_id of a test cell", report="grade_id", edit=_renames_grade_id),
    kills_kernel=Sample("calls os._exit while defining update_parameters", loses=("update_parameters",),
                        report="kernel", edit=_kills_kernel),
    exits=Sample("calls exit() and sys.exit() and prints to stderr in a correct sigmoid", edit=_exits),
    segfaults=Sample("crashes the kernel (segmentation fault) while defining forward_propagation",
                     loses=("forward_propagation",), report="kernel", edit=_segfaults),
    prints_megabytes=Sample("prints a 50 MB line and 100,000 lines", report="output", edit=_prints_megabytes),
    warns=Sample("a correct predict that emits warnings", edit=_warns),
    attacks=Sample("goes for the gradebook, the configuration, the network and all memory: blocked",
                   report="blocked by the sandbox", edit=_attacks),
    cheats=Sample("switches off the checks and np.allclose to hide a wrong cost: gains nothing",
                  loses=("compute_cost",), edit=_cheats),
    writes_script=Sample("a correct notebook whose markdown and outputs carry script: none of it may run for "
                         "whoever opens it", edit=_writes_script),
    unreadable=Sample("a notebook file that is not valid JSON", loses="all", report="not a readable",
                      raw='{"cells": [{"cell_type": "code", "source": "def sigmoid(z):'),
)


def _sigmoid_derivative_for_tanh(nb):
    # The derivative of the sigmoid where tanh's is needed: the mistake of assignment 1 in reverse.
    _replace(nb, "backward_propagation", "1 - np.power(A1, 2)", "A1 * (1 - A1)")


A2_SAMPLES = _samples(
    Sample("backward_propagation uses the derivative of the sigmoid",
           loses=("backward_propagation",), edit=_sigmoid_derivative_for_tanh),
)


def _prints_debug_output(nb):
    # Debugging prints left in a graded function.
    _replace(nb, "L_model_backward", '    grads["db" + str(L)] = db\n',
             '    grads["db" + str(L)] = db\n    print("dA" + str(L - 1) + " = " + str(dA_prev))\n')


def _relu_at_the_output(nb):
    # The output layer taken back through relu instead of the sigmoid it went forward through.
    _replace(nb, "L_model_backward", 'linear_activation_backward(dAL, current_cache, activation="sigmoid")',
             'linear_activation_backward(dAL, current_cache, activation="relu")')


A3_SAMPLES = _samples(
    Sample("L_model_backward takes the output layer back through relu",
           loses=("L_model_backward",), edit=_relu_at_the_output),
    # Printing is no wrong answer: the points stay, the feedback says not to print.
    prints_debug_output=Sample("a correct L_model_backward that prints debugging output",
                               edit=_prints_debug_output),
)


def _well_known_loop(nb):
    # A widely copied training loop: prints by operator precedence, records its costs in a dead branch.
    _replace(nb, "L_layer_model",
             "        if i % 100 == 0 or i == num_iterations - 1:\n"
             "            costs.append(cost)\n"
             "            if print_cost:\n"
             '                print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))\n',
             "        if print_cost and i % 100 == 0 or i == num_iterations - 1:\n"
             '            print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))\n'
             "        if i % 100 == 0 or i == num_iterations:\n"
             "            costs.append(cost)\n")


A4_SAMPLES = _samples(
    Sample("L_layer_model records its costs by a well-known loop with two bugs: right "
           "parameters, wrong costs", loses=("L_layer_model_costs",), edit=_well_known_loop),
)

ASSIGNMENTS = {
    "a1_two_layer_network": {"samples": A1_SAMPLES},
    "a2_planar_data_classification": {"samples": A2_SAMPLES},
    "a3_deep_neural_network": {"samples": A3_SAMPLES},
    "a4_deep_neural_network_application": {"samples": A4_SAMPLES},
}


def expected_points(assignment, student):
    """The points each exercise of a sample must get."""
    loses = ASSIGNMENTS[assignment]["samples"][student].loses
    return {e: 0 if loses == "all" or e in loses else p for e, p in points(assignment).items()}


def solved_release(source_nb, release_nb):
    """The release notebook with every solution cell filled in from the source notebook."""
    nb = nbformat.read(release_nb, as_version=4)
    solved = solutions(nbformat.read(source_nb, as_version=4))
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in solved:
            cell.source = solved[grade_id]
    return nb


def write_sample(course_dir, assignment, name, target):
    """Writes the sample `name` of an assignment, made from course_dir's source and release, to `target`."""
    course_dir = pathlib.Path(course_dir)
    source_nb = course_dir / "source" / assignment / f"{assignment}.ipynb"
    release_nb = course_dir / "release" / assignment / f"{assignment}.ipynb"
    sample = ASSIGNMENTS[assignment]["samples"][name]
    if sample.raw is not None:
        pathlib.Path(target).write_text(sample.raw, encoding="utf-8")
        return
    if sample.edit == "blank":
        nb = nbformat.read(release_nb, as_version=4)
    else:
        nb = solved_release(source_nb, release_nb)
        if sample.edit is not None:
            sample.edit(nb)
    nbformat.write(nb, target)


def build_samples(course_dir, assignment, names=None):
    """Writes the sample submissions of an assignment into course_dir/submitted; returns their ids."""
    course_dir = pathlib.Path(course_dir)
    names = list(ASSIGNMENTS[assignment]["samples"]) if names is None else list(names)
    for name in names:
        target = course_dir / "submitted" / name / assignment / f"{assignment}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        write_sample(course_dir, assignment, name, target)
    return names
