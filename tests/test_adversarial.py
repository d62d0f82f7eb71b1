"""
Hostile submissions through the real autograde path: a scratch course built as tools/demo.py
builds it, graded by `python -m grader autograde` (what `make autograde` runs) on two workers,
with real nbgrader, the real sandbox and the course's SQLite gradebook, in one batch with two
honest students among the hostile ones.

Every hostile submission is assignment 1 fully solved with attacks added, the code of each
in its own file under tests/hostile/ (see its __init__.py); some also stub or break functions,
so that a cheat that works would show as points. A probe prints one line,
``ATTACK <name>: SUCCEEDED`` when it reached what it aimed at and ``BLOCKED`` when it did
not; ``test_every_probe_can_succeed`` shows that each one reports SUCCEEDED when it is
pointed at things that exist and can be reached. Other attacks are judged from outside: the
grades, the gradebook, the files, the processes, the feedback, the report, and the grader's
memory and time, for the whole batch and, for the attacks on what the grader stores, shows
and shares (a browser, a terminal, its memory, the student graded next door), one at a time.
"""
import collections
import datetime
import hashlib
import html
import html.parser
import os
import pathlib
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field

import nbformat
import psutil
import pytest

import hostile
from grader.cells import grade_id, is_test_cell
from tools import ROOT, nbgrader_env

pytestmark = pytest.mark.slow

A = "a1_two_layer_network"
MARK = "nnfsadv" + uuid.uuid4().hex[:8]  # in every daemon's name and every planted file
HOST_MARK = "nnfshost" + uuid.uuid4().hex[:8]  # in the command line of a process on the host
GiB = 2**30
MiB = 2**20
# The grader's processes hold nbgrader, the reference solutions and one student's notebook at a time:
# a few hundred MB. Display-id amplification took them to 2.5-3.7 GiB.
GRADER_MEMORY = int(1.5 * GiB)
# What grading a student takes besides running its notebook: starting the kernel, judging, writing.
OVERHEAD_SECONDS = 60
TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass
class Hostile:
    """A hostile submission: assignment 1 fully solved, with cells of tests/hostile/ added and changes."""
    cells: dict = field(default_factory=dict)  # where -> files: "start" (after the set-up), "before:<id>", "after:<id>"
    loses: tuple = ()  # the exercises it must not get points for
    may_lose: tuple = ()  # exercises whose records it forged: they may cost points, never gain any
    edits: dict = field(default_factory=dict)  # grade_id -> "stub", (old, new), or a file replacing the solution
    change: object = None  # function(notebook): another change of the submission
    targets: dict = field(default_factory=dict)  # what its cells aim at besides the batch's TARGETS
    may_go_ungraded: bool = False  # the grader may report it "not graded" (with a reason) instead of grading it


def _escaped_kernel_name(nb):
    nb.metadata["kernelspec"] = {"name": "\x1b]52;c;b3duZWQ=\x07\r\x1b[2Kpython3", "display_name": "Python 3",
                                 "language": "python"}


def _test_cell_marked_solution(nb):
    next(c for c in nb.cells if grade_id(c) == "sigmoid_tests").metadata["nbgrader"]["solution"] = True


HOSTILE = {
    "neighbour_hog": Hostile({"start": ["neighbour/spin.py"] + ["neighbour/keep_waiting.py"] * 5}),
    "fake_stops": Hostile({"start": ["retries/sleep_a_while.py"] * 3 + ["retries/fake_kernel_stopped.py"] * 5}),
    "reaches": Hostile({"start": hostile.files("files") + hostile.files("plants") + hostile.files("network")}),
    "resources": Hostile({"start": hostile.files("processes") + hostile.files("memory") + hostile.files("disk")
                          + hostile.files("daemons")}),
    "leaks": Hostile({"after:sigmoid": ["edits/sigmoid_keeps_callers.py"], "before:predict": hostile.files("leaks")},
                     loses=("layer_sizes",), edits={"layer_sizes": "edits/layer_sizes_shows_caller.py"}),
    # The input transformer empties every cell after it: it comes last.
    "cheats": Hostile({"start": hostile.files("cheats"), "before:predict": [
        "cheats_late/np_random_seed_noop.py", "cheats_late/input_transformer_empties_later_cells.py"]},
                      loses=("layer_sizes", "initialize_parameters", "compute_cost", "backward_propagation",
                             "update_parameters", "predict"),
                      edits={"layer_sizes": "stub", "initialize_parameters": ("* 0.01", "* 0.1"),
                             "compute_cost": "stub", "backward_propagation": ("A1 * (1 - A1)", "(1 - np.power(A1, 2))"),
                             "update_parameters": "edits/update_parameters_in_place.py",
                             "predict": "edits/predict_always_equal.py"}),
    "markup": Hostile({"start": hostile.files("markup")}, change=_escaped_kernel_name),
    "amplify": Hostile({"start": ["outputs/display_id_amplification.py", "outputs/many_outputs.py"]}),
    "flood": Hostile({"start": ["outputs/flood.py"]}, may_go_ungraded=True),
    "forged": Hostile({"start": ["forged/forge_records.py"]}, may_lose=("sigmoid", "layer_sizes"),
                      targets={"forged": {"sigmoid_tests": "not_a_list", "layer_sizes_tests": "object_array"}},
                      may_go_ungraded=True),
    "forged_deep": Hostile({"start": ["forged/forge_records.py"]}, may_lose=("initialize_parameters",),
                           targets={"forged": {"initialize_parameters_tests": "deeply_nested"}}, may_go_ungraded=True),
    "solution_flag": Hostile(change=_test_cell_marked_solution, may_go_ungraded=True),
}
HONEST = ["perfect", "typical_mistake"]
# The order in which the batch hands students to its two workers: the CPU hog beside an honest
# student, the long ones early, hostile students first and last.
ORDER = ["neighbour_hog", "perfect", "flood", "fake_stops", "reaches", "resources", "leaks", "cheats", "markup",
         "amplify", "forged", "forged_deep", "typical_mistake", "solution_flag"]
