"""
Grades out of the gradebook, for the instructor and for the LMS: ``make export``.

* ``grades.csv``: one row per student and assignment, with the points from
  autograding (``automatic``), what manual grading changed (``manual``: the
  grader's manual scores and extra credit, as a difference), the late penalty,
  the ``final`` score (automatic + manual - penalty, never below 0), and how
  late the work came in (h:mm:ss past the due date with any extension).
* ``grades-canvas.csv``: the same final scores as Canvas's gradebook import
  reads them: the columns ``Student, ID, SIS User ID, SIS Login ID, Section``,
  then one column per assignment; a ``Points Possible`` row under the header;
  one row per student, keyed by ``ID``, the Canvas user id (the roster's
  ``lms_id``). Canvas matches a column to an assignment of the same name, or
  creates it with those points.

Only assignments with graded work are exported. Work not handed in counts 0 once
its due date (with any extension) has passed; before that its score is blank,
which an LMS import leaves alone.
"""
import csv
import datetime
import math
import os
import pathlib
import tempfile
from dataclasses import dataclass

GRADES = "grades.csv"
CANVAS = "grades-canvas.csv"
GRADE_COLUMNS = ("student_id", "first_name", "last_name", "email", "lms_id", "assignment", "due", "extension_hours",
                 "submitted", "late_by", "automatic", "manual", "penalty", "final", "max_score")
CANVAS_STUDENT_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
POINTS_POSSIBLE = "Points Possible"


@dataclass
class Grade:
    """One student's grade for one assignment. Points are None where no work was graded."""
    student_id: str
    first_name: str
    last_name: str
    email: str
    lms_id: str
    assignment: str
    due: datetime.datetime  # naive UTC, with the student's extension; None: no due date
    extension_hours: float
    submitted: datetime.datetime  # naive UTC; None: not handed in (or handed in without a time)
    late_by: datetime.timedelta  # past the due date with the extension; None: not handed in
    automatic: float
    manual: float
    penalty: float
    final: float
    max_score: float

    def row(self):
        """The grade as a row of grades.csv."""
        values = {name: getattr(self, name) for name in GRADE_COLUMNS}
        for name in ("due", "submitted"):
            values[name] = values[name].isoformat(sep=" ", timespec="seconds") + " UTC" if values[name] else ""
        if self.late_by is not None:
            # h:mm:ss, hours past 24 included, as spreadsheets read a duration; late at all is 0:00:01 or more.
            minutes, seconds = divmod(math.ceil(self.late_by.total_seconds()), 60)
            values["late_by"] = f"{minutes // 60}:{minutes % 60:02}:{seconds:02}"
        return {name: _number(value) for name, value in values.items()}


def _number(value):
    """A CSV cell: numbers to two decimals without trailing zeros, None as empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{round(value, 2):g}"
    return value


def _grade(student, assignment, submission, now):
    """The Grade of a student (nbgrader's Student) for an assignment, from the submission's rows (or None)."""
    points = dict(automatic=None, manual=None, penalty=None, final=None)
    extension = submission.extension if submission is not None else None
    due = assignment.duedate + extension if assignment.duedate and extension else assignment.duedate
    grades = [g for nb in submission.notebooks for g in nb.grades] if submission is not None else []
    if any(g.auto_score is not None or g.manual_score is not None for g in grades):
        automatic = sum(g.auto_score or 0.0 for g in grades)
        penalty = submission.late_submission_penalty or 0.0
        points = dict(automatic=automatic, manual=submission.score - automatic, penalty=penalty,
                      final=max(0.0, submission.score - penalty))
    elif due is not None and due < now:
        points["final"] = 0.0
    graded = points["automatic"] is not None
    return Grade(student.id, student.first_name or "", student.last_name or "", student.email or "",
                 student.lms_user_id or "", assignment.name, due,
                 extension.total_seconds() / 3600 if extension else None,
                 submission.timestamp if graded else None,
                 datetime.timedelta(seconds=submission.total_seconds_late) if graded and submission.timestamp else None,
                 max_score=assignment.max_score, **points)


def grades(gradebook, now=None):
    """Every student's Grade for every assignment with graded work, assignments in due date order."""
    from nbgrader.api import MissingEntry

    now = now or datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    students = sorted(gradebook.students, key=lambda s: s.id)
    result = []
    for assignment in sorted(gradebook.assignments, key=lambda a: (a.duedate or datetime.datetime.max, a.name)):
        rows = []
        for student in students:
            try:
                submission = gradebook.find_submission(assignment.name, student.id)
            except MissingEntry:
                submission = None
            rows.append(_grade(student, assignment, submission, now))
        if any(row.automatic is not None for row in rows):
            result.extend(rows)
    return result


def _write(path, rows):
    """Writes a CSV file whole or not at all: a new file, renamed over the old one."""
    path = pathlib.Path(path)
    with tempfile.NamedTemporaryFile("w", newline="", encoding="utf-8", dir=path.parent, prefix=path.name,
                                     delete=False) as f:
        csv.writer(f).writerows(rows)
    os.replace(f.name, path)


def write_grades(path, rows):
    _write(path, [GRADE_COLUMNS] + [list(g.row().values()) for g in rows])


def write_canvas(path, rows):
    """Writes Canvas's gradebook import file; returns the students left out for want of an lms_id."""
    assignments = list(dict.fromkeys(g.assignment for g in rows))
    points = {g.assignment: g.max_score for g in rows}
    by_student = {}
    for g in rows:
        by_student.setdefault(g.student_id, {})[g.assignment] = g
    lines = [list(CANVAS_STUDENT_COLUMNS) + assignments,
             [POINTS_POSSIBLE, "", "", "", ""] + [_number(float(points[a])) for a in assignments]]
    left_out = []
    for student, graded in by_student.items():
        first = next(iter(graded.values()))
        if not first.lms_id:
            left_out.append(student)
            continue
        # Canvas's own export names a student "Last, First".
        name = ", ".join(part for part in (first.last_name, first.first_name) if part) or student
        lines.append([name, first.lms_id, "", "", ""] + [_number(graded[a].final) for a in assignments])
    _write(path, lines)
    return left_out


def export(course):
    """Writes grades.csv and grades-canvas.csv into the course directory; returns lines to print."""
    with course.gradebook() as gb:
        rows = grades(gb)
    write_grades(course.root / GRADES, rows)
    left_out = write_canvas(course.root / CANVAS, rows)
    students = len({g.student_id for g in rows})
    assignments = len({g.assignment for g in rows})
    lines = [f"{GRADES}: {students} student(s), {assignments} assignment(s) with graded work",
             f"{CANVAS}: {students - len(left_out)} student(s), for Canvas's gradebook import"]
    if left_out:
        lines.append(f"left out of {CANVAS}, no lms_id in the gradebook (add it with `make roster`): "
                     + ", ".join(left_out))
    return lines
