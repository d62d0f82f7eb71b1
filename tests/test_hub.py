"""
The class server for real: `make hub` serving a scratch course to a roster of two students and an
instructor, each a new Unix account with the password `make hub` gave it (PAM), through JupyterHub
and its proxy on a free loopback port; headless Chromium (Debian's, through Playwright) is the
students and the instructor.

A student logs in, opens the Assignments tab, fetches assignment 1, writes sigmoid, runs its test
cell and submits; the instructor logs in and opens formgrader; in the course directory, as in a
terminal of their server, they collect, autograde, generate and release the feedback; the student
fetches the feedback and opens it. The other student reads neither the first one's home nor the
submissions, and no student reaches formgrader or the course directory. `make hub-stop` leaves no
process of the Hub or of its users. A screenshot of every step is kept in the test's temporary folder.

It creates and removes Unix accounts and groups, so it needs root (CI runs as root).
"""
import csv
import grp
import os
import pathlib
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import types
import uuid

import pytest

from tools import ROOT
from tools.demo import generate_release, prepare_course
from tools.hub.processes import _processes
from tools.hub.settings import read_settings

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("useradd") or not shutil.which("runuser"),
                                 reason="creates Unix accounts: needs root, useradd and runuser")]

A1 = "a1_two_layer_network"
# As root, Chromium needs --no-sandbox; the others keep it from calling out to a network it may not reach.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SIGMOID = "# GRADED FUNCTION: sigmoid\n\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make(target, hub_config, exchange):
    """`make <target>` of the course for the class server of `hub_config`; its output."""
    done = subprocess.run(["make", "--no-print-directory", target, f"HUB_CONFIG={hub_config}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=900,
                          env=dict(os.environ, NBGRADER_EXCHANGE=str(exchange)))
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    return done.stdout


@pytest.fixture
def hub(tmp_path):
    """`make hub` for a scratch course with assignment 1 generated; `make hub-stop`, the accounts removed after."""
    tag = uuid.uuid4().hex[:6]
    students, instructor = [f"nnfs{tag}a", f"nnfs{tag}b"], f"nnfs{tag}t"
    groups = [f"nnfs{tag}-students", f"nnfs{tag}-instructors"]
    accounts = [*students, instructor]  # and whoever the test adds
    base = pathlib.Path(tempfile.mkdtemp(prefix="nnfs-hub-"))
    base.chmod(0o755)  # pytest's own temporary folders are closed to other accounts
    course = prepare_course(base / "course")
    generate_release(course, A1)
    (base / "roster.csv").write_text("id,first_name,last_name,email,lms_id\n" + "".join(
        f"{s},Student,{s[-1].upper()},{s}@example.org,{i}\n" for i, s in enumerate(students)))
    # The Hub's environments are the machine's (the default prefix): installed once, shared by every run.
    prefix = read_settings().prefix
    config = base / "hub.toml"
    config.write_text(f'course = "course"\nroster = "roster.csv"\ninstructors = ["{instructor}"]\n'
                      f'ip = "127.0.0.1"\nport = {free_port()}\nstudents_group = "{groups[0]}"\n'
                      f'instructors_group = "{groups[1]}"\nstate = "state"\nprefix = "{prefix}"\n'
                      f'python = "{read_settings().python}"\n')
    exchange = base / "exchange"
    try:
        output = make("hub", config, exchange)
        settings = read_settings(config)
        with open(settings.state / "passwords.csv", newline="") as f:
            passwords = {row["id"]: row["password"] for row in csv.DictReader(f)}
        yield types.SimpleNamespace(output=output, config=config, settings=settings, course=course,
                                    exchange=exchange, students=students, instructor=instructor, accounts=accounts,
                                    passwords=passwords, shots=tmp_path / "screenshots")
    finally:
        subprocess.run(["make", "--no-print-directory", "hub-stop", f"HUB_CONFIG={config}"], cwd=ROOT,
                       capture_output=True)
        for user in accounts:
            subprocess.run(["userdel", "--remove", user], capture_output=True)
        for group in groups:
            subprocess.run(["groupdel", group], capture_output=True)
        shutil.rmtree(base)


def as_user(user, *command, cwd="/"):
    """A command run as `user`, in a clean environment: its exit code and output."""
    home = os.path.expanduser(f"~{user}")
    done = subprocess.run(["runuser", "-u", user, "--", "env", "-i", f"HOME={home}", "PATH=/usr/bin:/bin",
                           "LANG=C.UTF-8", *map(str, command)], cwd=cwd, capture_output=True, text=True)
    return done.returncode, done.stdout + done.stderr


def reads(user, path):
    """Whether `user` can read a file, or list a folder."""
    return as_user(user, "ls" if path.is_dir() else "cat", path)[0] == 0


def instructor_starts(hub, *args):
    """Starts `python -m <args>` in the course directory as the instructor, as in a terminal of their server."""
    env = hub.settings.class_env
    return subprocess.Popen(["runuser", "-u", hub.instructor, "--", "env", "-i",
                             f"HOME={os.path.expanduser('~' + hub.instructor)}", f"PATH={env}/bin:/usr/bin:/bin",
                             "LANG=C.UTF-8", f"NBGRADER_EXCHANGE={hub.exchange}", f"{env}/bin/python", "-m", *args],
                            cwd=hub.course, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finished(process):
    """The output of an instructor's command, which must succeed."""
    output = process.communicate(timeout=600)[0]
    assert process.returncode == 0, output[-3000:]
    return output


def as_instructor(hub, *args):
    return finished(instructor_starts(hub, *args))


class Browser:
    """One user's browser: logs in to the Hub; a screenshot of each step, numbered across users."""
    steps = 0

    def __init__(self, chromium, hub, user):
        self.hub, self.user = hub, user
        self.context = chromium.new_context(viewport={"width": 1280, "height": 900})
        # Only the Hub on loopback: nothing a page would load from the Internet is waited for.
        self.context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
        self.page = self.context.new_page()

    def shot(self, name):
        Browser.steps += 1
        self.hub.shots.mkdir(exist_ok=True)
        self.page.screenshot(path=self.hub.shots / f"{Browser.steps:02}-{self.user[-1]}-{name}.png")

    def url(self, path=""):
        return f"{self.hub.settings.url}/user/{self.user}/{path}"

    def log_in(self):
        """Logs in with the account's password; the Hub starts the user's server meanwhile (see lab)."""
        page = self.page
        page.goto(f"{self.hub.settings.url}/hub/login")
        page.fill("input[name=username]", self.user)
        page.fill("input[name=password]", self.hub.passwords[self.user])
        self.shot("login")
        page.click("#login_submit")

    def lab(self):
        """Waits until JupyterLab has loaded in the user's own server."""
        self.page.wait_for_url(re.compile(rf"/user/{self.user}/lab"), timeout=180_000)
        self.page.locator("#jp-MainMenu").wait_for(timeout=120_000)

    def menu(self, menu, item):
        self.page.locator("#jp-MainMenu").get_by_text(menu, exact=True).click()
        self.page.locator(".lm-Menu-itemLabel").get_by_text(item, exact=True).click()

    def assignments(self):
        """The Assignments tab (Nbgrader > Assignment List), once it has listed the course's assignments."""
        self.menu("Nbgrader", "Assignment List")
        self.page.locator("#released_assignments_list_loading").wait_for(state="hidden")
        return self.page.locator(".list_item", has_text=A1).first


def test_a_student_works_and_gets_feedback_an_instructor_grades_and_nobody_else_sees(hub):
    from playwright.sync_api import sync_playwright

    student, other = hub.students
    course, settings = hub.course, hub.settings
    assert "JupyterHub: " + settings.url in hub.output, hub.output

    # What students cannot reach: the course directory (solutions, grader, gradebook), each other's homes,
    # the Hub's state (its database, the passwords).
    assert (os.stat(course).st_mode & 0o7777, course.group()) == (0o2770, settings.instructors_group)
    assert os.stat(course / "gradebook.db").st_mode & 0o777 == 0o660
    for user in hub.students:
        assert os.stat(os.path.expanduser(f"~{user}")).st_mode & 0o777 == 0o700
        for path in (course / "source", course / "gradebook.db", course / "grader", settings.state,
                     settings.state / "passwords.csv", settings.state / "jupyterhub.sqlite"):
            assert not reads(user, path), (user, path)
    # The class environment holds the helpers wheel and nothing of the course directory.
    env = settings.class_env
    assert as_user(student, f"{env}/bin/python", "-c", "import helpers, nbgrader")[0] == 0
    assert as_user(student, f"{env}/bin/python", "-c", "import grader")[0] != 0

    # The instructor puts the roster in the gradebook and releases assignment 1 (formgrader's Release button
    # does the same).
    as_instructor(hub, "grader", "roster", hub.config.parent / "roster.csv")
    as_instructor(hub, "nbgrader", "release_assignment", A1)

    chromium_path = shutil.which("chromium")
    assert chromium_path, "Debian's chromium is needed: `make chromium` (as root) or `sudo apt-get install chromium`"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        ann = Browser(chromium, hub, student)
        ann.log_in()
        # Meanwhile a student joins the class: `make hub` again makes their account, and the Hub runs on.
        late = f"{student[:-1]}c"
        with open(hub.config.parent / "roster.csv", "a") as roster:
            roster.write(f"{late},Student,C,{late}@example.org,9\n")
        hub.accounts.append(late)
        again = make("hub", hub.config, hub.exchange)
        assert "JupyterHub runs already" in again and f"{settings.class_env}: up to date" in again, again
        assert late in grp.getgrnam(settings.students_group).gr_mem
        ann.lab()
        ann.shot("lab")

        # The Assignments tab: fetch, open the notebook, write sigmoid, run the notebook, save.
        row = ann.assignments()
        ann.shot("assignments")
        row.get_by_role("button", name="Fetch").click()
        fetched = ann.page.locator("#fetched_assignments_list .list_item", has_text=A1).first
        fetched.get_by_role("button", name="Submit").wait_for()
        ann.shot("fetched")
        fetched.locator("a.assignment-notebooks-link").click()
        ann.page.locator("#fetched_assignments_list").get_by_role("link", name=A1, exact=True).click()
        cell = ann.page.locator(".jp-Cell", has_text="# GRADED FUNCTION: sigmoid")
        cell.locator(".cm-content").click()
        ann.page.keyboard.press("Control+a")
        ann.page.keyboard.insert_text(SIGMOID)
        ann.menu("Run", "Run All Cells")
        tests = ann.page.locator(".jp-Cell", has_text="public_tests.sigmoid_test(sigmoid)")
        passed = tests.locator(".jp-OutputArea-output", has_text="All tests passed for sigmoid")
        passed.wait_for(timeout=120_000)
        tests.locator(".jp-InputPrompt").click()  # the active cell, which the notebook keeps in view
        passed.evaluate("output => output.scrollIntoView({block: 'center'})")
        ann.shot("test-passed")
        with ann.page.expect_response(lambda r: f"/api/contents/{A1}/{A1}.ipynb" in r.url
                                      and r.request.method == "PUT") as saved:
            ann.page.keyboard.press("Control+s")
        assert saved.value.ok
        notebook = pathlib.Path(os.path.expanduser(f"~{student}")) / A1 / f"{A1}.ipynb"
        assert "np.exp(-z)" in notebook.read_text()

        # Submit, from the Assignments tab.
        ann.page.locator(".lm-TabBar-tab", has_text="Assignments").click()
        ann.page.locator("#fetched_assignments_list .list_item", has_text=A1).first.get_by_role(
            "button", name="Submit").click()
        ann.page.locator("#submitted_assignments_list .list_item", has_text=A1).first.wait_for()
        ann.shot("submitted")
        inbound = hub.exchange / "nn-from-scratch" / "inbound"
        (submission,) = inbound.iterdir()
        assert submission.name.startswith(f"{student}+{A1}+")

        # Nobody else reads the first student's work: not their home, nor the exchange's list of submissions.
        for path in (notebook, notebook.parent, inbound):
            assert not reads(other, path), path
        # Formgrader is not on a student's server, and another student's server is not theirs to open.
        response = ann.page.goto(ann.url("formgrader"))
        assert response.status == 404
        ann.shot("no-formgrader")
        response = ann.page.goto(f"{settings.url}/user/{other}/lab")
        assert response.status in (403, 404) and "/hub/" in ann.page.url, (response.status, ann.page.url)

        # The instructor collects and autogrades from the command line, and meanwhile logs in: their server
        # opens in the course directory, with formgrader.
        as_instructor(hub, "nbgrader", "collect", A1)
        grading = instructor_starts(hub, "grader", "autograde", A1)
        teacher = Browser(chromium, hub, hub.instructor)
        teacher.log_in()
        teacher.lab()
        teacher.page.locator(".jp-DirListing-item", has_text="nbgrader_config.py").wait_for()
        teacher.shot("lab")
        teacher.page.goto(teacher.url("formgrader/manage_assignments"))
        teacher.page.locator("#main-table tr", has_text=A1).locator(".status", has_text="released").wait_for()
        teacher.shot("formgrader")
        graded = finished(grading)
        score = re.search(rf"{student}: (\d+) / 100", graded)
        assert score and int(score.group(1)) > 0 and "NOT GRADED" not in graded, graded[-3000:]
        as_instructor(hub, "nbgrader", "generate_feedback", A1)
        as_instructor(hub, "nbgrader", "release_feedback", A1)
        teacher.page.goto(teacher.url(f"formgrader/manage_submissions/{A1}"))
        teacher.page.locator("#main-table tr", has_text=student).locator(".status", has_text="graded").wait_for()
        teacher.shot("graded")

        # The student fetches the feedback and opens it.
        ann.page.goto(ann.url("lab"))
        ann.lab()
        ann.assignments()
        submitted = ann.page.locator("#submitted_assignments_list .list_item", has_text=A1).first
        submitted.get_by_role("button", name="Fetch Feedback").click()
        submitted.get_by_text("(view feedback)").click()
        page_file = ann.page.locator(".jp-DirListing-item", has_text=f"{A1}.html")
        page_file.wait_for()
        ann.shot("feedback-fetched")
        page_file.dblclick()
        viewer = ann.page.frame_locator(".jp-HTMLViewer iframe")
        viewer.get_by_text(f"{A1} (Score: {score.group(1)}.0 / 100.0)").wait_for()
        ann.shot("feedback")
        chromium.close()

    # make hub-stop: the Hub, its proxy, every server and kernel end; nothing of the class's accounts runs.
    hub_pid = int((settings.state / "hub.pid").read_text().split()[0])
    assert "JupyterHub stopped" in make("hub-stop", hub.config, hub.exchange)
    uids = {pwd.getpwnam(user).pw_uid for user in hub.accounts}
    assert [pid for pid, (_, uid, _) in _processes().items() if uid in uids or pid == hub_pid] == []
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", settings.port), timeout=2).close()
