"""
A record of how each grade was made, beside the gradebook, and the check that
the gradebook still agrees with it: ``make verify-grades ASSIGNMENT=<id>``.

The grading pipeline writes the record of every notebook it grades, whichever
road called it (``make autograde``, plain ``nbgrader autograde``, formgrader's
button): ``provenance/<assignment>/<student>.json`` holds, per notebook, the
sha256 of the notebook as submitted and as graded, of every test cell's source
as graded, the automatic score of each test cell and what the grader had to do
(its notes, grader/facts.py); and for the student, the fingerprints of what the
grade depends on (grader/fingerprints.py), the isolation and its limits, the
time limits and their policy, and when grading started and ended. A notebook
the grader could not grade gets a record that says so and why.
"""
import datetime
import json
import os
import pathlib

import nbformat

from grader import fingerprints
from grader.cells import exercise_of, grade_id, is_test_cell

FOLDER = "provenance"


def path(course_root, assignment, student):
    return pathlib.Path(course_root) / FOLDER / assignment / f"{student}.json"


def read(course_root, assignment, student):
    """The record of a student, or None."""
    try:
        return json.loads(path(course_root, assignment, student).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_to(target, record):
    """Writes a record to a file."""
    target = pathlib.Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")


def write_whole(target, record):
    """Writes a record to a file whole: a new file moved into place."""
    target = pathlib.Path(target)
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    write_to(partial, record)
    os.replace(partial, target)


def write(course_root, assignment, student, record):
    """Writes a student's record whole."""
    write_whole(path(course_root, assignment, student), record)


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def graded_sha256(nb):
    """The sha256 of a notebook's file as nbgrader writes it (nbconvert's NotebookExporter)."""
    text = nbformat.writes(nb, version=4)
    return fingerprints.sha256_text(text if text.endswith("\n") else text + "\n")


def flagged(notes, needs_manual=()):
    """The exercises whose grade a person should look at: cells the grader had to restore, stop or disable."""
    found = []
    for note in notes:
        if note["kind"] in ("test_cells_restored", "test_cells_replaced", "interrupted", "metadata_repaired"):
            found += [exercise_of(c) for c in note["cells"] if c.endswith("_tests")]
        elif note["kind"] == "kernel_stopped":
            found.append(exercise_of(note["disabled"]))
    found += [exercise_of(c) for c in needs_manual]
    return list(dict.fromkeys(f for f in found if not f.startswith("cell ")))


def notebook_entry(nb, noted, scores, needs_manual=()):
    """What a record holds of one graded notebook (noted: grader.facts.take of it, taken before)."""
    return {"graded": True, "submitted_sha256": noted.get("submitted_sha256"), "graded_sha256": graded_sha256(nb),
            "test_cells_sha256": {grade_id(c): fingerprints.sha256_text(c.source) for c in nb.cells
                                  if is_test_cell(c)},
            "scores": scores, "needs_manual": list(needs_manual), "failures": failures(nb), "notes": noted["notes"],
            "started": noted.get("started"), "ended": now()}


def failures(nb):
    """The first line of the message of every test cell that failed: {grade_id: line}."""
    found = {}
    for cell in nb.cells:
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if is_test_cell(cell) and errors:
            text = f"{errors[0].get('ename', '')}: {errors[0].get('evalue', '')}".strip()
            found[grade_id(cell)] = text.splitlines()[0][:300]
    return found


def not_graded_entry(noted, reason):
    """What a record holds of a notebook the grader could not grade."""
    return {"graded": False, "reason": reason, "submitted_sha256": noted.get("submitted_sha256"),
            "notes": noted["notes"], "started": noted.get("started"), "ended": now()}


def record_notebook(config, resources, entry, limits=None):
    """
    Puts one notebook's entry into its student's record, in the course nbgrader is grading
    (replacing an older entry of that notebook); config: nbgrader's, resources: the notebook's.
    """
    from nbgrader.coursedir import CourseDirectory

    from grader.limits import TimeLimits
    from grader.sandbox import SandboxKernelManager

    root = CourseDirectory(config=config).root
    meta = resources["nbgrader"]
    assignment, student = meta["assignment"], meta["student"]
    record = read(root, assignment, student) or {"notebooks": {}}
    notebooks = {**record["notebooks"], meta["notebook"]: entry}
    policy = TimeLimits(config=config)
    made = {"student": student, "assignment": assignment,
            "graded": all(e["graded"] for e in notebooks.values()),
            "reason": "; ".join(e["reason"] for e in notebooks.values() if not e["graded"]),
            "started": min((e["started"] for e in notebooks.values() if e.get("started")), default=entry["ended"]),
            "ended": max(e["ended"] for e in notebooks.values()),
            "fingerprints": fingerprints.of_assignment(root, assignment),
            "isolation": SandboxKernelManager(config=config).describe_limits(),
            "time_limits": limits.as_dict() if limits else None,
            "time_limit_policy": {name: getattr(policy, name) for name in policy.trait_names(config=True)},
            "notebooks": notebooks,
            "flagged": flagged([n for e in notebooks.values() for n in e["notes"]],
                               [c for e in notebooks.values() for c in e.get("needs_manual", [])])}
    made["seconds"] = (datetime.datetime.fromisoformat(made["ended"])
                       - datetime.datetime.fromisoformat(made["started"])).total_seconds()
    write(root, assignment, student, made)
    return made


def verify(course, assignment):
    """
    Every difference between the gradebook, the graded notebooks and the provenance records
    of an assignment (course: a grader.course.Course), one line each; an empty list when they agree.
    Automatic scores are compared: a manual grade an instructor gave is no difference.
    """
    folder = course.root / FOLDER / assignment
    records = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}
    with course.gradebook() as gb:
        students = {s.student.id for s in gb.find_assignment(assignment).submissions}
    differences = [f"{student}: graded in the gradebook but has no provenance record"
                   for student in sorted(students - set(records))]
    for student, record in records.items():
        differences += verify_student(course, assignment, student, record)
    return differences


