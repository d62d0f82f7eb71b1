"""
A term, run for real, as an instructor and three students live it on one machine:
real Unix accounts, nbgrader's exchange in a folder of its own, each nbgrader
command run by the user who runs it in a class.

roster -> due date -> release -> the students fetch -> one hands in on time, one
late, one late but with an extension -> collect -> make autograde -> a manual
grade, written as formgrader writes it -> a regrade keeps it -> feedback ->
release_feedback -> a student fetches it -> the exports.

The instructor releases, collects and releases feedback as formgrader's buttons
do, through nbgrader's API on the course's configuration; the students run
nbgrader's commands as themselves.

The deadline is not waited for: once the first student has handed in, the due
date is moved to that moment with the course's own command, as an instructor
would move it, and the other two hand in after it.

It creates and removes Unix accounts, so it needs root (CI runs as root).
"""
import csv
import datetime
import html
import os
import pathlib
import pwd
import shutil
import stat
import subprocess
import sys
import sysconfig
import tempfile
import time
import uuid

import pytest

from conftest import read_canvas_import
from grader import lms
from grader.course import Course
from grader.__main__ import main
from tools import nbgrader_env
from tools.demo import prepare_course
from tools.samples import write_sample

pytestmark = [pytest.mark.slow,
              # nbgrader's API misspells an argument when it releases feedback ("authentictor").
              pytest.mark.filterwarnings("ignore:Passing unrecognized arguments:DeprecationWarning"),
              pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("useradd") or not shutil.which("runuser"),
                                 reason="creates Unix accounts: needs root, useradd and runuser")]

A1 = "a1_two_layer_network"
# Who hands in what: the roles of the three students, their sample notebooks (tools/samples.py), their LMS ids.
ROLES = {"on_time": ("perfect", "9001"), "late": ("typical_mistake", "9002"),
         "extended": ("typical_mistake", "9003")}


@pytest.fixture
def accounts():
    """Three Unix accounts with homes, one per role, removed afterwards: {role: user name}."""
    tag = uuid.uuid4().hex[:6]
    users = {role: f"nnfs{tag}_{role}" for role in ROLES}
    try:
        for user in users.values():
            subprocess.run(["useradd", "--create-home", "--shell", "/usr/sbin/nologin", user], check=True)
        yield users
    finally:
        for user in users.values():
            subprocess.run(["userdel", "--remove", user], capture_output=True)


@pytest.fixture
def exchange(monkeypatch):
    """Where the course's exchange goes (NBGRADER_EXCHANGE), in a folder that every account can reach."""
    base = pathlib.Path(tempfile.mkdtemp(prefix="nnfs-exchange-"))
    base.chmod(0o755)  # pytest's own temporary folders are closed to other users
    monkeypatch.setenv("NBGRADER_EXCHANGE", str(base / "exchange"))
    yield base / "exchange"
    shutil.rmtree(base)


def home(user):
    return pathlib.Path(pwd.getpwnam(user).pw_dir)


def student_python(user):
    """
    The command that runs the course's Python as `user`: the course's own interpreter where
    other users may run it, or else the system's Python of the same version with the
    course's packages on its path (a virtual environment made from a Python in /root, say).
    """
    probe = ["runuser", "-u", user, "--", sys.executable, "-c", "import nbgrader"]
    if subprocess.run(probe, capture_output=True).returncode == 0:
        return [sys.executable]
    same = shutil.which(f"python{sys.version_info.major}.{sys.version_info.minor}", path="/usr/local/bin:/usr/bin")
    packages = os.pathsep.join(dict.fromkeys(sysconfig.get_paths()[k] for k in ("purelib", "platlib")))
    command = [f"PYTHONPATH={packages}", same]
    probe = ["runuser", "-u", user, "--", "env", *command, "-c", "import nbgrader"]
    assert same and subprocess.run(probe, capture_output=True).returncode == 0, \
        f"{user} can run neither {sys.executable} nor a Python {sys.version_info[:2]} that reads {packages}"
    return command


def nbgrader_as(user, python, *args):
    """Starts `nbgrader <args>` as the student `user`, in their home, in a clean environment."""
    command = ["runuser", "-u", user, "--", "env", "-i", f"HOME={home(user)}", "PATH=/usr/bin:/bin",
               "LANG=C.UTF-8", *python, "-m", "nbgrader", *args]
    return subprocess.Popen(command, cwd=home(user), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish(*processes):
    """Waits for student commands, each of which must succeed."""
    for process in processes:
        output = process.communicate(timeout=180)[0]
        assert process.returncode == 0, output[-2000:]


def instructor(course_dir, *args):
    """`nbgrader <args>` or `python -m grader <args>` in the course directory, as the instructor runs it."""
    completed = subprocess.run([sys.executable, "-m", *args], cwd=course_dir, capture_output=True, text=True,
                               env=nbgrader_env(), timeout=600)
    assert completed.returncode == 0, (completed.stdout + completed.stderr)[-3000:]
    return completed.stdout + completed.stderr


def formgrader_api(course):
    """nbgrader's API as formgrader's Release, Collect and Release feedback buttons call it."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    return NbGraderAPI(CourseDirectory(config=course.config), config=course.config)


def succeeds(result):
    """Checks a result of nbgrader's API ({success, log, ...})."""
    assert result["success"], result.get("error", "") + result.get("log", "")[-3000:]


def utc_now():
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)


