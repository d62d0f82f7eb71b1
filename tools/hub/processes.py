"""
The Hub's processes: JupyterHub started in the background with the settings that
hub/jupyterhub_config.py reads, found again by the pid and start time it leaves in the state
folder, and stopped with everything it, and the students' accounts, started.
"""
import contextlib
import grp
import json
import os
import pathlib
import pwd
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

from tools.hub import HUB, HubError
from tools.hub.install import node


def _processes():
    """{pid: (parent pid, uid, start time)} of every process of the machine."""
    found = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                line = pathlib.Path(entry.path, "stat").read_text()
                uid = os.stat(entry.path).st_uid
            except OSError:  # it ended meanwhile
                continue
            fields = line[line.rindex(")") + 2:].split()
            found[int(entry.name)] = (int(fields[1]), uid, int(fields[19]))
    return found


def _descendants(pid, processes):
    children = {}
    for child, (parent, _, _) in processes.items():
        children.setdefault(parent, []).append(child)
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _running(settings):
    """The pid of the Hub that the state folder records, if that very process still runs."""
    try:
        pid, started = map(int, (settings.state / "hub.pid").read_text().split())
    except (OSError, ValueError):
        return None
    process = _processes().get(pid)
    return pid if process is not None and process[2] == started else None


def _free_port(taken):
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in taken:
            return port


def start(settings, course, exchange, user_config):
    """Starts JupyterHub in the background unless it runs; waits until it answers; what it did, in a line."""
    pid = _running(settings)
    if pid is not None:
        return f"JupyterHub runs already: {settings.url} (pid {pid}); `make hub-stop` first to change its settings"
    hub_port = _free_port({settings.port})
    state = settings.state
    (state / "hub.json").write_text(json.dumps({
        "ip": settings.ip, "port": settings.port, "hub_port": hub_port,
        "proxy_api_port": _free_port({settings.port, hub_port}), "state": str(state),
        "proxy": str(settings.proxy / "node_modules" / ".bin" / "configurable-http-proxy"),
        "class_env": str(settings.class_env), "course": str(course.root), "exchange": str(exchange),
        "students_group": settings.students_group, "instructors_group": settings.instructors_group,
        "jupyter_config": user_config}, indent=2))
    log_path = state / "hub.log"
    env = {"PATH": os.pathsep.join([os.path.dirname(node()), "/usr/bin", "/bin"]), "LANG": "C.UTF-8",
           "NNFS_HUB_SETTINGS": str(state / "hub.json")}
    with open(os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab") as log:
        process = subprocess.Popen([settings.hub_env / "bin" / "jupyterhub", "--config", HUB / "jupyterhub_config.py"],
                                   cwd=state, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True, umask=0o077)
    (state / "hub.pid").write_text(f"{process.pid} {_processes()[process.pid][2]}\n")
    deadline = time.monotonic() + 180
    while True:
        try:
            with urllib.request.urlopen(f"{settings.url}/hub/health", timeout=5):
                break
        except (urllib.error.URLError, OSError):
            if process.poll() is not None or time.monotonic() > deadline:
                stop(settings)
                tail = log_path.read_text(errors="replace").strip().splitlines()[-15:]
                raise HubError("JupyterHub did not start:\n" + "\n".join(tail)) from None
            time.sleep(0.5)
    return f"JupyterHub: {settings.url} (pid {process.pid}; log {log_path})"


def stop(settings):
    """`make hub-stop`: stops the Hub and everything it started; what it did, in a line."""
    pid = _running(settings)
    if pid is None:
        return "JupyterHub is not running"
    processes = _processes()
    # The Hub, the proxy, the servers, their kernels and terminals, by pid and start time (pids are reused).
    family = {p: processes[p][2] for p in [pid, *_descendants(pid, processes)]}
    os.kill(pid, signal.SIGTERM)  # JupyterHub stops every user's server and the proxy, then itself
    deadline = time.monotonic() + 60
    while _running(settings) == pid and time.monotonic() < deadline:
        time.sleep(0.2)
    # What is left: what did not stop, and what a student started and left behind (students' accounts exist for
    # the class alone, so any process of theirs came from the Hub).
    students = _uids(settings.students_group)
    forced = set()
    for _ in range(50):
        left = [p for p, (_, uid, started) in _processes().items() if family.get(p) == started or uid in students]
        if not left:
            break
        for p in left:
            with contextlib.suppress(ProcessLookupError):
                os.kill(p, signal.SIGKILL)
                forced.add(p)
        time.sleep(0.1)
    else:
        raise HubError(f"processes {left} did not end")
    (settings.state / "hub.pid").unlink(missing_ok=True)
    return (f"JupyterHub stopped (pid {pid}), with the {len(family) - 1} process(es) it had started"
            + (f"; {len(forced)} ended by force" if forced else ""))


def _uids(group):
    """The uids of the members of a group (none if it does not exist)."""
    try:
        members = grp.getgrnam(group).gr_mem
    except KeyError:
        return set()
    uids = set()
    for name in members:
        with contextlib.suppress(KeyError):
            uids.add(pwd.getpwnam(name).pw_uid)
    return uids
