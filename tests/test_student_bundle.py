"""The student bundle (`make student-bundle`): it holds no answer, and a student can work with it alone."""
import json
import os
import re
import subprocess
import sys
import zipfile

import nbformat
import pytest

from conftest import ROOT, source_path
from tools import execute
from tools.student_bundle import assignments, build

pytestmark = pytest.mark.slow

ASSIGNMENTS = assignments()
# The solved functions of assignment 3 that ship with assignment 4, and only with it.
APP_UTILS = ROOT / "source" / "a4_deep_neural_network_application" / "dnn_app_utils.py"
APP_RELEASE = "a4_deep_neural_network_application"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    return build(tmp_path_factory.mktemp("bundle"))


def _code(line):
    """A line without its indentation and trailing comment: `L = len(caches)  # layers` is `L = len(caches)`."""
    return re.sub(r"""\s+#[^"']*$""", "", line.strip())


def _regions(source):
    """The lines of a cell inside its solution regions, inside its hidden tests, and outside both."""
    region, lines = None, {"solution": [], "hidden": [], None: []}
    for line in source.splitlines():
        marker = _code(line)
        if marker in ("### BEGIN SOLUTION", "### BEGIN HIDDEN TESTS"):
            region = "solution" if "SOLUTION" in marker else "hidden"
        elif marker in ("### END SOLUTION", "### END HIDDEN TESTS"):
            region = None
        else:
            lines[region].append(marker)
    return lines


def _significant(line):
    # Short lines ("return grads", "else:") say nothing about an answer; comments are hints.
    return len(line) >= 12 and not line.startswith("#")


# The hidden tests name everything of their own with a leading underscore (_rng, _expected,
# _ref_forward_propagation), so that no name of a student's can clash with theirs; a line of theirs
# without such a name ("with quiet():") is harness code that the visible tests share.
_PRIVATE_NAME = re.compile(r"(?<![\w.])_[A-Za-z]")
# Solution lines that the helpers use on purpose: assignment 3's test cases compute a forward pass with
# equations (7) of assignment 1, which assignment 1's text gives.
_GIVEN_FORMULAS = {"Z1 = W1 @ X + b1", "Z2 = W2 @ A1 + b2"}


def _secrets():
    """Lines of the solutions and of the grader's hidden cases (grader/), and of assignment 3's
    solved functions, that no student-facing text shows on purpose (as `dAL = ...` is shown in the
    instructions)."""
    answers, shown = set(), set()
    # The grader's cases and stand-ins; idioms they share with helpers (which the wheel is) are no secret.
    common = {_code(line) for path in (ROOT / "helpers").rglob("*.py") for line in path.read_text().splitlines()}
    for path in sorted((ROOT / "grader" / "cases").glob("*.py")) + [ROOT / "grader" / "standins.py"]:
        answers |= {_code(line) for line in path.read_text().splitlines()
                    if _significant(_code(line)) and _code(line) not in common}
    for assignment in ASSIGNMENTS:
        for cell in nbformat.read(source_path(assignment), as_version=4).cells:
            lines = _regions(cell.source)
            answers |= {line for line in lines["solution"] if _significant(line)}
            answers |= {line for line in lines["hidden"] if _significant(line) and _PRIVATE_NAME.search(line)}
            shown |= set(lines[None])
    app_utils = {_code(line) for line in APP_UTILS.read_text().splitlines() if _significant(_code(line))}
    return answers - shown - _GIVEN_FORMULAS, app_utils - shown


def _text_lines(name, data):
    """The stripped lines of a text file; of the cells' sources for a notebook; none for binary data."""
    if name.endswith(".ipynb"):
        return {_code(line) for cell in json.loads(data)["cells"]
                for line in "".join(cell["source"]).splitlines()}
    try:
        return {_code(line) for line in data.decode("utf-8").splitlines()}
    except UnicodeDecodeError:
        return set()


def _archive_lines(path):
    with zipfile.ZipFile(path) as zf:
        return {name: _text_lines(name, zf.read(name)) for name in zf.namelist()}


def _leaks(files, forbidden):
    return {name: sorted(lines & forbidden)[:5] for name, lines in files.items() if lines & forbidden}


def test_the_answer_check_finds_answers_where_they_are():
    answers, app_utils = _secrets()
    assert len(answers) > 600 and len(app_utils) > 20
    for assignment in ASSIGNMENTS:
        path = source_path(assignment)
        assert _leaks({path.name: _text_lines(path.name, path.read_bytes())}, answers), assignment
    assert _leaks({APP_UTILS.name: _text_lines(APP_UTILS.name, APP_UTILS.read_bytes())}, app_utils)


