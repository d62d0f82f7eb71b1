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

* throughput on one machine and across processes: the same perfect submissions of
  assignment 1 graded by plain ``nbgrader autograde`` (every student in one process,
  the course's pipeline), by ``make autograde`` with 1 and 2 workers, and on a Dask
  scheduler with 2 worker processes; students per minute, the ratios, the peak
  memory per worker, and the fixed cost per student (nbgrader's start-up, a kernel);
* a simulated class: 200 mixed submissions of assignment 1 (good, partly wrong and
  bad), its wall time and peak memory, and the projection for 1,000 and 10,000
  students on several machines.

    python -m tools.bench [--part notebooks|sandbox|throughput|class ...] [--repeat 3]
                          [--students 16] [--class-size 200] [--before COMMIT]
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

from grader.driver import CourseGrader, nbgrader_env, run_nbgrader
from grader.parallel import Workers
from tools import ROOT, execute
from tools.cluster import LoopbackCluster
from tools.demo import generate_release, prepare_course
from tools.samples import ASSIGNMENTS, build_samples, expected_points

# The last commit whose hidden tests ran inside the student's kernel.
BEFORE = "96af8c7"
PARTS = ("notebooks", "sandbox", "throughput", "class")

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
    execute(nb, path.parent)
    return time.perf_counter() - started


def copies_of(course, assignment, mix, prefix):
    """Writes the submissions of `mix` (sample name -> how many) under new student ids; returns them in order."""
    build_samples(course, assignment, list(mix))
    students = []
    for sample, count in mix.items():
        for number in range(count):
            student = f"{prefix}{len(students):03d}-{sample}"
            shutil.copytree(course / "submitted" / sample / assignment, course / "submitted" / student / assignment)
            students.append(student)
        shutil.rmtree(course / "submitted" / sample / assignment)
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
        students = copies_of(old, assignment, {"perfect": repeat}, prefix="before")
    finally:
        sys.path.remove(str(old))
    completed = subprocess.run([sys.executable, "-c", OLD_GRADING, assignment, *students], cwd=old, env=env,
                               capture_output=True, text=True)
    return float(completed.stdout.split()[-1]) if completed.returncode == 0 else None


def sandbox_cost(scratch, chosen, repeat, before_commit):
    """Median seconds to autograde one perfect submission: sandboxed, unsandboxed, and the course before."""
    print(f"\nautograde one perfect submission (median of {repeat}, seconds): sandboxed | unsandboxed | "
          f"before ({before_commit}); sandbox cost = sandboxed / unsandboxed")
    course = prepare_course(pathlib.Path(scratch) / "course")
    for assignment in chosen:
        generate_release(course, assignment)
        row = {}
        for mode, unsandboxed in (("sandboxed", False), ("unsandboxed", True)):
            students = copies_of(course, assignment, {"perfect": repeat}, prefix=mode)
            grader = CourseGrader(course, assignment, unsandboxed=unsandboxed)
            grader.calibrate()
            row[mode] = statistics.median(grader.autograde_student(s).seconds for s in students)
        before = seconds_before(scratch, before_commit, assignment, repeat)
        print(f"{assignment:36} {row['sandboxed']:6.2f} | {row['unsandboxed']:6.2f} | "
              + (f"{before:6.2f}" if before else "     -")
              + f"   sandbox cost {row['sandboxed'] / row['unsandboxed']:.2f}x")


def saturated(scratch, assignments):
    """Grades each perfect submission while two busy processes per core run; prints score and seconds."""
    busy = [subprocess.Popen([sys.executable, "-c", "import time\nend = time.time() + 900\nwhile time.time() < end: pass"])
            for _ in range(2 * (os.cpu_count() or 1))]
    try:
        course = prepare_course(pathlib.Path(scratch) / "saturated")
        print(f"\nsaturated machine ({len(busy)} busy processes on {os.cpu_count()} cores): perfect submissions")
        for assignment in assignments:
            generate_release(course, assignment)
            (student,) = copies_of(course, assignment, {"perfect": 1}, prefix="busy")
            grader = CourseGrader(course, assignment)
            result = grader.autograde_student(student)
            print(f"{assignment:36} {result.score:g} / {result.max_score:g} in {result.seconds:6.2f} s "
                  f"({grader.limits.describe()})")
    finally:
        for process in busy:
            process.kill()


class PeakMemory:
    """Samples, every half second, the memory (RSS) of process trees; keeps each tree's peak."""

    def __init__(self, roots=()):
        import threading

        self.roots, self.peaks = list(roots), {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        import psutil

        while not self._stop.is_set():
            for root in list(self.roots):
                try:
                    tree = [psutil.Process(root)] + psutil.Process(root).children(recursive=True)
                    rss = sum(p.memory_info().rss for p in tree if p.is_running())
                except psutil.Error:
                    continue
                self.peaks[root] = max(self.peaks.get(root, 0), rss)
            self._stop.wait(0.5)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def mib(size):
    return f"{size / 2**20:.0f} MiB"


def batch_in(scratch, name, assignment, mix):
    course = prepare_course(pathlib.Path(scratch) / name)
    generate_release(course, assignment)
    return course, copies_of(course, assignment, mix, prefix="s")


def plain_nbgrader(course, assignment):
    """nbgrader autograde of every student in one process, with the course's pipeline; (seconds, peak memory)."""
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, "-m", "nbgrader", "autograde", assignment, "--force"], cwd=course,
                               env=nbgrader_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with PeakMemory([process.pid]) as memory:
        process.wait()
    return time.monotonic() - started, memory.peaks.get(process.pid, 0)


def ours(course, assignment, students, jobs=None, scheduler=None, limits=None):
    """make autograde on `jobs` workers or a Dask cluster; (seconds, results, peak memory per worker)."""
    grader = CourseGrader(course, assignment)
    grader.limits = limits
    with Workers(jobs, scheduler) as workers:
        pids = list(workers.client.run(os.getpid).values()) if workers.client else [os.getpid()]
        started = time.monotonic()
        with PeakMemory(pids) as memory:
            results = grader.grade_all(students, workers=workers, report=None)
        seconds = time.monotonic() - started
    return seconds, results, [memory.peaks.get(p, 0) for p in pids]


async def kernel_start_seconds():
    """Seconds from asking for a sandboxed kernel to its first answer."""
    from grader.sandbox import SandboxKernelManager

    with tempfile.TemporaryDirectory() as folder:
        manager = SandboxKernelManager(kernel_name="python3")
        started = time.monotonic()
        await manager.start_kernel(cwd=folder)
        client = manager.client()
        client.start_channels()
        await client.wait_for_ready(timeout=60)
        seconds = time.monotonic() - started
        client.stop_channels()
        await manager.shutdown_kernel(now=True)
    return seconds


def fixed_costs(course, assignment):
    """
    Median seconds of what every student pays before any cell runs: nbgrader's start-up in a
    new process and forked from the server that has it imported (what the grader does), and a
    sandboxed kernel's start.
    """
    import asyncio

    nothing = ["autograde", assignment, "--student", "nobody"]  # loads everything, grades no one
    new, forked = [], []
    run_nbgrader(nothing, course)  # starts the fork server
    for _ in range(3):
        started = time.monotonic()
        subprocess.run([sys.executable, "-m", "nbgrader", *nothing], cwd=course, env=nbgrader_env(),
                       capture_output=True)
        new.append(time.monotonic() - started)
        started = time.monotonic()
        run_nbgrader(nothing, course)
        forked.append(time.monotonic() - started)
    kernels = [asyncio.run(kernel_start_seconds()) for _ in range(3)]
    return statistics.median(new), statistics.median(forked), statistics.median(kernels)


BUSY_LOOP = "import numpy as np\nx = np.random.default_rng(0).random((300, 300))\nfor _ in range(400): x = np.tanh(x @ x.T / 300)"


def machine_speedup():
    """How much faster this machine runs two copies of a fixed CPU-bound job side by side than one after the other."""
    def run(copies):
        started = time.monotonic()
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
        for process in [subprocess.Popen([sys.executable, "-c", BUSY_LOOP], env=env) for _ in range(copies)]:
            process.wait()
        return time.monotonic() - started
    one = statistics.median(run(1) for _ in range(3))
    two = statistics.median(run(2) for _ in range(3))
    return 2 * one / two


def throughput(scratch, assignment, count):
    """Plain nbgrader, make autograde with 1 and 2 workers, and Dask across processes, on the same submissions."""
    mix = {"perfect": count}
    print(f"\nthroughput: {count} perfect submissions of {assignment}, sandbox on, side by side")
    course, students = batch_in(scratch, "plain", assignment, mix)
    plain, plain_memory = plain_nbgrader(course, assignment)
    limits = CourseGrader(course, assignment).calibrate()
    rows = [("plain nbgrader autograde (one process)", plain, [plain_memory])]
    for jobs in (1, 2):
        course, students = batch_in(scratch, f"jobs{jobs}", assignment, mix)
        seconds, _, memory = ours(course, assignment, students, jobs=jobs, limits=limits)
        rows.append((f"make autograde JOBS={jobs}", seconds, memory))
    course, students = batch_in(scratch, "dask", assignment, mix)
    with LoopbackCluster(course, workers=2) as cluster:
        seconds, _, memory = ours(course, assignment, students, scheduler=cluster.address, limits=limits)
    rows.append(("Dask: scheduler + 2 worker processes", seconds, memory))
    print(f"{'':40} {'seconds':>8} {'students/min':>13} {'vs plain':>9}   peak memory per worker")
    for name, seconds, memory in rows:
        print(f"{name:40} {seconds:8.1f} {60 * count / seconds:13.2f} {plain / seconds:8.2f}x   "
              + ", ".join(mib(m) for m in memory))
    local, dask = rows[2][1], rows[3][1]
    print(f"Dask across processes vs the local pool of 2: {dask / local:.2f}x the time")
    print(f"2 workers vs 1: {rows[1][1] / local:.2f}x; this machine runs two CPU-bound processes side by side "
          f"{machine_speedup():.2f}x as fast as one after the other")
    new, forked, kernel = fixed_costs(course, assignment)
    per_student = rows[1][1] / count
    print(f"fixed cost per student (median of 3): nbgrader's start-up {new:.2f} s in a new process, "
          f"{forked:.2f} s forked from the grader's server; sandboxed kernel start {kernel:.2f} s; "
          f"together {(forked + kernel) / per_student:.0%} of the {per_student:.1f} s one worker spends "
          f"on a student")
    return per_student


# The simulated class: shares of good, partly wrong and bad submissions of assignment 1.
CLASS_MIX = {"perfect": 0.45, "typical_mistake": 0.15, "raises": 0.08, "syntax_error": 0.06, "blank": 0.05,
             "unreadable": 0.03, "tampers": 0.03, "kills_kernel": 0.03, "segfaults": 0.02, "exits": 0.02,
             "prints_megabytes": 0.02, "warns": 0.02, "attacks": 0.02, "cheats": 0.01, "loops_forever": 0.01}


def simulated_class(scratch, size, jobs=2):
    """Grades a class of `size` mixed submissions of assignment 1; prints wall time, memory, projections."""
    assignment = "a1_two_layer_network"
    counts = {sample: max(1, round(share * size)) for sample, share in CLASS_MIX.items()}
    counts["perfect"] += size - sum(counts.values())
    course, students = batch_in(scratch, "class", assignment, counts)
    print(f"\nsimulated class: {size} submissions of {assignment} on {jobs} workers "
          f"({', '.join(f'{n} {s}' for s, n in counts.items())})")
    started = time.monotonic()
    with PeakMemory([os.getpid()]) as memory:
        seconds, results, worker_memory = ours(course, assignment, students, jobs=jobs)
    wall = time.monotonic() - started
    wrong = [r.student for r in results if not r.graded or {e: p for e, (p, _) in r.by_exercise.items()}
             != expected_points(assignment, r.student.split("-", 1)[1])]
    print(f"wall time {wall / 60:.1f} min (grading {seconds / 60:.1f} min, {60 * size / seconds:.1f} students/min); "
          f"peak memory {mib(memory.peaks[os.getpid()])} in all, per worker "
          + ", ".join(mib(m) for m in worker_memory))
    print(f"grades as expected: {size - len(wrong)} of {size}" + (f" (NOT: {', '.join(wrong)})" if wrong else ""))
    per_machine = seconds / size  # seconds per student on one 2-core machine
    print(f"projection at {per_machine:.2f} s per student per {jobs}-core machine (hours):")
    machines = (1, 2, 5, 10, 20)
    print(f"{'students':>10} " + " ".join(f"{f'{n} machine(s)':>13}" for n in machines))
    for students_count in (1_000, 10_000):
        print(f"{students_count:>10,} " + " ".join(f"{students_count * per_machine / n / 3600:13.2f}" for n in machines))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Time the notebooks and the autograder.")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", default=BEFORE, help="the commit to compare with (default %(default)s)")
    parser.add_argument("--assignment", action="append", help="only this assignment (repeatable)")
    parser.add_argument("--part", action="append", choices=PARTS,
                        help="only this part (repeatable; default: all of %(choices)s)")
    parser.add_argument("--students", type=int, default=16, help="submissions in the throughput part")
    parser.add_argument("--class-size", type=int, default=200, help="submissions in the simulated class")
    args = parser.parse_args(argv)
    chosen = args.assignment or list(ASSIGNMENTS)
    parts = args.part or PARTS
    with tempfile.TemporaryDirectory() as scratch:
        if "notebooks" in parts:
            print(f"median of {args.repeat} runs, seconds")
            for path in sorted(ROOT / "source" / a / f"{a}.ipynb" for a in chosen):
                times = [time_notebook(path) for _ in range(args.repeat)]
                print(f"execute {path.parent.name} solution notebook: {statistics.median(times):6.2f} "
                      f"(min {min(times):.2f}, max {max(times):.2f})")
        if "sandbox" in parts:
            sandbox_cost(scratch, chosen, args.repeat, args.before)
            saturated(scratch, chosen)
        if "throughput" in parts:
            throughput(scratch, "a1_two_layer_network", args.students)
        if "class" in parts:
            simulated_class(scratch, args.class_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
