"""
Hostile submissions through the real autograde path: a scratch course built as
tools/demo.py builds it, real nbgrader, the real sandbox and the course's SQLite
gradebook, graded in one batch with two honest students between them.

Every hostile submission is the perfect solution of assignment 1 with attacks
added (some also with stubbed or wrong functions, so that a cheat that works
would show as points). Each attack prints one line, ``ATTACK <name>: <STATUS>``:
SUCCEEDED when it reached what it aimed at, BLOCKED (with the reason) when it
did not, and STARTED / INSTALLED / PRINTED when only the grader's results can
tell (a daemon, a cheat, a leak). The tests read those lines from the graded
notebooks, and check the grades, the gradebook, the files, the processes and the
feedback from outside.
"""
import hashlib
import html
import os
import pathlib
import re
import socket
import sqlite3
import sysconfig
import textwrap
import threading
import time
import uuid
from dataclasses import dataclass, field

import nbformat
import pytest
from nbformat.v4 import new_code_cell

from tools import ROOT

pytestmark = pytest.mark.slow

A = "a1_two_layer_network"
MARK = "nnfsadv" + uuid.uuid4().hex[:8]  # in every daemon's command line and every planted file
GiB = 1024 ** 3

# Defined first in every hostile notebook: runs one attack, prints its line whatever happens.
PRELUDE = r'''
import os, sys
COURSE, MARK, STUDENT = "@COURSE@", "@MARK@", "@STUDENT@"
GRADEBOOKS = [COURSE + "/gradebook.db", "/work/main/gradebook.db"]

def _attack(name, run, status=None):
    try:
        result = run()
    except BaseException as error:  # MemoryError and SystemExit are outcomes too
        print(f"ATTACK {name}: BLOCKED {type(error).__name__}: {str(error)[:120]}", flush=True)
        return
    if status:
        print(f"ATTACK {name}: {status} {str(result or '')[:120]}", flush=True)
    elif result:
        print(f"ATTACK {name}: SUCCEEDED {str(result)[:300]}", flush=True)
    else:
        print(f"ATTACK {name}: BLOCKED nothing reached", flush=True)

def _first(paths, opener):
    """The first path opener(path) accepts, with what it returned; None when every one fails."""
    for path in paths:
        try:
            return f"{path}: {opener(path)!r}"[:300]
        except Exception:
            pass
    return None

def _connected(family, kind, address):
    """A socket of that family and kind, connected to address (within a second)."""
    import socket
    s = socket.socket(family, kind)
    s.settimeout(1)
    s.connect(address)
    return s

def _fill(folder, total, chunk=16 * 2**20, per_file=2**40):
    """Writes zeros into folder until an error or `total` bytes; returns the bytes written, then removes them."""
    written, made, block = 0, [], bytes(chunk)
    try:
        while written < total:
            path = os.path.join(folder, f"fill-{MARK}-{len(made)}")
            made.append(path)
            with open(path, "wb") as f:
                size = 0
                while size < per_file and written < total:
                    f.write(block)
                    f.flush()
                    size += chunk
                    written += chunk
    except OSError as error:
        return written, error
    finally:
        for path in made:
            try:
                os.remove(path)
            except OSError:
                pass
    return written, None

def _wrote_2gib(folder):
    """What it wrote ("2048 MiB") when 2 GiB fitted into folder, in files of 48 MiB; else False."""
    written, error = _fill(folder, 2 * 2**30, per_file=48 * 2**20)
    return written >= 2 * 2**30 and f"{written >> 20} MiB"
'''


@dataclass
class Attack:
    name: str
    body: str  # the body of a function returning a truthy description when the attack got through
    status: str = None  # STARTED / INSTALLED / PRINTED: the grader's results judge it, not the attack

    def code(self):
        function = "_a_" + re.sub(r"\W", "_", self.name)
        return (f"def {function}():\n{textwrap.indent(textwrap.dedent(self.body).strip(), '    ')}\n"
                f"_attack({self.name!r}, {function}, {self.status!r})\n")


@dataclass
class Hostile:
    group: str
    attacks: dict  # where -> [Attack]: "start" (after the set-up cell) or "before:<grade_id>"
    loses: tuple = ()  # the exercises it must not get points for
    edits: dict = field(default_factory=dict)  # grade_id -> "stub" or (old, new) or source


def A_(name, body, status=None):
    return Attack(name, body, status)


# -- 1. files of the course, of other students and of the grader -----------------------------------

