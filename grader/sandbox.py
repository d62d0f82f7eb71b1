"""
The kernel that runs student code: a bubblewrap sandbox with limits.

Every notebook the grader executes (autograde, validate, the search for a cell
that stops the kernel) runs in an IPython kernel started by
``SandboxKernelManager``. The kernel runs under bubblewrap (``bwrap``), in new
user, PID, network, IPC and mount namespaces, as an unprivileged user:

* its file system holds only the Python environment (read-only), the installed
  ``helpers`` (read-only) and a private copy of its notebook's folder on a
  size-capped tmpfs; the course directory, the gradebook, ``source/``, other
  students' folders and the grader's home do not exist in it;
* it has no network but loopback; it talks to the grader over ZMQ ``ipc``
  sockets in a private directory made for this kernel alone;
* resource limits cap the memory of each process (the student sees a
  ``MemoryError``), the number of processes (a fork bomb is contained), the size
  of a file and, as a backstop above the time limits, CPU seconds; where the
  machine allows it, a cgroup also caps the memory and processes of the whole
  sandbox;
* when the kernel ends, the PID namespace ends with it, so every process it
  started, daemons included, is killed.

Without bubblewrap (or without user namespaces) grading refuses to run unless
the instructor asks for it explicitly; see ``isolation``.
"""
import functools
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import AsyncKernelManager
from traitlets import Bool, Integer, Unicode

BOOT = pathlib.Path(__file__).with_name("kernel_boot.py")
INSTALL_HINT = "install bubblewrap (as root: apt-get install -y bubblewrap; it is one Debian/Ubuntu package)"
MiB = 1024 * 1024
GiB = 1024 * MiB


class SandboxUnavailable(RuntimeError):
    """No sandbox can be had on this machine; the message says what to install."""


def bwrap():
    """The bubblewrap executable (NNFS_BWRAP names another one), or None."""
    return shutil.which(os.environ.get("NNFS_BWRAP", "bwrap"))


@functools.lru_cache(maxsize=None)
def _probe(executable):
    if executable is None:
        return f"bubblewrap (bwrap) is not installed: {INSTALL_HINT}"
    command = [executable, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "true"]
    completed = subprocess.run(command, capture_output=True, text=True)
    if completed.returncode == 0:
        return None
    return ("bubblewrap cannot create namespaces here (" + completed.stderr.strip()[:160]
            + "): enable unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1)")


def probe():
    """None if a sandbox can be started here, else the reason it cannot (checked once per executable)."""
    return _probe(bwrap())


def isolation(unsandboxed=False):
    """
    The isolation grading will use, as one phrase for reports; raises SandboxUnavailable
    when there is none and the instructor did not ask for unsandboxed grading.
    """
    reason = probe()
    if reason is None:
        return "sandboxed (bubblewrap: no network, private files, limits)"
    if unsandboxed:
        return "UNSANDBOXED"
    raise SandboxUnavailable(
        f"Grading refuses to run student code without a sandbox: {reason}. "
        f"To grade without one anyway (student code then runs with your privileges), "
        f"pass --unsandboxed (make autograde UNSANDBOXED=1).")


def _cgroup_parent():
    """A cgroup directory where this process may create a child for a kernel, or None."""
    override = os.environ.get("NNFS_CGROUP_PARENT")
    candidates = [override] if override else []
    try:
        for line in pathlib.Path("/proc/self/cgroup").read_text().splitlines():
            _, controllers, path = line.split(":", 2)
            if controllers == "memory":
                candidates.append(f"/sys/fs/cgroup/memory{path}")
            elif controllers == "" and pathlib.Path("/sys/fs/cgroup/cgroup.controllers").exists():
                candidates.append(f"/sys/fs/cgroup{path}")
    except OSError:
        return None
    for candidate in candidates:
        if candidate and os.access(candidate, os.W_OK):
            return pathlib.Path(candidate)
    return None


