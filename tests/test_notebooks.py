"""The notebooks: their structure, nbgrader's validation, and the values they print."""
import ast
import contextlib
import io
import re

import nbformat
import pytest

from conftest import ROOT, grade_id, in_folder, notebook_namespace, release_path, source_path
from tools.samples import ASSIGNMENTS, points
from tools.validate import validate

ALL = list(ASSIGNMENTS)


def stdout(nb):
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code"
                   for o in c.get("outputs", []) if o.output_type == "stream" and o.name == "stdout")


def exercises(assignment):
    """The graded functions of an assignment: its solution cells, in order."""
    nb = nbformat.read(source_path(assignment), as_version=4)
    return [grade_id(c) for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]


def graded_test_cells(assignment):
    """Its test cells, in order: <function>_tests, and <function>_<aspect>_tests where one function has several."""
    return [f"{e}_tests" for e in points(assignment)]


def test_every_assignment_has_sample_submissions():
    assert sorted(p.name for p in (ROOT / "source").iterdir() if p.is_dir()) == sorted(ALL)


@pytest.mark.parametrize("path", sorted(ROOT.glob("source/*/*.ipynb")) + sorted(ROOT.glob("release/*/*.ipynb")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_committed_notebooks_carry_no_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {cell.id} of {path.name} has outputs"
            assert cell.execution_count is None, f"cell {cell.id} of {path.name} has an execution count"


def test_notebook_is_named_like_its_folder():
    for path in ROOT.glob("source/*/*.ipynb"):
        assert path.stem == path.parent.name


@pytest.mark.parametrize("assignment", ALL)
def test_graded_cells_follow_the_course_conventions(assignment):
    nb = nbformat.read(source_path(assignment), as_version=4)
    ids = [grade_id(c) for c in nb.cells if grade_id(c)]
    assert len(ids) == len(set(ids)), "grade_ids must be unique"
    solutions = [grade_id(c) for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]
    tests = [grade_id(c) for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert solutions == exercises(assignment)
    assert tests == graded_test_cells(assignment)
    for name in solutions:
        assert f"{name}_tests" in tests, f"{name} has no test cell"
    for test in tests:
        assert any(test == f"{name}_tests" or test.startswith(f"{name}_") for name in solutions), test
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for name in exercises(assignment):
        assert len(re.findall(rf"^def {name}\(", code, flags=re.M)) == 1, f"{name} must be defined exactly once"
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade"):
            assert meta["points"] > 0 and meta["locked"], cell.id
            first = ast.parse(cell.source).body[0]
            assert isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant), \
                f"test cell {cell.id} should start with a docstring saying what it checks"
            assert "### BEGIN HIDDEN TESTS" in cell.source, f"test cell {cell.id} has no hidden tests"
        if meta.get("solution"):
            functions = [n.name for n in ast.parse(cell.source).body if isinstance(n, ast.FunctionDef)]
            assert functions == [meta["grade_id"]], f"solution cell {cell.id} should define exactly its function"
            assert cell.source.startswith(f"# GRADED FUNCTION: {meta['grade_id']}")


@pytest.mark.parametrize("assignment", ALL)
def test_points_in_the_text_match_the_cell_metadata(assignment):
    nb = nbformat.read(source_path(assignment), as_version=4)
    intro = next(c.source for c in nb.cells if c.id == "intro")
    table = [(name, int(points)) for name, points in re.findall(r"^\| \d+ \| `(\w+)` \| (\d+) \|$", intro, flags=re.M)]
    metadata = [(grade_id(c)[:-len("_tests")], c.metadata.nbgrader["points"]) for c in nb.cells
                if c.metadata.get("nbgrader", {}).get("grade")]
    assert table == metadata == list(points(assignment).items()), "the intro's table, in notebook order"
    total = int(re.search(r"\*\*Total\*\* \| \*\*(\d+)\*\*", intro).group(1))
    assert total == sum(p for _, p in metadata) == 100


@pytest.mark.parametrize("assignment", ALL)
def test_visible_tests_pass_on_the_instructor_solutions(assignment):
    """Each test cell, run where the notebook runs it, passes on the solutions: what a student sees once done."""
    nb = nbformat.read(source_path(assignment), as_version=4)
    for test_id in graded_test_cells(assignment):
        namespace = notebook_namespace(nb, assignment)
        printed = io.StringIO()
        with in_folder(assignment), contextlib.redirect_stdout(printed):
            exec(next(c.source for c in nb.cells if grade_id(c) == test_id), namespace)
        assert "All tests passed for" in printed.getvalue(), test_id


@pytest.mark.parametrize("assignment", ALL)
def test_release_has_stubs_and_no_solutions_or_hidden_tests(assignment):
    text = release_path(assignment).read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    assert "_ref_" not in text and "Hidden tests passed" not in text
    stub = 'raise NotImplementedError(\\"Replace this line with your code.\\")'
    assert text.count(stub) == len(exercises(assignment))


@pytest.mark.parametrize("assignment", ALL)
@pytest.mark.slow
def test_nbgrader_validate_passes_on_the_source_notebook(assignment):
    assert validate(source_path(assignment)) == {}


@pytest.mark.parametrize("assignment", ALL)
@pytest.mark.slow
def test_nbgrader_validate_fails_every_test_of_the_untouched_release(assignment):
    assert validate(release_path(assignment), invert=True) == {}


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ALL)
def test_the_committed_release_is_what_nbgrader_generates(demo_run, assignment):
    assert demo_run.release_in_sync[assignment], "release/ is out of date: run `make release` and commit it"


# The values the documents print, reproduced to the last printed digit.
DOCUMENTED_OUTPUT = {
    "a1_two_layer_network": [
        "The shape of X is: (2, 2000)\nThe shape of Y is: (1, 2000)\nI have m = 2000 training examples!",
        "sigmoid(-2) = 0.11920292202211755\nsigmoid(0) = 0.5\nsigmoid(3.5) = 0.9706877692486436",
        "The size of the input layer is: n_x = 2\nThe size of the hidden layer is: n_h = 2\n"
        "The size of the output layer is: n_y = 1",
        "W1 = [[ 0.01788628  0.0043651 ]\n [ 0.00096497 -0.01863493]]\nb1 = [[0.]\n [0.]]\n"
        "W2 = [[-0.00277388 -0.00354759]]\nb2 = [[0.]]",
        "[[0.49920157 0.49922234 0.49921223 ... 0.49921215 0.49921043 0.49920665]]",
        "cost = 0.6931477703826823",
        "dW1 = [[-1.49856632e-05  1.67791519e-05]\n [-2.12394543e-05  2.43895135e-05]]\n"
        "db1 = [[5.11207671e-07]\n [7.06236219e-07]]\ndW2 = [[-0.00032641 -0.0002606 ]]\ndb2 = [[-0.00078732]]",
        "W1 updated = [[ 0.01790427  0.00434496]\n [ 0.00099046 -0.01866419]]\n"
        "b1 updated = [[-6.13449205e-07]\n [-8.47483463e-07]]\nW2 updated = [[-0.00238219 -0.00323487]]\n"
        "b2 updated = [[0.00094478]]",
        "Cost after iteration 0: 0.693148\nCost after iteration 1: 0.693147\nCost after iteration 2: 0.693147\n"
        "Cost after iteration 3: 0.693147\nCost after iteration 4: 0.693147\n",
        "Coordinates (in the columns):\n[[2 8 2 8]\n [2 8 8 2]]\nPredictions:\n[[ True  True False False]]",
    ],
    "a2_planar_data_classification": [
        "the shape of X is:  (2, 400)\nthe shape of Y is:  (1, 400)\nm=400 training examples",
        "Accuracy of logistic regression: 49.25 %",
        "5 4 2",
        "W1 = [[ 0.0140356  -0.01123472  0.00181204  0.00371685  0.00331453]",
        "W2 = [[ 0.00530549  0.00229905 -0.00579193 -0.00166288]",
        "A2 = [[0.50004521 0.49988914 0.49993832]]\nmean of A2 = 0.4999575572533775",
        "cost = 0.6927392543483354",
        "W1 = [[-0.006267    0.01792921]",
        "b2 = [[9.69415948e-05]]",
        "predictions = [[1 0 0]]",
        "Cost after iteration 0: 0.693208",
        "learning rate  0.5: highest cost 0.69, the cost rose in   0 of 999 steps, cost after 1000 iterations 0.255",
    ],
    "a3_deep_neural_network": [
        "W1 = [[ 0.01624345 -0.00611756 -0.00528172]\n [-0.01072969  0.00865408 -0.02301539]]\nb1 = [[0.]\n [0.]]\n"
        "W2 = [[ 0.01744812 -0.00761207]]\nb2 = [[0.]]",
        "W1 = [[ 0.01788628  0.0043651   0.00096497 -0.01863493 -0.00277388]\n"
        " [-0.00354759 -0.00082741 -0.00627001 -0.00043818 -0.00477218]\n"
        " [-0.01313865  0.00884622  0.00881318  0.01709573  0.00050034]\n"
        " [-0.00404677 -0.0054536  -0.01546477  0.00982367 -0.01101068]]",
        "W2 = [[-0.01185047 -0.0020565   0.01486148  0.00236716]\n"
        " [-0.01023785 -0.00712993  0.00625245 -0.00160513]\n"
        " [-0.00768836 -0.00230031  0.00745056  0.01976111]]",
        "cost = 0.2797765635793422",
        "Gradient check passed",
        "cost after iteration 0: 0.6414, after iteration 2999: 0.30",
    ],
    "a4_deep_neural_network_application": [
        "Number of training examples: 1257\nNumber of testing examples: 540",
        "classes: [b'not eight' b'eight']",
        "Cost after first iteration: 0.6933887868511921",
        "Cost after first iteration: 0.6686384203287",
        "Cost after iteration 0: 0.6933887868511921\nCost after iteration 100: 0.318",
        "Cost after iteration 0: 0.6686384203287\nCost after iteration 100: 0.260",
        "learning rate      5: cost after 100 iterations 0.3186, train accuracy 90.3 %, test accuracy 90.4 %",
    ],
}


@pytest.mark.parametrize("assignment,expected", [(a, e) for a, values in DOCUMENTED_OUTPUT.items() for e in values],
                         ids=lambda v: v.splitlines()[0][:40] if "\n" in v or " " in v else v)
@pytest.mark.slow
def test_solution_notebook_prints_the_documented_values(executed, assignment, expected):
    assert expected in stdout(executed(assignment))


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ALL)
def test_expected_output_blocks_show_what_the_solution_prints(executed, assignment):
    """Each exact "Expected Output" block in the text is what the cell above it prints."""
    nb = executed(assignment)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and cell.source.startswith("**Expected Output**\n"):
            block = re.search(r"```\n(.*?)```", cell.source, flags=re.S).group(1)
            code = nb.cells[index - 1]
            printed = "".join(o.get("text", "") for o in code.outputs if o.output_type == "stream")
            assert block == printed, f"cell {code.id} prints\n{printed}\nbut the text says\n{block}"


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ALL)
def test_solution_notebook_runs_cleanly(executed, assignment):
    nb = executed(assignment)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", f"cell {cell.id} raised {output.get('ename')}"
            assert not (output.output_type == "stream" and output.name == "stderr"), \
                f"cell {cell.id} wrote to stderr: {output.text[:200]}"
    text = stdout(nb)
    assert text.count("All tests passed") == len(graded_test_cells(assignment))
    source = "\n".join(c.source for c in nb.cells)
    assert "http://" not in source and "https://" not in source, "no remote images or links: students may be offline"


