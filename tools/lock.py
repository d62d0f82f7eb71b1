"""
Locks the course's environment: ``make lock`` writes constraints.txt.

It installs requirements-test.txt (the course's direct dependencies and the test
tools) into a new virtual environment with nothing else, and writes every
package that ended up in it, at its version, to constraints.txt. ``make`` and
environment.yml install with ``-c constraints.txt``, so that every machine grades
with the same traitlets, SQLAlchemy, pyzmq and the rest, not only the same
nbgrader. Run it after changing a pin, and commit both files.
"""
import pathlib
import subprocess
import sys
import tempfile

from tools import ROOT

HEADER = """\
# Every package of the course's environment at the version it is tested with:
# written by `make lock` (tools/lock.py) from requirements-test.txt; do not edit.
"""


def freeze(*requirements, base=sys.executable):
    """
    The `name==version` lines of a new virtual environment of the Python `base` holding the
    requirements files `requirements` and what they need.
    """
    with tempfile.TemporaryDirectory(prefix="nnfs-lock-") as folder:
        python = pathlib.Path(folder) / "bin" / "python"
        subprocess.run([base, "-m", "venv", folder], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", *(f"--requirement={r}" for r in requirements)],
                       check=True)
        frozen = subprocess.run([python, "-m", "pip", "freeze", "--all", "--exclude", "pip",
                                 "--exclude", "setuptools", "--exclude", "wheel"],
                                check=True, capture_output=True, text=True).stdout
    return sorted((line for line in frozen.splitlines() if "==" in line), key=str.lower)


def main():
    lines = freeze(ROOT / "requirements-test.txt")
    (ROOT / "constraints.txt").write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"constraints.txt: {len(lines)} packages locked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
