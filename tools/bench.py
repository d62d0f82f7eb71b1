"""
Benchmark: how long the course takes to run, as medians of several runs, side by side.

* notebooks: executing the solution notebook of each assignment in a fresh kernel;
* sandbox: autograding one perfect submission of each assignment with ``make autograde``,
  sandboxed and unsandboxed, and what the sandbox costs;
* saturated: the perfect submission of every assignment graded while two busy processes
  per core run, with its score (full marks) and its seconds;
* throughput: the same perfect submissions of assignment 1 graded by plain
  ``nbgrader autograde`` (every student in one process, the course's pipeline), by
  ``make autograde`` with 1 and 2 workers, and on a Dask scheduler with 2 worker
  processes; each a whole command from the shell, the kinds in turn, ``--repeat`` times;
  medians, students per minute, the ratios, the peak memory of each command's processes;
* class: 200 mixed submissions of assignment 1 (good, partly wrong and bad): wall time,
  peak memory, whether every grade is as expected, and projections for larger classes.

Every course is a scratch copy with its calibration done once beforehand, so that every
road grades with the same cached time limits.

    python -m tools.bench [--part notebooks|sandbox|saturated|throughput|class ...] [--repeat 3]
                          [--students 16] [--class-size 200] [--assignment ID ...]
"""
import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import nbformat

from grader import calibration, provenance
from grader.cells import exercise_of
from grader.course import Course
from tools import ROOT, execute, nbgrader_env
from tools.cluster import LoopbackCluster
from tools.demo import generate_release, prepare_course
from tools.samples import ASSIGNMENTS, build_samples, expected_points

PARTS = ("notebooks", "sandbox", "saturated", "throughput", "class")
A1 = "a1_two_layer_network"
# The simulated class: shares of good, partly wrong and bad submissions of assignment 1.
CLASS_MIX = {"perfect": 0.45, "typical_mistake": 0.15, "raises": 0.08, "syntax_error": 0.06, "blank": 0.05,
             "unreadable": 0.03, "tampers": 0.03, "kills_kernel": 0.03, "segfaults": 0.02, "exits": 0.02,
             "prints_megabytes": 0.02, "warns": 0.02, "attacks": 0.02, "cheats": 0.01, "loops_forever": 0.01}


def time_notebook(path):
    nb = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    execute(nb, path.parent)
    return time.perf_counter() - started


def course_with(folder, assignment, mix, calibrated):
    """A scratch course with copies of samples (sample -> count) as students s000-<sample>, ...; (course, students)."""
    course = prepare_course(folder, calibrated / calibration.FOLDER)
    generate_release(course, assignment)
    build_samples(course, assignment, list(mix))
    students = []
    for sample, count in mix.items():
        for _ in range(count):
            student = f"s{len(students):03d}-{sample}"
            shutil.copytree(course / "submitted" / sample / assignment, course / "submitted" / student / assignment)
            students.append(student)
        shutil.rmtree(course / "submitted" / sample)
    return course, students


def calibrated_course(scratch, assignments):
    """A course whose calibration of these assignments is done (the cache every other course copies)."""
    course = prepare_course(pathlib.Path(scratch) / "calibrated")
    for assignment in assignments:
        generate_release(course, assignment)
        calibration.figures(course, assignment, config=Course(course).config)
    return course