def test_a_term_from_roster_to_the_lms(tmp_path, accounts, exchange, capsys):
    course_dir = prepare_course(tmp_path / "course")
    course = Course.at(course_dir)
    run = (lambda *args: main([*args, "--course", str(course_dir)]))
    on_time, late, extended = (accounts[role] for role in ROLES)

    # The roster: every account with its LMS id.
    (course_dir / "roster.csv").write_text("id,first_name,last_name,email,lms_id\n" + "".join(
        f"{user},{role.title()},Student,{user}@example.org,{ROLES[role][1]}\n" for role, user in accounts.items()))
    assert run("roster", str(course_dir / "roster.csv")) == 0
    with course.gradebook() as gb:
        assert {s.id: s.lms_user_id for s in gb.students} == {accounts[r]: ROLES[r][1] for r in ROLES}

    # make release: the release generated, and the due date (tomorrow, for now) written into the gradebook.
    due = (utc_now() + datetime.timedelta(days=1)).replace(microsecond=0)
    (course_dir / "due_dates.csv").write_text(f"assignment,due\n{A1},{due:%Y-%m-%d %H:%M:%S} UTC\n")
    instructor(course_dir, "nbgrader", "generate_assignment", A1, "--force")
    assert run("due-dates", A1) == 0
    release = course_dir / "release" / A1 / f"{A1}.ipynb"
    with course.gradebook() as gb:
        assert gb.find_assignment(A1).duedate == due

    # make exchange: formgrader can release the assignment through it, and does.
    assert run("exchange") == 0
    assert stat.S_IMODE(exchange.stat().st_mode) == 0o1777
    api = formgrader_api(course)
    assert (api.get_assignment(A1)["status"], api.get_assignment(A1)["releaseable"]) == ("draft", True)
    succeeds(api.release_assignment(A1))
    assert formgrader_api(course).get_assignment(A1)["status"] == "released"
    outbound = exchange / course.course_id / "outbound" / A1 / f"{A1}.ipynb"
    assert outbound.read_bytes() == release.read_bytes()
    assert stat.S_IMODE(exchange.stat().st_mode) == 0o1777, "nbgrader changed the exchange's mode"

    # Each student's nbgrader knows the exchange by the lines `make exchange` prints; all three fetch.
    python = student_python(on_time)
    for user in accounts.values():
        config = home(user) / ".jupyter" / "nbgrader_config.py"
        config.parent.mkdir()
        config.write_text(course.student_config())
        shutil.chown(config.parent, user, user)
        shutil.chown(config, user, user)
    finish(*(nbgrader_as(user, python, "fetch_assignment", A1) for user in accounts.values()))
    notebooks = {role: home(user) / A1 / f"{A1}.ipynb" for role, user in accounts.items()}
    for role, notebook in notebooks.items():
        assert notebook.read_bytes() == release.read_bytes()
        assert notebook.stat().st_uid == pwd.getpwnam(accounts[role]).pw_uid

    # One student gets an extension; each does the work (a sample notebook) and the first hands it in.
    assert run("extension", A1, extended, "1") == 0
    for role, notebook in notebooks.items():
        write_sample(course_dir, A1, ROLES[role][0], notebook)
        shutil.chown(notebook, accounts[role], accounts[role])
    finish(nbgrader_as(on_time, python, "submit", A1))

    # The deadline passes: moved to the next whole second, with the course's command; then the two others hand in.
    due = (utc_now() + datetime.timedelta(seconds=1)).replace(microsecond=0)
    time.sleep(max(0.0, (due - utc_now()).total_seconds()))
    (course_dir / "due_dates.csv").write_text(f"assignment,due\n{A1},{due:%Y-%m-%d %H:%M:%S} UTC\n")
    assert run("due-dates", A1) == 0
    finish(nbgrader_as(late, python, "submit", A1), nbgrader_as(extended, python, "submit", A1))
    inbound = sorted(p.name.split("+")[0] for p in (exchange / course.course_id / "inbound").iterdir())
    assert inbound == sorted(accounts.values())

    # Collect: each submission as the student left it, with the time nbgrader stamped on it.
    succeeds(api.collect(A1))
    stamped = {}
    for role, user in accounts.items():
        folder = course_dir / "submitted" / user / A1
        assert (folder / f"{A1}.ipynb").read_bytes() == notebooks[role].read_bytes()
        stamped[role] = datetime.datetime.strptime((folder / "timestamp.txt").read_text().strip(),
                                                   "%Y-%m-%d %H:%M:%S.%f %Z")
    assert stamped["on_time"] < due < stamped["late"] and due < stamped["extended"]

    # make autograde: the late student loses 10 points, the one with an extension none.
    output = instructor(course_dir, "grader", "autograde", A1)
    assert "NOT GRADED" not in output and all(user in output for user in accounts.values()), output[-3000:]
    expected = {"on_time": (100, 0), "late": (80, 10), "extended": (80, 0)}
    with course.gradebook() as gb:
        for role, user in accounts.items():
            submission = gb.find_submission(A1, user)
            assert (submission.score, submission.late_submission_penalty) == expected[role], role
            assert (submission.total_seconds_late > 0) == (role == "late"), role
        assert gb.find_submission(A1, extended).extension == datetime.timedelta(hours=1)
        assert 0 < gb.find_submission(A1, late).total_seconds_late < 600

    # A manual grade and a comment for the late student's wrong backward_propagation, as formgrader saves them.
    comment = "Right shape; the derivative is tanh's, not the sigmoid's: 12 of 20."
    with course.gradebook() as gb:
        grade = gb.find_grade("backward_propagation_tests", A1, A1, late)
        assert (grade.auto_score, grade.max_score) == (0, 20)
        grade.manual_score, grade.needs_manual_grade = 12, False
        gb.find_comment("backward_propagation", A1, A1, late).manual_comment = comment
        gb.db.commit()

    # Regrading the student keeps the manual grade; the others stay as they were.
    output = instructor(course_dir, "grader", "autograde", A1, "--student", late, "--force")
    assert f"{late}: 82 / 100 -- " in output and "manual grade kept (backward_propagation)" in output, output[-3000:]
    with course.gradebook() as gb:
        grade = gb.find_grade("backward_propagation_tests", A1, A1, late)
        assert (grade.auto_score, grade.manual_score) == (0, 12)
        submission = gb.find_submission(A1, late)
        assert (submission.score, submission.late_submission_penalty) == (92, 10)
        assert gb.find_submission(A1, on_time).score == 100 and gb.find_submission(A1, extended).score == 80
    # make verify-grades: the manual grade is no difference.
    assert "0 difference(s)" in instructor(course_dir, "grader", "verify", A1)

    # make feedback, Release feedback, and the late student fetches theirs.
    instructor(course_dir, "nbgrader", "generate_feedback", A1, "--force")
    pages = {role: course_dir / "feedback" / user / A1 / f"{A1}.html" for role, user in accounts.items()}
    assert f"{A1} (Score: 100.0 / 100.0)" in pages["on_time"].read_text()
    assert "Late submission penalty" not in pages["extended"].read_text()
    text = html.unescape(pages["late"].read_text())
    assert f"{A1} (Score: 82.0 / 100.0)" in text and "Late submission penalty (Score: -10.0)" in text
    assert comment in text
    succeeds(api.release_feedback(A1))
    assert len(list((exchange / course.course_id / "feedback").glob("*.html"))) == len(accounts)
    finish(nbgrader_as(late, python, "fetch_feedback", A1))
    fetched = list((home(late) / A1 / "feedback").glob(f"*/{A1}.html"))
    assert [p.read_bytes() for p in fetched] == [pages["late"].read_bytes()]
    assert fetched[0].stat().st_uid == pwd.getpwnam(late).pw_uid

    # make export: grades.csv for the instructor, grades-canvas.csv for Canvas, keyed by the LMS ids.
    capsys.readouterr()
    assert run("export") == 0
    assert "grades-canvas.csv: 3 student(s)" in capsys.readouterr().out
    with open(course_dir / lms.GRADES, newline="") as f:
        rows = {row["student_id"]: row for row in csv.DictReader(f)}
    columns = ("automatic", "manual", "penalty", "final", "extension_hours")
    assert {role: tuple(rows[user][c] for c in columns) for role, user in accounts.items()} == {
        "on_time": ("100", "0", "0", "100", ""), "late": ("80", "12", "10", "82", ""),
        "extended": ("80", "0", "0", "80", "1")}
    assert rows[late]["late_by"] not in ("", "0:00:00")
    assert rows[on_time]["late_by"] == rows[extended]["late_by"] == "0:00:00"
    points, grades, _ = read_canvas_import(course_dir / lms.CANVAS)
    assert points == {A1: "100"}
    assert grades == {"9001": {A1: "100"}, "9002": {A1: "82"}, "9003": {A1: "80"}}
