"""
The kernel that runs student code: the course's IPython kernel in a bubblewrap sandbox with limits.

Every notebook the grader executes (autograde by any entry point, validate,
calibration) runs in an IPython kernel started by ``SandboxKernelManager``.
It is always the course's kernel: the grader's own Python environment running
ipykernel through grader/kernel_boot.py, whatever kernel the notebook's metadata
names (``conda-env-dl-py``, ``.venv``, none) and whatever kernelspecs the machine
has, so a submission is graded in the environment it was written for. The kernel
runs under bubblewrap (``bwrap``), in new user, PID, network, IPC and mount
namespaces, as an unprivileged user:

* its file system holds only the Python environment (read-only), the grader's
  ``helpers`` at a fixed place that the kernel imports first (read-only) and a
  private copy of its notebook's folder on a size-capped tmpfs; the course
  directory, the gradebook, ``source/``, other students' folders and the
  grader's home do not exist in it, and it is told none of their paths (its
  mounts name a staging folder of its own; the environment's own location it
  can see, as it runs that interpreter);
* it has no network but loopback; it talks to the grader over ZMQ ``ipc``
  sockets in a private directory made for this kernel alone;
* resource limits cap the memory of each process (the student sees a
  ``MemoryError``), the number of processes, the size of a file and, as a
  backstop above the time limits, CPU seconds; where the machine allows it, a
  cgroup (grader/cgroups.py) also caps the memory, the processes and the CPU of
  the whole sandbox;
* it inherits no file descriptor of the grader's but its own standard streams;
* when the kernel ends, the PID namespace ends with it, so every process it
  started, daemons included, is killed; a grading process that was killed
  leaves its kernels' folders and cgroups behind, and the next kernel started
  on the machine removes them (``remove_stale``).

Without bubblewrap (or without user namespaces) grading refuses to run unless
the instructor asks for it explicitly; see ``isolation``.

Settings (``c.SandboxKernelManager.<name>`` in nbgrader_config.py): ``enabled``,
the limits below, and ``bwrap`` (the bubblewrap executable, default ``bwrap`` on
the PATH).
"""
import functools
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import AsyncKernelManager
from traitlets import Bool, Integer, Unicode

from grader import cgroups
from grader.fingerprints import helpers_folder
from grader.leftovers import remove_stale_folders

BOOT = pathlib.Path(__file__).with_name("kernel_boot.py")
INSTALL_HINT = "install bubblewrap (as root: apt-get install -y bubblewrap; it is one Debian/Ubuntu package)"
MiB = 1024 * 1024
GiB = 1024 * MiB
HOME = "/home/student"
LIB = "/opt/nnfs/lib"  # where the sandbox sees the grader's helpers package (LIB/helpers)
PREFIX = cgroups.PREFIX  # kernels' private folders in /tmp are named like their cgroups


class SandboxUnavailable(RuntimeError):
    """No sandbox can be had on this machine; the message says what to install."""


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


def probe(executable="bwrap"):
    """None if a sandbox can be started here, else the reason it cannot (checked once per executable)."""
    return _probe(shutil.which(executable))


def refusal(executable="bwrap"):
    """Why no sandbox with its limits can be had here, or None."""
    reason = probe(executable)
    if reason is None and os.geteuid() == 0 and "pids" not in cgroups.parents():
        # A kernel mapped to root is exempt from RLIMIT_NPROC: only a cgroup caps its processes.
        reason = ("run as root, the sandbox's process limit needs a cgroup this process may write (pids), and "
                  "there is none: grade as an unprivileged user (the limit then holds per user), or where "
                  "cgroups are writable")
    return reason


def isolation(unsandboxed=False, executable="bwrap"):
    """
    The isolation grading will use, as one phrase for reports; raises SandboxUnavailable
    when there is none and the instructor did not ask for unsandboxed grading.
    """
    if unsandboxed:
        return "UNSANDBOXED"
    reason = refusal(executable)
    if reason is None:
        groups = cgroups.parents()
        caps = ("a cgroup caps its memory, processes and CPU" if len(groups) == 3 else
                "no writable cgroups: memory and processes capped per process only, CPU not shared")
        return f"sandboxed (bubblewrap: no network, private files, limits; {caps})"
    raise SandboxUnavailable(
        f"Grading refuses to run student code without a sandbox: {reason}. "
        f"To grade without one anyway (student code then runs with your privileges), "
        f"pass --unsandboxed (make autograde UNSANDBOXED=1).")


def remove_stale():
    """Removes the folders and cgroups of kernels whose grading process no longer runs."""
    remove_stale_folders(PREFIX)
    cgroups.remove_stale()


