"""
What an instructor reads after a batch: per exercise, how the class did.

``summarise`` writes, next to ``grades.csv`` in the course directory,
``summary-<assignment>.csv`` (one row per exercise: points, mean, median, share
with full marks, share with zero, how many flagged, how many not graded) and
``summary-<assignment>.png`` (the distribution of the points of each exercise),
and returns the same table as text.
"""
import csv
import math
import pathlib
import statistics
from dataclasses import dataclass

COLUMNS = ("exercise", "points", "graded", "mean", "median", "full_marks", "zero", "flagged", "not_graded")


@dataclass
class ExerciseSummary:
    exercise: str
    points: float
    scores: list  # the points of every graded student
    flagged: int
    not_graded: int

    @property
    def graded(self):
        return len(self.scores)

    def row(self):
        scores, n = self.scores, len(self.scores)
        return {
            "exercise": self.exercise, "points": self.points, "graded": n,
            "mean": round(statistics.fmean(scores), 3) if n else math.nan,
            "median": statistics.median(scores) if n else math.nan,
            "full_marks": round(sum(s >= self.points for s in scores) / n, 3) if n else math.nan,
            "zero": round(sum(s == 0 for s in scores) / n, 3) if n else math.nan,
            "flagged": self.flagged, "not_graded": self.not_graded,
        }


def summarise_exercises(results, exercises):
    """One ExerciseSummary per exercise (in notebook order) of a list of grader.results.StudentResult."""
    summaries = []
    for exercise in exercises:
        points = next((r.by_exercise[exercise][1] for r in results if exercise in r.by_exercise), 0.0)
        scores = [r.by_exercise[exercise][0] for r in results if r.graded and exercise in r.by_exercise]
        summaries.append(ExerciseSummary(
            exercise, points, scores,
            flagged=sum(exercise in r.flagged for r in results if r.graded),
            not_graded=sum(not r.graded for r in results)))
    return summaries


def table(summaries):
    """The summary as a text table, shares in per cent."""
    head = ["exercise", "points", "graded", "mean", "median", "full marks", "zero", "flagged", "not graded"]
    share = (lambda x: "-" if math.isnan(x) else f"{100 * x:.0f}%")
    number = (lambda x: "-" if math.isnan(x) else f"{x:g}")
    rows = []
    for s in summaries:
        row = s.row()
        rows.append([s.exercise, f"{s.points:g}", str(s.graded), number(row["mean"]), number(row["median"]),
                     share(row["full_marks"]), share(row["zero"]), str(s.flagged), str(s.not_graded)])
    widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
    return "\n".join("  ".join([r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:])])
                     for r in [head] + rows)


def write_csv(summaries, path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        for s in summaries:
            writer.writerow(s.row())
    return path


def figure(summaries, assignment):
    """
    One small bar chart per exercise: how many students got each number of points
    (bars at every score that occurs, from 0 to the exercise's points).
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    columns = min(4, max(1, len(summaries)))
    rows = math.ceil(len(summaries) / columns)
    fig, axes = plt.subplots(rows, columns, figsize=(3.2 * columns, 2.4 * rows), squeeze=False)
    for ax, s in zip(axes.flat, summaries):
        values = sorted(set(s.scores) | {0.0, s.points})
        ax.bar([f"{v:g}" for v in values], [s.scores.count(v) for v in values], color="tab:blue")
        ax.set_title(f"{s.exercise} ({s.points:g} pts)", fontsize=9)
        ax.set_xlabel("points", fontsize=8)
        ax.set_ylabel("students", fontsize=8)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.tick_params(labelsize=7)
    for ax in list(axes.flat)[len(summaries):]:
        ax.set_visible(False)
    fig.suptitle(f"{assignment}: points per exercise", fontsize=11)
    fig.tight_layout()
    return fig


def summarise(course_dir, assignment, results, exercises):
    """Writes the CSV and the PNG of an assignment's summary; returns (text table, csv path, png path)."""
    import matplotlib.pyplot as plt

    summaries = summarise_exercises(results, exercises)
    folder = pathlib.Path(course_dir)
    csv_path = write_csv(summaries, folder / f"summary-{assignment}.csv")
    fig = figure(summaries, assignment)
    png_path = folder / f"summary-{assignment}.png"
    fig.savefig(png_path, dpi=110)
    plt.close(fig)
    return table(summaries), csv_path, png_path