FILES = [
    A_("read_gradebook_absolute", "return _first(GRADEBOOKS, lambda p: open(p, 'rb').read(16))"),
    A_("read_gradebook_relative", """
        rels = ["../" * n + "gradebook.db" for n in range(8)]
        return _first(rels, lambda p: open(p, "rb").read(16))"""),
    A_("read_gradebook_proc_self_cwd", """
        paths = ["/proc/self/cwd/" + "../" * n + "gradebook.db" for n in range(8)]
        paths += ["/proc/self/root" + p for p in GRADEBOOKS] + ["/proc/1/cwd" + p for p in GRADEBOOKS]
        return _first(paths, lambda p: open(p, "rb").read(16))"""),
    A_("read_gradebook_proc_scan", """
        paths = [f"/proc/{pid}/{what}{p}" for pid in os.listdir("/proc") if pid.isdigit()
                 for what in ("root", "cwd") for p in GRADEBOOKS]
        return _first(paths, lambda p: open(p, "rb").read(16))"""),
    A_("read_gradebook_via_mount_sources", """
        # mountinfo names the host folder behind each mount: climb from the mount to the course root.
        paths = []
        for line in open("/proc/self/mountinfo"):
            parts = line.split()
            source, target = parts[3], parts[4]
            if source.startswith(COURSE):
                up = source[len(COURSE):].count("/")
                paths.append(target + "/.." * up + "/gradebook.db")
        return _first(paths, lambda p: open(p, "rb").read(16))"""),
    A_("sqlite_gradebook_update", """
        import sqlite3
        def update(path):
            con = sqlite3.connect(f"file:{path}?mode=rw", uri=True)
            con.execute("UPDATE grade SET auto_score = 1000")
            con.commit()
            return con.execute("SELECT count(*) FROM grade").fetchone()
        return _first(GRADEBOOKS, update)"""),
    A_("nbgrader_gradebook_api", """
        from nbgrader.api import Gradebook
        def students(path):
            with Gradebook("sqlite:///" + path) as gb:
                return [s.id for s in gb.students]
        return _first([COURSE + "/gradebook.db"], students)"""),
    A_("environment_names_course", """
        hits = {k: v for k, v in os.environ.items()
                if any(s in v for s in (COURSE, "gradebook", "sqlite", "/root/", "/work/main"))}
        return hits"""),
    A_("proc_environ_names_course", """
        hits = []
        for pid in (p for p in os.listdir("/proc") if p.isdigit()):
            try:
                text = open(f"/proc/{pid}/environ", "rb").read().decode(errors="replace")
            except OSError:
                continue
            if COURSE in text or "gradebook" in text:
                hits.append(pid)
        return hits"""),
    A_("write_gradebook", "return _first(GRADEBOOKS[:1], lambda p: open(p, 'r+b').write(b'x'))"),
    A_("delete_gradebook", "return _first(GRADEBOOKS[:1], os.remove) and 'removed'"),
    A_("exec_source_solutions", """
        import json
        path = f"{COURSE}/source/a1_two_layer_network/a1_two_layer_network.ipynb"
        nb = json.load(open(path))
        taken = {}
        for cell in nb["cells"]:
            if cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
                exec("".join(cell["source"]), taken)
        return sorted(k for k in taken if not k.startswith("_"))"""),
    A_("read_repo_source", """
        return _first(["/work/main/source/a1_two_layer_network/a1_two_layer_network.ipynb",
                       "/work/main/source"], lambda p: open(p).read(20) if "." in p[-7:] else os.listdir(p))"""),
    A_("list_submitted", "return os.listdir(COURSE + '/submitted')"),
    A_("read_other_submission", """
        return _first([f"{COURSE}/submitted/{s}/a1_two_layer_network/a1_two_layer_network.ipynb"
                       for s in ("perfect", "typical_mistake")], lambda p: open(p).read(20))"""),
    A_("write_other_submission", """
        return _first([f"{COURSE}/submitted/{s}/a1_two_layer_network/a1_two_layer_network.ipynb"
                       for s in ("perfect", "typical_mistake")], lambda p: os.open(p, os.O_WRONLY | os.O_APPEND))"""),
    A_("read_other_autograded", """
        return _first([f"{COURSE}/autograded/{s}/a1_two_layer_network/a1_two_layer_network.ipynb"
                       for s in ("perfect", "typical_mistake", "files")], lambda p: open(p).read(20))"""),
    A_("list_autograded", "return os.listdir(COURSE + '/autograded')"),
    A_("list_feedback", "return os.listdir(COURSE + '/feedback')"),
    A_("read_logs", "return _first([COURSE + '/logs'], lambda p: [open(p + '/' + f).read(20) for f in os.listdir(p)])"),
    A_("list_course_root", "return os.listdir(COURSE)"),
    A_("read_provenance", "return os.listdir(COURSE + '/provenance/a1_two_layer_network')"),
    A_("grader_home", """
        found = [e for e in os.listdir("/root") if e != ".pyenv"]
        found += [p for p in ("/root/.bashrc", "/root/.bash_history", "/root/.ssh", "/root/.gitconfig",
                              "/root/.netrc", "/root/.jupyter", "/root/.pyenv/version") if os.path.exists(p)]
        return found"""),
    A_("etc_shadow", "return open('/etc/shadow').read(20)"),
    A_("write_own_host_folder", "return open('/opt/nnfs/folder/planted-' + MARK, 'w').write('x')"),
    A_("other_kernels_private_dirs", """
        own = os.path.dirname(sys.argv[sys.argv.index("-f") + 1])
        return [d for d in os.listdir("/tmp") if d.startswith("nnfs-k-") and "/tmp/" + d != own]"""),
    A_("host_block_devices", "return _first(['/dev/vda', '/dev/sda', '/dev/nvme0n1', '/dev/mem', '/dev/kmsg'], "
                             "lambda p: open(p, 'rb').read(4))"),
    A_("host_sysfs", "return os.listdir('/sys')"),
    A_("host_processes_visible", """
        cmdlines = []
        for pid in (p for p in os.listdir("/proc") if p.isdigit()):
            try:
                cmdlines.append(open(f"/proc/{pid}/cmdline", "rb").read().decode(errors="replace"))
            except OSError:
                pass
        return [c for c in cmdlines if "\\0-m\\0nbgrader" in c or "\\0-m\\0pytest" in c]"""),
    A_("proc_1_cmdline_names_course", """
        # The sandbox's PID 1 is bwrap: its command line holds the host's paths.
        return COURSE in open("/proc/1/cmdline", "rb").read().decode(errors="replace") and "host paths" """),
]

# -- 2. files planted where the grader (or Python) would pick them up ----------------------------

