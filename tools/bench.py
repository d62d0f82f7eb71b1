"""
Benchmark: how long the course takes to run, in seconds (median of several runs).

* executing the solution notebook of each assignment in a fresh kernel;
* autograding one submission (the perfect sample) with nbgrader autograde,
  including kernel start-up and nbgrader's own work.

    python -m tools.bench [--repeat 3]
"""
import argparse
import pathlib
import statistics
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient

from helpers.grading import CourseGrader
from tools.demo import generate_release, prepare_course
from tools.samples import ASSIGNMENTS, build_samples

ROOT = pathlib.Path(__file__).resolve().parent.parent


def time_notebook(path):
    nb = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - started


def main(argv=None):
    parser = argparse.ArgumentParser(description="Time the notebooks and the autograder.")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"median of {args.repeat} runs, seconds")
    for path in sorted((ROOT / "source").glob("*/*.ipynb")):
        times = [time_notebook(path) for _ in range(args.repeat)]
        print(f"execute {path.parent.name} solution notebook: {statistics.median(times):6.2f} "
              f"(min {min(times):.2f}, max {max(times):.2f})")
    with tempfile.TemporaryDirectory() as scratch:
        course = prepare_course(pathlib.Path(scratch) / "course")
        for assignment in ASSIGNMENTS:
            generate_release(course, assignment)
            students = [f"perfect{i}" for i in range(args.repeat)]
            for student in students:
                build_samples(course, assignment, ["perfect"])
                (course / "submitted" / student).mkdir(parents=True, exist_ok=True)
                (course / "submitted" / "perfect" / assignment).rename(
                    course / "submitted" / student / assignment)
            grader = CourseGrader(course, assignment)
            times = [grader.autograde_student(student).seconds for student in students]
            print(f"autograde one {assignment} submission: {statistics.median(times):6.2f} "
                  f"(min {min(times):.2f}, max {max(times):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
