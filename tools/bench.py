"""
Benchmark: how long the course takes to run, in seconds (median of several runs).

* executing the solution notebook of each assignment in a fresh kernel;
* autograding one submission (the perfect sample), side by side in one run:
  - in the sandbox, the cases judged in the grader (what `make autograde` does);
  - the same pipeline without the sandbox (`--unsandboxed`), to show what it costs;
  - before the grader judged the cases: the course as of commit BEFORE, whose hidden
    tests ran in the student's kernel with nbgrader's default kernel;
* a saturated machine: the perfect submission of every assignment graded while two
  busy processes per core run, with its score (it must be full marks) and its seconds.

    python -m tools.bench [--repeat 3] [--before COMMIT]
"""
import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient

from grader.driver import CourseGrader, nbgrader_env
from tools.demo import generate_release, prepare_course
from tools.samples import ASSIGNMENTS, build_samples

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The last commit whose hidden tests ran inside the student's kernel.
BEFORE = "96af8c7"

OLD_GRADING = """
import statistics, sys
sys.path.insert(0, '.')
from helpers.grading import CourseGrader
grader = CourseGrader('.', sys.argv[1])
print(statistics.median(grader.autograde_student(s).seconds for s in sys.argv[2:]))
"""


def time_notebook(path):
    nb = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - started


def perfect_copies(course, assignment, repeat, prefix="perfect"):
    """Writes `repeat` perfect submissions; returns their student ids."""
    students = [f"{prefix}{i}" for i in range(repeat)]
    for student in students:
        build_samples(course, assignment, ["perfect"])
        (course / "submitted" / student).mkdir(parents=True, exist_ok=True)
        (course / "submitted" / "perfect" / assignment).rename(course / "submitted" / student / assignment)
    return students


def seconds_before(scratch, commit, assignment, repeat):
    """Median seconds per submission of the course as of `commit`, in its own scratch course, or None."""
    old = pathlib.Path(scratch) / "before"
    if not old.exists():
        old.mkdir()
        archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True)
        if archive.returncode != 0:
            return None
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
    if not (old / "source" / assignment).is_dir():
        return None
    env = dict(nbgrader_env(), PYTHONPATH=str(old))
    subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", assignment, "--force"], cwd=old,
                   env=env, capture_output=True, check=True)
    sys.path.insert(0, str(old))
    try:
        students = perfect_copies(old, assignment, repeat)
    finally:
        sys.path.remove(str(old))
    completed = subprocess.run([sys.executable, "-c", OLD_GRADING, assignment, *students], cwd=old, env=env,
                               capture_output=True, text=True)
    return float(completed.stdout.split()[-1]) if completed.returncode == 0 else None


def saturated(scratch, assignments):
    """Grades each perfect submission while two busy processes per core run; prints score and seconds."""
    busy = [subprocess.Popen([sys.executable, "-c", "import time\nend = time.time() + 900\nwhile time.time() < end: pass"])
            for _ in range(2 * (os.cpu_count() or 1))]
    try:
        course = prepare_course(pathlib.Path(scratch) / "saturated")
        print(f"\nsaturated machine ({len(busy)} busy processes on {os.cpu_count()} cores): perfect submissions")
        for assignment in assignments:
            generate_release(course, assignment)
            (student,) = perfect_copies(course, assignment, 1, prefix="busy")
            grader = CourseGrader(course, assignment)
            result = grader.autograde_student(student)
            print(f"{assignment:36} {result.score:g} / {result.max_score:g} in {result.seconds:6.2f} s "
                  f"({grader.limits.describe()})")
    finally:
        for process in busy:
            process.kill()


def main(argv=None):
    parser = argparse.ArgumentParser(description="Time the notebooks and the autograder.")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", default=BEFORE, help="the commit to compare with (default %(default)s)")
    parser.add_argument("--assignment", action="append", help="only this assignment (repeatable)")
    args = parser.parse_args(argv)
    chosen = args.assignment or list(ASSIGNMENTS)
    print(f"median of {args.repeat} runs, seconds")
    for path in sorted(ROOT / "source" / a / f"{a}.ipynb" for a in chosen):
        times = [time_notebook(path) for _ in range(args.repeat)]
        print(f"execute {path.parent.name} solution notebook: {statistics.median(times):6.2f} "
              f"(min {min(times):.2f}, max {max(times):.2f})")
    print(f"\nautograde one perfect submission: sandboxed | unsandboxed | before ({args.before}); "
          f"sandbox cost = sandboxed / unsandboxed")
    with tempfile.TemporaryDirectory() as scratch:
        course = prepare_course(pathlib.Path(scratch) / "course")
        for assignment in chosen:
            generate_release(course, assignment)
            row = {}
            for mode, unsandboxed in (("sandboxed", False), ("unsandboxed", True)):
                students = perfect_copies(course, assignment, args.repeat, prefix=mode)
                grader = CourseGrader(course, assignment, unsandboxed=unsandboxed)
                grader.calibrate()
                row[mode] = statistics.median(grader.autograde_student(s).seconds for s in students)
            before = seconds_before(scratch, args.before, assignment, args.repeat)
            print(f"{assignment:36} {row['sandboxed']:6.2f} | {row['unsandboxed']:6.2f} | "
                  + (f"{before:6.2f}" if before else "     -")
                  + f"   sandbox cost {row['sandboxed'] / row['unsandboxed']:.2f}x")
        saturated(scratch, chosen)
    return 0


if __name__ == "__main__":
    sys.exit(main())