@pytest.mark.slow
def test_a1_trained_model_is_accurate(executed_nb):
    text = stdout(executed_nb)
    accuracy = float(re.search(r"Accuracy on the training set: ([\d.]+) %", text).group(1))
    assert 90 <= accuracy <= 97
    final_cost = float(re.search(r"Cost after iteration 2999: ([\d.]+)", text).group(1))
    assert 0.18 <= final_cost <= 0.30, "the range the text gives for the final cost"
    assert "Found" not in text, "the costs nn_model prints are read back and plotted"


@pytest.mark.slow
def test_a2_network_beats_logistic_regression_and_larger_layers_fit_better(executed):
    text = stdout(executed("a2_planar_data_classification"))
    logistic = float(re.search(r"Accuracy of logistic regression: ([\d.]+) %", text).group(1))
    network = float(re.search(r"^Accuracy: ([\d.]+) %", text, flags=re.M).group(1))
    assert 45 <= logistic <= 52 and 88 <= network <= 94
    sweep = {int(n): (float(train), float(held_out)) for n, train, held_out in
             re.findall(r"(\d+) hidden units: training accuracy ([\d.]+) %, held-out accuracy ([\d.]+) %", text)}
    assert list(sweep) == [1, 2, 3, 4, 5, 10, 20]
    train = {n: accuracies[0] for n, accuracies in sweep.items()}
    assert max(train[1], train[2]) < 80 < min(train[n] for n in (3, 4, 5, 10, 20))
    assert train[20] >= train[4]
    # What the text says of the held-out flower, to within a point: every model 2 to 4 points worse on it,
    # and no larger layer better on it than 3 or 4 units.
    documented = {1: 66.5, 2: 62.5, 3: 88.75, 4: 89.0, 5: 88.75, 10: 88.5, 20: 89.0}
    assert all(abs(sweep[n][1] - documented[n]) <= 1 for n in sweep), sweep
    assert all(1.5 <= train - held_out <= 4.5 for train, held_out in sweep.values()), sweep
    assert max(sweep[n][1] for n in (5, 10, 20)) <= max(sweep[3][1], sweep[4][1])
    costs = [float(c) for c in re.findall(r"Cost after iteration \d+000: ([\d.]+)", text)[-9:]]
    assert costs == sorted(costs, reverse=True) and 0.19 < costs[-1] < 0.24