PLANTS = [
    A_("plant_course_nbgrader_config", "return open(COURSE + '/nbgrader_config.py', 'a').write('# ' + MARK)"),
    A_("plant_course_sitecustomize", "return open(COURSE + '/sitecustomize.py', 'w').write('# ' + MARK)"),
    A_("plant_course_grader_package", "return open(COURSE + '/grader/__init__.py', 'a').write('# ' + MARK)"),
    A_("plant_course_helpers", """
        os.mkdir(COURSE + "/helpers")  # not makedirs: that would only build the path in the sandbox's /tmp
        return open(COURSE + "/helpers/checks.py", "w").write("# " + MARK)"""),
    A_("plant_course_source", "return open(COURSE + '/source/a1_two_layer_network/x.py', 'w').write('# ' + MARK)"),
    A_("plant_venv_pth", """
        import sysconfig
        path = sysconfig.get_paths()["purelib"] + f"/zz_{MARK}.pth"
        open(path, "w").write("import os; os.system('touch /tmp/" + MARK + "')\\n")
        os.remove(path)
        return path"""),
    A_("plant_venv_sitecustomize", """
        import sysconfig
        return _first([sysconfig.get_paths()["purelib"] + "/sitecustomize.py",
                       sysconfig.get_paths()["purelib"] + "/usercustomize.py"],
                      lambda p: os.open(p, os.O_WRONLY | os.O_CREAT | os.O_APPEND))"""),
    A_("plant_base_python", """
        import glob
        targets = glob.glob(sys.base_prefix + "/lib/python3*/site-packages") + glob.glob(sys.base_prefix + "/lib/python3*")
        return _first([t + "/sitecustomize.py" for t in targets], lambda p: os.open(p, os.O_WRONLY | os.O_CREAT | os.O_APPEND))"""),
    A_("plant_grader_user_site", """
        paths = [f"/root/.local/lib/python3.{v}/site-packages/usercustomize.py" for v in range(8, 14)]
        def plant(p):
            os.makedirs(os.path.dirname(p), exist_ok=True)
            return open(p, "w").write("# " + MARK)
        return _first(paths, plant)"""),
    A_("plant_repo_helpers", """
        import helpers
        folder = os.path.dirname(helpers.__file__)
        def plant(p):
            fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
            os.write(fd, ("# " + MARK).encode())
            return fd
        return _first([folder + f"/{MARK}.py", folder + "/__pycache__/" + MARK + ".pyc"], plant)"""),
    A_("modify_repo_helpers", """
        import helpers.checks
        return _first([helpers.checks.__file__], lambda p: os.open(p, os.O_WRONLY | os.O_APPEND))"""),
    A_("plant_in_cwd_reaches_host", """
        for name in ("nbgrader_config.py", "sitecustomize.py", f"planted-{MARK}.py"):
            open(name, "w").write("# " + MARK)
        return [n for n in os.listdir("/opt/nnfs/folder") if MARK in n or n.endswith("customize.py")]"""),
    A_("plant_symlink_to_gradebook", """
        os.symlink(COURSE + "/gradebook.db", "gradebook-link")
        return open("gradebook-link", "rb").read(16)"""),
]

# -- 3. network -------------------------------------------------------------------------------------

NETWORK = [
    A_("tcp_host_listener", """
        import socket
        return socket.create_connection(("127.0.0.1", @PORT@), timeout=1)"""),
    A_("tcp_loopback_services", """
        import socket
        def connect(port):
            return socket.create_connection(("127.0.0.1", port), timeout=1)
        return _first([22, 80, 443, 631, 3306, 5432, 6379, 8000, 8080, 8888, 9000], connect)"""),
    A_("tcp_public_ipv4", """
        import socket
        return _first([("1.1.1.1", 443), ("8.8.8.8", 53), ("140.82.112.3", 443)],
                      lambda a: socket.create_connection(a, timeout=1))"""),
    A_("tcp_public_ipv6", """
        import socket
        return _first([("2606:4700:4700::1111", 443), ("::1", @PORT@)],
                      lambda a: _connected(socket.AF_INET6, socket.SOCK_STREAM, a))"""),
    A_("udp_public_connect", """
        import socket
        # A route to it is what this asks for; no datagram is sent.
        return _connected(socket.AF_INET, socket.SOCK_DGRAM, ("8.8.8.8", 53)).getsockname()"""),
    A_("udp_host_listener_echo", """
        import socket
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.settimeout(1)
        s.sendto(b"ping " + MARK.encode(), ("127.0.0.1", @UDP@))
        return s.recvfrom(100)"""),
    A_("dns_lookup", """
        import socket
        return _first(["example.com", "github.com", "localhost.localdomain"], lambda h: socket.getaddrinfo(h, 80))"""),
    A_("abstract_unix_socket_of_host", """
        import socket
        return _connected(socket.AF_UNIX, socket.SOCK_STREAM, "\\0@ABSTRACT@")"""),
    A_("host_unix_sockets", """
        import socket
        return _first(["/run/dbus/system_bus_socket", "/var/run/docker.sock", "/run/systemd/private",
                       "/tmp/.X11-unix/X0"], lambda p: _connected(socket.AF_UNIX, socket.SOCK_STREAM, p))"""),
    A_("network_interfaces", """
        import socket
        return [name for _, name in socket.if_nameindex() if name != "lo"]"""),
    A_("raw_socket", """
        import socket
        return socket.socket(socket.AF_PACKET, socket.SOCK_RAW)"""),
]

# -- 4. processes and threads -----------------------------------------------------------------------

