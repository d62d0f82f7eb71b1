"""
What a Dask worker of the grader does when it starts: ``dask worker --preload grader.workerstartup``
(the local cluster of ``make autograde`` preloads it too).

A worker dies with the process that started it: when ``make autograde`` is killed, its local
workers are killed at once, and with them the sandboxed kernels they run (bubblewrap ends a
sandbox whose parent ended); the next run removes their folders (grader.leftovers). And a worker
imports the grading stack (nbgrader, the pipeline, NumPy) while it waits for its first student
(local workers, forked from a process that imported it, have it already).
"""
import ctypes
import importlib
import signal

PR_SET_PDEATHSIG = 1


def warm():
    """Imports what grading a student needs (nbgrader, the pipeline, what the reference solutions import)."""
    for module in ("grader.worker", "nbgrader.apps.api", "nbgrader.converters.autograde", "grader.exporter",
                   "grader.preprocessors", "matplotlib.pyplot", "sklearn.datasets"):
        importlib.import_module(module)


def dask_setup(worker):
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    warm()
