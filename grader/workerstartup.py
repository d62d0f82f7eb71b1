"""
What a Dask worker of the grader does when it starts: ``dask worker --preload grader.workerstartup``
(the local cluster of ``make autograde`` preloads it too).

A worker dies with the process that started it: when ``make autograde`` is killed, its local
workers are killed at once, and with them the sandboxed kernels they run (bubblewrap ends a
sandbox whose parent ended); the next run removes their folders (grader.leftovers). And a worker
imports the grading stack (nbgrader, the pipeline, NumPy) while it waits for its first student.
"""
import ctypes
import signal

PR_SET_PDEATHSIG = 1


def dask_setup(worker):
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    import grader.worker  # noqa: F401 (imported now, not when the first student arrives)
    import nbgrader.apps.api  # noqa: F401