PROCESSES = [
    A_("fork_bomb", """
        import time
        children, started, error = [], time.monotonic(), None
        try:
            while len(children) < 300 and time.monotonic() - started < 5:
                pid = os.fork()
                if pid == 0:
                    time.sleep(4)
                    os._exit(0)
                children.append(pid)
        except OSError as e:
            error = e
        finally:
            for pid in children:
                try:
                    os.kill(pid, 9)
                    os.waitpid(pid, 0)
                except OSError:
                    pass
        print(f"  forked {len(children)} children before {error!r}")
        return len(children) >= 300 and f"{len(children)} children" """),
    A_("thread_bomb", """
        import threading
        stop, threads, error = threading.Event(), [], None
        try:
            while len(threads) < 300:
                t = threading.Thread(target=stop.wait, daemon=True)
                t.start()
                threads.append(t)
        except RuntimeError as e:
            error = e
        finally:
            stop.set()
            for t in threads:
                t.join()
        print(f"  started {len(threads)} threads before {error!r}")
        return len(threads) >= 300 and f"{len(threads)} threads" """),
    A_("subprocess_bomb", """
        import subprocess, time
        children, started, error = [], time.monotonic(), None
        try:
            while len(children) < 300 and time.monotonic() - started < 5:
                children.append(subprocess.Popen(["sleep", "5"]))
        except OSError as e:
            error = e
        finally:
            for child in children:
                child.kill()
                child.wait()
        print(f"  started {len(children)} subprocesses before {error!r}")
        return len(children) >= 300 and f"{len(children)} subprocesses" """),
    A_("raise_rlimits", """
        import resource
        raised = []
        for name in ("RLIMIT_NPROC", "RLIMIT_AS", "RLIMIT_FSIZE", "RLIMIT_CPU"):
            limit = getattr(resource, name)
            soft, hard = resource.getrlimit(limit)
            try:
                resource.setrlimit(limit, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
                raised.append(name)
            except (ValueError, OSError):
                pass
        return raised"""),
    A_("become_root", """
        try:
            os.setuid(0)
        except OSError:
            pass
        return os.getuid() == 0 and "uid 0" """),
    A_("capabilities", """
        caps = [l for l in open("/proc/self/status") if l.startswith(("CapEff", "CapPrm"))]
        return any(int(l.split()[1], 16) for l in caps) and caps"""),
    A_("fork_still_works_after", """
        import subprocess
        return subprocess.run(["true"]).returncode != 0 and "cannot run a process any more" """),
]

# -- 5. memory --------------------------------------------------------------------------------------

MEMORY = [
    A_("numpy_5gib", """
        import numpy as np
        a = np.ones(5 * 2**30, dtype=np.uint8)
        return f"allocated {a.nbytes} bytes" """),
    A_("bytearray_5gib", "return len(bytearray(5 * 2**30))"),
    A_("touched_chunks_to_5gib", """
        import numpy as np
        chunks = []
        try:
            while len(chunks) * 256 < 5 * 1024:
                chunks.append(np.ones(256 * 2**20, dtype=np.uint8))
        except MemoryError:
            print(f"  MemoryError after {len(chunks) * 256} MiB")
            return None
        finally:
            del chunks
        return "5 GiB touched" """),
    A_("mmap_5gib", """
        import mmap
        return len(mmap.mmap(-1, 5 * 2**30))"""),
    A_("child_5gib", """
        pid = os.fork()
        if pid == 0:
            try:
                bytearray(5 * 2**30)
                os._exit(0)
            except MemoryError:
                os._exit(3)
        _, status = os.waitpid(pid, 0)
        return os.WEXITSTATUS(status) == 0 and "a child allocated 5 GiB" """),
]

# -- 6. disk ----------------------------------------------------------------------------------------

DISK = [
    A_("fill_working_folder", """
        written, error = _fill(".", 2 * 2**30, per_file=48 * 2**20)
        print(f"  wrote {written >> 20} MiB: {error!r}")
        return written >= 2 * 2**30 and f"{written >> 20} MiB" """),
    A_("one_huge_file", """
        written, error = _fill(".", 2 * 2**30)
        print(f"  wrote {written >> 20} MiB: {error!r}")
        return written >= 2 * 2**30 and f"{written >> 20} MiB" """),
    A_("sparse_file", """
        with open("sparse-" + MARK, "wb") as f:
            f.seek(2 * 2**30)
            f.write(b"x")
        os.remove("sparse-" + MARK)
        return "a 2 GiB sparse file" """),
    A_("fill_tmp", 'return _wrote_2gib("/tmp")'),
    A_("fill_dev_shm", 'return _wrote_2gib("/dev/shm")'),
    A_("fill_root", 'return _wrote_2gib("/")'),
    A_("fill_dev", 'return _wrote_2gib("/dev")'),
    A_("fill_private_folder", """
        # The folder of this kernel's connection file and sockets.
        folder = os.path.dirname(sys.argv[sys.argv.index("-f") + 1])
        written, error = _fill(folder, 2 * 2**30, per_file=48 * 2**20)
        print(f"  wrote {written >> 20} MiB into {folder}: {error!r}")
        return written >= 2 * 2**30 and f"{written >> 20} MiB on the grader's disk" """),
]

# -- 7. processes left behind -----------------------------------------------------------------------

DAEMON = r'''
import os, sys, time
if os.fork(): os._exit(0)
os.setsid()
if os.fork(): os._exit(0)
time.sleep(3)
end = time.time() + 40
while time.time() < end:
    for path in sys.argv[2:]:
        try:
            with open(path, "r+b") as f:
                f.seek(100)
                f.write(b"daemon was here")
        except OSError:
            pass
        try:
            open(os.path.dirname(path) + "/planted-by-daemon", "w").write(sys.argv[1])
        except OSError:
            pass
    time.sleep(0.5)
'''

