"""
Formgrader in a real browser: JupyterLab with nbgrader's formgrader on loopback
(a free port, a token), serving a copy of the demo's graded course, driven by
headless Chromium (Debian's package) through Playwright, as the instructor uses
it: log in, release the assignment, list the submissions, open one, see the
grader's messages, enter a manual grade and a comment, generate the feedback and
open it. The students' figures must show in the submission view and on the
feedback page, and no script of a student may run in either (the
``writes_script`` sample of tools/samples.py carries one in each way a notebook
can). A screenshot of every step is kept in the test's temporary folder.
"""
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import types
import urllib.error
import urllib.parse
import urllib.request

import nbformat
import pytest
from playwright.sync_api import Error as PlaywrightError

from grader import exchange
from grader.course import Course
from tools import ROOT, nbgrader_env
from tools.samples import SCRIPT_SENTINELS

pytestmark = pytest.mark.slow

A1 = "a1_two_layer_network"
# As root, Chromium needs --no-sandbox; the others keep it from calling out to a network it may not reach.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(demo_run, tmp_path_factory):
    """JupyterLab with formgrader on a copy of the demo's course and a fresh exchange."""
    folder = tmp_path_factory.mktemp("formgrader")
    course_dir = folder / "course"
    shutil.copytree(demo_run.course_dir, course_dir, ignore=shutil.ignore_patterns("logs", "provenance"))
    exchange_root = folder / "exchange"
    exchange.make_exchange(exchange_root)
    port, token = free_port(), secrets.token_hex(16)
    env = dict(nbgrader_env(), NBGRADER_EXCHANGE=str(exchange_root), JUPYTER_CONFIG_DIR=str(folder / "config"),
               JUPYTER_RUNTIME_DIR=str(folder / "runtime"))
    log = open(folder / "jupyterlab.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={course_dir}"],
        cwd=course_dir, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(base + "/login", timeout=5)
            break
        except (urllib.error.URLError, ConnectionError):
            assert process.poll() is None and time.monotonic() < deadline, \
                (folder / "jupyterlab.log").read_text()[-3000:]
            time.sleep(0.5)
    yield types.SimpleNamespace(base=base, token=token, course_dir=course_dir, exchange=exchange_root)
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log.close()


@pytest.fixture(scope="module")
def browser(server):
    """A Chromium context logged in to JupyterLab as the instructor (with the token)."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is needed: `make chromium` (as root) or `sudo apt-get install chromium`"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        # Only the server on loopback: pages that load from the Internet (MathJax, fonts) wait for nothing.
        context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
        page = context.new_page()
        page.goto(f"{server.base}/login?next=%2Fformgrader")
        page.fill("input[name=password]", server.token)
        page.click("#login_submit")
        page.wait_for_url(re.compile(r"/formgrader/manage_assignments"))
        page.close()
        yield context
        browser.close()


class Pages:
    """Pages of one test, each step's screenshot in `folder`; the browser's console as it comes."""

    def __init__(self, context, base, folder):
        self.context, self.base, self.folder = context, base, folder
        self.folder.mkdir(exist_ok=True)
        self.console = []
        self.steps = 0

    def open(self, path):
        page = self.context.new_page()
        page.on("console", lambda message: self.console.append(message.text))
        response = page.goto(self.base + path)
        assert response.ok, f"{path}: {response.status} {page.inner_text('body')[:300]}"
        page.wait_for_load_state("load")
        return page

    def open_file(self, path):
        """A file of the course as JupyterLab's "Open in New Browser Tab" opens it (its URL carries the _xsrf token)."""
        xsrf = next(c["value"] for c in self.context.cookies() if c["name"] == "_xsrf")
        return self.open(f"/files/{path}?_xsrf={urllib.parse.quote(xsrf)}")

    def shot(self, page, name):
        self.steps += 1
        page.screenshot(path=self.folder / f"{self.steps:02}-{name}.png", full_page=False)


@pytest.fixture
def pages(browser, server, tmp_path):
    return Pages(browser, server.base, tmp_path / "screenshots")


def submission_page(pages, server, student):
    """The instructor's way to a submission: Manual Grading, the notebook's list of every submission, a name."""
    page = pages.open(f"/formgrader/gradebook/{A1}/{A1}")
    page.get_by_role("link", name=re.compile(r"Submission #\d+")).first.wait_for()
    page.get_by_role("button", name="Show All Names").click()
    pages.shot(page, f"submissions-{student}")
    submitted = [p.name for p in (server.course_dir / "submitted").iterdir() if (p / A1).is_dir()]
    assert page.locator("#main-table tr").count() == len(submitted)
    page.get_by_role("link", name=student, exact=True).click()
    page.wait_for_url(re.compile(r"/formgrader/submissions/\w+/"))
    # Formgrader's own script binds the score and comment fields once it has the grades from the server.
    page.wait_for_function("() => window.formgrader && formgrader.grades && formgrader.grades.loaded "
                           "&& formgrader.comments && formgrader.comments.loaded")
    return page


def figures(page):
    """How many images the page shows in the notebook's outputs, loaded and drawn."""
    return page.evaluate("""() => [...document.querySelectorAll('[class*="output"] img')]
        .filter(image => image.complete && image.naturalWidth > 0).length""")


