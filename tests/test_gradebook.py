"""
The course's gradebook and the private gradebooks of scratch courses: the template a
worker grades in, the rows it sends back, and their merge into the course's gradebook
(real SQLite gradebooks, built through nbgrader's API).
"""
import datetime
import shutil

import pytest
from nbgrader.api import Gradebook

from grader import gradebook
from grader.course import Course


@pytest.fixture(scope="module")
def made_gradebook(tmp_path_factory):
    """A course gradebook with one assignment of one notebook: a graded cell, a solution cell."""
    path = tmp_path_factory.mktemp("gradebook") / "gradebook.db"
    with Gradebook(gradebook.empty(path), "nnfs") as gb:
        gb.add_assignment("a1")
        gb.add_notebook("a1", "a1")
        gb.add_grade_cell("sigmoid_tests", "a1", "a1", max_score=5, cell_type="code")
        gb.add_solution_cell("sigmoid", "a1", "a1")
        gb.add_source_cell("sigmoid", "a1", "a1", cell_type="code", source="x = 1", checksum="c")
        gb.add_source_cell("sigmoid_tests", "a1", "a1", cell_type="code", source="t = 1", checksum="d")
    return path


@pytest.fixture
def course(made_gradebook, tmp_path):
    """A course of its own for one test, with a fresh copy of that gradebook."""
    shutil.copy2(made_gradebook, tmp_path / "gradebook.db")
    return Course(tmp_path, db_url=f"sqlite:///{tmp_path / 'gradebook.db'}")


def rows(score, comment=None, needs_manual=False):
    return {"timestamp": datetime.datetime(2026, 11, 30, 12, 0),
            "notebooks": {"a1": {"late_submission_penalty": 0.0, "grades": {"sigmoid_tests": (score, needs_manual)},
                                 "comments": {"sigmoid": comment}}}}


def test_a_template_gradebook_defines_the_assignment_and_no_students(course, tmp_path):
    gradebook.template(course, "a1", tmp_path / "template.db")
    with Gradebook(f"sqlite:///{tmp_path / 'template.db'}") as gb:
        notebook = gb.find_notebook("a1", "a1")
        assert [(c.name, c.max_score) for c in notebook.grade_cells] == [("sigmoid_tests", 5)]
        assert sorted((c.name, c.source) for c in notebook.source_cells) == [("sigmoid", "x = 1"),
                                                                             ("sigmoid_tests", "t = 1")]
        assert gb.students == []


def test_the_rows_a_scratch_gradebook_sends_back_are_what_autograding_wrote(course, tmp_path):
    gradebook.template(course, "a1", tmp_path / "scratch.db")
    url = f"sqlite:///{tmp_path / 'scratch.db'}"
    gradebook.grant(url, "nnfs", "a1", "ada", 3600)
    with Gradebook(url) as gb:
        grade = gb.find_grade("sigmoid_tests", "a1", "a1", "ada")
        grade.auto_score, grade.needs_manual_grade = 4.0, False
        gb.db.commit()
        assert gb.find_submission("a1", "ada").extension == datetime.timedelta(hours=1)
    got = gradebook.rows_of(url, "a1", "ada")
    assert got["notebooks"]["a1"]["grades"] == {"sigmoid_tests": (4.0, False)}


def test_merging_writes_the_automatic_grade_once_and_keeps_a_manual_grade(course):
    gradebook.merge(course, "a1", "ada", rows(0.0, "No response."))
    gradebook.merge(course, "a1", "ada", rows(5.0))  # a regrade replaces the automatic grade
    with course.gradebook() as gb:
        grade = gb.find_grade("sigmoid_tests", "a1", "a1", "ada")
        assert (grade.auto_score, grade.needs_manual_grade) == (5.0, False)
        assert gb.find_comment("sigmoid", "a1", "a1", "ada").auto_comment is None
        assert len(gb.find_assignment("a1").submissions) == 1
        assert gb.find_submission("a1", "ada").timestamp == datetime.datetime(2026, 11, 30, 12, 0)
        grade.manual_score = 3.0
        gb.db.commit()
    gradebook.merge(course, "a1", "ada", rows(5.0))
    with course.gradebook() as gb:
        grade = gb.find_grade("sigmoid_tests", "a1", "a1", "ada")
        assert (grade.manual_score, grade.score, grade.needs_manual_grade) == (3.0, 3.0, True)


def test_a_notebook_that_could_not_be_graded_is_merged_as_needing_a_grade_not_as_zero(course):
    gradebook.merge(course, "a1", "bo", rows(None, needs_manual=True))
    with course.gradebook() as gb:
        grade = gb.find_grade("sigmoid_tests", "a1", "a1", "bo")
        assert (grade.auto_score, grade.needs_manual_grade) == (None, True)


def test_a_merge_that_fails_half_way_leaves_nothing_of_the_student(course):
    broken = rows(5.0)
    broken["notebooks"]["a1"]["grades"]["no_such_cell"] = (1.0, False)
    with pytest.raises(Exception):
        gradebook.merge(course, "a1", "cy", broken)
    with course.gradebook() as gb:
        assert [s.student.id for s in gb.find_assignment("a1").submissions] == []
