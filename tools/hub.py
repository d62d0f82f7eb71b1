"""
The class server: ``make hub`` (as root) serves the course through JupyterHub on this machine to
the students of the roster and the instructors of hub/hub.toml; ``make hub-stop`` stops it and
everything it started; ``make hub-lock`` locks its environments (hub/constraints.txt).

``make hub`` can be run again at any time: it adds the roster's new students and changes nothing
else. In order, it
  1. installs what is missing or out of date, under the prefix of hub.toml: JupyterHub in an
     environment of its own (hub/requirements.txt, locked in hub/constraints.txt),
     configurable-http-proxy with npm (hub/package-lock.json), and the class environment that
     every user's server runs in: the course's packages (requirements.txt), the helpers wheel of
     the student bundle and JupyterHub's single-user server, made from a Python every account can
     run. Nothing of the course directory is in it; formgrader is off there, and on again for
     instructors only (their servers read a configuration of their own first).
  2. makes a Unix account for each student and instructor who has none, with a random password
     that it adds to <state>/passwords.csv (root only) for the instructor to hand out, and puts
     each in the group that may log in; students' homes are closed to everyone else.
  3. gives the course directory to the instructors' group (setgid, so that what they make keeps
     it) and closes it to everyone else: mode 2770, the gradebook 0660.
  4. makes nbgrader's exchange (make exchange) and the configuration that finds it.
  5. starts JupyterHub (hub/jupyterhub_config.py) in the background, its pid and log in the state
     folder, and waits until it answers through the proxy.

``make hub-stop`` stops JupyterHub, which stops the proxy and every user's server; what any of
them started and is still running then (a kernel, a terminal, a student's stray process) is
ended with them.
"""
import argparse
import contextlib
import grp
import hashlib
import json
import os
import pathlib
import pwd
import re
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass

from grader.course import Course, CourseError
from grader.exchange import make_exchange
from grader.roster import InputError, read_roster
from tools import ROOT
from tools.lock import freeze
from tools.student_bundle import build_wheel

HUB = ROOT / "hub"
CONFIG = HUB / "hub.toml"
KEYS = ("course", "roster", "instructors", "ip", "port", "students_group", "instructors_group", "state", "prefix",
        "python")
# JupyterHub lower-cases the name a user logs in with; an account name must survive that, and useradd.
ACCOUNT = re.compile(r"[a-z_][a-z0-9_.-]{0,31}")
# Accounts below this uid are the system's own (UID_MIN of login.defs): the Hub serves none of them.
UID_MIN = 1000
# What students' servers leave out (instructors' servers put them back): formgrader, the course list, and the
# toolbar that turns a notebook into an assignment.
INSTRUCTORS_ONLY_SERVER = ("nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.course_list")
INSTRUCTORS_ONLY_LAB = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:course-list",
                        "@jupyter/nbgrader:create-assignment")
# JupyterLab's news and update checks, which would call out to the Internet from every user's browser.
ANNOUNCEMENTS = "@jupyterlab/apputils-extension:announcements"
# configurable-http-proxy's release runs on Node.js 20 or later.
NODE_MAJOR = 20
LOCK_HEADER = """\
# Every package of the class server's environments (the Hub's, and the class environment every user's server
# runs in) at the version it is tested with, for the Python of hub/hub.toml: written by `make hub-lock`
# (tools/hub.py) from requirements.txt and hub/requirements.txt; do not edit.
"""


class HubError(Exception):
    """What keeps the class server from starting or stopping, in one line."""


@dataclass(frozen=True)
class Settings:
    """hub.toml, its paths made absolute (relative ones are relative to the file's folder)."""
    course: pathlib.Path
    roster: pathlib.Path
    instructors: tuple
    ip: str
    port: int
    students_group: str
    instructors_group: str
    state: pathlib.Path
    prefix: pathlib.Path
    python: str

    @property
    def hub_env(self):
        return self.prefix / "hub-env"

    @property
    def class_env(self):
        return self.prefix / "class-env"

    @property
    def proxy(self):
        return self.prefix / "proxy"

    @property
    def url(self):
        return f"http://{self.ip}:{self.port}"


