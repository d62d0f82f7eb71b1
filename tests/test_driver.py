"""
The grading driver's own steps on small made-up notebooks, without nbgrader or a
kernel: what it does to a submission before grading (preflight), what it reads
from a graded notebook, and how it words nbgrader's errors.
"""
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from grader import driver
from grader.driver import DISABLED_CELL, CourseGrader, StudentResult

A = "a0"


def cell(source, grade_id=None, points=None, solution=False, outputs=()):
    made = new_code_cell(source, outputs=list(outputs))
    if grade_id:
        made.metadata["nbgrader"] = {"grade_id": grade_id, "grade": points is not None, "solution": solution,
                                     "locked": not solution, **({"points": points} if points is not None else {})}
    return made


RELEASE = [cell("def square(x):\n    raise NotImplementedError()", "square", solution=True),
           cell("assert square(2) == 4", "square_tests", points=5),
           cell("def cube(x):\n    raise NotImplementedError()", "cube", solution=True),
           cell("assert cube(2) == 8", "cube_tests", points=5)]


@pytest.fixture
def grader(tmp_path):
    """A CourseGrader of a made-up course: the release of one notebook, and what the gradebook would say."""
    (tmp_path / "release" / A).mkdir(parents=True)
    nbformat.write(new_notebook(cells=RELEASE), tmp_path / "release" / A / f"{A}.ipynb")
    made = CourseGrader.__new__(CourseGrader)
    made.course_dir, made.assignment, made.unsandboxed, made._db_url = tmp_path, A, False, None
    made.notebooks = {A: {"source_cells": {c.metadata.nbgrader["grade_id"]: c.source for c in RELEASE},
                          "order": [c.metadata.nbgrader["grade_id"] for c in RELEASE],
                          "grade_cells": {"square_tests": 5, "cube_tests": 5}}}
    return made


def submit(grader, student, cells=None, text=None):
    folder = grader.course_dir / "submitted" / student / A
    folder.mkdir(parents=True)
    if text is not None:
        (folder / f"{A}.ipynb").write_text(text)
    else:
        nbformat.write(new_notebook(cells=cells), folder / f"{A}.ipynb")
    return folder / f"{A}.ipynb"


def graded(grader, student, cells):
    folder = grader.course_dir / "autograded" / student / A
    folder.mkdir(parents=True)
    nbformat.write(new_notebook(cells=cells), folder / f"{A}.ipynb")


def test_preflight_grades_an_unreadable_file_as_the_blank_release(grader):
    path = submit(grader, "ann", text='{"cells": [')
    (note,) = grader.preflight("ann")
    assert note.startswith(f"{A}.ipynb is not a readable notebook (") and "graded as the blank release" in note
    assert path.read_bytes() == (grader.course_dir / "release" / A / f"{A}.ipynb").read_bytes()
    assert path.with_name(path.name + ".unreadable").read_text() == '{"cells": ['


def test_preflight_turns_cells_with_a_renamed_grade_id_into_ordinary_cells(grader):
    cells = [cell(c.source, c.metadata.nbgrader["grade_id"], c.metadata.nbgrader.get("points"),
                  c.metadata.nbgrader["solution"]) for c in RELEASE]
    cells[1].metadata.nbgrader["grade_id"] = "my_tests"
    path = submit(grader, "bob", cells)
    (note,) = grader.preflight("bob")
    assert note.startswith("edited nbgrader metadata (my_tests: not a grade_id of the assignment)")
    assert "nbgrader" not in nbformat.read(path, as_version=4).cells[1].metadata
    assert path.with_name(path.name + ".orig").exists()


def test_preflight_notes_a_notebook_that_was_not_submitted(grader):
    (grader.course_dir / "submitted" / "cy" / A).mkdir(parents=True)
    assert grader.preflight("cy") == [f"{A}.ipynb was not submitted: 0 points for it"]


def test_an_honest_submission_passes_preflight_untouched(grader):
    path = submit(grader, "dee", RELEASE)
    before = path.read_bytes()
    assert grader.preflight("dee") == []
    assert path.read_bytes() == before and sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_edited_test_cells_are_those_whose_source_or_points_changed(grader):
    cells = [cell(c.source, c.metadata.nbgrader["grade_id"], c.metadata.nbgrader.get("points"),
                  c.metadata.nbgrader["solution"]) for c in RELEASE]
    cells[1].source = "pass"
    cells[3].metadata.nbgrader["points"] = 50
    submit(grader, "eve", cells)
    assert grader._edited_test_cells("eve", A, grader.notebooks[A]) == ["square_tests", "cube_tests"]


def test_an_unreadable_submission_has_no_edited_test_cells(grader):
    submit(grader, "fay", text="not json")
    grader.preflight("fay")
    assert grader._edited_test_cells("fay", A, grader.notebooks[A]) == []


def test_the_graded_notebook_tells_what_the_grader_had_to_do(grader):
    submit(grader, "gus", RELEASE)
    timeout = new_output("error", ename="CellTimeoutError", evalue="A cell timed out", traceback=[])
    wrong = new_output("error", ename="AssertionError", evalue="cube(2) returned 9, expected 8\nmore", traceback=[])
    graded(grader, "gus", [
        cell(DISABLED_CELL + "\n# def square(x): ...", "square", solution=True),
        cell("# The test cell was missing from the submission", "square_tests", points=5),
        cell("x = 1", outputs=[new_output("stream", name="stdout", text="a\n[... 9000 characters of output removed]")]),
        cell("def cube(x): ...", "cube", solution=True),
        cell("assert cube(2) == 8", "cube_tests", points=5, outputs=[timeout, wrong])])
    result = StudentResult("gus")
    grader._read_graded_notebook(result, A, grader.notebooks[A])
    assert result.notes == ["deleted test cell(s) square_tests were put back and run",
                            "interrupted after the time limit per cell: cube_tests",
                            "very long output was shortened in the graded notebook"]
    assert result.failures == {"cube": "CellTimeoutError: A cell timed out"}
    assert result.flagged == ["square", "cube"]


def test_what_the_sandbox_blocked_is_said_in_a_few_words():
    def error(ename, evalue):
        return new_output("error", ename=ename, evalue=evalue, traceback=[])

    assert driver.blocked_by_sandbox(error("MemoryError", "")) == "ran into the memory limit"
    assert driver.blocked_by_sandbox(error("OSError", "[Errno 101] Network is unreachable")) == \
        "tried to use the network: denied"
    assert driver.blocked_by_sandbox(error("FileNotFoundError", "No such file: '/work/course/gradebook.db'")) == \
        "tried to reach /work/course/gradebook.db: not in the sandbox"
    assert driver.blocked_by_sandbox(error("ValueError", "shapes (2,3) and (4,) not aligned")) is None


def test_nbgraders_last_real_error_is_the_reason_given():
    output = "\n".join(["[AutogradeApp | INFO] Copying files",
                        "[AutogradeApp | ERROR] No such student: ann",
                        "[AutogradeApp | ERROR] There was an error processing assignment: a0",
                        "[AutogradeApp | ERROR] Please see the error log for details"])
    assert driver._last_error(output) == "No such student: ann"
    assert driver._last_error("[AutogradeApp | INFO] fine") == "nbgrader failed"


def test_the_time_left_comes_from_the_rate_so_far():
    assert driver._time_left(1, 4, 10.0) == ", about 30 s left"
    assert driver._time_left(2, 200, 60.0) == ", about 99 min left"
    assert driver._time_left(4, 4, 40.0) == ""
