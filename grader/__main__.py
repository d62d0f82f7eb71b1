"""
The grader's commands, from the course directory:

    python -m grader autograde <assignment> [--student ID ...] [--jobs N | --scheduler tcp://host:8786]
                               [--unsandboxed]
    python -m grader verify <assignment>
    python -m grader exchange | roster | due-dates | extension | export   (grader/term.py)
"""
import argparse
import sys

from grader import course, provenance, report, sandbox, term
from grader.driver import CourseGrader, grade_table


def not_released(course_dir, assignment):
    """Why `assignment` cannot be graded yet, in one line, or None when it can."""
    from nbgrader.api import MissingEntry

    try:
        settings = course.settings(course_dir)
    except course.CourseError as error:
        return str(error)
    with settings.gradebook() as gb:
        try:
            gb.find_assignment(assignment)
        except MissingEntry:
            return f"{assignment} is not in the gradebook yet: run `make release ASSIGNMENT={assignment}` first"
    if not (settings.course_dir / "release" / assignment).is_dir():
        return f"{assignment} has no release/{assignment}/ yet: run `make release ASSIGNMENT={assignment}` first"
    return None


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m grader", description="The course's grader.")
    commands = parser.add_subparsers(dest="command", required=True)
    autograde = commands.add_parser("autograde", help="autograde every submission of an assignment")
    autograde.add_argument("assignment")
    autograde.add_argument("--course", default=".", help="the course directory (default: the current one)")
    autograde.add_argument("--student", action="append", help="grade only this student (repeatable)")
    autograde.add_argument("--jobs", type=int, help="workers on this machine (default: one per core)")
    autograde.add_argument("--scheduler", help="grade on the Dask cluster at this address (tcp://host:8786)")
    autograde.add_argument("--unsandboxed", action="store_true",
                           help="grade without the sandbox: student code runs with your privileges")
    verify = commands.add_parser("verify", help="check the gradebook against the graded notebooks and records")
    verify.add_argument("assignment")
    verify.add_argument("--course", default=".")
    term.add_commands(commands)
    args = parser.parse_args(argv)
    if args.command in term.COMMANDS:
        return term.run(args)

    if args.command == "verify":
        differences = provenance.verify(args.course, args.assignment)
        for line in differences:
            print(line)
        print(f"{len(differences)} difference(s) between the gradebook, the graded notebooks and their records.")
        return 1 if differences else 0

    reason = not_released(args.course, args.assignment)
    if reason:
        print(reason, file=sys.stderr)
        return 2
    try:
        grader = CourseGrader(args.course, args.assignment, unsandboxed=args.unsandboxed)
    except sandbox.SandboxUnavailable as error:
        print(error, file=sys.stderr)
        return 2
    results = grader.grade_all(args.student, jobs=args.jobs, scheduler=args.scheduler)
    print()
    print(grade_table(results, grader.exercises()))
    text, csv_path, png_path = report.summarise(grader.course_dir, args.assignment,
                                                grader.class_results(results), grader.exercises())
    print(f"\nThe class, per exercise ({csv_path.name}, {png_path.name}):\n")
    print(text)
    missing = [r.student for r in results if not r.graded]
    if missing:
        print(f"\nNOT GRADED: {', '.join(missing)} (see the notes above and logs/)")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