class PeakMemory:
    """Samples, every half second, the memory (RSS) of a process and its children; keeps the peak."""

    def __init__(self, pid):
        import threading

        self.pid, self.peak = pid, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        import psutil

        while not self._stop.is_set():
            try:
                root = psutil.Process(self.pid)
                tree = [root] + root.children(recursive=True)
                self.peak = max(self.peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            self._stop.wait(0.5)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def timed(command, course):
    """Runs a command in a course directory; (seconds, peak memory of its processes, exit code)."""
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=course, env=nbgrader_env(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    with PeakMemory(process.pid) as memory:
        code = process.wait()
    return time.monotonic() - started, memory.peak, code


def plain(assignment):
    return [sys.executable, "-m", "nbgrader", "autograde", assignment, "--force"]


def ours(assignment, *options):
    return [sys.executable, "-m", "grader", "autograde", assignment, "--force", *options]


def mib(size):
    return f"{size / 2**20:.0f} MiB"


def sandbox_cost(scratch, assignments, repeat, calibrated):
    """Median seconds of `make autograde` of one perfect submission, sandboxed and unsandboxed."""
    print(f"\nmake autograde of one perfect submission (median of {repeat}, seconds): sandboxed | unsandboxed")
    for assignment in assignments:
        course, _ = course_with(pathlib.Path(scratch) / f"one-{assignment}", assignment, {"perfect": 1}, calibrated)
        runs = {"sandboxed": [], "unsandboxed": []}
        for _ in range(repeat):
            runs["sandboxed"].append(timed(ours(assignment, "--jobs", "1"), course)[0])
            runs["unsandboxed"].append(timed(ours(assignment, "--jobs", "1", "--unsandboxed"), course)[0])
        row = {k: statistics.median(v) for k, v in runs.items()}
        print(f"{assignment:36} {row['sandboxed']:6.2f} | {row['unsandboxed']:6.2f}   sandbox cost "
              f"{row['sandboxed'] / row['unsandboxed']:.2f}x")


def saturated(scratch, assignments, calibrated):
    """Grades each perfect submission while two busy processes per core run; prints score and seconds."""
    busy = [subprocess.Popen([sys.executable, "-c", "import time\nend = time.time() + 900\nwhile time.time() < end: pass"])
            for _ in range(2 * (os.cpu_count() or 1))]
    try:
        print(f"\nsaturated machine ({len(busy)} busy processes on {os.cpu_count()} cores): perfect submissions")
        for assignment in assignments:
            course, (student,) = course_with(pathlib.Path(scratch) / f"busy-{assignment}", assignment,
                                             {"perfect": 1}, calibrated)
            seconds, _, _ = timed(ours(assignment, "--jobs", "1"), course)
            record = provenance.read(course, assignment, student)
            scores = [s for e in record["notebooks"].values() for s in e["scores"].values()]
            print(f"{assignment:36} {sum(scores):g} / 100 in {seconds:6.2f} s")
    finally:
        for process in busy:
            process.kill()


BUSY_LOOP = "import numpy as np\nx = np.random.default_rng(0).random((300, 300))\nfor _ in range(400): x = np.tanh(x @ x.T / 300)"


def machine_speedup():
    """How much faster this machine runs two copies of a fixed CPU-bound job side by side than one after the other."""
    def run(copies):
        started = time.monotonic()
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
        for process in [subprocess.Popen([sys.executable, "-c", BUSY_LOOP], env=env) for _ in range(copies)]:
            process.wait()
        return time.monotonic() - started
    return 2 * statistics.median(run(1) for _ in range(3)) / statistics.median(run(2) for _ in range(3))


def throughput(scratch, count, repeat, calibrated):
    """Plain nbgrader, make autograde with 1 and 2 workers, and Dask across processes, in turn, `repeat` times."""
    print(f"\nthroughput: {count} perfect submissions of {A1}, sandbox on; each command whole, the kinds in turn, "
          f"median of {repeat}")
    course, _ = course_with(pathlib.Path(scratch) / "throughput", A1, {"perfect": count}, calibrated)
    kinds = {"plain nbgrader autograde (one process)": plain(A1),
             "make autograde JOBS=1": ours(A1, "--jobs", "1"),
             "make autograde JOBS=2": ours(A1, "--jobs", "2")}
    runs = {name: [] for name in list(kinds) + ["make autograde SCHEDULER= (Dask: 2 worker processes)"]}
    with LoopbackCluster(course, workers=2) as cluster:
        kinds["make autograde SCHEDULER= (Dask: 2 worker processes)"] = ours(A1, "--scheduler", cluster.address)
        for _ in range(repeat):
            for name, command in kinds.items():
                runs[name].append(timed(command, course))
    medians = {name: statistics.median(s for s, _, _ in rows) for name, rows in runs.items()}
    base = medians["plain nbgrader autograde (one process)"]
    print(f"{'':52} {'seconds':>8} {'students/min':>13} {'vs plain':>9}   peak memory (all its processes)")
    for name, rows in runs.items():
        failed = sum(code not in (0, None) for _, _, code in rows)
        print(f"{name:52} {medians[name]:8.1f} {60 * count / medians[name]:13.2f} {base / medians[name]:8.2f}x   "
              f"{mib(max(m for _, m, _ in rows))}" + (f"  ({failed} run(s) exited non-zero)" if failed else ""))
    local, dask = medians["make autograde JOBS=2"], medians["make autograde SCHEDULER= (Dask: 2 worker processes)"]
    print(f"Dask across processes vs the local pool of 2: {dask / local:.2f}x the time")
    print(f"2 workers vs 1: {medians['make autograde JOBS=1'] / local:.2f}x; this machine runs two CPU-bound "
          f"processes side by side {machine_speedup():.2f}x as fast as one after the other")


def simulated_class(scratch, size, calibrated):
    """Grades a class of `size` mixed submissions of assignment 1 on 2 workers; prints wall time, memory, projections."""
    counts = {sample: max(1, round(share * size)) for sample, share in CLASS_MIX.items()}
    counts["perfect"] += size - sum(counts.values())
    course, students = course_with(pathlib.Path(scratch) / "class", A1, counts, calibrated)
    print(f"\nsimulated class: {size} submissions of {A1} on 2 workers "
          f"({', '.join(f'{n} {s}' for s, n in counts.items())})")
    seconds, memory, _ = timed(ours(A1, "--jobs", "2"), course)
    wrong = []
    for student in students:
        record = provenance.read(course, A1, student) or {"notebooks": {}}
        got = {exercise_of(cell): score for entry in record["notebooks"].values()
               for cell, score in entry.get("scores", {}).items()}
        if got != expected_points(A1, student.split("-", 1)[1]):
            wrong.append(student)
    print(f"wall time {seconds / 60:.1f} min ({60 * size / seconds:.1f} students/min); peak memory {mib(memory)} in all")
    print(f"grades as expected: {size - len(wrong)} of {size}" + (f" (NOT: {', '.join(wrong)})" if wrong else ""))
    per_machine = seconds / size
    print(f"projection at {per_machine:.2f} s per student per 2-core machine (hours):")
    machines = (1, 2, 5, 10, 20)
    print(f"{'students':>10} " + " ".join(f"{f'{n} machine(s)':>13}" for n in machines))
    for students_count in (1_000, 10_000):
        print(f"{students_count:>10,} " + " ".join(f"{students_count * per_machine / n / 3600:13.2f}" for n in machines))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Time the notebooks and the autograder.")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--assignment", action="append", help="only this assignment (repeatable)")
    parser.add_argument("--part", action="append", choices=PARTS,
                        help="only this part (repeatable; default: all of %(choices)s)")
    parser.add_argument("--students", type=int, default=16, help="submissions in the throughput part")
    parser.add_argument("--class-size", type=int, default=200, help="submissions in the simulated class")
    args = parser.parse_args(argv)
    chosen = args.assignment or list(ASSIGNMENTS)
    parts = args.part or PARTS
    with tempfile.TemporaryDirectory() as scratch:
        calibrated = calibrated_course(scratch, sorted(set(chosen) | {A1}))
        if "notebooks" in parts:
            print(f"median of {args.repeat} runs, seconds")
            for path in sorted(ROOT / "source" / a / f"{a}.ipynb" for a in chosen):
                times = [time_notebook(path) for _ in range(args.repeat)]
                print(f"execute {path.parent.name} solution notebook: {statistics.median(times):6.2f} "
                      f"(min {min(times):.2f}, max {max(times):.2f})")
        if "sandbox" in parts:
            sandbox_cost(scratch, chosen, args.repeat, calibrated)
        if "saturated" in parts:
            saturated(scratch, chosen, calibrated)
        if "throughput" in parts:
            throughput(scratch, args.students, args.repeat, calibrated)
        if "class" in parts:
            simulated_class(scratch, args.class_size, calibrated)
    return 0


if __name__ == "__main__":
    sys.exit(main())
