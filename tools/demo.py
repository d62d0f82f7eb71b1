"""
The main job: the whole grading loop of every assignment, for real, on sample submissions.

In a scratch copy of the course (build/demo/ by default, so that the course's
own gradebook is never touched) it, for each assignment,

1. generates the student release with ``nbgrader generate_assignment`` and
   checks it against the committed release/;
2. writes the sample submissions of tools/samples.py into submitted/;
3. autogrades them on two workers (``make autograde``: grader.batch, nbgrader's
   autograde with the course's pipeline): student code in the sandboxed kernel,
   the cases judged in the grader; a line each, with the progress and the time left;
4. writes the summary per exercise (CSV and PNG), generates the feedback HTML and
   exports the grades (grades.csv, and grades-canvas.csv for the LMS);
5. prints the grade table and the summary, and checks every grade against the
   expected one.

Run it with ``make demo`` (or ``python -m tools.demo [--course DIR]``).
"""
import argparse
import filecmp
import pathlib
import shutil
import sys
import time
from dataclasses import dataclass

from tqdm import tqdm

from grader import lms, sandbox
from grader.batch import Batch
from grader.course import Course
from grader.report import summarise
from grader.results import grade_table
from grader.workers import Workers
from tools import ROOT, nbgrader
from tools.samples import ASSIGNMENTS, build_samples, expected_points


@dataclass
class DemoRun:
    """What one run of the grading loop produced; dicts are keyed by assignment."""
    course_dir: pathlib.Path
    release_in_sync: dict
    results: dict
    exercises: dict
    summaries: dict  # (text table, CSV path, PNG path) of grader.report.summarise
    feedback_dir: pathlib.Path
    grades_csv: pathlib.Path
    seconds: float


def prepare_course(course_dir, calibration=None):
    """
    A fresh course directory holding the course's sources, its configuration and its grader (and a
    copy of another course's ``calibration`` folder, so that the solutions need not run again).
    """
    course_dir = pathlib.Path(course_dir).resolve()
    if course_dir.exists():
        shutil.rmtree(course_dir)
    course_dir.mkdir(parents=True)
    shutil.copytree(ROOT / "source", course_dir / "source")
    shutil.copy2(ROOT / "nbgrader_config.py", course_dir / "nbgrader_config.py")
    shutil.copytree(ROOT / "grader", course_dir / "grader", ignore=shutil.ignore_patterns("__pycache__"))
    if calibration is not None:
        shutil.copytree(calibration, course_dir / "calibration")
    return course_dir


def generate_release(course_dir, assignment):
    """Runs nbgrader generate_assignment in course_dir; raises if it fails."""
    nbgrader(["generate_assignment", assignment, "--force"], course_dir)
    return pathlib.Path(course_dir) / "release" / assignment


def release_matches(generated_dir, committed_dir):
    """True if the generated release has exactly the files and contents of the committed one."""
    comparison = filecmp.dircmp(generated_dir, committed_dir)
    if comparison.left_only or comparison.right_only or comparison.funny_files:
        return False
    if not all(filecmp.cmp(pathlib.Path(generated_dir) / f, pathlib.Path(committed_dir) / f, shallow=False)
               for f in comparison.common_files):
        return False
    return all(release_matches(pathlib.Path(generated_dir) / d, pathlib.Path(committed_dir) / d)
               for d in comparison.common_dirs)


def run(course_dir, report=tqdm.write, unsandboxed=False, jobs=2):
    """Runs the whole grading loop of every assignment in course_dir and returns what it produced."""
    started = time.monotonic()
    course_dir = prepare_course(course_dir)
    course = Course(course_dir)
    report(f"Course directory: {course_dir}")
    isolation = sandbox.isolation(unsandboxed)
    in_sync, results, exercises, summaries = {}, {}, {}, {}
    with Workers(jobs) as workers:
        for assignment in ASSIGNMENTS:
            release_dir = generate_release(course_dir, assignment)
            in_sync[assignment] = release_matches(release_dir, ROOT / "release" / assignment)
            report(f"Generated the release of {assignment}: "
                   + ("identical to the committed release/." if in_sync[assignment]
                      else "DIFFERENT from the committed release/: run `make release` and commit it."))
            students = build_samples(course_dir, assignment)
            report(f"Wrote {len(students)} sample submissions of {assignment}; autograding them:")
            batch = Batch(course, assignment, unsandboxed=unsandboxed, report=lambda line: report("  " + line))
            results[assignment] = batch.run(workers, students, isolation=isolation)
            exercises[assignment] = batch.assignment.exercises()
            summaries[assignment] = summarise(course_dir, assignment, results[assignment], exercises[assignment])
            nbgrader(["generate_feedback", assignment, "--force"], course_dir)
    lms.export(course)
    return DemoRun(course_dir, in_sync, results, exercises, summaries, course_dir / "feedback",
                   course_dir / lms.GRADES, time.monotonic() - started)


def mismatches(assignment, results):
    """Students whose grade differs from the one their sample must get."""
    wrong = []
    for result in results:
        got = {e: score for e, (score, _) in result.by_exercise.items()}
        if not result.graded or got != expected_points(assignment, result.student):
            wrong.append(result.student)
    return wrong


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--course", default=str(ROOT / "build" / "demo"),
                        help="scratch course directory (deleted and re-created)")
    parser.add_argument("--jobs", type=int, default=2, help="workers grading at once (default: 2)")
    parser.add_argument("--unsandboxed", action="store_true",
                        help="grade without the sandbox (where none can be had; every line says so)")
    args = parser.parse_args(argv)
    demo = run(args.course, unsandboxed=args.unsandboxed, jobs=args.jobs)
    wrong = []
    for assignment, results in demo.results.items():
        print(f"\n{assignment}\n")
        print(grade_table(results, demo.exercises[assignment]))
        print()
        text, csv_path, png_path = demo.summaries[assignment]
        print(text)
        print(f"  ({csv_path.name}, {png_path.name})")
        print()
        for result in results:
            print(f"  {result.student:17} {ASSIGNMENTS[assignment]['samples'][result.student].description}")
        wrong += [f"{student} ({assignment})" for student in mismatches(assignment, results)]
    print()
    print(f"Feedback (HTML, one page per student): {demo.feedback_dir}/<student>/<assignment>/<assignment>.html")
    print(f"Grades exported to: {demo.grades_csv}")
    print(f"Graded notebooks: {demo.course_dir / 'autograded'}; nbgrader logs: {demo.course_dir / 'logs'}")
    print(f"Total time: {demo.seconds:.0f} s")
    if wrong:
        print(f"UNEXPECTED GRADES for: {', '.join(wrong)}")
    stale = [a for a, ok in demo.release_in_sync.items() if not ok]
    if stale:
        print(f"The committed release/ is out of date for: {', '.join(stale)}")
    return 1 if wrong or stale else 0


if __name__ == "__main__":
    sys.exit(main())
