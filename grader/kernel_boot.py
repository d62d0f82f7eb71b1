"""
Starts an IPython kernel inside the sandbox (see grader/sandbox.py).

It sets the limits of every process the kernel will start, puts the
grader's helpers first on the import path (the kernel imports exactly the
helpers the grader bound, whatever else the environment has installed), copies
the notebook's folder into the private working directory, and then runs
ipykernel with the arguments it was given.
"""
import os
import resource
import shutil
import sys

memory, processes, file_bytes, cpu_seconds = (int(v) for v in os.environ.pop("NNFS_LIMITS").split(","))
for limit, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_NPROC, processes),
                     (resource.RLIMIT_FSIZE, file_bytes), (resource.RLIMIT_CPU, cpu_seconds),
                     (resource.RLIMIT_CORE, 0)):
    resource.setrlimit(limit, (value, value))

sys.path.insert(0, os.environ.pop("NNFS_LIB"))
workdir = os.environ.pop("NNFS_WORKDIR")
shutil.copytree("/opt/nnfs/folder", workdir, symlinks=True)
os.chdir(workdir)
# As in JupyterLab, modules in the notebook's folder import (assignment 4's dnn_app_utils).
sys.path.insert(0, "")

# exit() and quit() in a cell would end the kernel after that cell, and the next
# cell would meet a dead kernel: the grader keeps the kernel running instead.
from ipykernel.zmqshell import ZMQInteractiveShell  # noqa: E402


def _exit_ignored(shell):
    print("exit() and quit() do nothing while grading: the notebook goes on.")


ZMQInteractiveShell.ask_exit = _exit_ignored

from ipykernel.kernelapp import IPKernelApp  # noqa: E402

IPKernelApp.launch_instance(argv=sys.argv[1:])
