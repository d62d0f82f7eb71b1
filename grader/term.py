"""
The commands that run a term around the grading (``python -m grader <command>``,
and the make targets of the same names):

    exchange                                 make nbgrader's exchange folder (as root)
    roster <roster.csv>                      add or update the students of a roster
    due-dates [<assignment> ...]             write due_dates.csv into the gradebook (make release)
    extension <assignment> <student> <hours> give a student more time
    export                                   grades.csv and grades-canvas.csv

Each takes ``--course DIR`` (default: the current directory). A mistake in what
they are given is reported in one line, with exit code 2, and nothing is written.
"""
import sys

from grader import exchange, lms, roster
from grader.course import Course, CourseError

COMMANDS = ("exchange", "roster", "due-dates", "extension", "export")


def add_commands(commands):
    """Adds the term's commands to the grader's argparse subparsers."""
    added = [commands.add_parser("exchange", help="make nbgrader's exchange folder, writable by all, sticky"),
             commands.add_parser("export", help="write grades.csv and grades-canvas.csv (Canvas's import)")]
    command = commands.add_parser("roster", help="add or update the students of a roster CSV file")
    command.add_argument("roster", help="columns: " + ",".join(roster.ROSTER_COLUMNS))
    added.append(command)
    command = commands.add_parser("due-dates", help=f"write {roster.DUE_DATES} into the gradebook")
    command.add_argument("assignment", nargs="*", help="only these assignments (default: all)")
    added.append(command)
    command = commands.add_parser("extension", help="give a student more time for an assignment")
    command.add_argument("assignment")
    command.add_argument("student")
    command.add_argument("hours", type=float, help="hours past the due date (0: no extension)")
    added.append(command)
    for command in added:
        command.add_argument("--course", default=".", help="the course directory (default: the current one)")


def run(args):
    """Runs one of the term's commands; returns its exit code."""
    try:
        for line in _run(Course.at(args.course), args):
            print(line)
    except (roster.InputError, CourseError) as error:
        print(error, file=sys.stderr)
        return 2
    return 0


def _run(course, args):
    if args.command == "exchange":
        return [exchange.make_exchange(course.exchange_root),
                "Students' nbgrader finds it with these lines (e.g. in /etc/jupyter/nbgrader_config.py):",
                course.student_config().rstrip("\n")]
    if args.command == "roster":
        students = roster.read_roster(args.roster)
        with course.gradebook() as gb:
            added, updated, unchanged = roster.apply_roster(gb, students)
        return [f"{args.roster}: {added} student(s) added, {updated} updated, {unchanged} unchanged"]
    if args.command == "due-dates":
        known = sorted(p.name for p in (course.root / "source").iterdir() if p.is_dir())
        dates = roster.read_due_dates(course.root / roster.DUE_DATES, known)
        with course.gradebook() as gb:
            written = roster.apply_due_dates(gb, {a: d for a, d in dates.items()
                                                  if not args.assignment or a in args.assignment})
        return [f"{assignment}: due {due:%Y-%m-%d %H:%M} UTC" for assignment, due in written.items()]
    if args.command == "extension":
        with course.gradebook() as gb:
            due = roster.grant_extension(gb, args.assignment, args.student, args.hours)
        return [f"{args.student}: {args.hours:g} h more for {args.assignment}"
                + (f", due {due:%Y-%m-%d %H:%M} UTC" if due else " (the assignment has no due date yet)")]
    return lms.export(course)
