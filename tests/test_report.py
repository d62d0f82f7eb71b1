"""The class summary per exercise: its numbers, its CSV and its figure."""
import csv

from grader import report
from grader.results import StudentResult


def student(name, scores, flagged=(), graded=True):
    result = StudentResult(name, graded=graded, flagged=list(flagged))
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
