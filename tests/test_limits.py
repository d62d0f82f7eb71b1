"""The time-limit policy (grader/limits.py): every limit at least its floor and a multiple of the solutions' time."""
from traitlets.config import Config

from grader.limits import TimeLimits


def test_fast_solutions_get_the_floors():
    limits = TimeLimits().limits(slowest_cell=0.2, total=3.0)
    assert (limits.cell, limits.notebook, limits.retry_cell) == (10.0, 120.0, 2.0)
    assert limits.budget == 3 * limits.notebook and limits.attempts == 5


def test_slow_solutions_get_a_multiple_of_their_time():
    limits = TimeLimits().limits(slowest_cell=4.0, total=30.0)
    assert (limits.cell, limits.notebook, limits.retry_cell) == (40.0, 300.0, 12.0)


def test_the_policy_is_configured():
    config = Config()
    config.TimeLimits.factor, config.TimeLimits.cell_floor, config.TimeLimits.attempts = 20, 1, 2
    limits = TimeLimits(config=config).limits(slowest_cell=0.2, total=3.0)
    assert (limits.cell, limits.notebook, limits.attempts) == (4.0, 120.0, 2)
