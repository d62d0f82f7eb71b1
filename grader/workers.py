"""
Where students are graded: this process, the cores of this machine, or a Dask cluster.

Each student is one task of Dask distributed (grader/worker.py grades it). A
``dask.distributed.LocalCluster`` of one single-threaded worker process per core
grades on this machine; ``scheduler=tcp://host:8786`` sends the same tasks to
any Dask cluster; one worker grades in this process, one student after the
other. A student whose worker stops is graded again once on another worker
(Dask's ``allowed-failures``), then reported as not graded.
"""
import importlib
import os
import uuid

from grader.worker import Graded, grade

# Dask's event topic on which each task says that it started (a second start in a batch is a regrade).
STARTED = "nnfs-grading-started"


def available_cores():
    return len(os.sched_getaffinity(0))


def _grade_on_worker(job, batch):
    from distributed import get_worker

    worker = get_worker()
    worker.log_event(STARTED, {"batch": batch, "student": job.student, "worker": worker.address})
    return grade(job)


class Workers:
    """
    Where the tasks run: this process (one worker, no cluster), a Dask LocalCluster of
    ``jobs`` processes on this machine, or the Dask cluster at ``scheduler``.
    """

    def __init__(self, jobs=None, scheduler=None):
        self.jobs = jobs or available_cores()
        self.scheduler = scheduler
        self.client = self.cluster = None

    def __enter__(self):
        if self.scheduler is None and self.jobs == 1:
            return self
        import dask
        from distributed import Client, LocalCluster

        # A student whose worker stops is graded once more, then reported (not the default 3 times).
        dask.config.set({"distributed.scheduler.allowed-failures": 1})
        if self.scheduler is None:
            # Local workers are forked from this process with the grading stack imported: a worker
            # costs a fork, not seconds of imports (grader/workerstartup.py runs in each).
            importlib.import_module("grader.workerstartup").warm()
            dask.config.set({"distributed.worker.multiprocessing-method": "fork"})
            # One thread per worker: nbgrader changes the process's directory and environment.
            # No memory limit of Dask's: the sandbox caps each kernel's memory itself.
            self.cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                                        memory_limit=0, dashboard_address="127.0.0.1:0", silence_logs=40,
                                        preload=["grader.workerstartup"])
            self.client = Client(self.cluster)
        else:
            self.client = Client(self.scheduler, timeout="30s")
        return self

    def __exit__(self, *exc):
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def describe(self):
        if self.client is None:
            return "1 worker (this process)"
        workers = self.client.scheduler_info(n_workers=-1)["workers"]
        where = "this machine" if self.cluster is not None else f"the Dask cluster at {self.scheduler}"
        hosts = {w["host"] for w in workers.values()}
        return (f"{len(workers)} Dask worker(s) on {where}"
                + (f" ({len(hosts)} machine(s))" if self.cluster is None else ""))

    def grade(self, jobs):
        """Yields (job, Graded, regraded) for every job as it finishes (in order with one worker)."""
        if self.client is None:
            for job in jobs:
                yield job, grade(job), False
            return
        from distributed import as_completed

        batch = uuid.uuid4().hex
        futures = {self.client.submit(_grade_on_worker, job, batch, pure=False, retries=0,
                                      key=f"grade-{job.assignment}-{job.student}-{batch[:8]}"): job for job in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                graded = future.result()
            except Exception as error:  # the task failed or its workers stopped twice: report, go on
                graded = Graded(job.student, error=_task_error(error))
            yield job, graded, self._starts(batch, job.student) > 1

    def _starts(self, batch, student):
        """How many times this batch's task of a student started on a worker."""
        return sum(1 for _, event in self.client.get_events(STARTED)
                   if event.get("batch") == batch and event.get("student") == student)


def _task_error(error):
    from distributed.scheduler import KilledWorker

    if isinstance(error, KilledWorker):
        return "the workers grading it stopped twice"
    return f"{type(error).__name__}: {error}".splitlines()[0][:160]