def read_settings(path=CONFIG, port=None):
    """The settings of a hub.toml (the port: `port` if given); HubError at the first mistake."""
    path = pathlib.Path(path).resolve()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise HubError(f"{path}: cannot be read ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise HubError(f"{path}: {error}") from None
    if sorted(raw) != sorted(KEYS):
        wrong = sorted(set(raw) ^ set(KEYS))
        raise HubError(f"{path.name}: {', '.join(wrong)}: the settings are {', '.join(KEYS)}")
    instructors = raw["instructors"]
    if not isinstance(instructors, list) or not instructors:
        raise HubError(f"{path.name}: instructors must list at least one account")
    for name in [*instructors, raw["students_group"], raw["instructors_group"]]:
        _account_name(name, path.name)
    port = raw["port"] if port is None else port
    if not str(port).isdigit() or not 0 < int(port) < 65536:
        raise HubError(f"{path.name}: {port!r} is not a port")
    here = path.parent
    return Settings(course=(here / raw["course"]).resolve(), roster=(here / raw["roster"]).resolve(),
                    instructors=tuple(instructors), ip=raw["ip"], port=int(port),
                    students_group=raw["students_group"], instructors_group=raw["instructors_group"],
                    state=(here / raw["state"]).resolve(), prefix=(here / raw["prefix"]).resolve(),
                    python=raw["python"])


def _account_name(name, where):
    if not isinstance(name, str) or not ACCOUNT.fullmatch(name):
        raise HubError(f"{where}: {name!r} cannot be a Unix account on the Hub (lower-case letters, digits, . _ -; "
                       f"at most 32, not starting with a digit, . or -)")


def read_students(settings):
    """The ids of the roster's students, each fit to be an account; HubError at the first that is not."""
    try:
        students = [student.id for student in read_roster(settings.roster)]
    except InputError as error:
        raise HubError(str(error)) from None
    for student in students:
        _account_name(student, settings.roster.name)
        if student in settings.instructors:
            raise HubError(f"{settings.roster.name}: {student} is an instructor of the Hub, not a student")
    return students


def run(command, **kwargs):
    """Runs a command; HubError with its last lines when it fails."""
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True, **kwargs)
    if done.returncode:
        said = (done.stdout + done.stderr).strip()[-1500:]
        raise HubError(f"{pathlib.Path(str(command[0])).name} {' '.join(map(str, command[1:3]))} failed: {said}")
    return done.stdout


def digest(*parts):
    """A hash of texts and files (pathlib.Path: its bytes), to tell whether an installation is current."""
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(part.read_bytes() if isinstance(part, pathlib.Path) else str(part).encode())
        hashed.update(b"\0")
    return hashed.hexdigest()


def _current(folder, stamp, name=".installed"):
    marker = folder / name
    return marker.is_file() and marker.read_text() == stamp


def _venv(folder, settings, *requirements):
    """
    A new virtual environment of the class Python in `folder` holding `requirements`, locked, unless
    the one there holds them already; whether it made one.
    """
    stamp = digest(settings.python, HUB / "constraints.txt", *requirements)
    if _current(folder, stamp):
        return False
    shutil.rmtree(folder, ignore_errors=True)
    run([settings.python, "-m", "venv", folder])
    run([folder / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         *(f"--requirement={r}" for r in requirements), f"--constraint={HUB / 'constraints.txt'}"])
    (folder / ".installed").write_text(stamp)
    return True


def install_hub(settings):
    """JupyterHub in an environment of its own; what it did, in a few words."""
    made = _venv(settings.hub_env, settings, HUB / "requirements.txt")
    return f"{settings.hub_env}: {'installed' if made else 'up to date'}"


