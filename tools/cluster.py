"""
A Dask cluster of separate processes on this machine, started as on real grading
machines: ``dask scheduler`` and ``dask worker`` from the command line, the
workers importing the grader from the course directory. The tests and the
benchmarks use it; README ("Grading on several machines") gives the same
commands for several machines.
"""
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time


class LoopbackCluster:
    """A scheduler and `workers` single-threaded workers on 127.0.0.1, for the course at `course`."""

    def __init__(self, course, workers=2):
        self.folder = pathlib.Path(tempfile.mkdtemp(prefix="nnfs-dask-"))
        self.scheduler_file = self.folder / "scheduler.json"
        dask = os.path.join(os.path.dirname(sys.executable), "dask")
        # As README says for grading machines: a task whose worker stops is tried once more, then reported.
        env = dict(os.environ, PYTHONPATH=str(course), DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES="1")
        self._log = open(self.folder / "dask.log", "w")
        common = dict(cwd=course, env=env, stdin=subprocess.DEVNULL, start_new_session=True,
                      stdout=self._log, stderr=subprocess.STDOUT)
        self.processes = [subprocess.Popen(
            [dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
             "--scheduler-file", str(self.scheduler_file)], **common)]
        for number in range(workers):
            self.processes.append(subprocess.Popen(
                [dask, "worker", "--scheduler-file", str(self.scheduler_file), "--nthreads", "1",
                 "--memory-limit", "0", "--no-dashboard", "--name", f"worker-{number}"], **common))
        try:
            self.address = self._wait_for(workers)
        except BaseException:
            self.close()
            raise

    def _wait_for(self, workers):
        from distributed import Client

        deadline = time.monotonic() + 120
        while not self.scheduler_file.exists():
            if time.monotonic() > deadline:
                raise RuntimeError("the Dask scheduler did not start:\n" + (self.folder / "dask.log").read_text())
            time.sleep(0.2)
        address = json.loads(self.scheduler_file.read_text())["address"]
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(workers, timeout=120)
        return address

    def close(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self._log.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
