"""The repository: pinned dependencies, configuration, and what is (not) committed."""
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT


def pins(path):
    """The name==version lines of a requirements file (names lower-cased, extras dropped)."""
    return {name.lower(): version for name, version in
            re.findall(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==(\S+)\s*$", path.read_text(), flags=re.M)}


def requirement_lines(path):
    return [line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]


def test_every_requirement_is_pinned_and_the_test_tools_are_apart():
    course = requirement_lines(ROOT / "requirements.txt")
    assert course and all(re.fullmatch(r"[A-Za-z0-9_.\-]+(\[[a-z]+\])?==\S+", line) for line in course), course
    tests = requirement_lines(ROOT / "requirements-test.txt")
    assert tests[0] == "-r requirements.txt" and "pytest" in pins(ROOT / "requirements-test.txt")
    assert "pytest" not in pins(ROOT / "requirements.txt")


def test_the_lock_holds_every_pin_and_this_environment_is_the_locked_one():
    import importlib.metadata

    locked = pins(ROOT / "constraints.txt")
    for requirements in ("requirements.txt", "requirements-test.txt"):
        for name, version in pins(ROOT / requirements).items():
            assert locked.get(name) == version, (requirements, name)
    installed = {d.metadata["Name"].lower(): d.version for d in importlib.metadata.distributions()}
    installed.pop("nn-from-scratch-helpers")  # the course's own helpers, installed from this tree
    for tool in ("pip", "setuptools", "wheel"):
        installed.pop(tool, None)
    normal = (lambda name: re.sub(r"[-_.]+", "-", name))
    assert {normal(n): v for n, v in installed.items()} == {normal(n): v for n, v in locked.items()}


def test_environment_yml_installs_the_same_files():
    environment = (ROOT / "environment.yml").read_text()
    pip = re.findall(r"^ {6}- (.+)$", environment, flags=re.M)
    assert pip == ["-r requirements.txt", "-c constraints.txt", "-e ."]
    assert "python=3.11" in environment


@pytest.mark.slow
def test_nbgrader_loads_the_course_configuration_without_errors(tmp_path):
    """nbgrader only logs an error for a broken nbgrader_config.py and goes on with defaults."""
    from tools import nbgrader

    completed = nbgrader(["db", "assignment", "list", "--log-level=DEBUG",
                          f"--CourseDirectory.db_url=sqlite:///{tmp_path / 'gradebook.db'}"], ROOT)
    assert "Loaded config file: " + str(ROOT / "nbgrader_config.py") in completed.stderr
    assert "Exception while loading config file" not in completed.stderr, completed.stderr[-2000:]
    assert "not recognized" not in completed.stderr, completed.stderr[-2000:]
    assert (tmp_path / "gradebook.db").exists()


def test_course_configuration_handles_the_known_pitfalls():
    from traitlets.config.loader import PyFileConfigLoader

    from nbgrader.preprocessors import Execute, LimitOutput, OverwriteCells, SaveAutoGrades

    from grader.preprocessors import (InertOutputs, InjectCases, JudgeCases, LimitOutputBytes, RecordProvenance,
                                      RepairTestCells, SandboxedExecute, ScrubHiddenTests)

    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    assert config.CourseDirectory.course_id == "nn-from-scratch"
    assert config.CourseDirectory.db_url.startswith("sqlite:///")
    assert config.OverwriteCells.add_missing_cells is True
    assert config.Execute.timeout > 0 and config.LimitOutput.max_lines > 0
    assert config.Autograde.exporter_class == "grader.exporter.SubmissionExporter"
    sanitize = config.Autograde.sanitize_preprocessors
    assert sanitize.index(RepairTestCells) + 1 == sanitize.index(OverwriteCells)
    pipeline = config.Autograde.autograde_preprocessors
    assert Execute not in pipeline and pipeline.index(LimitOutput) + 1 == pipeline.index(LimitOutputBytes)
    # The cases are handed in before the sandboxed kernel runs and judged right after it; output is made
    # inert before anything stores it; the record is written last, after the scores are saved.
    assert pipeline[:4] == [InjectCases, SandboxedExecute, JudgeCases, InertOutputs]
    assert pipeline[-1] is RecordProvenance and pipeline.index(SaveAutoGrades) < len(pipeline) - 1
    assert {ScrubHiddenTests, InertOutputs} <= set(config.GenerateFeedback.preprocessors)
    assert config.GenerateFeedback.exporter_class == "grader.feedback.FeedbackExporter"
    assert set(config.TimeLimits) >= {"factor", "cell_floor", "notebook_floor", "retry_factor", "attempts"}
    assert "NotImplementedError" in config.ClearSolutions.code_stub["python"]


def test_the_warning_pattern_removes_warnings_from_stderr():
    from traitlets.config.loader import PyFileConfigLoader

    pattern = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config().IgnorePattern.pattern
    warning = ("/tmp/ipykernel_1/2.py:3: RuntimeWarning: overflow encountered in exp\n"
               "  return 1 / (1 + np.exp(-z))\n")
    assert re.search(pattern, warning)
    assert not re.search(pattern, "Traceback (most recent call last):\nValueError: bad\n")


def test_outputs_of_a_grading_run_are_not_committed():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert "autograded/README.md" in tracked
    for path in tracked:
        assert not path.startswith(("submitted/", "feedback/", "build/", "logs/", "provenance/", "calibration/",
                                    "summary-")), path
        assert not (path.startswith("autograded/") and path != "autograded/README.md"), path
        assert not path.endswith(("gradebook.db", ".pyc", "grades.csv")), path
        assert ".ipynb_checkpoints" not in path and "__pycache__" not in path, path


def test_ci_runs_the_whole_suite_with_the_documented_command():
    commands = [line for line in (ROOT / ".ci" / "run").read_text().splitlines()
                if line and not line.startswith(("#", "set ", "cd "))]
    assert commands == ["make test"]
    recipe = re.search(r"^test: .*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), flags=re.M).group(1)
    assert recipe.split() == ["$(RUN)", "-m", "pytest"], recipe  # no marker or file left out
    assert "`make test`" in (ROOT / "README.md").read_text()


def test_the_two_test_processes_set_up_each_shared_fixture_once(tmp_path):
    """make test's pytest-xdist sends every test of a shared fixture to one process, as conftest.py groups them."""
    from conftest import SHARED

    setups = tmp_path / "setups"
    fixtures = sorted(SHARED)
    (tmp_path / "test_shared.py").write_text("\n".join(
        ["import pytest"]
        + [f"@pytest.fixture(scope='session')\ndef {name}():\n    open({str(setups)!r}, 'a').write('{name}\\n')"
           for name in fixtures]
        + [f"@pytest.mark.slow\n@pytest.mark.parametrize('i', range(4))\ndef test_{name}({name}, i):\n    pass"
           for name in fixtures]) + "\n")
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-p", "conftest", "-p", "no:cacheprovider",
         "-q", "--rootdir", str(tmp_path), str(tmp_path)],
        cwd=tmp_path, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT)])})
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
    counts = {name: setups.read_text().split().count(name) for name in fixtures}
    assert counts == {name: 1 for name in fixtures}
