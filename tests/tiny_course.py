"""
A copy of the course with one more, tiny assignment, for the tests that grade a batch many times
(faults, resumption): two exercises in NumPy, its graded cases in the copy's grader/cases/, a
release made by nbgrader, and submissions that take a known time.
"""
import shutil

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from tools.demo import generate_release, prepare_course

TINY = "a0_squares"

CASES = '''"""Graded cases of the tiny assignment of the tests."""
from grader.judging import Case


def square_tests(rng):
    for x in rng.normal(size=3):
        yield Case("square", (float(x),), label=f"square({float(x)!r})", rtol=1e-9)


def cube_tests(rng):
    yield Case("cube", (rng.normal(size=(2, 3)),), label="cube(x) for x of shape (2, 3)", rtol=1e-9)


TESTS = {f.__name__: f for f in (square_tests, cube_tests)}
'''


def _cell(source, grade_id, **meta):
    cell = new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade_id": grade_id, "schema_version": 3, "grade": False, "solution": False,
                                 "locked": True, **meta}
    return cell


def source_notebook():
    solution = dict(solution=True, locked=False)
    test = dict(grade=True, points=5)
    return new_notebook(cells=[
        _cell("import numpy as np", "imports"),
        _cell("def square(x):\n    ### BEGIN SOLUTION\n    return x * x\n    ### END SOLUTION", "square", **solution),
        _cell('"""Checks square."""\nassert square(3) == 9\n### BEGIN HIDDEN TESTS\n# the grader\'s cases\n'
              "### END HIDDEN TESTS", "square_tests", **test),
        _cell("def cube(x):\n    ### BEGIN SOLUTION\n    return x ** 3\n    ### END SOLUTION", "cube", **solution),
        _cell('"""Checks cube."""\nassert cube(2) == 8\n### BEGIN HIDDEN TESTS\n# the grader\'s cases\n'
              "### END HIDDEN TESTS", "cube_tests", **test)],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})


def make(folder):
    """A copy of the course at ``folder`` with the tiny assignment released; returns its path."""
    course = prepare_course(folder)
    (course / "source" / TINY).mkdir()
    nbformat.write(source_notebook(), course / "source" / TINY / f"{TINY}.ipynb")
    (course / "grader" / "cases" / f"{TINY}.py").write_text(CASES)
    generate_release(course, TINY)
    return course


def submit(course, student, square="x * x", cube="x ** 3", seconds=0.0):
    """A submission of the tiny assignment with these function bodies, taking ``seconds`` in one cell."""
    nb = nbformat.read(course / "release" / TINY / f"{TINY}.ipynb", as_version=4)
    for cell in nb.cells:
        name = cell.metadata.get("nbgrader", {}).get("grade_id")
        if name in ("square", "cube"):
            cell.source = f"def {name}(x):\n    return {square if name == 'square' else cube}"
    if seconds:
        nb.cells.insert(1, new_code_cell(f"import time\ntime.sleep({seconds})"))
    path = course / "submitted" / student / TINY / f"{TINY}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


def copy(course, folder):
    """Another copy of a tiny course (its gradebook, submissions and calibration included)."""
    return shutil.copytree(course, folder, symlinks=True)