def _python_roots():
    """The directories the Python environment needs: the interpreter's prefix and the virtual environment."""
    return sorted({pathlib.Path(sys.base_prefix).resolve(), pathlib.Path(sys.prefix).resolve()})


class SandboxKernelManager(AsyncKernelManager):
    """
    Starts the course's IPython kernel inside the sandbox described in this module.

    nbgrader's Execute (through nbclient) starts kernels with this manager; its
    settings are configurable as ``c.SandboxKernelManager.<name>`` in
    nbgrader_config.py. With ``enabled = False`` the kernel runs unsandboxed
    (grading then says UNSANDBOXED on every line).
    """

    enabled = Bool(True, help="run the kernel in the sandbox").tag(config=True)
    bwrap = Unicode("bwrap", help="the bubblewrap executable (a name on the PATH or a path)").tag(config=True)
    memory_bytes = Integer(3 * GiB, help="address space of each process of the kernel (RLIMIT_AS)").tag(config=True)
    processes = Integer(128, help="processes and threads of the sandbox (RLIMIT_NPROC in its user namespace, "
                                  "and the cgroup's pids.max)").tag(config=True)
    file_bytes = Integer(64 * MiB, help="largest file the kernel may write (RLIMIT_FSIZE)").tag(config=True)
    work_bytes = Integer(256 * MiB, help="size of the private copy of the notebook's folder (tmpfs)").tag(config=True)
    tmp_bytes = Integer(128 * MiB, help="size of /tmp in the sandbox (tmpfs)").tag(config=True)
    cpu_seconds = Integer(3600, help="CPU seconds of the kernel: a backstop far above the time limits"
                          ).tag(config=True)
    cgroup_memory_bytes = Integer(6 * GiB, help="memory of the whole sandbox, where cgroups allow it"
                                  ).tag(config=True)
    cgroup_cpus = Integer(1, help="cores the whole sandbox may use at most, where cgroups allow it"
                          ).tag(config=True)
    blas_threads = Unicode("1", help="threads of OpenBLAS/OpenMP in the kernel, so that kernels side by "
                                     "side do not thrash").tag(config=True)
    workdir_name = Unicode("notebook", help="name of the private working folder in the sandbox").tag(config=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._private = None
        self._cgroup = None

    @property
    def kernel_spec(self):
        """The course's kernel, whatever kernel name the notebook asked for."""
        return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                          display_name="Python 3 (the course's kernel)", language="python",
                          interrupt_mode="message" if self.enabled else "signal")

    async def _async_pre_start_kernel(self, **kwargs):
        # A private directory for this kernel's connection file and ipc sockets: short (a socket
        # path has at most 107 bytes), made for this kernel alone, named after this process so
        # that a killed grading run's leftovers can be told apart (remove_stale).
        remove_stale()
        self._private = pathlib.Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
        self.connection_file = str(self._private / "kernel.json")
        self.transport = "ipc"
        self.ip = str(self._private / "k")
        return await super()._async_pre_start_kernel(**kwargs)

    def format_kernel_cmd(self, extra_arguments=None):
        command = super().format_kernel_cmd(extra_arguments)
        env_threads = {k: self.blas_threads for k in
                       ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")}
        if not self.enabled:
            pythonpath = os.pathsep.join([str(helpers_folder().parent)] + [os.environ.get("PYTHONPATH", "")])
            self._launch_args.setdefault("env", dict(os.environ)).update(env_threads, PYTHONPATH=pythonpath)
            return command
        reason = refusal(self.bwrap)
        if reason:  # plain nbgrader and formgrader start kernels without asking isolation() first
            raise SandboxUnavailable(f"no sandbox for the kernel: {reason}")
        host_cwd = pathlib.Path(self._launch_args.get("cwd") or os.getcwd()).resolve()
        self._cgroup = cgroups.KernelCgroup(self._private.name, self.cgroup_memory_bytes, self.processes,
                                            self.cgroup_cpus)
        # bwrap stays the sandbox's PID 1, whose /proc/1/environ and cmdline the kernel can read: it
        # starts with nothing of the grader's environment (the kernel's own comes from --setenv),
        # and reads its options, which name the grader's paths, from a file (--args).
        options, kernel = self.sandbox_command(command, host_cwd, env_threads)
        arguments = self._private / "bwrap-options"
        arguments.write_bytes(b"".join(a.encode() + b"\0" for a in options))
        bare = ["/bin/sh", "-c", f'exec /usr/bin/env -i PATH=/usr/bin:/bin "$0" --args 3 "$@" 3< {arguments}',
                shutil.which(self.bwrap), "--", *kernel]
        return self._cgroup.wrap(bare)

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        # The kernel inherits no descriptor of the grader's, not even its standard streams (a log file,
        # say): what it prints reaches the grader over ZMQ, and bubblewrap's complaints go to a file.
        with open(self._private / "stderr", "wb") as stderr:
            kw.update(stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr)
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
        said = (self._private / "stderr").read_text(errors="replace").strip()[-300:]
        raise RuntimeError(f"the sandbox did not start ({said or 'run the kernel by hand to see why'})")

    def sandbox_command(self, command, host_cwd, env):
        """The bwrap options, and the command that runs the kernel of ``command`` in the sandbox."""
        workdir = f"{HOME}/{self.workdir_name}"
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
        # What the kernel is given of the grader's files is staged in its private folder first, so that
        # /proc/self/mountinfo, which names the source of every mount, shows no path of the course or
        # the student, only that folder's.
        stage = self._private / "stage"
        shutil.copytree(host_cwd, stage / "folder", symlinks=True)
        shutil.copytree(helpers_folder(), stage / "helpers", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy2(BOOT, stage / "boot.py")
        args += ["--proc", "/proc", "--dev", "/dev",
                 "--size", str(self.work_bytes), "--tmpfs", HOME,
                 "--ro-bind", str(stage / "boot.py"), "/opt/nnfs/boot.py",
                 "--ro-bind", str(stage / "helpers"), f"{LIB}/helpers",
                 "--ro-bind", str(stage / "folder"), "/opt/nnfs/folder",
                 # The root and /dev are tmpfs of half the RAM, without a cap of their own: read-only,
                 # and /dev/shm (shared memory) capped like /tmp.
                 "--size", str(self.tmp_bytes), "--tmpfs", "/dev/shm",
                 # The kernel's private folder (its connection file and sockets) last, over every
                 # tmpfs above: TMPDIR may put it under /dev/shm or the like.
                 "--size", str(MiB), "--tmpfs", str(self._private),
                 "--ro-bind", self.connection_file, self.connection_file,
                 "--remount-ro", "/dev", "--remount-ro", "/",
                 "--chdir", HOME, "--clearenv"]
        env = dict(env, HOME=HOME, PATH="/usr/bin:/bin", LANG="C.UTF-8", MPLCONFIGDIR="/tmp/matplotlib",
                   PYTHONNOUSERSITE="1", PYDEVD_DISABLE_FILE_VALIDATION="1",
                   # The kernel's parent is the sandbox's init: no parent poller, no banner.
                   JPY_PARENT_PID="1",
                   NNFS_LIB=LIB, NNFS_WORKDIR=workdir, NNFS_LIMITS=",".join(str(v) for v in (
                       self.memory_bytes, self.processes, self.file_bytes, self.cpu_seconds)))
        if "NBGRADER_EXECUTION" in os.environ:
            env["NBGRADER_EXECUTION"] = os.environ["NBGRADER_EXECUTION"]
        for key, value in sorted(env.items()):
            args += ["--setenv", key, value]
        # The course's kernel: this interpreter, isolated (-I: no user site, no PYTHONPATH), through the
        # boot script, with ipykernel's arguments (the connection file, extra arguments).
        kernel_args = command[command.index("-f"):]
        return args, [sys.executable, "-I", "/opt/nnfs/boot.py", *kernel_args]

    async def _async_cleanup_resources(self, restart=False):
        await super()._async_cleanup_resources(restart=restart)
        if self._cgroup is not None:
            self._cgroup.remove()
            self._cgroup = None
        if not restart and self._private is not None:
            shutil.rmtree(self._private, ignore_errors=True)
            self._private = None

    def describe_limits(self):
        """The limits in force, for reports and provenance records."""
        if not self.enabled:
            return {"isolation": "UNSANDBOXED", "blas_threads": self.blas_threads}
        groups = sorted(cgroups.parents())
        return {"isolation": "bubblewrap", "memory_bytes_per_process": self.memory_bytes,
                "processes": self.processes, "file_bytes": self.file_bytes, "work_bytes": self.work_bytes,
                "tmp_bytes": self.tmp_bytes, "cpu_seconds": self.cpu_seconds,
                "cgroup": {"controls": groups, "memory_bytes": self.cgroup_memory_bytes if "memory" in groups
                           else None, "processes": self.processes if "pids" in groups else None,
                           "cpus": self.cgroup_cpus if "cpu" in groups else None},
                "blas_threads": self.blas_threads, "network": "loopback only"}
