"""
The grader's commands, from the course directory:

    python -m grader autograde <assignment> [--student ID ...] [--jobs N | --scheduler tcp://host:8786]
                               [--unsandboxed]
    python -m grader verify <assignment>
"""
import argparse
import sys

from grader import provenance, report, sandbox
from grader.driver import CourseGrader, grade_table


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
    args = parser.parse_args(argv)

    if args.command == "verify":
        differences = provenance.verify(args.course, args.assignment)
        for line in differences:
            print(line)
        print(f"{len(differences)} difference(s) between the gradebook, the graded notebooks and their records.")
        return 1 if differences else 0

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
