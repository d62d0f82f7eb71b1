"""ScrubHiddenTests: feedback shows the verdicts, never a line of a hidden test or of the grader's code."""
from nbgrader.preprocessors import ClearHiddenTests

from grader.handin import echoes


class ScrubHiddenTests(ClearHiddenTests):
    """For feedback: removes the hidden part of every test cell, and any output that shows grader code."""

    def preprocess(self, nb, resources):
        nb, resources = super().preprocess(nb, resources)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = [o for o in cell.outputs if not echoes(o)]
        return nb, resources
