"""
What a student got, as the instructor reads it: from the gradebook and the provenance record.

``result_of`` reads one student's grade of an assignment from the course's
gradebook (automatic and manual scores, the late penalty) and what the grader
had to do from the provenance record (grader/provenance.py), so a student just
graded and one graded in an earlier run are reported alike. ``summary_line``
and ``grade_table`` put them in words; everything a student wrote that reaches
a report (an error message, a kernel name, a path) is escaped first.
"""
import re
from dataclasses import dataclass, field

from grader.cells import exercise_of


@dataclass
class StudentResult:
    """The grade of one student for one assignment, by exercise, with the grader's notes."""
    student: str
    graded: bool = False
    score: float = None  # after the late penalty, manual grades included
    max_score: float = 0.0
    by_exercise: dict = field(default_factory=dict)  # exercise -> (score, max_score)
    penalty: float = 0.0
    late_seconds: float = 0.0
    manual: list = field(default_factory=list)  # exercises with a manual grade
    flagged: list = field(default_factory=list)  # exercises a person should look at
    failures: dict = field(default_factory=dict)  # exercise -> the first line of the grader's message
    notes: list = field(default_factory=list)  # what the grader did, in words
    unsandboxed: bool = False
    seconds: float = 0.0


# How a note of the grading pipeline (grader/facts.py) reads in a report.
WORDS = {
    "unreadable": lambda n: f"not a readable notebook ({n['reason']}); graded as the blank release (0 points)",
    "kernel_name": lambda n: f"the notebook asked for the kernel {n['named']!r}; graded in the course's kernel",
    "cells_unknown": lambda n: (f"edited nbgrader metadata ({', '.join(n['cells'])}: not a grade_id of the "
                                f"assignment); such cells were graded as ordinary cells and the original test "
                                f"cells put back"),
    "metadata_repaired": lambda n: (f"edited nbgrader metadata of {', '.join(n['cells'])}: graded as the release "
                                    f"defines them"),
    "test_cells_restored": lambda n: f"deleted test cell(s) {', '.join(n['cells'])} were put back and run",
    "test_cells_replaced": lambda n: f"edited test cell(s) {', '.join(n['cells'])} were replaced by the originals",
    "kernel_stopped": lambda n: (f"the Python kernel stopped in {n['cell']}; {n['disabled']} was disabled and the "
                                 f"notebook graded again without it"),
    "notebook_time_limit": lambda n: (f"grading ran past the limit of {n['seconds']} s for a whole notebook; "
                                      f"graded again with a limit of {n['retry_cell']} s per cell"),
    "interrupted": lambda n: f"interrupted after the time limit per cell: {', '.join(n['cells'])}",
    "sandbox_denied": lambda n: "blocked by the sandbox: " + "; ".join(n["what"]),
    "output_limited": lambda n: f"very long output was shortened in the graded notebook ({', '.join(n['cells'])})",
}


def words(note):
    """A note of the pipeline in words."""
    return WORDS[note["kind"]](note) if note["kind"] in WORDS else note["kind"]


def result_of(course, assignment, student, record, unsandboxed=False):
    """A student's result from the course's gradebook and its provenance record (or None)."""
    from nbgrader.api import MissingEntry

    result = StudentResult(student, unsandboxed=unsandboxed)
    if record is not None:
        result.graded = record.get("graded", False)
        result.flagged = list(record.get("flagged", []))
        result.seconds = record.get("seconds", 0.0)
        result.notes = [words(n) for e in record["notebooks"].values() for n in e.get("notes", [])]
        result.failures = {exercise_of(t): line for e in record["notebooks"].values()
                           for t, line in e.get("failures", {}).items()}
        if not result.graded:
            result.notes.append(f"could not be graded: {record.get('reason') or 'see logs/'}")
    with course.gradebook() as gb:
        try:
            submission = gb.find_submission(assignment.name, student)
        except MissingEntry:
            result.graded = False
            return result
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                exercise = exercise_of(grade.name)
                old = result.by_exercise.get(exercise, (0.0, 0.0))
                result.by_exercise[exercise] = (old[0] + (grade.score or 0.0), old[1] + grade.max_score)
                if grade.manual_score is not None:
                    result.manual.append(exercise)
                if grade.needs_manual_grade and result.graded:
                    result.flagged.append(exercise)
        result.penalty = submission.late_submission_penalty or 0.0
        result.late_seconds = submission.total_seconds_late or 0.0
        result.score = submission.score - result.penalty
        result.max_score = submission.max_score
    result.flagged = list(dict.fromkeys(result.flagged))
    if result.late_seconds > 0:
        result.notes.append(f"late by {_duration(result.late_seconds)}"
                            + (f", -{result.penalty:g}" if result.penalty else ", no penalty"))
    if result.manual:
        result.notes.append(f"manual grade kept ({', '.join(dict.fromkeys(result.manual))})")
    return result


def _duration(seconds):
    hours, rest = divmod(int(seconds), 3600)
    return f"{hours} h {rest // 60} min" if hours else f"{rest // 60} min {rest % 60} s"


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def escape(text):
    """Text safe for a terminal and a log: every control character (escape, carriage return...) shown as \\xNN."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text).replace("\n", " "))


def summary_line(result):
    """One line for one student: the score, and what the grader had to do."""
    score = f"{result.score:g} / {result.max_score:g}" if result.graded else "not graded"
    line = ("UNSANDBOXED " if result.unsandboxed else "") + f"{result.student}: {score}"
    if result.notes:
        line += " -- " + "; ".join(result.notes)
    return escape(line)[:2000]


def grade_table(results, exercises):
    """A text table of the points of each student in each exercise (numbered, with a legend, when names are long)."""
    width = max([len("(points)")] + [len(r.student) for r in results])
    numbered = any(len(e) > 12 for e in exercises)
    columns = [f"ex{i}" for i in range(1, len(exercises) + 1)] if numbered else list(exercises)
    widths = [max(len(c), 5) for c in columns]
    lines = ["  ".join(["student".ljust(width)] + [c.rjust(w) for c, w in zip(columns, widths)]
                       + ["total".rjust(9)])]
    maxima = {}
    for r in results:
        for e, (_, m) in r.by_exercise.items():
            maxima[e] = m
    lines.append("  ".join(["(points)".ljust(width)] + [f"{maxima.get(e, 0):g}".rjust(w)
                                                        for e, w in zip(exercises, widths)]
                           + [f"{sum(maxima.values()):g}".rjust(9)]))
    for r in results:
        cells = [f"{r.by_exercise[e][0]:g}".rjust(w) if e in r.by_exercise and r.graded else "-".rjust(w)
                 for e, w in zip(exercises, widths)]
        total = f"{r.score:g}" if r.graded else "-"
        lines.append("  ".join([escape(r.student).ljust(width)] + cells + [total.rjust(9)]))
    if numbered:
        lines.append("")
        lines.append("  ".join(f"ex{i} {e}" for i, e in enumerate(exercises, start=1)))
    return "\n".join(lines)
