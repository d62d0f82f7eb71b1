"""
What the instructor reads (grader/results.py): a student's result from a real gradebook and
its provenance record, the report line, the grade table, and nothing a student wrote raw.
"""
import datetime
import shutil

import pytest
from nbgrader.api import Gradebook

from grader import gradebook, results
from grader.course import Course


@pytest.fixture(scope="module")
def made_gradebook(tmp_path_factory):
    """A course gradebook: one assignment due at noon, a student graded 4 + 10 of 5 + 10."""
    path = tmp_path_factory.mktemp("gradebook") / "gradebook.db"
    with Gradebook(gradebook.empty(path), "nnfs") as gb:
        gb.add_assignment("a1", duedate=datetime.datetime(2026, 12, 1, 12, 0))
        gb.add_notebook("a1", "a1")
        gb.add_grade_cell("sigmoid_tests", "a1", "a1", max_score=5, cell_type="code")
        gb.add_grade_cell("predict_tests", "a1", "a1", max_score=10, cell_type="code")
        gb.add_student("ada")
        gb.add_submission("a1", "ada", timestamp=datetime.datetime(2026, 12, 1, 14, 30))
        for cell, score in (("sigmoid_tests", 4.0), ("predict_tests", 10.0)):
            grade = gb.find_grade(cell, "a1", "a1", "ada")
            grade.auto_score, grade.needs_manual_grade = score, False
        gb.find_submission_notebook("a1", "a1", "ada").late_submission_penalty = 3.0
        gb.db.commit()
    return path


@pytest.fixture
def course(made_gradebook, tmp_path):
    shutil.copy2(made_gradebook, tmp_path / "gradebook.db")
    return Course(tmp_path, db_url=f"sqlite:///{tmp_path / 'gradebook.db'}")


def assignment():
    from grader.course import Assignment

    return Assignment("a1", notebooks={"a1": {"sigmoid_tests": 5, "predict_tests": 10}},
                      order={"a1": ["sigmoid", "sigmoid_tests", "predict", "predict_tests"]})


RECORD = {"graded": True, "flagged": [], "seconds": 3.0, "notebooks": {"a1": {"notes": [
    {"kind": "kernel_stopped", "cell": "cell 7", "disabled": "predict"}], "failures": {
    "sigmoid_tests": "AssertionError: sigmoid(0) is 0.4 but should be 0.5"}}}}


def test_the_result_is_the_gradebooks_after_the_penalty_and_says_why(course):
    result = results.result_of(course, assignment(), "ada", RECORD)
    assert result.graded and (result.score, result.max_score, result.penalty) == (11.0, 15.0, 3.0)
    assert result.by_exercise == {"sigmoid": (4.0, 5.0), "predict": (10.0, 10.0)}
    assert result.failures == {"sigmoid": "AssertionError: sigmoid(0) is 0.4 but should be 0.5"}
    line = results.summary_line(result)
    assert line.startswith("ada: 11 / 15 -- the Python kernel stopped in cell 7; predict was disabled")
    assert "late by 2 h 30 min, -3" in line


def test_a_manual_grade_counts_and_is_said(course):
    with course.gradebook() as gb:
        gb.find_grade("sigmoid_tests", "a1", "a1", "ada").manual_score = 5.0
        gb.db.commit()
    result = results.result_of(course, assignment(), "ada", RECORD)
    assert result.score == 12.0 and "manual grade kept (sigmoid)" in results.summary_line(result)


def test_a_student_the_grader_could_not_grade_is_not_graded_not_zero(course):
    record = {"graded": False, "reason": "the kernel kept stopping", "notebooks": {}}
    result = results.result_of(course, assignment(), "ada", record)
    assert not result.graded
    assert results.summary_line(result).startswith("ada: not graded -- could not be graded: the kernel kept")


def test_nothing_a_student_wrote_reaches_the_terminal_raw():
    result = results.StudentResult("eve", graded=True, score=0, max_score=100, notes=[
        "blocked by the sandbox: tried to reach /x\r[1/2] alice: 0 / 100\x1b[2K\x1b]0;title\x07\x1b]52;c;aGk=\x07"])
    line = results.summary_line(result)
    assert "\r" not in line and "\x1b" not in line and "\x07" not in line
    assert "\\x1b]52" in line  # shown, not obeyed


def test_the_grade_table_shows_points_per_student_and_exercise():
    graded = results.StudentResult("perfect", graded=True, score=15, max_score=15,
                                   by_exercise={"sigmoid": (5, 5), "layer_sizes": (10, 10)})
    lines = results.grade_table([graded, results.StudentResult("broken")], ["sigmoid", "layer_sizes"]).splitlines()
    assert lines[0].split() == ["student", "sigmoid", "layer_sizes", "total"]
    assert lines[1].split() == ["(points)", "5", "10", "15"]
    assert lines[2].split() == ["perfect", "5", "10", "15"] and lines[3].split() == ["broken", "-", "-", "-"]
    long_names = results.grade_table([graded], ["initialize_parameters", "initialize_parameters_deep"]).splitlines()
    assert long_names[0].split() == ["student", "ex1", "ex2", "total"]
    assert long_names[-1] == "ex1 initialize_parameters  ex2 initialize_parameters_deep"