class KernelCgroup:
    """A cgroup (v1 memory+pids or v2) holding one kernel's sandbox, with caps on memory and processes."""

    def __init__(self, name, memory_bytes, processes):
        self.dirs = []
        parent = _cgroup_parent()
        if parent is None:
            return
        try:
            if (parent / "memory.limit_in_bytes").exists():  # cgroup v1
                memory = parent / name
                memory.mkdir()
                self.dirs.append(memory)
                (memory / "memory.limit_in_bytes").write_text(str(memory_bytes))
                swap = memory / "memory.memsw.limit_in_bytes"
                if swap.exists():
                    swap.write_text(str(memory_bytes))
                pids = pathlib.Path("/sys/fs/cgroup/pids") / name
                if os.access(pids.parent, os.W_OK):
                    pids.mkdir()
                    self.dirs.append(pids)
                    (pids / "pids.max").write_text(str(processes))
            else:  # cgroup v2
                group = parent / name
                group.mkdir()
                self.dirs.append(group)
                (group / "memory.max").write_text(str(memory_bytes))
                (group / "memory.swap.max").write_text("0")
                (group / "pids.max").write_text(str(processes))
        except OSError:
            self.remove()
            self.dirs = []

    @property
    def active(self):
        return bool(self.dirs)

    def wrap(self, command):
        """The command (a /bin/sh -c script and its arguments), entering this cgroup before it starts."""
        if not self.dirs:
            return command
        enter = " && ".join(f"echo $$ > {d / 'cgroup.procs'}" for d in self.dirs)
        return command[:2] + [enter + " && " + command[2]] + command[3:]

    def kill_all(self):
        """Kills every process still in the cgroup."""
        for _ in range(50):
            pids = set()
            for d in self.dirs:
                try:
                    pids.update(int(p) for p in (d / "cgroup.procs").read_text().split())
                except OSError:
                    pass
            if not pids:
                return
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.02)

    def remove(self):
        self.kill_all()
        for d in self.dirs:
            for _ in range(50):
                try:
                    d.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.02)


def _python_roots():
    """The directories the Python environment needs: the interpreter's prefix and the virtual environment."""
    roots = {pathlib.Path(sys.base_prefix).resolve(), pathlib.Path(sys.prefix).resolve()}
    import helpers
    roots.add(pathlib.Path(helpers.__path__[0]).resolve())
    return sorted(roots)


