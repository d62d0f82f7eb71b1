"""
The graded cases of each assignment.

Each assignment has a module here, named after it, with a dict ``TESTS`` that
maps the ``grade_id`` of each test cell to a generator ``tests(rng)`` of
``grader.judging.Case``s (``two_layer`` holds what assignments 1 and 2 share).
How cases are drawn and judged is in grader/judging.py.

Hidden grading must never vanish: an assignment without a case module, or a
test cell without cases, is an error (``CasesMissing``), at ``make validate``
and ``make release`` as at grading time.
"""
import importlib
import importlib.util


class CasesMissing(LookupError):
    """The grader has no cases for an assignment or one of its test cells."""


def tests_of(assignment):
    """The TESTS of an assignment's case module; CasesMissing when it has none."""
    name = f"{__name__}.{assignment}"
    if importlib.util.find_spec(name) is None:
        raise CasesMissing(f"the grader has no cases for {assignment}: grader/cases/{assignment}.py is missing")
    return importlib.import_module(name).TESTS


def tests_for(assignment, test_ids):
    """The generators of these test cells; CasesMissing naming every test cell that has none."""
    tests = tests_of(assignment)
    missing = [t for t in test_ids if t not in tests]
    if missing:
        raise CasesMissing(f"the grader has no cases for the test cell(s) {', '.join(missing)} of {assignment} "
                           f"(grader/cases/{assignment}.py, TESTS)")
    return {t: tests[t] for t in test_ids}