DAEMONS = [
    A_("double_fork_daemon", f"""
        import subprocess
        subprocess.run([sys.executable, "-c", {DAEMON!r}, MARK, COURSE + "/gradebook.db"])
        return "a daemon that rewrites the gradebook from 3 s on" """, "STARTED"),
    A_("setsid_child", """
        import subprocess
        subprocess.Popen(["setsid", "sh", "-c", f"sleep 60; : {MARK}"], start_new_session=True)
        return "setsid sh -c sleep 60" """, "STARTED"),
    A_("nohup_sleep", """
        import subprocess
        subprocess.Popen(["nohup", "sh", "-c", f"sleep 61 # {MARK}"], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
        return "nohup sh -c sleep 61" """, "STARTED"),
    A_("forked_kernel_copy", """
        import ctypes, time
        pid = os.fork()
        if pid == 0:
            os.setsid()
            ctypes.CDLL(None).prctl(15, MARK[:15].encode(), 0, 0, 0)  # PR_SET_NAME
            time.sleep(60)
            os._exit(0)
        return f"a forked copy of the kernel named {MARK[:15]}" """, "STARTED"),
    A_("background_thread", """
        import threading, time
        def rewrite():
            while True:
                for path in GRADEBOOKS[:1]:
                    try:
                        open(path, "r+b").write(b"thread")
                    except OSError:
                        pass
                time.sleep(0.5)
        threading.Thread(target=rewrite, daemon=True).start()
        return "a thread that keeps rewriting the gradebook" """, "STARTED"),
]

# -- 8. hidden tests leaked into the feedback -------------------------------------------------------

LEAK_STASH = '''

import traceback as _traceback
_stacks = []
_real_sigmoid = sigmoid


def sigmoid(z):
    # Right results; remembers who called it, to print later.
    _stacks.append("".join(_traceback.format_stack()))
    return _real_sigmoid(z)
'''

LEAK_FRAME_ERROR = '''# GRADED FUNCTION: layer_sizes
import sys as _sys

print("ATTACK error_message_shows_caller: PRINTED when the tests call it", flush=True)


def layer_sizes(X, Y):
    caller = _sys._getframe(1)
    raise RuntimeError(f"{caller.f_globals.get('__name__')} {caller.f_code.co_consts!r} {sorted(caller.f_locals)}")
'''

LEAKS = [
    A_("print_In", "print(In, file=sys.stderr); return 'In'", "PRINTED"),
    A_("print_ih", "print(_ih, file=sys.stderr); return '_ih'", "PRINTED"),
    A_("print_Out", "print(Out, file=sys.stderr); return 'Out'", "PRINTED"),
    A_("print_underscore_i_variables", """
        ns = get_ipython().user_ns
        print({k: v for k, v in ns.items() if re.fullmatch(r"_i+\\d*", k)}, file=sys.stderr)
        return "_i, _ii, _iN" """, "PRINTED"),
    A_("print_history_manager", """
        hm = get_ipython().history_manager
        print(list(hm.input_hist_raw), list(hm.input_hist_parsed), file=sys.stderr)
        return "history manager" """, "PRINTED"),
    A_("print_runner_via_gc", """
        import gc
        found = [o for o in gc.get_objects() if isinstance(o, dict) and o.get("__name__") == "nnfs" + "_grader"]  # spelt apart: the feedback shows this source
        for namespace in found:
            for value in namespace.values():
                code = getattr(value, "__code__", None)
                if code is not None:
                    print(code.co_consts, file=sys.stderr)
        return f"{len(found)} namespaces" """, "PRINTED"),
    A_("print_stacks_seen_by_sigmoid", "print(*_stacks, sep='\\n', file=sys.stderr); return len(_stacks)", "PRINTED"),
    A_("display_history_as_rich_output", """
        from IPython.display import display, HTML
        display(HTML("<pre>" + "\\n".join(_ih) + "</pre>"))
        display({"text/plain": repr(_ih)}, raw=True)
        return "HTML and text/plain" """, "PRINTED"),
    A_("publish_fake_results", """
        from IPython.display import publish_display_data
        publish_display_data({"application/vnd.nn-from-scratch" + ".results+json": {"token": "x", "results": []},
                              "text/plain": repr(_ih)})
        return "a results output in an ordinary cell" """, "PRINTED"),
    A_("print_inspected_cells", """
        import inspect
        ns = get_ipython().user_ns
        print([inspect.getsource(v) for k, v in ns.items() if inspect.isfunction(v)
               and "ipykernel" in (v.__code__.co_filename or "")][:3], file=sys.stderr)
        return "inspect" """, "PRINTED"),
]

# -- 9. cheats that aim at points -------------------------------------------------------------------

CHEATS_PATCH = [
    A_("numpy_allclose_attribute", "np.allclose = lambda *a, **k: True", "INSTALLED"),
    A_("numpy_allclose_vars", "vars(np)['allclose'] = lambda *a, **k: True", "INSTALLED"),
    A_("numpy_dict_update", """
        np.__dict__.update(array_equal=lambda *a, **k: True, isclose=lambda *a, **k: True,
                           allclose=lambda *a, **k: True)""", "INSTALLED"),
    A_("numpy_testing", """
        np.testing.assert_allclose = lambda *a, **k: None
        np.testing.assert_array_equal = lambda *a, **k: None""", "INSTALLED"),
    A_("helpers_checks", """
        import helpers.checks
        for name in dir(helpers.checks):
            if callable(getattr(helpers.checks, name)) and not isinstance(getattr(helpers.checks, name), type):
                setattr(helpers.checks, name, lambda *a, **k: None)""", "INSTALLED"),
    A_("public_tests", """
        for name in dir(public_tests):
            if name.endswith("_test"):
                setattr(public_tests, name, lambda *a, **k: None)""", "INSTALLED"),
    A_("builtins", """
        import builtins
        builtins.NotImplementedError = type("NotImplementedError", (Warning,), {})
        builtins.AssertionError = type("AssertionError", (Warning,), {})""", "INSTALLED"),
    A_("hashlib_hides_changed_inputs", """
        # The record says whether a call changed its inputs by a digest: make every digest the same.
        import hashlib
        class Same:
            def __init__(self, *a, **k): pass
            def update(self, *a): pass
            def hexdigest(self): return "0" * 64
        hashlib.sha256 = Same""", "INSTALLED"),
]

