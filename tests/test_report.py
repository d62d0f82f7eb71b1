"""
The pieces of class grading that need no kernel: the summary per exercise (its
numbers, CSV and figure) and the merge of a worker's rows into the course's
gradebook (a real SQLite gradebook, built through nbgrader's API).
"""
import csv
import datetime

import pytest

from grader import parallel, report
from grader.driver import StudentResult


def student(name, scores, flagged=(), graded=True):
    result = StudentResult(name, flagged=list(flagged))
    if graded:
        result.by_exercise = {e: (s, m) for e, (s, m) in scores.items()}
        result.score = sum(s for s, _ in scores.values())
        result.max_score = sum(m for _, m in scores.values())
    return result


CLASS = [
    student("ada", {"sigmoid": (5, 5), "predict": (10, 10)}),
    student("bob", {"sigmoid": (5, 5), "predict": (0, 10)}, flagged=["predict"]),
    student("cy", {"sigmoid": (0, 5), "predict": (10, 10)}),
    student("dee", {"sigmoid": (5, 5), "predict": (4, 10)}),
    student("eve", {}, graded=False),
]


def test_the_summary_per_exercise_counts_what_it_says():
    sigmoid, predict = report.summarise_exercises(CLASS, ["sigmoid", "predict"])
    assert sigmoid.row() == {"exercise": "sigmoid", "points": 5, "graded": 4, "mean": 3.75, "median": 5.0,
                             "full_marks": 0.75, "zero": 0.25, "flagged": 0, "not_graded": 1}
    assert predict.row() == {"exercise": "predict", "points": 10, "graded": 4, "mean": 6.0, "median": 7.0,
                             "full_marks": 0.5, "zero": 0.25, "flagged": 1, "not_graded": 1}


def test_the_summary_table_csv_and_figure_hold_the_same_numbers(tmp_path):
    import matplotlib.pyplot as plt

    text, csv_path, png_path = report.summarise(tmp_path, "a1_two_layer_network", CLASS, ["sigmoid", "predict"])
    lines = text.splitlines()
    assert lines[0].split()[:5] == ["exercise", "points", "graded", "mean", "median"]
    assert lines[2].split() == ["predict", "10", "4", "6", "7", "50%", "25%", "1", "1"]
    with open(csv_path, newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["exercise"] for r in rows] == ["sigmoid", "predict"]
    assert rows[1]["mean"] == "6.0" and rows[1]["full_marks"] == "0.5" and rows[1]["not_graded"] == "1"
    assert png_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    fig = report.figure(report.summarise_exercises(CLASS, ["sigmoid", "predict"]), "a1")
    predict_axes = fig.axes[1]
    bars = {t.get_text(): p.get_height() for t, p in zip(predict_axes.get_xticklabels(), predict_axes.patches)}
    assert bars == {"0": 1, "4": 1, "10": 2}
    assert predict_axes.get_title() == "predict (10 pts)"
    plt.close(fig)


@pytest.fixture(scope="module")
def made_gradebook(tmp_path_factory):
    """A course gradebook with one assignment of one notebook: a graded cell, a solution cell."""
    from nbgrader.api import Gradebook

    path = tmp_path_factory.mktemp("gradebook") / "gradebook.db"
    with Gradebook(f"sqlite:///{path}", "nnfs") as gb:
        gb.add_assignment("a1")
        gb.add_notebook("a1", "a1")
        gb.add_grade_cell("sigmoid_tests", "a1", "a1", max_score=5, cell_type="code")
        gb.add_solution_cell("sigmoid", "a1", "a1")
        gb.add_source_cell("sigmoid", "a1", "a1", cell_type="code", source="x = 1", checksum="c")
        gb.add_source_cell("sigmoid_tests", "a1", "a1", cell_type="code", source="t = 1", checksum="d")
    return path


@pytest.fixture
def course_gradebook(made_gradebook, tmp_path):
    """A fresh copy of that gradebook, for one test: its URL."""
    import shutil

    shutil.copy2(made_gradebook, tmp_path / "gradebook.db")
    return f"sqlite:///{tmp_path / 'gradebook.db'}"


def rows(score, comment=None):
    return {"timestamp": datetime.datetime(2026, 11, 30, 12, 0),
            "notebooks": {"a1": {"late_submission_penalty": 0.0, "grades": {"sigmoid_tests": score},
                                 "comments": {"sigmoid": comment}}}}


def test_a_template_gradebook_defines_the_assignment_and_no_students(course_gradebook, tmp_path):
    from nbgrader.api import Gradebook

    parallel.template_gradebook(course_gradebook, "a1", "nnfs", tmp_path / "template.db")
    with Gradebook(f"sqlite:///{tmp_path / 'template.db'}", "nnfs") as gb:
        notebook = gb.find_notebook("a1", "a1")
        assert [(c.name, c.max_score) for c in notebook.grade_cells] == [("sigmoid_tests", 5)]
        assert sorted((c.name, c.source) for c in notebook.source_cells) == [("sigmoid", "x = 1"),
                                                                             ("sigmoid_tests", "t = 1")]
        assert gb.students == []


def test_merging_writes_the_automatic_grade_once_and_keeps_a_manual_grade(course_gradebook):
    from nbgrader.api import Gradebook

    with Gradebook(course_gradebook, "nnfs") as gb:
        parallel.merge_into(gb, "a1", "ada", rows(0.0, "No response."))
        parallel.merge_into(gb, "a1", "ada", rows(5.0))  # a regrade replaces the automatic grade
        grade = gb.find_grade("sigmoid_tests", "a1", "a1", "ada")
        assert (grade.auto_score, grade.needs_manual_grade) == (5.0, False)
        assert gb.find_comment("sigmoid", "a1", "a1", "ada").auto_comment is None
        assert len(gb.find_assignment("a1").submissions) == 1
        assert gb.find_submission("a1", "ada").timestamp == datetime.datetime(2026, 11, 30, 12, 0)

        grade.manual_score = 3.0
        gb.db.commit()
        parallel.merge_into(gb, "a1", "ada", rows(5.0))
        grade = gb.find_grade("sigmoid_tests", "a1", "a1", "ada")
        assert (grade.manual_score, grade.score, grade.needs_manual_grade) == (3.0, 3.0, True)
