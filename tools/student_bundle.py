"""
What a student, a Binder image or a JupyterHub image needs, and nothing more: `make student-bundle`.

build/student-bundle/ receives
  nn_from_scratch_helpers-<version>-py3-none-any.whl   the helpers package, without the grading code
  requirements.txt                                     the pinned versions of the wheel's dependencies
  <assignment>.zip                                     each assignment's release folder, one per assignment

The wheel is built from a clean copy of helpers/ (no caches, no build leftovers); helpers holds
no grading code (that is in grader/), so students install neither it nor nbgrader. Nothing from
source/ goes in.
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

from tools import ROOT

OUT = ROOT / "build" / "student-bundle"
# What students' notebooks import, besides helpers; the versions come from requirements.txt.
RUNTIME = ("numpy", "matplotlib", "pillow", "scikit-learn", "h5py")
# Fixed timestamps, so that the same release gives byte-identical archives.
EPOCH = (2020, 1, 1, 0, 0, 0)


def assignments():
    return sorted(p.name for p in (ROOT / "release").iterdir() if p.is_dir())


def _ignored(name):
    return name.startswith(".") or name == "__pycache__" or name.endswith((".pyc", ".egg-info"))


def build_wheel(out):
    with tempfile.TemporaryDirectory() as tmp:
        stage = pathlib.Path(tmp) / "helpers-dist"
        stage.mkdir()
        shutil.copy(ROOT / "pyproject.toml", stage)
        shutil.copytree(ROOT / "helpers", stage / "helpers",
                        ignore=lambda d, names: [n for n in names if _ignored(n)])
        # pip's output is setuptools' chatter; it is shown only when the build fails.
        built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(out), str(stage)],
                               capture_output=True, text=True)
        if built.returncode:
            raise RuntimeError(f"building the helpers wheel failed:\n{built.stdout}\n{built.stderr}")
    (wheel,) = out.glob("*.whl")
    return wheel


def write_requirements(out):
    pins = dict(re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)", (ROOT / "requirements.txt").read_text(), flags=re.M))
    lines = ["# The versions the course is tested with; install them with the helpers wheel:",
             "#   pip install -r requirements.txt nn_from_scratch_helpers-*.whl"]
    lines += [f"{name}=={pins[name]}" for name in RUNTIME]
    path = out / "requirements.txt"
    path.write_text("\n".join(lines) + "\n")
    return path


def archive(assignment, out):
    folder = ROOT / "release" / assignment
    path = out / f"{assignment}.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for file in sorted(folder.rglob("*")):
            if file.is_file() and not any(_ignored(part) for part in file.relative_to(folder).parts):
                info = zipfile.ZipInfo(f"{assignment}/{file.relative_to(folder).as_posix()}", EPOCH)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, file.read_bytes())
    return path


def build(out=OUT):
    """Writes the bundle into out (emptied first); returns the wheel, the requirements and the archives."""
    out = pathlib.Path(out)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    return {"wheel": build_wheel(out), "requirements": write_requirements(out),
            "archives": {a: archive(a, out) for a in assignments()}}


def main():
    bundle = build()
    for path in [bundle["wheel"], bundle["requirements"], *bundle["archives"].values()]:
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
