"""The repository: pinned dependencies, configuration, and what is (not) committed."""
import re
import subprocess

from conftest import ROOT


def pins(text):
    return dict(re.findall(r"^\s*(?:- )?([A-Za-z0-9_.\-]+)==(\S+)\s*$", text, flags=re.M))


def test_environment_yml_mirrors_the_pinned_requirements():
    requirements = (ROOT / "requirements.txt").read_text()
    environment = (ROOT / "environment.yml").read_text()
    assert pins(requirements) == pins(environment)
    assert "python=3.11" in environment


def test_every_requirement_is_pinned():
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines and all("==" in line for line in lines), lines


def test_nbgrader_loads_the_course_configuration_without_errors():
    """nbgrader only logs an error for a broken nbgrader_config.py and goes on with defaults."""
    import sys

    completed = subprocess.run([sys.executable, "-m", "nbgrader", "db", "assignment", "list", "--debug"],
                               cwd=ROOT, capture_output=True, text=True)
    assert "Exception while loading config file" not in completed.stderr, completed.stderr[-2000:]
    assert "not recognized" not in completed.stderr, completed.stderr[-2000:]


def test_course_configuration_handles_the_known_pitfalls():
    from traitlets.config.loader import PyFileConfigLoader

    from grader.preprocessors import InjectCases, JudgeCases, LimitOutputBytes, SandboxedExecute

    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    assert config.CourseDirectory.course_id == "nn-from-scratch"
    assert config.CourseDirectory.db_url.startswith("sqlite:///")
    assert config.OverwriteCells.add_missing_cells is True
    assert config.Execute.timeout > 0 and config.LimitOutput.max_lines > 0
    pipeline = config.Autograde.autograde_preprocessors
    assert LimitOutputBytes in pipeline
    # The cases are handed in before the sandboxed kernel runs and judged right after it.
    assert pipeline.index(InjectCases) + 1 == pipeline.index(SandboxedExecute) == pipeline.index(JudgeCases) - 1
    assert "NotImplementedError" in config.ClearSolutions.code_stub["python"]


def test_outputs_of_a_grading_run_are_not_committed():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert "autograded/README.md" in tracked
    for path in tracked:
        assert not path.startswith(("submitted/", "feedback/", "build/", "logs/")), path
        assert not (path.startswith("autograded/") and path != "autograded/README.md"), path
        assert not path.endswith(("gradebook.db", ".pyc", "grades.csv")), path
        assert ".ipynb_checkpoints" not in path and "__pycache__" not in path, path


def test_ci_runs_the_documented_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "make demo" in readme and "make test" in readme