@pytest.mark.slow
def test_a2_too_large_a_learning_rate_makes_the_cost_jump_and_zigzag(executed):
    text = stdout(executed("a2_planar_data_classification"))
    highest, rises, final = re.search(r"learning rate +10: highest cost ([\d.]+), the cost rose in +(\d+) of 999 "
                                      r"steps, cost after 1000 iterations ([\d.]+)", text).groups()
    assert abs(float(highest) - 2.33) < 0.05 and 400 <= int(rises) <= 600 and abs(float(final) - 0.218) < 0.005


@pytest.mark.slow
def test_a3_small_deep_network_learns_with_the_students_functions(executed):
    text = stdout(executed("a3_deep_neural_network"))
    first, last = (float(c) for c in re.search(r"cost after iteration 0: ([\d.]+), after iteration 2999: ([\d.]+)",
                                                 text).groups())
    accuracy = float(re.search(r"training accuracy: ([\d.]+) %", text).group(1))
    assert last < 0.6 * first and accuracy >= 85
    assert 0.28 <= last <= 0.32 and 92 <= accuracy <= 94.5, "about 0.30 and about 93 %, as the text says"
    error = float(re.search(r"largest relative error: ([\d.e+-]+)", text).group(1))
    assert error < 1e-8, "the text promises far below 1e-7"


