"""
The hidden part of grading, on a whole notebook: cases in, records out, verdicts.

``inject`` replaces each test cell's code by the call that hands the grader's
cases to the student's functions (grader/kernel_side.py runs them in the
kernel); after the notebook ran, ``judge_notebook`` finds each cell's records by
its secret token, judges them in the grader's process (grader/judging.py) and
writes each verdict into the test cell's outputs, where nbgrader's
SaveAutoGrades scores it: nothing for a pass, an error with the check's message
for a failure. The preprocessors InjectCases and JudgeCases, and calibration,
do exactly this.
"""
import secrets

from nbformat.v4 import new_output

from grader import judging, kernel_side
from grader.cases import tests_for
from grader.cells import exercise_of, grade_id, is_test_cell, test_cell_ids

SIGNATURE = "nnfs_grader"  # in every line the grader injects, so that outputs echoing it can be found
RUNNER = open(kernel_side.__file__, encoding="utf-8").read()


def inject(nb, assignment, student):
    """
    Replaces every test cell of ``nb`` by the call that hands its cases to the student's
    functions; returns what judging needs, by test cell: the original source, the cases, the token.
    Raises grader.cases.CasesMissing when a test cell has no cases.
    """
    tests = tests_for(assignment, test_cell_ids(nb))
    injected = {}
    for cell in nb.cells:
        if not is_test_cell(cell):
            continue
        test_id = grade_id(cell)
        cases = judging.draw(tests, assignment, test_id, student)
        token = secrets.token_hex(8)
        injected[test_id] = {"source": cell.source, "cases": cases, "token": token}
        spec = judging.spec(test_id, cases, token)
        cell.source = (f"# {SIGNATURE}: the grader's cases for {exercise_of(test_id)}, judged outside this kernel\n"
                       f"(lambda {SIGNATURE}: (exec({RUNNER!r}, {SIGNATURE}), "
                       f"{SIGNATURE}['hand_in'](globals(), {spec!r})))({{'__name__': '{SIGNATURE}'}})\n")
    return injected


def _payload(cell, token):
    """The first record set a cell published with this token, or None."""
    for output in cell.get("outputs", []):
        data = output.get("data", {}) if output.get("output_type") == "display_data" else {}
        payload = data.get(kernel_side.MIME)
        if isinstance(payload, dict) and payload.get("token") == token:
            return payload
    return None


def echoes(output, tokens=()):
    """Whether an output shows the code or cases the grader injected."""
    text = str(output)
    return SIGNATURE in text or kernel_side.MIME in text or any(token in text for token in tokens)


def verdict_outputs(exercise, verdict):
    """The outputs of a judged test cell: a line for a pass, an AssertionError with the message for a failure."""
    if verdict.passed:
        text = f"All {verdict.cases} graded cases passed for {exercise}.\n"
        if verdict.printed:
            text += (f"Note: {exercise} printed {verdict.printed} characters while it was graded; "
                     f"graded functions should return their results, not print them.\n")
        return [new_output("stream", name="stdout", text=text)]
    return [new_output("error", ename="AssertionError", evalue=verdict.message,
                       traceback=[f"\x1b[0;31mAssertionError\x1b[0m: {verdict.message}"])]


def judge_notebook(nb, injected, reference):
    """
    Judges every injected test cell of an executed notebook, puts its source back and its
    verdict in its outputs, and removes any other output that shows what the grader injected.
    Returns the verdicts by test cell.
    """
    tokens = {info["token"] for info in injected.values()}
    verdicts = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        test_id = grade_id(cell)
        if is_test_cell(cell) and test_id in injected:
            info = injected[test_id]
            verdicts[test_id] = judging.judge(reference, info["cases"], _payload(cell, info["token"]))
            cell.source = info["source"]
            cell.outputs = verdict_outputs(exercise_of(test_id), verdicts[test_id])
        elif any(echoes(o, tokens) for o in cell.outputs):
            cell.outputs = [o for o in cell.outputs if not echoes(o, tokens)] + [
                new_output("stream", name="stdout", text="[output removed: it showed the grader's cases]\n")]
    return verdicts
