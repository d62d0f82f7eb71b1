"""
The time limits of grading, from the instructor's solutions' own run.

``TimeLimits`` is the policy, set in nbgrader_config.py as
``c.TimeLimits.<name>``; ``Limits`` are the numbers it gives for one
assignment, from how long its solutions took in the sandbox (see
grader/calibration.py). Every graded notebook's provenance record holds both.
"""
from dataclasses import asdict, dataclass

from traitlets import Float, Integer
from traitlets.config import Configurable


@dataclass(frozen=True)
class Limits:
    """The time limits of one assignment's notebooks, in seconds."""
    cell: float  # per cell
    notebook: float  # per attempt at a whole notebook
    retry_cell: float  # per cell, when a notebook ran past its limit and is graded again
    attempts: int  # attempts at a notebook (the kernel stopped, the notebook ran past its limit)
    budget: float  # all attempts at a notebook together
    reference_slowest_cell: float = 0.0
    reference_total: float = 0.0

    def describe(self):
        return (f"time limits: {self.cell:.0f} s per cell, {self.notebook:.0f} s per notebook "
                f"(the solutions took {self.reference_slowest_cell:.2f} s in their slowest cell, "
                f"{self.reference_total:.1f} s in all)")

    def as_dict(self):
        return asdict(self)


class TimeLimits(Configurable):
    """
    How the time limits follow from the solutions' run: each limit is at least its floor
    and ``factor`` times what the solutions needed, so that a correct notebook is never
    cut short on a slower or busier machine.
    """

    factor = Float(10.0, help="each limit is this many times what the solutions needed").tag(config=True)
    cell_floor = Float(10.0, help="the limit per cell is never less than this (seconds)").tag(config=True)
    notebook_floor = Float(120.0, help="the limit per notebook is never less than this (seconds)").tag(config=True)
    retry_factor = Float(3.0, help="a notebook graded again after running past its limit gets this many "
                                   "times the solutions' slowest cell per cell").tag(config=True)
    retry_floor = Float(2.0, help="the limit per cell of such a second attempt is never less than this"
                        ).tag(config=True)
    attempts = Integer(5, help="attempts at one notebook, at most (each after the kernel stopped or the "
                               "notebook ran past its limit)").tag(config=True)
    budget_factor = Float(3.0, help="all attempts at one notebook together take at most this many times the "
                                    "limit per notebook").tag(config=True)

    def limits(self, slowest_cell, total):
        """The Limits for solutions whose slowest cell took ``slowest_cell`` s and whole run ``total`` s."""
        notebook = max(self.notebook_floor, self.factor * total)
        return Limits(cell=max(self.cell_floor, self.factor * slowest_cell), notebook=notebook,
                      retry_cell=max(self.retry_floor, self.retry_factor * slowest_cell),
                      attempts=self.attempts, budget=self.budget_factor * notebook,
                      reference_slowest_cell=slowest_cell, reference_total=total)
