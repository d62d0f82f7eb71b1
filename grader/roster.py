"""
Who takes the course and when work is due, written into the gradebook.

* ``make roster ROSTER=roster.csv``: the students of a CSV file with the columns
  ``id,first_name,last_name,email,lms_id`` are added, or updated, in one
  transaction; ``lms_id`` (the student's user id in the LMS) goes in the
  gradebook's ``lms_user_id``, which the LMS export keys its rows by.
* ``due_dates.csv`` in the course directory holds the due date of each
  assignment (``assignment,due``, the due date with its time zone: ``2027-02-12
  23:59 UTC`` or ``2027-02-12T23:59:00+00:00``); ``make release``
  writes them into the gradebook. An assignment with no date there keeps the one
  the gradebook has (set with ``nbgrader db assignment add --duedate``, say).
* ``make extension ASSIGNMENT=<id> STUDENT=<id> HOURS=<n>`` moves one student's
  due date (``HOURS=0`` takes the extension back).

A file with a mistake is refused whole, with one line saying where and what;
nothing of it is written.
"""
import csv
import datetime
import pathlib
import re
from dataclasses import dataclass

ROSTER_COLUMNS = ("id", "first_name", "last_name", "email", "lms_id")
DUE_DATES = "due_dates.csv"
DUE_DATE_COLUMNS = ("assignment", "due")
# Student ids name folders, Unix accounts and the exchange's files (student+assignment+time).
STUDENT_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._@-]*")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class InputError(ValueError):
    """A file or an argument that cannot be used as it is: one line, saying where and what."""


@dataclass(frozen=True)
class Student:
    id: str
    first_name: str
    last_name: str
    email: str
    lms_id: str


def _rows(path, columns):
    """(line number, {column: value}) of a CSV file whose header names exactly `columns`."""
    path = pathlib.Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")  # a spreadsheet's byte-order mark is no column name
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: is not UTF-8 text (save it from the spreadsheet as CSV UTF-8)") from None
    reader = csv.reader(text.splitlines())
    header = [name.strip() for name in next(reader, [])]
    if sorted(header) != sorted(columns):
        raise InputError(f"{path.name}, line 1: the columns must be {','.join(columns)}, not {','.join(header)}")
    for row in reader:
        if not any(field.strip() for field in row):
            continue
        if len(row) != len(header):
            raise InputError(f"{path.name}, line {reader.line_num}: {len(row)} fields where the header has "
                             f"{len(header)} ({','.join(columns)})")
        yield reader.line_num, dict(zip(header, (field.strip() for field in row)))


def read_roster(path):
    """The students of a roster file, in its order; InputError at its first mistake."""
    students, lms_ids = {}, {}
    name = pathlib.Path(path).name
    for line, row in _rows(path, ROSTER_COLUMNS):
        where = f"{name}, line {line}"
        student = Student(row["id"], row["first_name"], row["last_name"], row["email"], row["lms_id"])
        if not STUDENT_ID.fullmatch(student.id):
            raise InputError(f"{where}: {student.id!r} is not a student id (letters, digits, . _ @ -; "
                             f"no spaces, not starting with . or -)")
        if student.id in students:
            raise InputError(f"{where}: student {student.id} is listed twice")
        if student.email and not EMAIL.fullmatch(student.email):
            raise InputError(f"{where}: {student.email!r} is not an e-mail address")
        if student.lms_id and student.lms_id in lms_ids:
            raise InputError(f"{where}: lms_id {student.lms_id} is also {lms_ids[student.lms_id]}'s")
        students[student.id] = student
        lms_ids[student.lms_id] = student.id
    return list(students.values())


