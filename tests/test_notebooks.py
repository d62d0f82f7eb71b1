"""The notebooks: their structure, nbgrader's validation, and the values they print."""
import ast
import re

import pytest

from conftest import RELEASE, ROOT, SOURCE, grade_id
from tools.validate import validate

EXERCISES = ["sigmoid", "layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost",
             "backward_propagation", "update_parameters", "nn_model", "predict"]


def stdout(nb):
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code"
                   for o in c.get("outputs", []) if o.output_type == "stream" and o.name == "stdout")


@pytest.mark.parametrize("path", sorted(ROOT.glob("source/*/*.ipynb")) + sorted(ROOT.glob("release/*/*.ipynb")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_committed_notebooks_carry_no_outputs(path):
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {cell.id} of {path.name} has outputs"
            assert cell.execution_count is None, f"cell {cell.id} of {path.name} has an execution count"


def test_notebook_is_named_like_its_folder():
    for path in ROOT.glob("source/*/*.ipynb"):
        assert path.stem == path.parent.name


def test_graded_cells_follow_the_course_conventions(source_nb):
    ids = [grade_id(c) for c in source_nb.cells if grade_id(c)]
    assert len(ids) == len(set(ids)), "grade_ids must be unique"
    solutions = [grade_id(c) for c in source_nb.cells if c.metadata.get("nbgrader", {}).get("solution")]
    tests = [grade_id(c) for c in source_nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert solutions == EXERCISES
    assert tests == [e + "_tests" for e in EXERCISES]
    for cell in source_nb.cells:
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


def test_each_graded_function_is_defined_exactly_once(source_nb):
    code = "\n".join(c.source for c in source_nb.cells if c.cell_type == "code")
    for name in EXERCISES:
        assert len(re.findall(rf"^def {name}\(", code, flags=re.M)) == 1, name


def test_points_in_the_text_match_the_cell_metadata(source_nb):
    table = dict(re.findall(r"^\| \d+ \| `(\w+)` \| (\d+) \|$", cell_by_id_md(source_nb, "intro"), flags=re.M))
    metadata = {grade_id(c)[:-len("_tests")]: c.metadata.nbgrader["points"] for c in source_nb.cells
                if c.metadata.get("nbgrader", {}).get("grade")}
    assert {k: int(v) for k, v in table.items()} == metadata
    total = int(re.search(r"\*\*Total\*\* \| \*\*(\d+)\*\*", cell_by_id_md(source_nb, "intro")).group(1))
    assert total == sum(metadata.values()) == 100


def cell_by_id_md(nb, cell_id):
    return next(c.source for c in nb.cells if c.id == cell_id)


def test_release_has_stubs_and_no_solutions_or_hidden_tests():
    text = RELEASE.read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    assert "_ref_" not in text and "Hidden tests passed" not in text
    assert text.count('raise NotImplementedError(\\"Replace this line with your code.\\")') == len(EXERCISES)


def test_nbgrader_validate_passes_on_the_source_notebook():
    assert validate(SOURCE) == {}


def test_nbgrader_validate_fails_every_test_of_the_untouched_release():
    assert validate(RELEASE, invert=True) == {}


def test_the_committed_release_is_what_nbgrader_generates(demo_run):
    assert demo_run.release_in_sync, "release/ is out of date: run `make release` and commit it"


# The values the document prints, reproduced to the last printed digit.
DOCUMENTED_OUTPUT = [
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
]


@pytest.mark.parametrize("expected", DOCUMENTED_OUTPUT, ids=lambda s: s.splitlines()[0][:40])
def test_solution_notebook_prints_the_documented_values(executed_nb, expected):
    assert expected in stdout(executed_nb)


def test_expected_output_blocks_show_what_the_solution_prints(executed_nb):
    """Each exact "Expected Output" block in the text is what the cell above it prints."""
    for index, cell in enumerate(executed_nb.cells):
        if cell.cell_type == "markdown" and cell.source.startswith("**Expected Output**\n"):
            block = re.search(r"```\n(.*?)```", cell.source, flags=re.S).group(1)
            code = executed_nb.cells[index - 1]
            printed = "".join(o.get("text", "") for o in code.outputs if o.output_type == "stream")
            assert block == printed, f"cell {code.id} prints\n{printed}\nbut the text says\n{block}"


def test_trained_model_is_accurate_and_the_notebook_runs_cleanly(executed_nb):
    text = stdout(executed_nb)
    accuracy = float(re.search(r"Accuracy on the training set: ([\d.]+) %", text).group(1))
    assert 90 <= accuracy <= 97
    final_cost = float(re.search(r"Cost after iteration 2999: ([\d.]+)", text).group(1))
    assert 0.15 < final_cost < 0.35
    for cell in executed_nb.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", f"cell {cell.id} raised {output.get('ename')}"
            assert not (output.output_type == "stream" and output.name == "stderr"), \
                f"cell {cell.id} wrote to stderr: {output.text[:200]}"
    assert text.count("All tests passed") == len(EXERCISES)
    assert text.count("Hidden tests passed") == len(EXERCISES)


def test_figures_are_drawn_by_the_notebook(executed_nb, source_nb):
    images = sum(1 for c in executed_nb.cells for o in c.get("outputs", [])
                 if o.output_type == "display_data" and "image/png" in o.get("data", {}))
    # XOR motivation, network diagram, dataset, cost curve, decision boundary, other dataset, n_h sweep.
    assert images == 7
    text = "\n".join(c.source for c in source_nb.cells)
    assert "http://" not in text and "https://" not in text, "no remote images or links: students may be offline"
