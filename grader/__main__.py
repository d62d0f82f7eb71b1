"""
The grader's commands, from the course directory:

    python -m grader autograde <assignment> [--student ID ...] [--force]
                               [--jobs N | --scheduler tcp://host:8786] [--unsandboxed]
    python -m grader verify <assignment>
    python -m grader exchange | roster | due-dates | extension | export   (grader/term.py)
"""
import argparse
import sys

from tqdm import tqdm

from grader import report, sandbox, term
from grader.batch import Batch
from grader.calibration import CalibrationFailed
from grader.course import Course, CourseError
from grader.provenance import verify
from grader.results import grade_table
from grader.workers import Workers, available_cores


def autograde(args):
    try:
        course = Course.at(args.course)
        batch = Batch(course, args.assignment, unsandboxed=args.unsandboxed, report=tqdm.write)
        isolation = sandbox.isolation(args.unsandboxed)
    except (sandbox.SandboxUnavailable, CourseError) as error:
        print(error, file=sys.stderr)
        return 2
    students = batch.choose(args.student, args.force)
    # No more local workers than students: one student is graded in this process.
    jobs = max(1, min(args.jobs or available_cores(), len(students)))
    try:
        with Workers(jobs, args.scheduler) as workers:
            fresh = batch.run(workers, students, force=True, isolation=isolation) if students else []
    except CalibrationFailed as error:
        print(f"No grading: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        batch.remove_leftovers()  # the local workers and their kernels have stopped: their folders go too
        print("\nInterrupted. The students graded so far are in the gradebook; run the same command again to "
              "grade the others.", file=sys.stderr)
        return 130
    exercises = batch.assignment.exercises()
    everyone = batch.class_results(fresh)
    print()
    print(grade_table(everyone, exercises))
    try:
        text, csv_path, png_path = report.summarise(course.root, args.assignment, everyone, exercises)
    except OSError as error:
        text, written = report.table(report.summarise_exercises(everyone, exercises)), False
        print(f"\nThe class summary could not be written ({error}).")
    else:
        written = True
        print(f"\nThe class, per exercise ({csv_path.name}, {png_path.name}):\n")
    print(text)
    missing = [r.student for r in everyone if not r.graded]
    if missing:
        print(f"\nNOT GRADED: {', '.join(missing)} (see the notes above and logs/)")
    return 1 if missing or not written else 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m grader", description="The course's grader.")
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("autograde", help="autograde the submissions of an assignment")
    command.add_argument("assignment")
    command.add_argument("--course", default=".", help="the course directory (default: the current one)")
    command.add_argument("--student", action="append", help="grade only this student (repeatable)")
    command.add_argument("--force", action="store_true",
                         help="grade every chosen student, also those whose grade is current")
    command.add_argument("--jobs", type=int, help="workers on this machine (default: one per core)")
    command.add_argument("--scheduler", help="grade on the Dask cluster at this address (tcp://host:8786)")
    command.add_argument("--unsandboxed", action="store_true",
                         help="grade without the sandbox: student code runs with your privileges")
    command = commands.add_parser("verify", help="check the gradebook against the graded notebooks and records")
    command.add_argument("assignment")
    command.add_argument("--course", default=".")
    term.add_commands(commands)
    args = parser.parse_args(argv)
    if args.command in term.COMMANDS:
        return term.run(args)
    if args.command == "verify":
        try:
            course = Course.at(args.course)
            course.assignment(args.assignment)
        except CourseError as error:
            print(error, file=sys.stderr)
            return 2
        differences = verify(course, args.assignment)
        for line in differences:
            print(line)
        print(f"{len(differences)} difference(s) between the gradebook, the graded notebooks and their records.")
        return 1 if differences else 0
    return autograde(args)


if __name__ == "__main__":
    sys.exit(main())