def apply_roster(gradebook, students):
    """
    Adds or updates `students` in the gradebook in one transaction (none of them on any
    error); returns (added, updated, unchanged) counts. Students not listed stay as they are.
    """
    from nbgrader.api import Student as Row

    rows = {row.id: row for row in gradebook.db.query(Row)}
    for student in students:
        other = next((r.id for r in rows.values() if student.lms_id and r.lms_user_id == student.lms_id
                      and r.id != student.id), None)
        if other is not None:
            raise InputError(f"lms_id {student.lms_id} of {student.id} is {other}'s in the gradebook")
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    try:
        for student in students:
            fields = {"first_name": student.first_name or None, "last_name": student.last_name or None,
                      "email": student.email or None, "lms_user_id": student.lms_id or None}
            row = rows.get(student.id)
            if row is None:
                gradebook.db.add(Row(id=student.id, **fields))
                counts["added"] += 1
            elif any(getattr(row, key) != value for key, value in fields.items()):
                for key, value in fields.items():
                    setattr(row, key, value)
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
        gradebook.db.commit()
    except Exception:
        gradebook.db.rollback()
        raise
    return counts["added"], counts["updated"], counts["unchanged"]


def parse_due(text):
    """
    A due date with its time zone ('2027-02-12 23:59 UTC', '2027-02-12T23:59+01:00')
    as the gradebook keeps it: a naive datetime in UTC. ValueError if it is not one.
    """
    from dateutil.tz import gettz

    *moment, zone = text.split()
    if moment:
        tz = gettz(zone)
        if tz is None:
            raise ValueError(f"{zone!r} is not a time zone")
        due = datetime.datetime.fromisoformat(" ".join(moment)).replace(tzinfo=tz)
    else:
        due = datetime.datetime.fromisoformat(zone)
        if due.tzinfo is None:
            raise ValueError(f"{text!r} has no time zone")
    return due.astimezone(datetime.timezone.utc).replace(tzinfo=None)


def read_due_dates(path, assignments):
    """{assignment: due date (naive UTC) or None} of a due dates file; `assignments`: the course's ids."""
    dates = {}
    name = pathlib.Path(path).name
    for line, row in _rows(path, DUE_DATE_COLUMNS):
        where = f"{name}, line {line}"
        if row["assignment"] not in assignments:
            raise InputError(f"{where}: {row['assignment']!r} is not an assignment of the course "
                             f"({', '.join(sorted(assignments))})")
        if row["assignment"] in dates:
            raise InputError(f"{where}: {row['assignment']} is listed twice")
        try:
            dates[row["assignment"]] = parse_due(row["due"]) if row["due"] else None
        except ValueError as error:
            raise InputError(f"{where}: {row['due']!r} is not a due date with its time zone ({error})") from None
    return dates


def apply_due_dates(gradebook, dates):
    """Writes the due dates that are set into the gradebook, in one transaction; returns {assignment: date}."""
    from nbgrader.api import Assignment

    written = {assignment: due for assignment, due in dates.items() if due is not None}
    try:
        for assignment, due in written.items():
            row = gradebook.db.query(Assignment).filter(Assignment.name == assignment).one_or_none()
            if row is None:
                gradebook.db.add(Assignment(name=assignment, duedate=due, course_id=gradebook.course_id))
            else:
                row.duedate = due
        gradebook.db.commit()
    except Exception:
        gradebook.db.rollback()
        raise
    return written


def grant_extension(gradebook, assignment, student, hours):
    """
    Gives `student` `hours` more for `assignment` (0: no extension); returns the student's due
    date with it (naive UTC), or None when the assignment has none yet.
    """
    from nbgrader.api import MissingEntry

    if not hours >= 0:
        raise InputError(f"HOURS must be a number of hours, 0 or more, not {hours}")
    try:
        gradebook.find_assignment(assignment)
    except MissingEntry:
        raise InputError(f"no assignment {assignment} in the gradebook: run `make release ASSIGNMENT={assignment}` "
                         f"first") from None
    try:
        gradebook.find_student(student)
    except MissingEntry:
        raise InputError(f"no student {student} in the gradebook: add them with `make roster`") from None
    # An extension is granted before the work comes in: the submission's row holds it until then.
    with gradebook.db.no_autoflush:  # nbgrader builds a new submission's rows before adding it
        submission = gradebook.update_or_create_submission(assignment, student)
    submission.extension = datetime.timedelta(hours=hours) if hours else None
    gradebook.db.commit()
    return submission.duedate