@pytest.mark.slow
def test_a4_deeper_model_earns_its_depth(executed):
    text = stdout(executed("a4_deep_neural_network_application"))
    table = {name.strip(): (float(train), float(test)) for name, train, test in
             re.findall(r"^(.{36}) +([\d.]+)% +([\d.]+)%", text, flags=re.M)}
    logistic = table["logistic regression (scikit-learn)"]
    two_layer = table["two-layer network (64, 7, 1)"]
    deep = table["4-layer network [64, 20, 7, 5, 1]"]
    assert 94 <= logistic[1] <= 98 and 94 <= two_layer[1] <= 98
    assert deep[1] >= 98 and deep[1] > max(logistic[1], two_layer[1])
    # The expected table of the text, to a tenth.
    for (train, test), (documented_train, documented_test) in ((logistic, (96.8, 96.3)), (two_layer, (97.3, 96.1)),
                                                               (deep, (100.0, 99.3))):
        assert abs(train - documented_train) <= 0.15 and abs(test - documented_test) <= 0.15
    assert re.search(r"^\d+ mislabeled test images out of 540", text, flags=re.M)
    costs = [float(c) for c in re.findall(r"Cost after iteration \d+: ([\d.e-]+)", text)]
    assert len(costs) == 2 * 31, "one cost per 100 iterations plus the last, for each of the two trainings"
    # The last costs of the text's expected outputs, to about 3 digits.
    assert abs(costs[30] - 0.07005) < 1e-4 and abs(costs[61] - 0.001395) < 1e-5
    rates = {rate: (float(cost), float(train), float(test)) for rate, cost, train, test in re.findall(
        r"learning rate +([\d.]+): cost after 100 iterations ([\d.]+), train accuracy ([\d.]+) %, "
        r"test accuracy ([\d.]+) %", text)}
    assert list(rates) == ["0.0075", "0.1", "1", "5"]
    tests = [test for _, _, test in rates.values()]
    assert tests[:2] + tests[3:] == [90.4] * 3 and abs(tests[2] - 97.6) <= 0.5, "what the exploration's text says"


