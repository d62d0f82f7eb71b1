"""
Fingerprints (sha256) of what a grade depends on.

A provenance record holds them, calibration is cached under them, and
``make autograde`` regrades a student only when one of them changed since the
student's record (``changed``).
"""
import functools
import hashlib
import importlib.metadata
import pathlib

GRADER = pathlib.Path(__file__).resolve().parent
# What a grade depends on besides the submission, and what a change of each means.
PARTS = {
    "solutions": "the assignment's solutions (source/)",
    "cases": "the grader's cases",
    "grader": "the grader",
    "helpers": "helpers",
    "environment": "the installed packages",
}


def sha256_bytes(data):
    return hashlib.sha256(data).hexdigest()


def sha256_text(text):
    return sha256_bytes(text.encode("utf-8"))


def sha256_file(path):
    return sha256_bytes(pathlib.Path(path).read_bytes())


def sha256_tree(folder, pattern="*", exclude=()):
    """One fingerprint of the files under a folder (their names and contents), skipping caches and ``exclude``."""
    folder = pathlib.Path(folder)
    digest = hashlib.sha256()
    for path in sorted(folder.rglob(pattern)):
        relative = path.relative_to(folder)
        if not path.is_file() or "__pycache__" in relative.parts or relative.parts[0] in exclude:
            continue
        digest.update(str(relative).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@functools.lru_cache(maxsize=None)
def environment():
    """The Python packages grading runs with, one 'name==version' a line."""
    return "\n".join(sorted({f"{d.metadata['Name'].lower()}=={d.version}"
                             for d in importlib.metadata.distributions()}))


def helpers_folder():
    """The folder of the helpers package that grading imports (and binds into the sandbox)."""
    import helpers

    return pathlib.Path(helpers.__path__[0]).resolve()


@functools.lru_cache(maxsize=None)
def _grader_parts():
    return {"cases": sha256_tree(GRADER / "cases", "*.py"),
            "grader": sha256_tree(GRADER, "*.py", exclude=("cases",)),
            "helpers": sha256_tree(helpers_folder()),
            "environment": sha256_text(environment())}


def of_assignment(course_root, assignment):
    """The fingerprints of everything an assignment's grades depend on but the submissions (see PARTS)."""
    solutions = sha256_tree(pathlib.Path(course_root) / "source" / assignment)
    return {"solutions": solutions, **_grader_parts()}


def changed(recorded, current):
    """What changed between two sets of fingerprints, in words (an empty list when nothing did)."""
    return [PARTS.get(k, k) for k in current if recorded.get(k) != current[k]]
