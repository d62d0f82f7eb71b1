"""
The grader's cases against the instructor's solutions and against correct and
wrong versions of every graded function (tests/variants/<assignment>.py).

Each version runs in-process, in a namespace like the notebook's, through the
same code that runs in the student's kernel (grader.kernel_side.hand_in), and
is judged by the same code as in autograding (grader.cases.judge). The real
autograde path, with a kernel, is tested in tests/test_grading.py.
"""
import importlib
import re

import pytest

from conftest import ASSIGNMENTS, drawn, graded_verdict

VARIANTS = {a: importlib.import_module(f"variants.{a}") for a in ASSIGNMENTS
            if importlib.util.find_spec(f"variants.{a}")}
# A wrong version must be caught for a stated reason, not for any reason at all.
TOO_VAGUE = {"", "Error", "error", "wrong", "should"}
STUDENT = "student"


def _params(table):
    return [pytest.param(a, t, v, id=f"{a[:2]}-{t}-{v}") for a, module in VARIANTS.items()
            for t, versions in getattr(module, table).items() for v in versions]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_instructor_solutions_pass_every_test_cell(assignment):
    from grader.cases import tests_of

    for test_id in tests_of(assignment):
        verdict = graded_verdict(assignment, test_id)
        assert verdict.passed, f"{test_id}: {verdict.message}"
        assert verdict.printed == 0, f"{test_id}: the solution printed while graded"


@pytest.mark.parametrize("assignment,test_id,variant", _params("CORRECT"))
def test_correct_version_gets_full_marks(assignment, test_id, variant):
    verdict = graded_verdict(assignment, test_id, VARIANTS[assignment].CORRECT[test_id][variant])
    assert verdict.passed, verdict.message


def _outside(words, text, label):
    """Whether ``words`` occur in ``text`` at least once not within ``label``, which any message on its case holds."""
    labels = [(m.start(), m.end()) for m in re.finditer(re.escape(label), text)]
    return any(not any(start <= m.start() and m.start() + len(words) <= end for start, end in labels)
               for m in re.finditer(f"(?={re.escape(words)})", text))


@pytest.mark.parametrize("assignment,test_id,variant", _params("WRONG"))
def test_wrong_version_fails_with_a_precise_message(assignment, test_id, variant):
    code, words = VARIANTS[assignment].WRONG[test_id][variant]
    assert words not in TOO_VAGUE, "the expected words must say why the version is wrong"
    verdict = graded_verdict(assignment, test_id, code, student=STUDENT)
    assert not verdict.passed, "a wrong version passed"
    number = re.search(r"\n\[case (\d+) of \d+\]$", verdict.message)
    assert number, f"the message must name its case: {verdict.message}"
    label = drawn(assignment, test_id, STUDENT)[int(number[1]) - 1].label
    # The reason: the message without the stand-ins note and the case number, which any failure of the case shows.
    reason = re.split(r"\n\(graded with stand-ins |\n\[case ", verdict.message)[0]
    raised = re.match(rf"{re.escape(label)} raised (\w+)", reason)
    # An exception counts only where the version is meant to raise it: a slip in the version's code
    # (a NameError, say) is no failure of the grader's finding.
    assert not raised or raised[1] in words, f"the version raised, and the words do not name the exception: {reason}"
    assert _outside(words, reason, label), f"the words {words!r} are not the check's own, or missing: {reason}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_cases_are_the_same_on_every_draw_and_differ_between_students(assignment):
    from grader.cases import tests_of
    from grader.judging import spec

    for test_id in tests_of(assignment):
        first = spec(test_id, drawn(assignment, test_id, "alice"), "t")
        assert first == spec(test_id, drawn(assignment, test_id, "alice"), "t"), test_id
    differ = [t for t in tests_of(assignment)
              if spec(t, drawn(assignment, t, "alice"), "t") != spec(t, drawn(assignment, t, "bob"), "t")]
    assert differ, "every student got the same cases"


def test_hard_coded_results_pass_the_visible_test_but_not_the_grader():
    """A function that only reproduces the document's example fools the visible test, not the grader."""
    from conftest import notebook_namespace, source_path

    import nbformat

    code = VARIANTS["a1_two_layer_network"].WRONG["sigmoid_tests"]["hard-coded values"][0]
    namespace = notebook_namespace(nbformat.read(source_path("a1_two_layer_network"), as_version=4))
    exec(code, namespace)
    namespace["public_tests"].sigmoid_test(namespace["sigmoid"])  # the visible test is fooled
    assert not graded_verdict("a1_two_layer_network", "sigmoid_tests", code).passed


def test_every_test_cell_of_every_assignment_has_the_graders_cases():
    """Hidden grading never vanishes: make validate and make release check this too."""
    from tools.validate import missing_cases

    assert missing_cases() == []