FAKE_EQ = '''# GRADED FUNCTION: predict

class _AlwaysEqual(np.ndarray):
    def __eq__(self, other):
        return True
    __ne__ = lambda self, other: False


def predict(X, parameters):
    # Wrong predictions that claim to equal anything.
    return np.zeros((1, X.shape[1]), dtype=bool).view(_AlwaysEqual)
'''

IN_PLACE_UPDATE = '''# GRADED FUNCTION: update_parameters

def update_parameters(parameters, grads, learning_rate=1.2):
    # In place: the right values, but the caller's arrays changed.
    for key in ("W1", "b1", "W2", "b2"):
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters
'''

CHEATS_HOOKS = [
    A_("settrace_rewrites_records", """
        def local(frame, event, arg):
            if event == "return" and isinstance(arg, dict) and "error" in arg:
                arg.pop("error")
                arg["value"] = {"__tuple__": [2, 2, 1]}
            return local
        def tracer(frame, event, arg):
            return local if frame.f_code.co_name == "run_case" else None
        sys.settrace(tracer)
        import threading
        threading.settrace(tracer)""", "INSTALLED"),
    A_("setprofile_rewrites_records", """
        def profiler(frame, event, arg):
            if event == "return" and frame.f_code.co_name == "run_case" and isinstance(arg, dict):
                arg.pop("error", None)
                arg.setdefault("value", {"__tuple__": [2, 2, 1]})
        sys.setprofile(profiler)""", "INSTALLED"),
    A_("excepthook", "sys.excepthook = lambda *a: None", "INSTALLED"),
    A_("custom_exception_handler", """
        get_ipython().set_custom_exc((BaseException,), lambda shell, etype, value, tb, tb_offset=None: None)""",
       "INSTALLED"),
    A_("showtraceback", "get_ipython().showtraceback = lambda *a, **k: None", "INSTALLED"),
    A_("import_grader_reference", """
        from grader.cases import Reference
        return Reference.of(COURSE, "a1_two_layer_network").namespace"""),
    A_("find_reference_in_memory", """
        import gc
        return [o for o in gc.get_objects() if isinstance(o, dict)
                and str(o.get("__name__", "")).startswith("reference_")][:1]"""),
]

CHEATS_LATE = [
    A_("np_random_seed_noop", """
        np.random.seed = lambda *a, **k: None
        np.random.set_state = lambda *a, **k: None""", "INSTALLED"),
    A_("input_transformer_empties_later_cells",
       "get_ipython().input_transformers_cleanup.append(lambda lines: [])", "INSTALLED"),
]

HOSTILE = {
    "files": Hostile("files", {"start": FILES}),
    "plants": Hostile("plants", {"start": PLANTS}),
    "network": Hostile("network", {"start": NETWORK}),
    "processes": Hostile("processes", {"start": PROCESSES}),
    "memory": Hostile("memory", {"start": MEMORY}),
    "disk": Hostile("disk", {"start": DISK}),
    "daemons": Hostile("daemons", {"start": DAEMONS}),
    "leaks": Hostile("leaks", {"before:predict": LEAKS}, loses=("layer_sizes",),
                     edits={"sigmoid": ("append", LEAK_STASH), "layer_sizes": LEAK_FRAME_ERROR}),
    "cheats_patch": Hostile("cheats", {"start": CHEATS_PATCH},
                            loses=("compute_cost", "backward_propagation", "update_parameters", "predict"),
                            edits={"compute_cost": "stub",
                                   "backward_propagation": ("replace", "A1 * (1 - A1)", "(1 - np.power(A1, 2))"),
                                   "update_parameters": IN_PLACE_UPDATE, "predict": FAKE_EQ}),
    "cheats_hooks": Hostile("cheats", {"start": CHEATS_HOOKS, "before:predict": CHEATS_LATE},
                            loses=("layer_sizes", "initialize_parameters", "predict"),
                            edits={"layer_sizes": "stub",
                                   "initialize_parameters": ("replace", "* 0.01", "* 0.1"),
                                   "predict": "stub"}),
}
HONEST = ["perfect", "typical_mistake"]
# Hostile students before and after the honest ones.
ORDER = ["files", "plants", "network", "processes", "memory", *HONEST,
         "disk", "daemons", "leaks", "cheats_patch", "cheats_hooks"]
GROUPS = sorted({h.group for h in HOSTILE.values()})


