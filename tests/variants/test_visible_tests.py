"""
The visible tests (helpers/public_tests) against every version of the graded functions in
tests/variants/<assignment>.py, each run as a student's test cell runs it: the cell's code,
in a namespace like the notebook's, after the version has been defined.

No correct version may be rejected; every usual mistake (``MISTAKES``) must be caught, with
a message that says what is wrong; and of all the versions the grader penalises (``WRONG``,
``MISTAKES`` and the versions fitted to the worked example, ``HARD_CODED``) the share caught is
reported per assignment and must reach ``SHARE``. To see the shares:

    .venv/bin/python -m pytest tests/variants -q -s -k share
"""
import contextlib
import functools
import importlib
import io

import nbformat
import numpy as np
import pytest

from conftest import ASSIGNMENTS, grade_id, in_folder, notebook_namespace, source_path

VARIANTS = {a: importlib.import_module(f"variants.{a}") for a in ASSIGNMENTS}
# The share of the wrong versions the visible tests must catch, over all assignments.
SHARE = 0.95


def _code(version):
    return version if isinstance(version, str) else version[0]


def _params(table):
    return [pytest.param(a, t, v, id=f"{a[:2]}-{t}-{v}") for a, module in VARIANTS.items()
            for t, versions in getattr(module, table, {}).items() for v in versions]


@functools.lru_cache(maxsize=None)
def _notebook(assignment):
    return nbformat.read(source_path(assignment), as_version=4)


@functools.lru_cache(maxsize=None)
def visible(assignment, test_id, code):
    """What the test cell ``test_id`` shows for a version of its function: (passed, its output or its error)."""
    nb = _notebook(assignment)
    cell = next(c.source for c in nb.cells if grade_id(c) == test_id)
    namespace = notebook_namespace(nb, assignment)
    printed = io.StringIO()
    state = np.random.get_state()
    try:
        with in_folder(assignment), contextlib.redirect_stdout(printed):
            exec(code, namespace)
            exec(cell, namespace)
    except Exception as error:  # what the student sees instead of "All tests passed"
        return False, f"{type(error).__name__}: {error}"
    finally:
        np.random.set_state(state)
    return True, printed.getvalue()


@pytest.mark.parametrize("assignment,test_id,variant", _params("CORRECT"))
def test_correct_version_passes_the_visible_test(assignment, test_id, variant):
    passed, shown = visible(assignment, test_id, VARIANTS[assignment].CORRECT[test_id][variant])
    assert passed, f"a correct version was rejected: {shown}"
    assert "All tests passed for" in shown


@pytest.mark.parametrize("assignment,test_id,variant", _params("MISTAKES"))
def test_usual_mistake_is_caught_with_its_message(assignment, test_id, variant):
    code, words = VARIANTS[assignment].MISTAKES[test_id][variant]
    passed, shown = visible(assignment, test_id, code)
    assert not passed, "the visible test let a usual mistake pass"
    assert words in shown, f"the message should say {words!r}; it says: {shown}"


def shares():
    """For each assignment, (caught, total) over its wrong, mistaken and hard-coded versions, each counted once."""
    counts = {}
    for assignment, module in VARIANTS.items():
        versions = {(test_id, _code(version)) for table in ("WRONG", "MISTAKES", "HARD_CODED")
                    for test_id, table_versions in getattr(module, table, {}).items()
                    for version in table_versions.values()}
        caught = sum(not visible(assignment, test_id, code)[0] for test_id, code in versions)
        counts[assignment] = (caught, len(versions))
    return counts


def test_share_of_wrong_versions_caught_by_the_visible_tests():
    counts = shares()
    for assignment, (caught, total) in counts.items():
        print(f"{assignment}: the visible tests catch {caught} of {total} wrong versions "
              f"({100 * caught / total:.1f} %)")
    caught, total = (sum(values) for values in zip(*counts.values()))
    print(f"all assignments: {caught} of {total} ({100 * caught / total:.1f} %)")
    assert caught >= SHARE * total
