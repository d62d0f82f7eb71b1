"""RepairTestCells: a submission's nbgrader cells made what the release defines, before nbgrader reads them."""
import copy

import nbformat
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import NbGraderPreprocessor

from grader import facts
from grader.cells import grade_id, is_test_cell


class RepairTestCells(NbGraderPreprocessor):
    """
    Runs in nbgrader's sanitizing pass, before OverwriteCells. A submission may have
    edited what nbgrader trusts in its cells' metadata: a renamed ``grade_id``, more
    points, a test cell unlocked or marked as a solution (which makes nbgrader's own
    checksum check fail the whole notebook). Each cell that carries nbgrader metadata
    gets the metadata its grade_id has in the release; a cell whose grade_id the
    release does not have becomes an ordinary cell, and OverwriteCells puts the real
    test cell back (``add_missing_cells``). Notes: ``metadata_repaired``,
    ``cells_unknown`` (grade_ids the release does not have), ``test_cells_replaced`` (edited test
    code) and ``test_cells_restored`` (deleted).
    """

    def preprocess(self, nb, resources):
        meta = resources["nbgrader"]
        released = self._release(meta["assignment"], meta["notebook"])
        defined = {grade_id(c): c for c in released.cells if grade_id(c)}
        unknown, repaired, replaced, present = [], [], [], set()
        for cell in nb.cells:
            if "nbgrader" not in cell.get("metadata", {}):
                continue
            name = grade_id(cell)
            original = defined.get(name)
            if original is None or name in present:
                unknown.append(str(name))
                del cell.metadata["nbgrader"]
                continue
            present.add(name)
            if cell.metadata["nbgrader"] != original.metadata["nbgrader"] or cell.cell_type != original.cell_type:
                repaired.append(name)
                cell.metadata["nbgrader"] = copy.deepcopy(original.metadata["nbgrader"])
                if cell.cell_type != original.cell_type:
                    _retype(cell, original.cell_type)
            if is_test_cell(original) and cell.source != original.source:
                replaced.append(name)
        restored = [name for name, c in defined.items() if is_test_cell(c) and name not in present]
        for kind, cells in (("cells_unknown", unknown), ("metadata_repaired", repaired),
                            ("test_cells_replaced", replaced),
                            ("test_cells_restored", restored)):
            if cells:
                facts.note(nb, kind, cells=cells)
        return nb, resources

    def _release(self, assignment, notebook):
        course = CourseDirectory(config=self.config)
        path = course.format_path(course.release_directory, ".", assignment)
        return nbformat.read(f"{path}/{notebook}.ipynb", as_version=4)


def _retype(cell, cell_type):
    """Makes a cell a code or markdown cell, with the fields nbformat requires of it."""
    cell.cell_type = cell_type
    for key in ("outputs", "execution_count", "attachments"):
        cell.pop(key, None)
    if cell_type == "code":
        cell.outputs, cell.execution_count = [], None