def _cell(nb, grade_id):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def build_hostile(course, student, hostile, listeners):
    from tools.samples import solved_release

    source = course / "source" / A / f"{A}.ipynb"
    release = course / "release" / A / f"{A}.ipynb"
    nb = solved_release(source, release)
    released = nbformat.read(release, as_version=4)
    for grade_id, edit in hostile.edits.items():
        cell = _cell(nb, grade_id)
        if edit == "stub":
            cell.source = _cell(released, grade_id).source
        elif isinstance(edit, tuple) and edit[0] == "append":
            cell.source += edit[1]
        elif isinstance(edit, tuple):
            assert edit[1] in cell.source, (grade_id, edit)
            cell.source = cell.source.replace(edit[1], edit[2], 1)
        else:
            cell.source = edit
    values = {"@COURSE@": str(course), "@MARK@": MARK, "@STUDENT@": student, "@PORT@": str(listeners["tcp"]),
              "@UDP@": str(listeners["udp"]), "@ABSTRACT@": listeners["abstract"]}

    def fill(text):
        for key, value in values.items():
            text = text.replace(key, value)
        return text

    imports = nb.cells.index(_cell(nb, "imports"))
    nb.cells.insert(imports + 1, new_code_cell(fill(PRELUDE) + "import re\n"))
    for where, attacks in hostile.attacks.items():
        cell = new_code_cell(fill("".join(a.code() for a in attacks)))
        if where == "start":
            nb.cells.insert(imports + 2, cell)
        else:
            nb.cells.insert(nb.cells.index(_cell(nb, where.split(":", 1)[1])), cell)
    target = course / "submitted" / student / A / f"{A}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)


def expected_attacks(student):
    names = [a.name for attacks in HOSTILE[student].attacks.values() for a in attacks]
    return names + (["error_message_shows_caller"] if student == "leaks" else [])


# -- the batch ----------------------------------------------------------------------------------------

def _tree(folder, skip=("__pycache__",)):
    """sha256 of every file under folder, by relative path."""
    folder = pathlib.Path(folder)
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not any(s in p.parts for s in skip)}


def _course_state(course):
    """What grading must leave as it is: top-level files of the course, source/, release/, grader/."""
    # The gradebook, nbgrader's log and the folders grading writes are checked elsewhere.
    top = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in course.iterdir()
           if p.is_file() and not p.name.startswith(("gradebook.db", ".nbgrader.log"))}
    made = {"autograded", "provenance", "feedback", "logs"}
    return {"root": top, "dirs": sorted(p.name for p in course.iterdir() if p.is_dir() and p.name not in made),
            **{d: _tree(course / d) for d in ("source", "release", "grader")}}


def _processes_with(*needles):
    """Processes whose command line or name holds one of the needles (read from /proc)."""
    found = []
    for pid in (p for p in os.listdir("/proc") if p.isdigit()):
        if int(pid) == os.getpid():
            continue
        try:
            cmdline = pathlib.Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            comm = pathlib.Path(f"/proc/{pid}/comm").read_text().strip()
        except OSError:
            continue
        if any(n in cmdline or n[:15] == comm for n in needles):
            found.append(f"{pid}: {comm}: {cmdline[:200]}")
    return found


class Listeners:
    """Host services on loopback that a sandboxed kernel must not reach: TCP, UDP (echo), an abstract socket."""

    def __init__(self):
        self.hits = []
        self.tcp = socket.socket()
        self.tcp.bind(("127.0.0.1", 0))
        self.tcp.listen(16)
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.abstract_name = f"nnfs-adv-{MARK}"
        self.abstract = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.abstract.bind("\0" + self.abstract_name)
        self.abstract.listen(16)
        for sock in (self.tcp, self.udp, self.abstract):
            sock.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def ports(self):
        return {"tcp": self.tcp.getsockname()[1], "udp": self.udp.getsockname()[1], "abstract": self.abstract_name}

    def _serve(self):
        while not self._stop.is_set():
            for name, sock in (("tcp", self.tcp), ("abstract", self.abstract)):
                try:
                    sock.accept()[0].close()
                    self.hits.append(name)
                except OSError:
                    pass
            try:
                data, address = self.udp.recvfrom(100)
                self.hits.append(f"udp {data!r}")
                self.udp.sendto(b"pong", address)
            except OSError:
                pass

    def close(self):
        self._stop.set()
        self._thread.join()
        for sock in (self.tcp, self.udp, self.abstract):
            sock.close()


@dataclass
class Batch:
    course: pathlib.Path
    grader: object
    results: dict
    report: list
    listener_hits: list
    before: dict
    after: dict
    submitted_before: dict
    submitted_after: dict
    site_before: dict
    site_after: dict
    processes_after: list
    processes_later: list
    gradebook_after: str
    gradebook_later: str
    feedback_dir: pathlib.Path


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    from grader.driver import CourseGrader
    from tools.demo import generate_release, prepare_course
    from tools.samples import build_samples

    course = prepare_course(tmp_path_factory.mktemp("adversarial") / "course")
    generate_release(course, A)
    build_samples(course, A, HONEST)
    listeners = Listeners()
    for student, hostile in HOSTILE.items():
        build_hostile(course, student, hostile, listeners.ports())
    grader = CourseGrader(course, A)
    site = pathlib.Path(sysconfig.get_paths()["purelib"])
    before = _course_state(course)
    site_before = _tree(site)
    submitted_before = {s: _tree(course / "submitted" / s) for s in HONEST}
    report = []
    try:
        results = {r.student: r for r in grader.grade_all(ORDER, report=report.append)}
    finally:
        listeners.close()
    processes_after = _processes_with(MARK, str(course))
    gradebook_after = hashlib.sha256((course / "gradebook.db").read_bytes()).hexdigest()
    time.sleep(4)  # the daemon starts rewriting 3 s after it was started
    processes_later = _processes_with(MARK, str(course))
    gradebook_later = hashlib.sha256((course / "gradebook.db").read_bytes()).hexdigest()
    after = _course_state(course)
    feedback_dir = grader.generate_feedback()
    return Batch(course, grader, results, report, listeners.hits, before, after, submitted_before,
                 {s: _tree(course / "submitted" / s) for s in HONEST}, site_before, _tree(site),
                 processes_after, processes_later, gradebook_after, gradebook_later, feedback_dir)