assert sorted(ORDER) == sorted([*HOSTILE, *HONEST])


def _cell(nb, grade_id_):
    return next(c for c in nb.cells if grade_id(c) == grade_id_)


def build_hostile(course, student, spec, targets):
    """Writes a hostile submission into the course's submitted/."""
    from tools.samples import solved_release

    release = course / "release" / A / f"{A}.ipynb"
    nb = solved_release(course / "source" / A / f"{A}.ipynb", release)
    released = nbformat.read(release, as_version=4)
    # Without the closing experiments after the last test cell: they carry no points and take time.
    del nb.cells[max(i for i, c in enumerate(nb.cells) if is_test_cell(c)) + 1:]
    for grade_id_, edit in spec.edits.items():
        cell = _cell(nb, grade_id_)
        if edit == "stub":
            cell.source = _cell(released, grade_id_).source
        elif isinstance(edit, tuple):
            assert edit[0] in cell.source, (grade_id_, edit)
            cell.source = cell.source.replace(*edit, 1)
        else:
            cell.source = hostile.source(edit)
    setup = nb.cells.index(_cell(nb, "imports"))
    nb.cells.insert(setup + 1, hostile.prelude_cell(targets))
    for where, paths in spec.cells.items():
        cells = [hostile.cell(path) for path in paths]
        if where == "start":
            at = setup + 2
        else:
            side, next_to = where.split(":")
            at = nb.cells.index(_cell(nb, next_to)) + (side == "after")
        nb.cells[at:at] = cells
    if spec.change is not None:
        spec.change(nb)
    target = course / "submitted" / student / A / f"{A}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)


def expected_probes(student):
    """The names of the probes a hostile submission runs, each of which prints one line."""
    names = [hostile.reports(path)[0] for paths in HOSTILE[student].cells.values() for path in paths
             if hostile.reports(path)]
    return names + (["error_message_shows_caller"] if student == "leaks" else [])


# -- what the probes aim at -----------------------------------------------------------------------

class Listeners:
    """Services of the host that a sandboxed kernel must not reach: TCP (IPv4, IPv6), UDP (echo), Unix sockets."""

    def __init__(self):
        self.hits = []
        self.folder = tempfile.mkdtemp(prefix="nnfs-adv-")  # short: a socket's path has at most 107 bytes
        self.unix_path = os.path.join(self.folder, "service.sock")
        self.abstract_name = f"nnfs-adv-{MARK}"
        self.tcp = socket.create_server(("127.0.0.1", 0))
        self.tcp6 = socket.create_server(("::1", 0), family=socket.AF_INET6)
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.abstract = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.abstract.bind("\0" + self.abstract_name)
        self.abstract.listen(16)
        self.unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.unix.bind(self.unix_path)
        self.unix.listen(16)
        self.streams = {"tcp": self.tcp, "tcp6": self.tcp6, "abstract": self.abstract, "unix": self.unix}
        for sock in (*self.streams.values(), self.udp):
            sock.settimeout(0.05)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def targets(self):
        return {"tcp_port": self.tcp.getsockname()[1], "tcp6_port": self.tcp6.getsockname()[1],
                "udp_port": self.udp.getsockname()[1], "abstract_socket": self.abstract_name,
                "unix_socket": self.unix_path}

    def _serve(self):
        while not self._stop.is_set():
            for name, sock in self.streams.items():
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
        for sock in (*self.streams.values(), self.udp):
            sock.close()
        shutil.rmtree(self.folder, ignore_errors=True)


class HostProcess:
    """A process on the host whose command line holds HOST_MARK: the host's processes must stay out of sight."""

    def __enter__(self):
        self.process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(3600)", HOST_MARK])
        return self

    def __exit__(self, *exc):
        self.process.kill()
        self.process.wait()


def batch_targets(course, student, services):
    """Where the probes of a batch aim: the grader's real places (what the sandbox must hide or refuse)."""
    from grader import sandbox
    from grader.worker import SCRATCH_PREFIX

    home = str(pathlib.Path.home())
    return {
        "course": str(course), "assignment": A, "student": student, "mark": MARK, "others": HONEST,
        "gradebooks": [f"{course}/gradebook.db", f"{ROOT}/gradebook.db"], "repo": str(ROOT), "home": home,
        "host_paths": [str(course), str(ROOT)] + ([home] if home != "/" else []),
        "grading_paths": [str(course), SCRATCH_PREFIX, f"/{student}/"],
        "mountinfo": "/proc/self/mountinfo", "init_cmdline": "/proc/1/cmdline",
        "host_folder": "/opt/nnfs/folder",  # where the sandbox shows the notebook's folder, read-only
        "tmp": "/tmp", "kernel_prefix": sandbox.PREFIX, "secrets": ["/etc/shadow"],
        "devices": ["/dev/vda", "/dev/sda", "/dev/nvme0n1", "/dev/mem", "/dev/kmsg"], "sysfs": "/sys",
        "host_process": HOST_MARK, **services,
        "loopback_ports": [22, 80, 443, 631, 3306, 5432, 6379, 8000, 8080, 8888, 9000],
        "public_ipv4": [["1.1.1.1", 443], ["8.8.8.8", 53], ["140.82.112.3", 443]],
        "public_ipv6": [["2606:4700:4700::1111", 443], ["::1", services["tcp6_port"]]],
        "udp_route": ["8.8.8.8", 53], "dns_names": ["example.com", "github.com", "localhost.localdomain"],
        "unix_sockets": ["/run/dbus/system_bus_socket", "/var/run/docker.sock", "/run/systemd/private",
                         "/tmp/.X11-unix/X0", services["unix_socket"]],
        "own_interfaces": ["lo"], "raw_socket": ["AF_PACKET", "SOCK_RAW"],
        "processes": _configured_processes(course), "uid": 0, "status": "/proc/self/status", "command": ["true"],
        "memory_bytes": 5 * GiB, "disk_bytes": 2 * GiB,
        "folders": {"tmp": "/tmp", "dev_shm": "/dev/shm", "root": "/", "dev": "/dev"},
        "spinners": 48, "spin_seconds": 40,
    }


