"""
nbgrader validate, with its result read properly.

``nbgrader validate`` exits 0 even when a notebook fails validation, so this
reads the validator's result instead: every source notebook must pass (the
solutions pass every test), and every release notebook must fail every test
cell when run untouched (``--invert``: no test passes on an empty stub).

    python -m tools.validate        # exit code 1 if anything is wrong
"""
import pathlib
import sys

from nbgrader.validator import Validator

ROOT = pathlib.Path(__file__).resolve().parent.parent


def validate(path, invert=False):
    """The validator's findings for one notebook: {} when it is as it should be."""
    return Validator(invert=invert).validate(str(path))


def describe(findings):
    lines = []
    for kind, cells in findings.items():
        for cell in cells:
            source = cell.get("source", "").strip().splitlines()
            first = source[0] if source else ""
            lines.append(f"    {kind}: {first[:100]}" + (f"\n      {cell['error'].strip().splitlines()[-1][:200]}"
                                                        if cell.get("error") else ""))
    return "\n".join(lines)


def main():
    ok = True
    for kind, folder, invert in (("source", "source", False), ("release", "release", True)):
        for path in sorted((ROOT / folder).glob("*/*.ipynb")):
            findings = validate(path, invert)
            status = "ok" if not findings else "FAILED"
            expectation = "untouched stubs fail every test" if invert else "solutions pass every test"
            print(f"{status:6} {path.relative_to(ROOT)} ({expectation})")
            if findings:
                ok = False
                print(describe(findings))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
