"""
nbgrader validate, with its result read properly, and the grader's own checks.

``nbgrader validate`` exits 0 even when a notebook fails validation, so this
reads the validator's result instead: every source notebook must pass (the
solutions pass every test), and every release notebook must fail every test
cell when run untouched (``--invert``: no test passes on an empty stub).
nbgrader's validator knows nothing of the cases the grader judges outside the
kernel, so each notebook is also run as autograding runs it (sandboxed kernel,
cases handed in, verdicts judged): every test cell of a source notebook must
pass, every test cell of an untouched release must fail.

    python -m tools.validate          # exit code 1 if anything is wrong
    python -m tools.validate --cases  # only: every test cell has the grader's cases (make release)
"""
import sys

import nbformat
from nbgrader.utils import determine_grade
from nbgrader.validator import Validator

from grader.calibration import run_solutions
from grader.cases import CasesMissing, tests_for
from grader.cells import grade_id, is_test_cell, test_cell_ids
from grader.sandbox import probe
from tools import ROOT


def validate(path, invert=False):
    """The validator's findings for one notebook: {} when it is as it should be."""
    return Validator(invert=invert).validate(str(path))


def graded_scores(path, assignment):
    """{test cell: (score, max)} of a notebook run as autograding runs it, in a scratch copy of its folder."""
    nb, _ = run_solutions(path, assignment, sandboxed=probe() is None)
    return {grade_id(c): determine_grade(c) for c in nb.cells if is_test_cell(c)}


def missing_cases():
    """Every source notebook's test cells without the grader's cases, one line each (hidden grading never vanishes)."""
    lines = []
    for path in sorted((ROOT / "source").glob("*/*.ipynb")):
        try:
            tests_for(path.parent.name, test_cell_ids(nbformat.read(path, as_version=4)))
        except CasesMissing as error:
            lines.append(f"FAILED {path.relative_to(ROOT)}: {error}")
    return lines


def describe(findings):
    lines = []
    for kind, cells in findings.items():
        for cell in cells:
            source = cell.get("source", "").strip().splitlines()
            first = source[0] if source else ""
            lines.append(f"    {kind}: {first[:100]}" + (f"\n      {cell['error'].strip().splitlines()[-1][:200]}"
                                                        if cell.get("error") else ""))
    return "\n".join(lines)


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    missing = missing_cases()
    for line in missing:
        print(line)
    if "--cases" in args or missing:
        return 1 if missing else 0
    ok = True
    for kind, folder, invert in (("source", "source", False), ("release", "release", True)):
        for path in sorted((ROOT / folder).glob("*/*.ipynb")):
            findings = validate(path, invert)
            scores = graded_scores(path, path.parent.name)
            wrong = [cell for cell, (score, points) in scores.items() if (score == points) == invert]
            expectation = "untouched stubs fail every test" if invert else "solutions pass every test"
            status = "ok" if not findings and not wrong else "FAILED"
            print(f"{status:6} {path.relative_to(ROOT)} ({expectation}; nbgrader validate and the grader's cases)")
            if findings:
                print(describe(findings))
            if wrong:
                print(f"    the grader's cases {'passed' if invert else 'failed'}: {', '.join(wrong)}")
            ok = ok and status == "ok"
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
