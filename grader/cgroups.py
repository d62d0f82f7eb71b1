"""
A control group around one sandboxed kernel: its memory, its processes and its share of the CPU.

Rlimits cap each process of a kernel; a cgroup caps the sandbox as a whole,
whatever it does: the memory and the number of processes of all its processes
together (which also holds for a grader running as root, whom RLIMIT_NPROC
exempts), and its CPU, so that a submission that starts many busy processes in
sessions of their own gets one core at most and an equal share beside other
kernels, and cannot slow the student graded next door below their limits.

cgroups v1 (one hierarchy per controller) and v2 (one unified hierarchy) are
both handled. Where no cgroup can be written (a container without a writable
cgroup tree), kernels run without them and the report says so (``parents``).

Each group is named after the process that made it (``nnfs-k-<pid>-...``), so
that ``remove_stale`` can remove the groups of a grading run that was killed.
"""
import os
import pathlib
import signal
import time

from grader.leftovers import owner_alive

ROOT = pathlib.Path("/sys/fs/cgroup")
PREFIX = "nnfs-k-"
# One core at most for a kernel (single-threaded, one BLAS thread), whatever it starts.
CPU_PERIOD_US = 100_000


def _own(controller):
    """This process's cgroup directory in a v1 hierarchy of ``controller`` (or v2 with ``None``), if writable."""
    try:
        lines = pathlib.Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if controller is None and controllers == "" and (ROOT / "cgroup.controllers").exists():
            candidate = ROOT / path.lstrip("/")
        elif controller is not None and controller in controllers.split(","):
            candidate = ROOT / controllers / path.lstrip("/")
        else:
            continue
        return candidate if candidate.is_dir() and os.access(candidate, os.W_OK) else None
    return None


def parents():
    """The writable parent cgroups, by what they control: {"memory": dir, "pids": dir, "cpu": dir}."""
    unified = _own(None)
    if unified is not None:
        return {name: unified for name in ("memory", "pids", "cpu")}
    found = {name: _own(name) for name in ("memory", "pids", "cpu")}
    return {name: folder for name, folder in found.items() if folder is not None}


class KernelCgroup:
    """The cgroups of one kernel's sandbox, with caps on memory, processes and CPU."""

    def __init__(self, name, memory_bytes, processes, cpus=1.0):
        self.dirs = []
        found = parents()
        settings = {
            "memory": {"memory.limit_in_bytes": memory_bytes, "memory.memsw.limit_in_bytes": memory_bytes,
                       "memory.max": memory_bytes, "memory.swap.max": 0},
            "pids": {"pids.max": processes},
            "cpu": {"cpu.cfs_period_us": CPU_PERIOD_US, "cpu.cfs_quota_us": int(cpus * CPU_PERIOD_US),
                    "cpu.max": f"{int(cpus * CPU_PERIOD_US)} {CPU_PERIOD_US}"},
        }
        try:
            for controller, parent in found.items():
                group = parent / name
                if group not in self.dirs:
                    group.mkdir()
                    self.dirs.append(group)
                if controller == "cpu" and (parent / "cgroup.subtree_control").exists():
                    _enable(parent, "cpu")
                for setting, value in settings[controller].items():
                    if (group / setting).exists():
                        (group / setting).write_text(str(value))
        except OSError:
            self.remove()
            self.dirs = []

    def wrap(self, command):
        """The command (a /bin/sh -c script and its arguments), entering these cgroups before it starts."""
        if not self.dirs:
            return command
        enter = " && ".join(f"echo $$ > {d / 'cgroup.procs'}" for d in self.dirs)
        return command[:2] + [enter + " && " + command[2]] + command[3:]

    def remove(self):
        """Kills every process still in the cgroups and removes them."""
        remove_groups(self.dirs)


def remove_groups(dirs):
    """Kills every process in these cgroups and removes them."""
    for _ in range(50):
        pids = set()
        for d in dirs:
            try:
                pids.update(int(p) for p in (d / "cgroup.procs").read_text().split())
            except OSError:
                pass
        if not pids:
            break
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.02)
    for d in dirs:
        for _ in range(50):
            try:
                d.rmdir()
                break
            except FileNotFoundError:
                break
            except OSError:
                time.sleep(0.02)


def _enable(parent, controller):
    """Makes ``controller`` available to the children of a v2 cgroup (where it may be)."""
    try:
        if controller not in (parent / "cgroup.subtree_control").read_text().split():
            (parent / "cgroup.subtree_control").write_text(f"+{controller}")
    except OSError:
        pass


def remove_stale():
    """Removes the kernel cgroups of grading processes that no longer run (a run that was killed)."""
    for parent in set(parents().values()):
        for group in parent.glob(f"{PREFIX}*"):
            if group.is_dir() and not owner_alive(group.name, PREFIX):
                remove_groups([group])
