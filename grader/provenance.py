"""
A record of how each grade was made, beside the gradebook, and the check that
the gradebook still agrees with it: ``make verify-grades ASSIGNMENT=<id>``.

For each student and assignment, ``provenance/<assignment>/<student>.json``
holds the sha256 of each submitted notebook (as the student sent it), of each
graded notebook, of every test cell's source as graded, of the ``helpers`` and
``grader`` packages and of the pinned environment; the isolation and its limits;
the time limits; the scores of every test cell; and when grading started and
ended.
"""
import datetime
import hashlib
import importlib.metadata
import json
import pathlib

import nbformat


def sha256_file(path):
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


def sha256_text(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_tree(folder, pattern="*.py"):
    """One fingerprint of the files of a package (their names and contents)."""
    digest = hashlib.sha256()
    for path in sorted(pathlib.Path(folder).rglob(pattern)):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def environment():
    """The Python packages grading ran with, one 'name==version' a line."""
    return "\n".join(sorted({f"{d.metadata['Name'].lower()}=={d.version}" for d in importlib.metadata.distributions()}))


def record_path(course_dir, assignment, student):
    return pathlib.Path(course_dir) / "provenance" / assignment / f"{student}.json"


def _scores(gradebook, assignment, student, notebooks):
    scores = {}
    for name in notebooks:
        submitted = gradebook.find_submission_notebook(name, assignment, student)
        scores.update({f"{name}/{g.name}": g.score for g in submitted.grades})
    return scores


def record(grader, result):
    """Writes the provenance record of one graded student (grader: a CourseGrader)."""
    import helpers

    from grader.sandbox import SandboxKernelManager

    course, assignment, student = grader.course_dir, grader.assignment, result.student
    submitted, graded = {}, {}
    for name in grader.notebooks:
        path = course / "submitted" / student / assignment / f"{name}.ipynb"
        for original in (path.with_name(path.name + ".unreadable"), path.with_name(path.name + ".orig"), path):
            if original.exists():
                submitted[name] = sha256_file(original)
                break
        autograded = grader._autograded_notebook(student, name)
        if autograded.exists():
            graded[name] = sha256_file(autograded)
    with grader._gradebook() as gb:
        scores = _scores(gb, assignment, student, grader.notebooks)
    ended = datetime.datetime.now(datetime.timezone.utc)
    data = {
        "student": student, "assignment": assignment,
        "started": (ended - datetime.timedelta(seconds=result.seconds)).isoformat(timespec="seconds"),
        "ended": ended.isoformat(timespec="seconds"),
        "isolation": grader.isolation,
        "limits": SandboxKernelManager(enabled=not grader.unsandboxed).describe_limits(),
        "time_limits": vars(grader.limits),
        "submitted_sha256": submitted, "autograded_sha256": graded,
        "test_cells_sha256": {f"{name}/{cell}": sha256_text(source)
                              for name, info in grader.notebooks.items()
                              for cell, source in info["source_cells"].items() if cell in info["grade_cells"]},
        "helpers_sha256": sha256_tree(pathlib.Path(helpers.__file__).parent),
        "grader_sha256": sha256_tree(pathlib.Path(__file__).parent),
        "environment_sha256": sha256_text(environment()),
        "scores": scores, "notes": result.notes, "flagged": result.flagged,
    }
    path = record_path(course, assignment, student)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    return path


def verify(course_dir, assignment):
    """
    Every difference between the gradebook, the graded notebooks and the provenance records
    of an assignment, one line each (an empty list when they all agree).
    """
    from nbgrader.api import MissingEntry
    from nbgrader.utils import determine_grade, is_grade

    from grader.driver import CourseGrader

    grader = CourseGrader.__new__(CourseGrader)
    grader.course_dir, grader.assignment, grader._db_url = pathlib.Path(course_dir).resolve(), assignment, None
    differences = []
    records = sorted((grader.course_dir / "provenance" / assignment).glob("*.json"))
    with grader._gradebook() as gb:
        students = {s.student.id for s in gb.find_assignment(assignment).submissions}
        for student in sorted(students - {p.stem for p in records}):
            differences.append(f"{student}: graded in the gradebook but has no provenance record")
        for path in records:
            data = json.loads(path.read_text(encoding="utf-8"))
            student = data["student"]
            try:
                scores = _scores(gb, assignment, student, data["autograded_sha256"])
            except MissingEntry:
                differences.append(f"{student}: has a record but no grades in the gradebook")
                continue
            for key, score in data["scores"].items():
                if scores.get(key) != score:
                    differences.append(f"{student}: {key} is {scores.get(key)} in the gradebook but {score} "
                                       f"when it was graded")
            for name, digest in data["autograded_sha256"].items():
                graded = grader.course_dir / "autograded" / student / assignment / f"{name}.ipynb"
                if not graded.exists():
                    differences.append(f"{student}: {name}.ipynb: the graded notebook is missing")
                    continue
                if sha256_file(graded) != digest:
                    differences.append(f"{student}: {name}.ipynb: the graded notebook changed after grading")
                for cell in nbformat.read(graded, as_version=4).cells:
                    if is_grade(cell) and cell.cell_type == "code":
                        key = f"{name}/{cell.metadata.nbgrader['grade_id']}"
                        score, _ = determine_grade(cell)
                        if key in scores and scores[key] != score:
                            differences.append(f"{student}: {key} is {scores[key]} in the gradebook but the "
                                               f"graded notebook gives {score}")
            for name, digest in data["submitted_sha256"].items():
                path_nb = grader.course_dir / "submitted" / student / assignment / f"{name}.ipynb"
                candidates = [path_nb.with_name(path_nb.name + s) for s in (".unreadable", ".orig", "")]
                found = next((p for p in candidates if p.exists()), None)
                if found is None or sha256_file(found) != digest:
                    differences.append(f"{student}: {name}.ipynb: the submission differs from the one graded")
    return differences