def verify_student(course, assignment, student, record):
    """The differences between one student's record, its gradebook rows and its files (see ``verify``)."""
    from nbgrader.api import MissingEntry

    if not record.get("graded", True):
        return []
    differences = []
    with course.gradebook() as gb:
        for name, entry in record["notebooks"].items():
            try:
                grades = {g.name: g.auto_score for g in gb.find_submission_notebook(name, assignment,
                                                                                    student).grades}
            except MissingEntry:
                differences.append(f"{student}: has a record but no grades in the gradebook")
                continue
            for cell, score in entry["scores"].items():
                if grades.get(cell) != score:
                    differences.append(f"{student}: {name}/{cell} is {grades.get(cell)} in the gradebook but "
                                       f"{score} when it was graded")
            differences += _check_files(course, assignment, student, name, entry, grades)
    return differences


def _check_files(course, assignment, student, name, entry, grades):
    """The differences between a record's notebook entry and the files on disk."""
    from nbgrader.utils import determine_grade, is_grade

    differences = []
    graded = course.folder("autograded", student, assignment) / f"{name}.ipynb"
    if not graded.exists():
        return [f"{student}: {name}.ipynb: the graded notebook is missing"]
    if fingerprints.sha256_file(graded) != entry["graded_sha256"]:
        differences.append(f"{student}: {name}.ipynb: the graded notebook changed after grading")
    try:
        cells = nbformat.read(graded, as_version=4).cells
    except Exception:  # whatever replaced the graded notebook is no notebook at all
        cells = []
    for cell in cells:
        if is_grade(cell) and cell.cell_type == "code":
            score, _ = determine_grade(cell)
            if grade_id(cell) in grades and grades[grade_id(cell)] != score:
                differences.append(f"{student}: {name}/{grade_id(cell)} is {grades[grade_id(cell)]} in the "
                                   f"gradebook but the graded notebook gives {score}")
    submitted = course.folder("submitted", student, assignment) / f"{name}.ipynb"
    if not submitted.exists() or fingerprints.sha256_file(submitted) != entry["submitted_sha256"]:
        differences.append(f"{student}: {name}.ipynb: the submission differs from the one graded")
    return differences