# -- what every group is checked for -----------------------------------------------------------------

def _expected(student):
    from tools.samples import expected_points, points

    if student in HONEST:
        return expected_points(A, student)
    return {e: 0 if e in HOSTILE[student].loses else p for e, p in points(A).items()}


def _outputs_text(nb):
    texts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                texts.append(output.text)
            elif output.output_type == "error":
                texts.append(f"{output.ename}: {output.evalue}")
    return "\n".join(texts)


def _hidden_markers(course):
    from grader import kernel_side

    markers = {"nnfs_grader", kernel_side.MIME}
    for nb_path in (course / "source").glob("*/*.ipynb"):
        for cell in nbformat.read(nb_path, as_version=4).cells:
            inside = False
            for line in cell.source.splitlines():
                if "### BEGIN HIDDEN TESTS" in line:
                    inside = True
                elif "### END HIDDEN TESTS" in line:
                    inside = False
                elif inside and line.strip():
                    markers.add(line.strip())
    return markers


def _feedback_text(batch, student):
    page = batch.feedback_dir / student / A / f"{A}.html"
    assert page.exists(), f"no feedback for {student}"
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))


def _unsolved_solution_lines(batch, student):
    """Lines of the solutions of the exercises the student stubbed that the submission does not hold."""
    stubbed = [g for g, edit in HOSTILE[student].edits.items() if edit == "stub"] if student in HOSTILE else []
    if not stubbed:
        return set()
    source = nbformat.read(batch.course / "source" / A / f"{A}.ipynb", as_version=4)
    submitted = nbformat.read(batch.course / "submitted" / student / A / f"{A}.ipynb", as_version=4)
    submitted_lines = {line.strip() for cell in submitted.cells for line in cell.source.splitlines()}
    lines = set()
    for grade_id in stubbed:
        body = re.search(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", _cell(source, grade_id).source, re.S)
        lines |= {line.strip() for line in body.group(1).splitlines()
                  if len(line.strip()) >= 8 and line.strip() not in submitted_lines}
    return lines


def _check_common(batch, student):
    from grader.driver import summary_line
    from nbgrader.api import Gradebook

    result = batch.results[student]
    assert result.graded, summary_line(result)
    assert not summary_line(result).startswith("UNSANDBOXED")
    assert batch.report[0].startswith("Isolation: sandboxed"), batch.report[0]
    got = {e: s for e, (s, _) in result.by_exercise.items()}
    assert got == _expected(student), summary_line(result)
    # The honest students: the grades and submissions they would have had alone.
    for honest in HONEST:
        assert {e: s for e, (s, _) in batch.results[honest].by_exercise.items()} == _expected(honest)
        assert batch.submitted_after[honest] == batch.submitted_before[honest]
    # The gradebook: every student, every score as graded, intact.
    with sqlite3.connect(batch.course / "gradebook.db") as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Gradebook("sqlite:///" + str(batch.course / "gradebook.db")) as gb:
        assert sorted(s.id for s in gb.students) == sorted(ORDER)
        for name in ORDER:  # as graded (each student's grade is judged in its own group)
            assert gb.find_submission(A, name).score == batch.results[name].score, name
        assert gb.find_submission(A, student).score == sum(_expected(student).values())
    assert batch.gradebook_after == batch.gradebook_later, "the gradebook changed after grading"
    # Nothing planted: in the course, the environment, the helpers of the repository.
    assert batch.after == batch.before
    assert batch.site_after == batch.site_before
    assert not [p for p in (ROOT / "helpers").rglob("*") if MARK in p.name]
    assert not [p for p in batch.course.rglob("*") if MARK in p.name or p.name == "planted-by-daemon"]
    assert not list(pathlib.Path("/tmp").glob(f"*{MARK}*"))
    # No process of any sandbox left, and nothing reached the host's services.
    assert batch.processes_after == [] and batch.processes_later == []
    assert batch.listener_hits == []
    # Feedback: no hidden test, no grader code, no solution of what the student did not solve.
    text = _feedback_text(batch, student)
    leaked = [m for m in _hidden_markers(batch.course) if m in text]
    assert leaked == [], f"{student}'s feedback shows {leaked}"
    solutions = [line for line in _unsolved_solution_lines(batch, student) if line in text]
    assert solutions == [], f"{student}'s feedback shows solution lines {solutions}"


def _attack_lines(batch, student):
    nb = nbformat.read(batch.course / "autograded" / student / A / f"{A}.ipynb", as_version=4)
    return re.findall(r"^ATTACK (\S+): (\S+)(.*)$", _outputs_text(nb), re.M)


@pytest.mark.parametrize("group", GROUPS)
def test_hostile_group(batch, group):
    students = [s for s, h in HOSTILE.items() if h.group == group]
    for student in students:
        lines = _attack_lines(batch, student)
        succeeded = [f"{name}: {status}{rest}" for name, status, rest in lines if status == "SUCCEEDED"]
        assert succeeded == [], f"{student}: attacks that got through: {succeeded}"
        assert sorted(name for name, _, _ in lines) == sorted(expected_attacks(student)), (
            f"{student}: attacks that did not report (or reported twice)")
        _check_common(batch, student)


def test_honest_students_and_batch(batch):
    for student in HONEST:
        _check_common(batch, student)
    positions = [ORDER.index(s) for s in HONEST]
    assert min(positions) > 0 and max(positions) < len(ORDER) - 1, "hostile students first and last"