def test_the_wheel_holds_no_answer_and_no_grading_code(bundle):
    answers, app_utils = _secrets()
    files = _archive_lines(bundle["wheel"])
    assert "helpers/checks.py" in files and "helpers/images.py" in files
    assert not [name for name in files if name.startswith(("source/", "release/", "grader/", "tools/", "tests/"))]
    assert _leaks(files, answers | app_utils) == {}
    for name, lines in files.items():
        text = "\n".join(lines)
        assert not re.search(r"^(import|from) (nbgrader|nbformat)\b", text, flags=re.M), name
        assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text, name


def test_each_archive_is_its_release_folder_and_holds_no_answer(bundle):
    answers, app_utils = _secrets()
    assert sorted(bundle["archives"]) == ASSIGNMENTS
    for assignment, path in bundle["archives"].items():
        files = _archive_lines(path)
        released = {f"{assignment}/{p.relative_to(ROOT / 'release' / assignment).as_posix()}"
                    for p in (ROOT / "release" / assignment).rglob("*") if p.is_file() and "__pycache__" not in p.parts}
        assert set(files) == released
        # Assignment 4 gives the solved functions of assignment 3: they may be there, and only there.
        allowed = {_code(line) for line in APP_UTILS.read_text().splitlines()} if assignment == APP_RELEASE else set()
        assert _leaks(files, (answers | app_utils) - allowed) == {}, assignment
        assert not any("BEGIN SOLUTION" in "\n".join(lines) or "HIDDEN TESTS" in "\n".join(lines)
                       for lines in files.values()), assignment


def _pins():
    return dict(re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)", (ROOT / "requirements.txt").read_text(), flags=re.M))


def test_the_requirements_pin_what_the_course_is_tested_with(bundle):
    pins = _pins()
    lines = [line for line in bundle["requirements"].read_text().splitlines() if line and not line.startswith("#")]
    assert {name for name in (line.split("==")[0] for line in lines)} == {"numpy", "matplotlib", "pillow",
                                                                           "scikit-learn", "h5py"}
    assert all(pins[line.split("==")[0]] == line.split("==")[1] for line in lines)


def _first_exercise(nb):
    """The notebook's cells before its first graded function: what a student runs before writing code."""
    index = next(i for i, cell in enumerate(nb.cells) if cell.source.startswith("# GRADED FUNCTION"))
    return index


def test_a_student_environment_with_the_bundle_alone_runs_every_release(bundle, tmp_path, monkeypatch):
    # A fresh virtual environment, as a student's, Binder's or a JupyterHub image's: the wheel, its pinned
    # dependencies and a kernel, nothing of the course directory. The course's lock (constraints.txt) keeps pip
    # on the versions its cache already holds.
    env_dir = tmp_path / "student-env"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-c", str(ROOT / "constraints.txt"), "-r", str(bundle["requirements"]),
                    str(bundle["wheel"]), "ipykernel"], check=True, cwd=tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}

    # Every module of the wheel imports there, without nbgrader or nbformat.
    probe = ("import importlib, importlib.util, pkgutil, helpers\n"
             "names = [m.name for m in pkgutil.walk_packages(helpers.__path__, 'helpers.')]\n"
             "[importlib.import_module(n) for n in names]\n"
             "assert importlib.util.find_spec('nbgrader') is None and importlib.util.find_spec('nbformat') is None\n"
             "print(helpers.__file__); print(len(names))")
    out = subprocess.run([str(python), "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    location, count = out.stdout.split()
    assert location.startswith(str(env_dir)) and int(count) >= 10

    # A kernel of that environment, found through a kernel spec of its own.
    spec_dir = tmp_path / "jupyter" / "kernels" / "student-bundle"
    spec_dir.mkdir(parents=True)
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "student bundle", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))

    for assignment, archive in bundle["archives"].items():
        work = tmp_path / "student"
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(work)
        folder = work / assignment
        nb = nbformat.read(folder / f"{assignment}.ipynb", as_version=4)
        nb.cells = nb.cells[:_first_exercise(nb)]
        assert any(cell.cell_type == "code" and "import" in cell.source for cell in nb.cells), assignment
        nb.cells.append(nbformat.v4.new_code_cell("import helpers; print('helpers from', helpers.__file__)"))
        # Raises CellExecutionError, naming the cell, on an import or data error.
        execute(nb, folder, kernel_name="student-bundle", env=env)
        printed = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
        assert f"helpers from {env_dir}" in printed, (assignment, printed)

    # Assignment 4's own-image cell reads the sample image with what the wheel installs.
    out = subprocess.run([str(python), "-c", "from helpers.images import load_digit_image; "
                          "print(load_digit_image('my_digit.png').shape)"],
                         cwd=work / APP_RELEASE, env=env, capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "(8, 8)", out.stderr