def helpers_digest():
    """A hash of what the helpers wheel is built from."""
    files = sorted(p for p in (ROOT / "helpers").rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")
    return digest(ROOT / "pyproject.toml", *(str(p.relative_to(ROOT)) for p in files), *files)


def install_class(settings):
    """The class environment every user's server runs in; what it did, in a few words."""
    env = settings.class_env
    done = ["installed"] if _venv(env, settings, ROOT / "requirements.txt", HUB / "requirements.txt") else []
    helpers = helpers_digest()
    if not _current(env, helpers, ".helpers"):
        with tempfile.TemporaryDirectory(prefix="nnfs-hub-") as folder:
            wheel = build_wheel(pathlib.Path(folder))
            run([env / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                 "--no-deps", "--force-reinstall", wheel])
        (env / ".helpers").write_text(helpers)
        done.append("helpers wheel installed")
    config = env / "etc" / "jupyter"
    # After nbgrader's own nbgrader.json in the same folder, which switches everything on: this one counts.
    (config / "jupyter_server_config.d" / "nnfs-class.json").write_text(json.dumps(
        {"ServerApp": {"jpserver_extensions": {name: False for name in INSTRUCTORS_ONLY_SERVER}}}, indent=2))
    (config / "labconfig").mkdir(exist_ok=True)
    off = [*INSTRUCTORS_ONLY_LAB, ANNOUNCEMENTS]
    (config / "labconfig" / "page_config.json").write_text(json.dumps(
        {"disabledExtensions": {name: True for name in off}, "lockedExtensions": {name: True for name in off}},
        indent=2))
    return f"{env}: {', '.join(done) or 'up to date'}"


def node():
    """The node executable, if it is Node.js 20 or later; HubError otherwise."""
    found = shutil.which("node")
    version = run([found, "--version"]).strip() if found else ""
    if not re.fullmatch(r"v(\d+)\..*", version) or int(version[1:].split(".")[0]) < NODE_MAJOR:
        raise HubError(f"the proxy needs Node.js {NODE_MAJOR} or later with npm (found: {version or 'none'}): "
                       f"Debian 13's nodejs and npm packages, or NodeSource's for older systems")
    return found


def install_proxy(settings):
    """configurable-http-proxy, at the version of hub/package-lock.json; what it did, in a few words."""
    folder = settings.proxy
    stamp = digest(run([node(), "--version"]), HUB / "package.json", HUB / "package-lock.json")
    if _current(folder, stamp):
        return f"{folder}: up to date"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy(HUB / name, folder / name)
    run(["npm", "ci", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error"], cwd=folder)
    (folder / ".installed").write_text(stamp)
    return f"{folder}: installed"


def _group(name):
    try:
        return grp.getgrnam(name)
    except KeyError:
        run(["groupadd", name])
        return grp.getgrnam(name)


def make_accounts(settings, students):
    """Accounts and groups for the students and instructors; the passwords of the new accounts, {name: password}."""
    new = {}
    for group, names in ((settings.students_group, students), (settings.instructors_group, settings.instructors)):
        members = _group(group).gr_mem
        for name in names:
            try:
                account = pwd.getpwnam(name)
            except KeyError:
                run(["useradd", "--create-home", "--shell", "/bin/bash", "--groups", group, name])
                new[name] = secrets.token_urlsafe(9)
                run(["chpasswd"], input=f"{name}:{new[name]}\n")
                account = pwd.getpwnam(name)
            else:
                if account.pw_uid < UID_MIN:
                    raise HubError(f"{name} is a system account (uid {account.pw_uid}): the Hub serves none")
                if name not in members:
                    run(["usermod", "--append", "--groups", group, name])
            if group == settings.students_group:
                os.chmod(account.pw_dir, 0o700)
    if new:
        passwords = settings.state / "passwords.csv"
        fresh = not passwords.exists()
        with open(os.open(passwords, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "w") as out:
            out.write("id,password\n" * fresh + "".join(f"{name},{password}\n" for name, password in new.items()))
    return new


def _reachable(folder):
    """HubError unless every folder above `folder` lets other accounts through (the instructors go in there)."""
    for parent in folder.parents:
        if not os.stat(parent).st_mode & stat.S_IXOTH:
            raise HubError(f"the instructors cannot reach {folder}: {parent} is closed to other accounts; "
                           f"put the course directory where every account can pass, e.g. /srv/nn-from-scratch/course")


def _share(path, gid, bits):
    status = os.lstat(path)
    if status.st_gid != gid:
        os.chown(path, -1, gid, follow_symlinks=False)
    if stat.S_IMODE(status.st_mode) | bits != stat.S_IMODE(status.st_mode):
        os.chmod(path, stat.S_IMODE(status.st_mode) | bits)


def close_course(settings, course):
    """The course directory made the instructors' and closed to everyone else; where the gradebook is."""
    _reachable(course.root)
    with course.gradebook():  # made now if it is missing, so that it gets the modes below
        pass
    gid = grp.getgrnam(settings.instructors_group).gr_gid
    for folder, _, files in os.walk(course.root):
        _share(folder, gid, stat.S_ISGID | stat.S_IRWXG)
        for name in files:
            path = os.path.join(folder, name)
            if not os.path.islink(path):  # a link's mode is its target's, which may lie outside the course
                owner_runs = os.lstat(path).st_mode & stat.S_IXUSR
                _share(path, gid, stat.S_IRGRP | stat.S_IWGRP | (stat.S_IXGRP if owner_runs else 0))
    os.chmod(course.root, 0o2770)
    gradebook = course.db_url.removeprefix("sqlite:///")
    if gradebook != course.db_url:
        os.chmod(gradebook, 0o660)
    return gradebook


def write_user_config(settings, course):
    """The Jupyter configuration of every user's server (the exchange), and the instructors' (formgrader)."""
    everyone, instructors = settings.state / "jupyter" / "class", settings.state / "jupyter" / "instructors"
    for folder in (everyone, instructors / "jupyter_server_config.d", instructors / "labconfig"):
        folder.mkdir(parents=True, exist_ok=True)
    (everyone / "nbgrader_config.py").write_text(
        "# Written by `make hub`: where every user's nbgrader finds the course's exchange.\n"
        "c = get_config()  # noqa: F821\n" + course.student_config())
    (instructors / "jupyter_server_config.d" / "nnfs-instructors.json").write_text(json.dumps(
        {"ServerApp": {"jpserver_extensions": {name: True for name in INSTRUCTORS_ONLY_SERVER}}}, indent=2))
    (instructors / "labconfig" / "page_config.json").write_text(json.dumps(
        {"disabledExtensions": {name: False for name in INSTRUCTORS_ONLY_LAB}}, indent=2))
    return {"class": str(everyone), "instructors": str(instructors)}


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


def up(settings):
    """`make hub`: yields what it does, a line per step."""
    if os.geteuid() != 0:
        raise HubError("`make hub` makes accounts and serves them: run it as root (sudo make hub)")
    os.umask(0o022)  # the environments are read by every account
    students = read_students(settings)
    course = Course.at(settings.course)
    settings.state.mkdir(parents=True, exist_ok=True)
    # Users' servers read their configuration in it; nobody else may list it, and what the Hub writes is root's.
    os.chmod(settings.state, 0o711)
    yield install_hub(settings)
    yield install_proxy(settings)
    yield install_class(settings)
    new = make_accounts(settings, students)
    yield (f"accounts: {len(students)} student(s) in {settings.students_group}, {len(settings.instructors)} "
           f"instructor(s) in {settings.instructors_group}"
           + (f"; {len(new)} new, their passwords in {settings.state / 'passwords.csv'}" if new else ""))
    gradebook = close_course(settings, course)
    yield f"course: {course.root} closed to all but {settings.instructors_group} (2770; {gradebook} 0660)"
    exchange = course.exchange_root
    yield f"exchange: {make_exchange(exchange)}"
    yield start(settings, course, exchange, write_user_config(settings, course))


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


def lock(settings):
    """`make hub-lock`: writes hub/constraints.txt from requirements.txt and hub/requirements.txt."""
    lines = freeze(ROOT / "requirements.txt", HUB / "requirements.txt", base=settings.python)
    (HUB / "constraints.txt").write_text(LOCK_HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return f"hub/constraints.txt: {len(lines)} packages locked"


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tools.hub", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("up", "down", "lock"))
    parser.add_argument("--config", default=str(CONFIG), help="the class server's settings (default: hub/hub.toml)")
    parser.add_argument("--port", help="where the Hub listens, in place of the settings' port")
    args = parser.parse_args(argv)
    try:
        settings = read_settings(args.config, args.port)
        if args.command == "up":
            for line in up(settings):
                print(line, flush=True)
        else:
            print(stop(settings) if args.command == "down" else lock(settings))
    except (HubError, CourseError) as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
