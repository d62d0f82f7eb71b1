"""
Grading as students' machines and instructors' machines really are: notebooks naming kernels the
course does not have (as nb_conda_kernels, VS Code or Colab save them), a kernelspec written by
`python -m ipykernel install` first on the path, and the course's helpers imported from another
place than the environment's own. Every notebook is graded with the course's kernel, importing the
helpers the grader bound, and plain `nbgrader autograde` (formgrader's road) and `make autograde`
give the same grades, each with its provenance record.
"""
import json
import shutil
import subprocess
import sys

import nbformat
import pytest

import tiny_course
from grader import provenance
from grader.course import Course
from tiny_course import TINY
from tools import ROOT, nbgrader_env

pytestmark = pytest.mark.slow

KERNELS = {"conda": {"name": "conda-env-dl-py", "display_name": "Python [conda env:dl]", "language": "python"},
           "venv": {"name": ".venv", "display_name": ".venv", "language": "python"},
           "ipykernel": {"name": "python3 (ipykernel)", "display_name": "Python 3 (ipykernel)", "language": "python"},
           "ir": {"name": "ir", "display_name": "R", "language": "python"},
           "none": None}


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """The tiny course with one perfect submission per kernel name, and a machine's own kernelspecs and helpers."""
    folder = tmp_path_factory.mktemp("kernels")
    course = tiny_course.make(folder / "course")
    for student, spec in KERNELS.items():
        tiny_course.submit(course, student)
        path = course / "submitted" / student / TINY / f"{TINY}.ipynb"
        nb = nbformat.read(path, as_version=4)
        if spec is None:
            del nb.metadata["kernelspec"]
        else:
            nb.metadata["kernelspec"] = spec
        nb.cells.append(nbformat.v4.new_code_cell("import helpers\nprint(helpers.__file__, helpers.MARK)"))
        nbformat.write(nb, path)
    # What `python -m ipykernel install --sys-prefix` writes, and an R kernel, first on the path.
    kernels = folder / "jupyter" / "kernels"
    for name, argv, language in (("python3", ["python", "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f",
                                             "{connection_file}"], "python"),
                                 ("ir", ["R", "--slave", "-e", "IRkernel::main()", "--args", "{connection_file}"], "R")):
        (kernels / name).mkdir(parents=True)
        (kernels / name / "kernel.json").write_text(json.dumps(
            {"argv": argv, "display_name": name, "language": language, "metadata": {"debugger": True}}))
    # The course's helpers, imported from another place than the environment installed them from.
    shutil.copytree(ROOT / "helpers", folder / "elsewhere" / "helpers", ignore=shutil.ignore_patterns("__pycache__"))
    with open(folder / "elsewhere" / "helpers" / "__init__.py", "a") as f:
        f.write('\nMARK = "the copy the grader imported"\n')
    env = dict(nbgrader_env(), JUPYTER_PATH=str(folder / "jupyter"), PYTHONPATH=str(folder / "elsewhere"))
    return course, env


def rows(course):
    with Course(course).gradebook() as gb:
        return {s.student.id: {g.name: g.auto_score for nb in s.notebooks for g in nb.grades}
                for s in gb.find_assignment(TINY).submissions}


def test_every_kernel_name_is_graded_in_the_courses_kernel_by_every_road(course):
    course, env = course
    plain = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", TINY, "--force"], cwd=course, env=env,
                           capture_output=True, text=True)
    assert plain.returncode == 0, plain.stderr[-3000:]
    by_nbgrader = rows(course)
    assert by_nbgrader == {s: {"square_tests": 5.0, "cube_tests": 5.0} for s in KERNELS}
    verify = subprocess.run([sys.executable, "-m", "grader", "verify", TINY], cwd=course, env=env,
                            capture_output=True, text=True)
    assert verify.returncode == 0 and "0 difference(s)" in verify.stdout, verify.stdout
    for student, spec in KERNELS.items():
        record = provenance.read(course, TINY, student)
        notes = [n for e in record["notebooks"].values() for n in e["notes"]]
        assert notes == ([] if spec is None else [{"kind": "kernel_name", "named": spec["name"]}]), student
        graded = nbformat.read(course / "autograded" / student / TINY / f"{TINY}.ipynb", as_version=4)
        assert graded.cells[-1].outputs[0].text == ("/opt/nnfs/lib/helpers/__init__.py the copy the grader "
                                                    "imported\n"), student

    ours = subprocess.run([sys.executable, "-m", "grader", "autograde", TINY, "--force", "--jobs", "1"], cwd=course,
                          env=env, capture_output=True, text=True)
    assert ours.returncode == 0, ours.stdout[-3000:]
    assert "graded in the course's kernel" in ours.stdout
    assert rows(course) == by_nbgrader
    assert provenance.verify(Course(course), TINY) == []


def test_solutions_that_fail_their_own_tests_set_no_time_limits(course, tmp_path):
    """Calibration runs the solutions as a submission: if a test cell fails there, nothing is graded."""
    course, env = course
    broken = tiny_course.copy(course, tmp_path / "course")
    shutil.rmtree(broken / "calibration", ignore_errors=True)
    source = broken / "source" / TINY / f"{TINY}.ipynb"
    source.write_text(source.read_text().replace("return x ** 3", "raise ValueError('unfinished')"))
    completed = subprocess.run([sys.executable, "-m", "grader", "autograde", TINY, "--force", "--jobs", "1"],
                               cwd=broken, env=env, capture_output=True, text=True)
    assert completed.returncode == 2, completed.stdout[-2000:] + completed.stderr[-2000:]
    assert f"No grading: the solutions of {TINY} fail their own tests" in completed.stderr
    assert "unfinished" in completed.stderr