def _configured_processes(course):
    """The processes (and threads) a sandbox may have, as the course configures it."""
    from grader.course import Course
    from grader.sandbox import SandboxKernelManager

    return SandboxKernelManager(config=Course(course).config).processes


# -- the batch --------------------------------------------------------------------------------------

def _tree(folder, skip=("__pycache__",)):
    """sha256 of every file under folder, by relative path."""
    folder = pathlib.Path(folder)
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not any(s in p.parts for s in skip)}


# What grading writes into the course (checked on their own), and what it leaves alone.
WRITTEN = ("gradebook.db", ".nbgrader.log", "summary-")
MADE = {"autograded", "provenance", "feedback", "logs", "calibration"}


def _course_state(course):
    """What grading must leave as it is: top-level files of the course, source/, release/, grader/."""
    top = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in course.iterdir()
           if p.is_file() and not p.name.startswith(WRITTEN)}
    return {"root": top, "dirs": sorted(p.name for p in course.iterdir() if p.is_dir() and p.name not in MADE),
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


class Watch:
    """
    The grading processes of a command, watched while it runs: its process and every process it
    started outside a sandbox (workers, not kernels), their peak resident memory, and their pids.
    """

    def __init__(self, process):
        self.process = psutil.Process(process.pid)
        self.peaks = {}  # pid -> (peak RSS, command line)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def grading(self):
        """The processes of the command outside its sandboxes (a sandbox is bubblewrap and what runs under it)."""
        try:
            tree = [self.process] + self.process.children(recursive=True)
        except psutil.Error:
            return []
        inside = set()
        for p in tree:
            try:
                if p.name() == "bwrap":
                    inside |= {p.pid} | {c.pid for c in p.children(recursive=True)}
            except psutil.Error:
                pass
        return [p for p in tree if p.pid not in inside]

    def _sample(self):
        while not self._stop.is_set():
            for p in self.grading():
                try:
                    rss, cmdline = p.memory_info().rss, " ".join(p.cmdline())[:160]
                except psutil.Error:
                    continue
                if rss > self.peaks.get(p.pid, (0, ""))[0]:
                    self.peaks[p.pid] = (rss, cmdline)
            self._stop.wait(0.1)

    def stop(self):
        self._stop.set()
        self._thread.join()


@dataclass
class Batch:
    """What grading the batch gave, and what the test saw around it."""
    course: pathlib.Path
    results: dict  # student -> grader.results.StudentResult
    returncode: int
    stdout: str
    stderr: str
    peaks: dict  # pid of a grading process -> (peak RSS, command line)
    targets: dict  # student -> what its probes aimed at
    listener_hits: list
    before: dict
    after: dict
    submitted_before: dict
    submitted_after: dict
    site_before: dict
    site_after: dict
    processes_after: list
    processes_later: list
    leftovers: list
    gradebook_after: str
    gradebook_later: str
    feedback_dir: pathlib.Path

    @property
    def report(self):
        """The report's lines as the instructor's terminal gets them: a line per student, first the isolation."""
        return [line for line in self.stdout.splitlines() if line.startswith(("Isolation:", "Grading", "["))]


def _kernels_of(pids):
    """What the command line of every kernel that the processes ``pids`` started holds: its private folder."""
    from grader import sandbox

    return [f"{sandbox.PREFIX}{pid}-" for pid in pids]


def _leftovers(pids):
    """Kernels' folders, scratch courses and cgroups that the grading processes ``pids`` left behind."""
    from grader import cgroups, sandbox
    from grader.worker import SCRATCH_PREFIX

    tmp = pathlib.Path(tempfile.gettempdir())
    found = [str(p) for pid in pids for prefix in (sandbox.PREFIX, SCRATCH_PREFIX)
             for p in tmp.glob(f"{prefix}{pid}-*")]
    found += [str(g) for parent in set(cgroups.parents().values()) for pid in pids
              for g in parent.glob(f"{cgroups.PREFIX}{pid}-*")]
    return found


def autograde(course, students, jobs=2):
    """Runs `python -m grader autograde` on the course, watched; returns the completed process and its Watch."""
    env = nbgrader_env()
    command = [sys.executable, "-m", "grader", "autograde", A, "--course", str(course), "--jobs", str(jobs),
               "--force"] + [f"--student={s}" for s in students]
    process = subprocess.Popen(command, cwd=course, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL)
    watch = Watch(process)
    stdout, stderr = process.communicate()
    watch.stop()
    completed = subprocess.CompletedProcess(command, process.returncode, stdout.decode(errors="replace"),
                                            stderr.decode(errors="replace"))
    return completed, watch


@pytest.fixture(scope="module")
def batch(tmp_path_factory, calibrated):
    from grader.batch import Batch as CourseBatch
    from grader.course import Course
    from tools import nbgrader
    from tools.demo import generate_release, prepare_course
    from tools.samples import build_samples

    course = prepare_course(tmp_path_factory.mktemp("adversarial") / "course", calibrated)
    generate_release(course, A)
    build_samples(course, A, HONEST)
    listeners = Listeners()
    site = pathlib.Path(sysconfig.get_paths()["purelib"])
    targets = {s: {**batch_targets(course, s, listeners.targets()), **spec.targets} for s, spec in HOSTILE.items()}
    try:
        for student, spec in HOSTILE.items():
            build_hostile(course, student, spec, targets[student])
        before, site_before = _course_state(course), _tree(site)
        submitted_before = {s: _tree(course / "submitted" / s) for s in HONEST}
        with HostProcess():
            completed, watch = autograde(course, ORDER)
    finally:
        listeners.close()
    pids = sorted(watch.peaks)
    processes_after = _processes_with(MARK, *_kernels_of(pids))
    gradebook_after = hashlib.sha256((course / "gradebook.db").read_bytes()).hexdigest()
    time.sleep(4)  # the daemon starts rewriting 3 s after it was started
    processes_later = _processes_with(MARK, *_kernels_of(pids))
    gradebook_later = hashlib.sha256((course / "gradebook.db").read_bytes()).hexdigest()
    after = _course_state(course)
    leftovers = _leftovers(pids)
    nbgrader(["generate_feedback", A, "--force"], course)
    results = {r.student: r for r in CourseBatch(Course(course), A).class_results([])}
    submitted_after = {s: _tree(course / "submitted" / s) for s in HONEST}
    return Batch(course, results, completed.returncode, completed.stdout, completed.stderr, watch.peaks, targets,
                 listeners.hits, before, after, submitted_before, submitted_after, site_before, _tree(site),
                 processes_after, processes_later, leftovers, gradebook_after, gradebook_later, course / "feedback")


# -- what every student is checked for ------------------------------------------------------------

def _expected(student):
    from tools.samples import expected_points, points

    if student in HONEST:
        return expected_points(A, student)
    return {e: 0 if e in HOSTILE[student].loses else p for e, p in points(A).items()}


def _points(result):
    return {e: s for e, (s, _) in result.by_exercise.items()}


def _outputs_text(nb):
    texts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                texts.append(output.text)
            elif output.output_type == "error":
                texts.append(f"{output.ename}: {output.evalue}")
    return "\n".join(texts)


def _graded_notebook(batch, student):
    return nbformat.read(batch.course / "autograded" / student / A / f"{A}.ipynb", as_version=4)


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


def _feedback_page(batch, student):
    return batch.feedback_dir / student / A / f"{A}.html"


def _feedback_text(batch, student):
    page = _feedback_page(batch, student)
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
    for grade_id_ in stubbed:
        body = re.search(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", _cell(source, grade_id_).source, re.S)
        lines |= {line.strip() for line in body.group(1).splitlines()
                  if len(line.strip()) >= 8 and line.strip() not in submitted_lines}
    return lines


def _check_not_graded(batch, student):
    """A student the grader could not grade: said so with a reason, no score in the gradebook, a failing exit code."""
    from grader.results import summary_line
    from nbgrader.api import Gradebook

    line = summary_line(batch.results[student])
    assert "not graded" in line and "could not be graded: " in line, line
    reason = line.split("could not be graded: ", 1)[1].strip()
    assert reason and not reason.startswith("see logs/"), f"no reason given: {line}"
    with Gradebook("sqlite:///" + str(batch.course / "gradebook.db")) as gb:
        grades = [g for nb in gb.find_submission(A, student).notebooks for g in nb.grades]
        scored = [(g.name, g.auto_score) for g in grades if g.auto_score is not None or not g.needs_manual_grade]
    assert scored == [], f"{student} is not graded but the gradebook scores it: {scored}"
    assert batch.returncode != 0, "the command exited 0 although a student was not graded"
    not_graded = [line for line in batch.stdout.splitlines() if line.startswith("NOT GRADED:")]
    assert not_graded and student in not_graded[0], not_graded


def _check_common(batch, student):
    """Graded as far as it can be, no points gained, the other students' grades unchanged, nothing left behind."""
    from grader.results import summary_line
    from nbgrader.api import Gradebook

    result = batch.results[student]
    spec = HOSTILE.get(student, Hostile())
    assert batch.report and batch.report[0].startswith("Isolation: sandboxed"), batch.report[:1]
    assert not summary_line(result).startswith("UNSANDBOXED")
    if result.graded:
        got, expected = _points(result), _expected(student)
        assert got.keys() == expected.keys(), summary_line(result)
        for exercise, points in expected.items():
            if exercise in spec.may_lose:
                assert 0 <= got[exercise] <= points, (exercise, summary_line(result))
            else:
                assert got[exercise] == points, (exercise, summary_line(result))
    else:
        assert spec.may_go_ungraded, summary_line(result)
        _check_not_graded(batch, student)
    # The honest students: the grades and submissions they would have had alone.
    for honest in HONEST:
        assert batch.results[honest].graded, summary_line(batch.results[honest])
        assert _points(batch.results[honest]) == _expected(honest), summary_line(batch.results[honest])
        assert batch.submitted_after[honest] == batch.submitted_before[honest]
    # The gradebook: every student, every score as graded, intact.
    with sqlite3.connect(batch.course / "gradebook.db") as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Gradebook("sqlite:///" + str(batch.course / "gradebook.db")) as gb:
        assert set(ORDER) <= {s.id for s in gb.students}
        for name in ORDER:
            assert gb.find_submission(A, name).score == batch.results[name].score, name
        if result.graded and not spec.may_lose:
            assert gb.find_submission(A, student).score == sum(_expected(student).values())
    assert batch.gradebook_after == batch.gradebook_later, "the gradebook changed after grading"
    # Nothing planted: in the course, the environment, the helpers of the repository.
    assert batch.after == batch.before
    assert batch.site_after == batch.site_before
    assert not [p for p in (ROOT / "helpers").rglob("*") if MARK in p.name]
    assert not [p for p in batch.course.rglob("*") if MARK in p.name or p.name == "planted-by-daemon"]
    assert not list(pathlib.Path(tempfile.gettempdir()).glob(f"*{MARK}*"))
    # No process of any sandbox left, nothing of a kernel left behind, and nothing reached the host's services.
    assert batch.processes_after == [] and batch.processes_later == []
    assert batch.leftovers == []
    assert batch.listener_hits == []
    # Feedback: no hidden test, no grader code, no solution of what the student did not solve.
    if result.graded:
        text = _feedback_text(batch, student)
        leaked = [m for m in _hidden_markers(batch.course) if m in text]
        assert leaked == [], f"{student}'s feedback shows {leaked}"
        solutions = [line for line in _unsolved_solution_lines(batch, student) if line in text]
        assert solutions == [], f"{student}'s feedback shows solution lines {solutions}"


def _attack_lines(batch, student):
    """(name, status, rest) of every ATTACK line of a student's graded notebook."""
    return re.findall(r"^ATTACK (\S+): (\S+)(.*)$", _outputs_text(_graded_notebook(batch, student)), re.M)


PROBING = [s for s in HOSTILE if any(hostile.reports(p) for paths in HOSTILE[s].cells.values() for p in paths)]


@pytest.mark.parametrize("student", PROBING)
def test_hostile_student(batch, student):
    lines = _attack_lines(batch, student)
    succeeded = [f"{name}: {status}{rest}" for name, status, rest in lines if status == "SUCCEEDED"]
    assert succeeded == [], f"{student}: attacks that got through: {succeeded}"
    expected = expected_probes(student)
    assert sorted(name for name, _, _ in lines) == sorted(expected), (
        f"{student}: attacks that did not report (or reported twice)")
    _check_common(batch, student)


def test_honest_students_and_batch(batch):
    from grader.results import summary_line

    for student in HONEST:
        _check_common(batch, student)
    positions = [ORDER.index(s) for s in HONEST]
    assert min(positions) > 0 and max(positions) < len(ORDER) - 1, "hostile students first and last"
    # The command fails exactly when a student could not be graded.
    not_graded = [summary_line(batch.results[s]) for s in ORDER if not batch.results[s].graded]
    assert (batch.returncode != 0) == bool(not_graded), (batch.returncode, not_graded, batch.stderr[-2000:])


# -- attacks on what the grader stores, shows and shares, one at a time -------------------------

def _grading_record(batch, student):
    from grader import provenance

    return provenance.read(batch.course, A, student)


def _note_kinds(batch, student):
    record = _grading_record(batch, student) or {"notebooks": {}}
    return [n["kind"] for entry in record["notebooks"].values() for n in entry.get("notes", [])]


def _report_line(batch, student):
    lines = [line for line in batch.report if re.match(rf"\[\d+/\d+[^\]]*\] (UNSANDBOXED )?{student}: ", line)]
    assert len(lines) == 1, f"{student}: {lines}"
    return lines[0]


# The MIME types of outputs that are script, whatever they hold.
SCRIPT_MIMES = ("application/javascript", "text/javascript", "application/vnd.jupyter.widget-view+json")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "background", "poster", "lowsrc",
                  "dynsrc"}


class ActiveContent(html.parser.HTMLParser):
    """What in a piece of HTML would run in a browser: script elements, event handlers, script URLs, inline frames."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.found, self._script = [], None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            url = re.sub(r"[\x00-\x20]", "", value).lower()
            if (name.startswith("on") or name == "srcdoc"
                    or name in URL_ATTRIBUTES and url.startswith(("javascript:", "vbscript:", "data:text/html"))):
                self.found.append(f"<{tag} {name}={value[:100]!r}>")
        if tag == "meta" and dict(attrs).get("http-equiv", "").lower() == "refresh":
            self.found.append(f"<meta refresh {dict(attrs).get('content', '')[:100]!r}>")
        if tag == "script":
            self._script = [f"<script {sorted(attrs)}>"]

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.found.append("".join(self._script)[:200])
            self._script = None


def _active_in_notebook(nb, released):
    """The active content of a notebook as nbconvert would show it: student markdown and raw cells, and outputs."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and cell.source not in released:
            found += [f"cell {index}: {a}" for a in ActiveContent(markdown2html_mistune(cell.source)).found]
        elif cell.cell_type == "raw" and cell.source not in released:
            found += [f"cell {index}: {a}" for a in ActiveContent(cell.source).found]
        for output in cell.get("outputs", []):
            for mime, value in output.get("data", {}).items():
                text = value if isinstance(value, str) else str(value)
                if mime in SCRIPT_MIMES:
                    found.append(f"cell {index}: an output of {mime}")
                elif mime in ("text/html", "image/svg+xml"):
                    found += [f"cell {index}: {a}" for a in ActiveContent(text).found]
                elif mime == "text/markdown":
                    found += [f"cell {index}: {a}" for a in ActiveContent(markdown2html_mistune(text)).found]
    return found


def _released_texts(batch):
    release = nbformat.read(batch.course / "release" / A / f"{A}.ipynb", as_version=4)
    return {c.source for c in release.cells if c.cell_type in ("markdown", "raw")}


def test_student_markup_is_inert_in_graded_notebooks_and_feedback(batch):
    """
    Script in markdown (<img onerror>, <script>, <iframe srcdoc>, javascript: links) and in outputs
    (HTML, JavaScript, SVG, Markdown, a raw bundle, a cell's result): none of it is active content in
    any graded notebook or feedback page (the page's own template aside).
    """
    _check_common(batch, "markup")
    released = _released_texts(batch)
    submitted = nbformat.read(batch.course / "submitted" / "markup" / A / f"{A}.ipynb", as_version=4)
    assert _active_in_notebook(submitted, released), "the check finds nothing even in the submission"
    template = collections.Counter(ActiveContent(_feedback_page(batch, "perfect").read_text(encoding="utf-8")).found)
    active = {}
    for student in (s for s in ORDER if batch.results[s].graded):
        page = collections.Counter(ActiveContent(_feedback_page(batch, student).read_text(encoding="utf-8")).found)
        for where, found in (("graded notebook", _active_in_notebook(_graded_notebook(batch, student), released)),
                             ("feedback page", list((page - template).elements()))):
            if found:
                active[f"{student}'s {where}"] = found
    assert active == {}, f"active content: {active}"


def _policies(page):
    """The Content-Security-Policy of an HTML page's meta elements: {directive: [sources]} each."""
    policies = []
    for tag in re.findall(r"<meta\b[^>]*>", page, re.I):
        attrs = dict(re.findall(r'([\w-]+)\s*=\s*"([^"]*)"', tag))
        if attrs.get("http-equiv", "").lower() == "content-security-policy":
            policies.append({d.split()[0].lower(): d.split()[1:] for d in html.unescape(attrs.get("content", ""))
                             .split(";") if d.strip()})
    return policies


def test_feedback_pages_forbid_inline_script(batch):
    """A feedback page declares a Content-Security-Policy under which no inline script of a student runs."""
    page = _feedback_page(batch, "markup").read_text(encoding="utf-8")
    policies = _policies(page)
    assert policies, "the feedback page declares no Content-Security-Policy"
    for policy in policies:
        scripts = policy.get("script-src", policy.get("default-src"))
        assert scripts is not None, f"the policy does not restrict scripts: {policy}"
        pinned = any(s.startswith(("'nonce-", "'sha256-", "'sha384-", "'sha512-")) for s in scripts)
        assert "'unsafe-inline'" not in scripts or pinned, f"inline script allowed: {scripts}"
        assert not {"*", "data:", "'unsafe-eval'"} & set(scripts), f"script from anywhere: {scripts}"


def _browser():
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _ran_in_browser(browser, page):
    """The marks that script left on a page opened in headless Chromium (attributes of its <html> after loading)."""
    completed = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
                                "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    root = re.search(r"<html\b[^>]*>", completed.stdout)
    assert root, f"Chromium showed no page: {completed.stderr[-500:]}"
    return sorted(set(re.findall(r"data-nnfs-ran-[\w-]+", root.group())))


@pytest.mark.skipif(_browser() is None, reason="no Chromium on this machine")
def test_no_student_script_runs_in_a_browser(batch, tmp_path):
    """The graded notebook (as nbconvert shows it) and the feedback page run no payload in headless Chromium."""
    from nbconvert import HTMLExporter
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    browser, exporter = _browser(), HTMLExporter()
    # The check can fail: the payloads, shown as nbconvert shows any notebook, run.
    control = new_notebook(cells=[hostile.cell("markup/markdown_payloads.md"), new_code_cell(outputs=[new_output(
        "display_data", data={"text/html": "<script>document.documentElement.setAttribute('data-nnfs-ran-control', "
                                           "'1')</script>", "text/plain": ""})])])
    pages = {"control": control, "graded": _graded_notebook(batch, "markup")}
    ran = {}
    for name, nb in pages.items():
        page = tmp_path / f"{name}.html"
        page.write_text(exporter.from_notebook_node(nb)[0], encoding="utf-8")
        ran[name] = _ran_in_browser(browser, page)
    ran["feedback"] = _ran_in_browser(browser, _feedback_page(batch, "markup"))
    assert "data-nnfs-ran-control" in ran.pop("control"), "the browser ran no script even unsanitised"
    assert ran == {"graded": [], "feedback": []}


def test_output_amplification_is_cut_while_the_kernel_runs(batch):
    """
    Thirty outputs with one display id and one update of 7 MB, and 5,000 outputs from one cell:
    the graded notebook stays within the configured output limit, and the grader's memory bounded.
    """
    from grader.course import Course

    _check_common(batch, "amplify")
    cap = Course(batch.course).config.SandboxedExecute.max_output_bytes
    for student in ORDER:
        graded = batch.course / "autograded" / student / A / f"{A}.ipynb"
        submitted = batch.course / "submitted" / student / A / f"{A}.ipynb"
        if graded.exists():
            assert graded.stat().st_size <= cap + submitted.stat().st_size + MiB, (
                f"{student}'s graded notebook: {graded.stat().st_size >> 20} MiB")
    assert "output_limited" in _note_kinds(batch, "amplify"), _report_line(batch, "amplify")
    _check_memory(batch)


def _check_memory(batch):
    peak = max(batch.peaks.values(), key=lambda p: p[0])
    assert peak[0] < GRADER_MEMORY, f"a grading process took {peak[0] / GiB:.2f} GiB: {peak[1]}"


def test_a_cpu_hog_does_not_cost_the_student_graded_beside_it(batch):
    """
    Forty-eight busy processes, each in a session of its own, while an honest student is graded on
    the other worker: that student still gets full marks (checked by _check_common).
    """
    _check_common(batch, "neighbour_hog")
    spin = re.search(r"SPINNING from ([\d.]+) to ([\d.]+)", _outputs_text(_graded_notebook(batch, "neighbour_hog")))
    assert spin, "the spinners did not start"
    record = _grading_record(batch, "perfect")
    started, ended = (datetime.datetime.fromisoformat(record[k]).timestamp() for k in ("started", "ended"))
    overlap = min(ended, float(spin.group(2))) - max(started, float(spin.group(1)))
    assert overlap >= (ended - started) / 3, (
        f"perfect was not graded while the spinners ran: {overlap:.0f} s of its {ended - started:.0f} s")


@pytest.mark.parametrize("student", ["flood", "forged", "forged_deep", "solution_flag"])
def test_a_notebook_hard_to_grade_is_graded_or_reported_not_graded(batch, student):
    """
    15,000 outputs of 19 kB; records forged before the grader's own ("x", an array of objects,
    200,000 nesting levels); a test cell marked as a solution: each is graded (a forged record
    costs only the cases it claims) or reported "not graded" with a reason and a failing exit code,
    never a silent 0.
    """
    _check_common(batch, student)


def test_an_exception_named_kernelstopped_costs_no_attempt(batch):
    """
    Cells that sleep, then cells raising an exception class named KernelStopped: one attempt, its
    time bounded, and no kernel's folder or cgroup left behind (checked by _check_common).
    """
    _check_common(batch, "fake_stops")
    kinds = _note_kinds(batch, "fake_stops")
    assert not {"kernel_stopped", "notebook_time_limit"} & set(kinds), _report_line(batch, "fake_stops")
    honest = min(batch.results[s].seconds for s in HONEST)
    sleeps = 3 * 9.5
    assert batch.results["fake_stops"].seconds <= 2 * (honest + sleeps), (
        f"{batch.results['fake_stops'].seconds:.0f} s for one attempt at {honest:.0f} s of grading and {sleeps} s of "
        f"sleep")


def test_no_terminal_escape_reaches_the_instructors_terminal(batch):
    """
    An error message with a carriage return, erase-line, a window title and the clipboard (OSC 52),
    and a kernel name with escapes: shown escaped in the report line, raw nowhere on the terminal or in logs.
    """
    _check_common(batch, "markup")
    assert "\\x1b" in _report_line(batch, "markup"), "the student's text did not reach the report line"
    raw = TERMINAL_CONTROLS.findall(batch.stdout)
    assert raw == [], f"control characters on the terminal: {raw[:10]}"
    payload = ("\x1b]52", "\x1b]0;", "\x1b[2K", "\x9b", "\x9d")
    logs = "".join(p.read_text(errors="replace") for p in (batch.course / "logs").glob("*"))
    for where, text in (("stderr", batch.stderr), ("logs", logs)):
        assert not [p for p in payload if p in text], f"a student's escape sequence raw in {where}"


def test_a_fork_bomb_stops_at_the_configured_process_limit(batch):
    """The sandbox's processes and threads together stop at the configured limit, also for a grader running as root."""
    _check_common(batch, "resources")
    _check_fork_bomb(_graded_notebook(batch, "resources"), _configured_processes(batch.course))


def _check_fork_bomb(nb, limit):
    lines = {name: status + rest for name, status, rest in re.findall(r"^ATTACK (\S+): (\S+)(.*)$",
                                                                       _outputs_text(nb), re.M)}
    forked = re.search(r"forked (\d+) children", _outputs_text(nb))
    assert forked, "the fork bomb did not say how far it got"
    assert int(forked.group(1)) < limit, f"{forked.group()} under a process limit of {limit}: the limit did not hold"
    assert lines["fork_bomb"].startswith("BLOCKED"), lines["fork_bomb"]


@pytest.mark.skipif(os.geteuid() != 0, reason="RLIMIT_NPROC exempts root only")
def test_the_process_limit_holds_as_root_without_writable_cgroups(batch, monkeypatch):
    """
    Where no cgroup can be written (a container), the process limit still holds for a grader running
    as root, or grading refuses to run: it never grades with no limit on processes.
    """
    from grader import cgroups, sandbox
    from grader.batch import Batch as CourseBatch
    from grader.course import Course
    from grader.results import summary_line
    from grader.workers import Workers

    student = "fork_bomb_without_cgroups"
    targets = dict(batch.targets["resources"], student=student)
    build_hostile(batch.course, student, Hostile({"start": ["processes/fork_bomb.py"]}), targets)
    monkeypatch.setattr(cgroups, "parents", lambda: {})
    monkeypatch.chdir(batch.course)  # grading in this process changes its directory and environment
    monkeypatch.setattr(os, "environ", os.environ.copy())
    try:
        isolation = sandbox.isolation()
    except sandbox.SandboxUnavailable:  # refusing to grade is an answer too
        return
    with Workers(1) as workers:
        result, = CourseBatch(Course(batch.course), A, report=lambda line: None).run(
            workers, [student], force=True, isolation=isolation)
    monkeypatch.undo()
    assert _leftovers([os.getpid()]) == [] and _processes_with(*_kernels_of([os.getpid()])) == []
    if not result.graded and "could not be graded: " in summary_line(result):  # the sandbox refused
        return
    assert result.graded and _points(result) == _expected("perfect"), summary_line(result)
    _check_fork_bomb(_graded_notebook(batch, student), targets["processes"])


def test_the_kernel_sees_no_descriptor_and_no_host_path_of_the_grader(batch):
    """
    No descriptor the kernel did not open itself; no path of the course, the scratch course or
    the student's id in its mount table.
    """
    _check_common(batch, "reaches")
    lines = {name: status + rest for name, status, rest in _attack_lines(batch, "reaches")}
    for probe in ("inherited_descriptors", "mountinfo_names_grading_paths"):
        assert lines[probe].startswith("BLOCKED"), f"{probe}: {lines[probe]}"


def test_the_batch_memory_and_time_are_bounded(batch):
    """
    Each student takes at most the grader's time budget for a notebook (all its attempts together, what
    the grader itself enforces, so a busy machine changes nothing) and OVERHEAD_SECONDS for the rest;
    no grading process grows past GRADER_MEMORY.
    """
    from grader import provenance

    budget = provenance.read(batch.course, A, HONEST[0])["time_limits"]["budget"]
    slow = {s: round(batch.results[s].seconds) for s in ORDER
            if batch.results[s].seconds > budget + OVERHEAD_SECONDS}
    assert slow == {}, f"students graded in more than {budget:.0f} + {OVERHEAD_SECONDS} s: {slow}"
    _check_memory(batch)


# -- every probe can report SUCCEEDED ---------------------------------------------------------------

def _lay_out_reachable(root, gradebook):
    """Things that exist and can be reached outside any sandbox, standing for what the sandbox hides."""
    from grader import sandbox

    if root.exists():
        shutil.rmtree(root)
    course = root / "course"
    for folder in ("grader", f"source/{A}", f"submitted/probe/{A}", f"submitted/perfect/{A}",
                   f"autograded/perfect/{A}", "feedback/perfect", "logs", f"provenance/{A}"):
        (course / folder).mkdir(parents=True)
    (course / "gradebook.db").write_bytes(gradebook)
    for name in (f"source/{A}", f"submitted/perfect/{A}", f"autograded/perfect/{A}"):
        shutil.copy(ROOT / "source" / A / f"{A}.ipynb", course / name / f"{A}.ipynb")
    for name in ("nbgrader_config.py", "grader/__init__.py", "logs/autograde.log", f"provenance/{A}/perfect.json"):
        (course / name).write_text("{}\n")
    for folder in ("home", "site", "base", "helpers", "private", "sys/kernel", f"tmp/{sandbox.PREFIX}1-other",
                   *(f"fill/{name}" for name in ("tmp", "dev_shm", "root", "dev"))):
        (root / folder).mkdir(parents=True)
    (root / "home/.bashrc").write_text("# the grader's shell\n")
    (root / "helpers/checks.py").write_text("# the course's checks\n")
    host_folder = course / "submitted" / "probe" / A
    (root / "mountinfo").write_text(f"36 25 0:32 {host_folder} {host_folder} rw,relatime - ext4 /dev/sda1 rw\n")
    (root / "init_cmdline").write_text(f"bwrap\0--bind\0{course}\0{course}\0")
    (root / "shadow").write_text("root:$6$secret:19000:0:99999:7:::\n")
    (root / "device").write_bytes(b"\xeb\x63\x90\x10")
    (root / "status").write_text("Name:\tpython\nCapPrm:\t000001ffffffffff\nCapEff:\t000001ffffffffff\n")
    (root / "log").write_text("[AutogradeApp | INFO] the grader's log\n")
    return host_folder


def _reachable_targets(root, listeners):
    """Where each probe aims to show it can succeed: the places of _lay_out_reachable, and the listeners."""
    from grader import sandbox

    course, tcp6 = str(root / "course"), listeners.targets()["tcp6_port"]
    return {
        "course": course, "assignment": A, "student": "probe", "mark": MARK, "others": ["perfect"],
        "gradebooks": [course + "/gradebook.db"], "repo": str(ROOT), "home": str(root / "home"),
        "host_paths": [course], "grading_paths": [course], "mountinfo": str(root / "mountinfo"),
        "init_cmdline": str(root / "init_cmdline"), "host_folder": f"{course}/submitted/probe/{A}",
        "tmp": str(root / "tmp"), "kernel_prefix": sandbox.PREFIX, "secrets": [str(root / "shadow")],
        "devices": [str(root / "device")], "sysfs": str(root / "sys"), "host_process": HOST_MARK,
        **listeners.targets(), "loopback_ports": [listeners.targets()["tcp_port"]],
        "public_ipv4": [["127.0.0.1", listeners.targets()["tcp_port"]]], "public_ipv6": [["::1", tcp6]],
        "udp_route": ["127.0.0.1", listeners.targets()["udp_port"]], "dns_names": ["localhost"],
        "unix_sockets": [listeners.unix_path], "own_interfaces": [],
        # A packet socket takes root; another user stands for it with a socket it may open.
        "raw_socket": ["AF_PACKET", "SOCK_RAW"] if os.geteuid() == 0 else ["AF_UNIX", "SOCK_DGRAM"],
        "processes": 16, "uid": os.getuid(), "status": str(root / "status"), "command": ["false"],
        "memory_bytes": 64 * MiB, "disk_bytes": 32 * MiB,
        "folders": {name: str(root / "fill" / name) for name in ("tmp", "dev_shm", "root", "dev")},
        "private": str(root / "private"), "site": str(root / "site"), "base_python": [str(root / "base")],
        "helpers": str(root / "helpers"),
    }


def _nbgrader_gradebook(folder):
    """The bytes of an nbgrader gradebook with one student."""
    from nbgrader.api import Gradebook

    path = folder / "gradebook.db"
    with Gradebook(f"sqlite:///{path}") as gb:
        gb.add_student("perfect")
    return path.read_bytes()


def test_every_probe_can_succeed(tmp_path):
    """
    Each probe, run in a kernel without a sandbox and pointed at things that exist and can be
    reached (a gradebook, a course, listening sockets, a writable site-packages...), reports
    SUCCEEDED: a BLOCKED in the batch is the sandbox's doing, not a probe that cannot succeed.
    The checks from outside can fail too: the listeners count connections, and a process with
    the mark is found.
    """
    from jupyter_client.manager import start_new_kernel

    probes = [path for group in ("files", "plants", "network", "processes", "memory", "disk", "cheats")
              for path in hostile.files(group) if hostile.reports(path) and hostile.reports(path)[1] is None]
    root, gradebook = tmp_path / "reach", _nbgrader_gradebook(tmp_path)
    listeners = Listeners()
    host_folder = _lay_out_reachable(root, gradebook)
    targets = _reachable_targets(root, listeners)
    # The course named in the kernel's environment, and the repository importable (the grader's reference).
    env = dict(os.environ, GRADING_COURSE=targets["course"], PYTHONPATH=str(ROOT))
    # What two probes look for, made first: a descriptor of a file, the reference solutions in memory.
    setup = {"inherited_descriptors": f"held = open({str(root / 'log')!r})",
             "find_reference_in_memory": hostile.source("cheats/import_grader_reference.py")}
    reported = {}
    with HostProcess():
        km, kc = start_new_kernel(kernel_name="python3", cwd=str(host_folder), env=env)
        try:
            _run(kc, hostile.prelude_cell(targets).source)
            for path in probes:
                host_folder = _lay_out_reachable(root, gradebook)
                _run(kc, f"import os\nos.chdir({str(host_folder)!r})\n" + setup.get(hostile.reports(path)[0], ""))
                lines = re.findall(r"^ATTACK (\S+): (\S+)(.*)$", _run(kc, hostile.source(path)), re.M)
                reported.update((name, status + rest) for name, status, rest in lines)
            seen_marked = _processes_with(HOST_MARK)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
            listeners.close()
    failed = {name: reported.get(name, "no line") for name in (hostile.reports(p)[0] for p in probes)
              if not reported.get(name, "").startswith("SUCCEEDED")}
    assert failed == {}, f"probes that cannot succeed where their targets are reachable: {failed}"
    assert {"tcp", "tcp6", "abstract", "unix"} <= set(listeners.hits) and any(
        h.startswith("udp") for h in listeners.hits), listeners.hits
    assert seen_marked, "a process with the mark was not found"


def _run(kc, code):
    """Runs code in the kernel of client kc; returns what it printed."""
    printed = []

    def keep(msg):
        if msg["msg_type"] == "stream":
            printed.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            printed.append(f"{msg['content']['ename']}: {msg['content']['evalue']}\n")

    kc.execute_interactive(code, output_hook=keep, timeout=120)
    return "".join(printed)