def scripts_that_ran(page, console):
    """The sentinels of the writes_script sample that a script set, in the page, its frames or the console."""
    page.wait_for_timeout(1000)  # onerror and onload handlers run once their resources fail or load
    ran = {int(m.split()[1]) for m in console if re.fullmatch(r"PWNED \d+", m)}
    for frame in page.frames:
        try:
            ran.update(frame.evaluate("() => Object.keys(window).filter(k => /^__pwned_\\d+$/.test(k))"
                                      ".map(k => Number(k.slice(8)))"))
        except PlaywrightError:  # a frame that keeps its window to itself; its console still tells
            pass
    return sorted(ran)


def test_the_instructor_releases_grades_by_hand_and_opens_the_feedback(pages, server):
    course = Course.at(server.course_dir)

    page = pages.open("/formgrader/manage_assignments")
    row = page.locator("#main-table tr", has_text=A1)
    assert row.locator(".status").inner_text() == "draft"
    pages.shot(page, "manage-assignments")
    row.locator(".release a").click()
    page.locator("#success-modal").get_by_text(f"Successfully released '{A1}'").wait_for()
    pages.shot(page, "released")
    page.locator("#success-modal").get_by_role("button", name="OK").click()
    page.locator("#success-modal").wait_for(state="detached")
    page.locator("#main-table tr", has_text=A1).locator(".status", has_text="released").wait_for()
    assert (server.exchange / course.course_id / "outbound" / A1 / f"{A1}.ipynb").is_file()

    page = submission_page(pages, server, "typical_mistake")
    assert '["dW1"] has wrong values' in page.inner_text("#cell-id\\=backward_propagation_tests")
    with page.expect_response(lambda r: "/formgrader/api/grade/" in r.url and r.request.method == "PUT") as saved:
        page.fill("#backward_propagation_tests", "12")
        page.locator("#backward_propagation_tests").press("Tab")
    assert saved.value.ok
    comment = "The derivative of tanh, where the sigmoid's is needed: 12 of 20."
    with page.expect_response(lambda r: "/formgrader/api/comment/" in r.url and r.request.method == "PUT") as saved:
        page.fill("#backward_propagation-comment", comment)
        page.locator("#backward_propagation-comment").press("Tab")
    assert saved.value.ok
    page.locator("#backward_propagation_tests").scroll_into_view_if_needed()
    pages.shot(page, "manual-grade")
    with course.gradebook() as gb:
        assert gb.find_grade("backward_propagation_tests", A1, A1, "typical_mistake").manual_score == 12
        assert gb.find_comment("backward_propagation", A1, A1, "typical_mistake").manual_comment == comment
        assert gb.find_submission(A1, "typical_mistake").score == 92

    page = pages.open(f"/formgrader/manage_submissions/{A1}")
    page.locator("#main-table tr", has_text="typical_mistake").locator(".generate-feedback a").click()
    page.locator("#success-modal").get_by_text("Successfully generated feedback").wait_for(timeout=120_000)
    pages.shot(page, "feedback-generated")
    page = pages.open_file(f"feedback/typical_mistake/{A1}/{A1}.html")
    text = page.inner_text("body")
    assert f"{A1} (Score: 92.0 / 100.0)" in text and comment in text
    pages.shot(page, "feedback")


def test_the_students_figures_show_in_formgrader_and_in_the_feedback(pages, server):
    release = nbformat.read(ROOT / "release" / A1 / f"{A1}.ipynb", as_version=4)
    drawn = sum("plt.show()" in c.source for c in release.cells if c.cell_type == "code")
    page = submission_page(pages, server, "perfect")
    assert "graded cases passed for backward_propagation" in page.inner_text("body")
    page.get_by_text("plt.show()").first.scroll_into_view_if_needed()
    pages.shot(page, "submission-perfect")
    assert figures(page) >= drawn, f"{figures(page)} figure(s) in the submission view, {drawn} plt.show() cells"
    page = pages.open_file(f"feedback/perfect/{A1}/{A1}.html")
    page.get_by_text("plt.show()").first.scroll_into_view_if_needed()
    pages.shot(page, "feedback-perfect")
    assert figures(page) >= drawn, f"{figures(page)} figure(s) on the feedback page, {drawn} plt.show() cells"


def test_no_student_script_runs_in_formgrader_or_in_the_feedback(pages, server):
    page = submission_page(pages, server, "writes_script")
    page.get_by_text("from IPython.display import HTML").first.scroll_into_view_if_needed()
    pages.shot(page, "submission-writes-script")
    in_formgrader = scripts_that_ran(page, pages.console)
    pages.console.clear()
    page = pages.open_file(f"feedback/writes_script/{A1}/{A1}.html")
    page.get_by_text("from IPython.display import HTML").first.scroll_into_view_if_needed()
    pages.shot(page, "feedback-writes-script")
    in_feedback = scripts_that_ran(page, pages.console)
    assert (in_formgrader, in_feedback) == ([], []), \
        f"of the sentinels {list(SCRIPT_SENTINELS)}, student script set these (submission view, feedback page)"