class SandboxKernelManager(AsyncKernelManager):
    """
    Starts the IPython kernel inside the sandbox described in this module.

    nbgrader's Execute (through nbclient) starts kernels with this manager; its
    settings are configurable as ``c.SandboxKernelManager.<name>`` in
    nbgrader_config.py. With ``enabled = False`` the kernel runs unsandboxed
    (grading then says UNSANDBOXED on every line).
    """

    enabled = Bool(True, help="run the kernel in the sandbox").tag(config=True)
    memory_bytes = Integer(3 * GiB, help="address space of each process of the kernel (RLIMIT_AS)").tag(config=True)
    processes = Integer(128, help="processes and threads of the sandbox (RLIMIT_NPROC in its user namespace)"
                        ).tag(config=True)
    file_bytes = Integer(64 * MiB, help="largest file the kernel may write (RLIMIT_FSIZE)").tag(config=True)
    work_bytes = Integer(256 * MiB, help="size of the private copy of the notebook's folder (tmpfs)").tag(config=True)
    tmp_bytes = Integer(128 * MiB, help="size of /tmp in the sandbox (tmpfs)").tag(config=True)
    cpu_seconds = Integer(3600, help="CPU seconds of the kernel: a backstop far above the time limits"
                          ).tag(config=True)
    cgroup_memory_bytes = Integer(6 * GiB, help="memory of the whole sandbox, where cgroups allow it"
                                  ).tag(config=True)
    blas_threads = Unicode("1", help="threads of OpenBLAS/OpenMP in the kernel, so that kernels side by "
                                     "side do not thrash").tag(config=True)
    workdir_name = Unicode("notebook", help="name of the private working folder in the sandbox").tag(config=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # A private directory for this kernel's connection file and ipc sockets: short (a socket
        # path has at most 107 bytes), made for this kernel alone. In the sandbox the same path is
        # a tiny tmpfs of its own, where the kernel binds its sockets; the grader reaches them
        # through /proc/<pid>/root, so nothing the kernel writes lands on the grader's disk.
        self._private = pathlib.Path(tempfile.mkdtemp(prefix="nnfs-k-", dir="/tmp"))
        self.connection_file = str(self._private / "kernel.json")
        self.transport = "ipc"
        self.ip = str(self._private / "k")
        self._cgroup = None

    def format_kernel_cmd(self, extra_arguments=None):
        command = super().format_kernel_cmd(extra_arguments)
        env_threads = {k: self.blas_threads for k in
                       ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")}
        if not self.enabled:
            self._launch_args.setdefault("env", dict(os.environ)).update(env_threads)
            return command
        host_cwd = pathlib.Path(self._launch_args.get("cwd") or os.getcwd()).resolve()
        # A signal would reach bwrap, not the kernel: interrupt by message instead.
        self.kernel_spec.interrupt_mode = "message"
        self._cgroup = KernelCgroup(self._private.name, self.cgroup_memory_bytes, self.processes * 2)
        # bwrap stays the sandbox's PID 1, whose /proc/1/environ and cmdline the kernel can read: it
        # starts with nothing of the grader's environment (the kernel's own comes from --setenv),
        # and reads its options, which name the grader's paths, from a file (--args).
        options, kernel = self.sandbox_command(command, host_cwd, env_threads)
        arguments = self._private / "bwrap-options"
        arguments.write_bytes(b"".join(a.encode() + b"\0" for a in options))
        bare = ["/bin/sh", "-c", f'exec /usr/bin/env -i PATH=/usr/bin:/bin "$0" --args 3 "$@" 3< {arguments}',
                bwrap(), "--", *kernel]
        return self._cgroup.wrap(bare)

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        await super()._async_launch_kernel(kernel_cmd, **kw)
        if self.enabled:
            self.ip = f"/proc/{self._sandbox_init()}/root{self._private}/k"

    def _sandbox_init(self):
        """The PID (on the host) of the sandbox's first process, inside its namespaces."""
        outer = self.provisioner.process.pid
        children = pathlib.Path(f"/proc/{outer}/task/{outer}/children")
        for _ in range(500):
            try:
                found = children.read_text().split()
            except OSError:
                found = []
            if found:
                return int(found[0])
            if self.provisioner.process.poll() is not None:
                break
            time.sleep(0.01)
        raise RuntimeError("the sandbox did not start (run the kernel's command by hand to see why)")

    def sandbox_command(self, command, host_cwd, env):
        """The bwrap options, and the command that runs ``command`` (the kernel) in the sandbox."""
        home = "/home/student"
        workdir = f"{home}/{self.workdir_name}"
        args = ["--unshare-all", "--die-with-parent", "--new-session", "--uid", "65534", "--gid", "65534",
                "--hostname", "sandbox", "--ro-bind", "/usr", "/usr"]
        for name in ("bin", "lib", "lib64", "sbin"):
            link = pathlib.Path("/") / name
            if link.is_symlink():
                args += ["--symlink", os.readlink(link), str(link)]
            elif link.is_dir():
                args += ["--ro-bind", str(link), str(link)]
        # /tmp first: the Python environment may itself live under /tmp, and must stay visible.
        args += ["--size", str(self.tmp_bytes), "--tmpfs", "/tmp"]
        for root in _python_roots():
            args += ["--ro-bind", str(root), str(root)]
        if pathlib.Path("/etc/fonts").is_dir():  # matplotlib's fonts
            args += ["--ro-bind", "/etc/fonts", "/etc/fonts"]
        args += ["--proc", "/proc", "--dev", "/dev",
                 "--size", str(self.work_bytes), "--tmpfs", home,
                 "--size", str(MiB), "--tmpfs", str(self._private),
                 "--ro-bind", self.connection_file, self.connection_file,
                 "--ro-bind", str(BOOT), "/opt/nnfs/boot.py",
                 "--ro-bind", str(host_cwd), "/opt/nnfs/folder",
                 # The root and /dev are tmpfs of half the RAM, without a cap of their own: read-only,
                 # and /dev/shm (shared memory) capped like /tmp.
                 "--size", str(self.tmp_bytes), "--tmpfs", "/dev/shm", "--remount-ro", "/dev",
                 "--remount-ro", "/",
                 "--chdir", home, "--clearenv"]
        env = dict(env, HOME=home, PATH="/usr/bin:/bin", LANG="C.UTF-8", MPLCONFIGDIR="/tmp/matplotlib",
                   PYTHONNOUSERSITE="1", PYDEVD_DISABLE_FILE_VALIDATION="1",
                   # The kernel's parent is the sandbox's init: no parent poller, no banner.
                   JPY_PARENT_PID="1",
                   NNFS_WORKDIR=workdir, NNFS_LIMITS=",".join(str(v) for v in (
                       self.memory_bytes, self.processes, self.file_bytes, self.cpu_seconds)))
        if "NBGRADER_EXECUTION" in os.environ:
            env["NBGRADER_EXECUTION"] = os.environ["NBGRADER_EXECUTION"]
        for key, value in sorted(env.items()):
            args += ["--setenv", key, value]
        python = command[0]
        if command[1:3] == ["-m", "ipykernel_launcher"]:
            kernel_args = command[3:]
        else:
            raise ValueError(f"the sandbox starts IPython kernels only, not {command}")
        return args, [python, "-I", "/opt/nnfs/boot.py", *kernel_args]

    async def _async_cleanup_resources(self, restart=False):
        await super()._async_cleanup_resources(restart=restart)
        if self._cgroup is not None:
            self._cgroup.remove()
            self._cgroup = None
        if not restart:
            shutil.rmtree(self._private, ignore_errors=True)

    def describe_limits(self):
        """The limits in force, for reports and provenance records."""
        if not self.enabled:
            return {"isolation": "UNSANDBOXED", "blas_threads": self.blas_threads}
        return {"isolation": "bubblewrap", "memory_bytes_per_process": self.memory_bytes,
                "processes": self.processes, "file_bytes": self.file_bytes, "work_bytes": self.work_bytes,
                "tmp_bytes": self.tmp_bytes, "cpu_seconds": self.cpu_seconds,
                "cgroup_memory_bytes": self.cgroup_memory_bytes if _cgroup_parent() else None,
                "blas_threads": self.blas_threads, "network": "loopback only"}
