"""
What the class server runs, under the prefix of hub.toml: JupyterHub's environment, the class
environment every user's server runs in, and configurable-http-proxy. Each is made anew only
when what it is made from has changed (a digest of it is kept beside it); ``make hub-lock``
locks both environments in hub/constraints.txt.
"""
import hashlib
import json
import pathlib
import re
import shutil
import tempfile

from grader import fingerprints
from tools import ROOT
from tools.hub import HUB, INSTRUCTORS_ONLY_LAB, INSTRUCTORS_ONLY_SERVER, HubError, run
from tools.lock import freeze
from tools.student_bundle import build_wheel

# JupyterLab's news and update checks, which would call out to the Internet from every user's browser.
ANNOUNCEMENTS = "@jupyterlab/apputils-extension:announcements"
# configurable-http-proxy's release runs on Node.js 20 or later.
NODE_MAJOR = 20
LOCK_HEADER = """\
# Every package of the class server's environments (the Hub's, and the class environment every user's server
# runs in) at the version it is tested with, for the Python of hub/hub.toml: written by `make hub-lock`
# (tools/hub/install.py) from requirements.txt and hub/requirements.txt; do not edit.
"""


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


def install_class(settings):
    """The class environment every user's server runs in; what it did, in a few words."""
    env = settings.class_env
    done = ["installed"] if _venv(env, settings, ROOT / "requirements.txt", HUB / "requirements.txt") else []
    helpers = digest(ROOT / "pyproject.toml", fingerprints.sha256_tree(ROOT / "helpers"))
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


def lock(settings):
    """`make hub-lock`: writes hub/constraints.txt from requirements.txt and hub/requirements.txt."""
    lines = freeze(ROOT / "requirements.txt", HUB / "requirements.txt", base=settings.python)
    (HUB / "constraints.txt").write_text(LOCK_HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return f"hub/constraints.txt: {len(lines)} packages locked"