def test_a4_data_files_are_what_the_helpers_write(tmp_path):
    import filecmp

    from helpers.datasets import load_data, write_digits_h5

    committed = ROOT / "source" / "a4_deep_neural_network_application" / "datasets"
    for path in write_digits_h5(tmp_path):
        assert filecmp.cmp(path, committed / path.name, shallow=False), path.name
    train_x, train_y, test_x, test_y, classes = load_data(tmp_path)
    assert train_x.shape == (1257, 8, 8) and test_x.shape == (540, 8, 8)
    assert train_y.shape == (1, 1257) and test_y.shape == (1, 540) and set(train_y.ravel()) == {0, 1}
    assert list(classes) == [b"not eight", b"eight"]
    assert (ROOT / "release" / "a4_deep_neural_network_application" / "datasets" / "train_digits.h5").exists()
    assert (ROOT / "release" / "a4_deep_neural_network_application" / "dnn_app_utils.py").exists()
    assert not (ROOT / "release" / "a3_deep_neural_network" / "dnn_app_utils.py").exists()


@pytest.mark.parametrize("assignment,count", [("a1_two_layer_network", 7), ("a2_planar_data_classification", 7),
                                              ("a3_deep_neural_network", 2),
                                              ("a4_deep_neural_network_application", 5)])
@pytest.mark.slow
def test_figures_are_drawn_by_the_notebook(executed, assignment, count):
    # a1: XOR motivation, network, dataset, cost curve, decision boundary, other dataset, n_h sweep.
    # a2: dataset, logistic regression, network, two learning rates, decision boundary, n_h sweep, other datasets.
    # a3: the forward and backward block diagram, the cost of the end-to-end network.
    # a4: example images, two cost curves, the mislabeled images, the student's image.
    nb = executed(assignment)
    images = sum(1 for c in nb.cells for o in c.get("outputs", [])
                 if o.output_type == "display_data" and "image/png" in o.get("data", {}))
    assert images == count
