"""What the grader reads from a notebook's cells: their nbgrader ids and roles."""


def grade_id(cell):
    """The cell's nbgrader grade_id, or None."""
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def is_test_cell(cell):
    """Whether the cell is an autograded test cell (code with points, not a solution)."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def exercise_of(test_id):
    """The exercise a test cell belongs to: sigmoid_tests -> sigmoid."""
    return test_id[:-len("_tests")] if test_id.endswith("_tests") else test_id


def test_cell_ids(nb):
    """The grade_ids of a notebook's test cells, in order."""
    return [grade_id(c) for c in nb.cells if is_test_cell(c)]
