"""
The grading loop, for real: nbgrader generates the releases, autogrades the sample
submissions of tools/samples.py into its SQLite gradebook, writes feedback and
exports grades. The loop runs once per session (the demo_run fixture).
"""
import csv
import pathlib

import nbformat
import pytest

from tools.demo import mismatches
from tools.samples import ASSIGNMENTS, expected_points, points

pytestmark = pytest.mark.slow

A1 = "a1_two_layer_network"
SAMPLES = [(assignment, student) for assignment, info in ASSIGNMENTS.items() for student in info["samples"]]


def result_of(demo_run, student, assignment=A1):
    return next(r for r in demo_run.results[assignment] if r.student == student)


def report_line(demo_run, student, assignment):
    # The report lists the assignments in order; find the student's line after its assignment's heading.
    lines = demo_run.report_lines
    start = next(i for i, line in enumerate(lines) if assignment in line and "autograding" in line)
    # Each student's line: "[3/16, about 2 min left] student: score -- notes".
    return next(line for line in lines[start:] if line.strip().partition("] ")[2].startswith(student + ":"))


def test_every_sample_is_graded_and_the_batch_goes_on(demo_run):
    for assignment, info in ASSIGNMENTS.items():
        results = demo_run.results[assignment]
        assert [r.student for r in results] == list(info["samples"])
        assert all(r.graded for r in results), [r.student for r in results if not r.graded]
    assert sum(":" in line and "/ 100" in line for line in demo_run.report_lines) == len(SAMPLES)


@pytest.mark.parametrize("assignment", list(ASSIGNMENTS))
def test_perfect_submission_gets_full_marks_and_blank_gets_zero(demo_run, assignment):
    assert result_of(demo_run, "perfect", assignment).score == 100
    assert result_of(demo_run, "blank", assignment).score == 0
    assert result_of(demo_run, "perfect", assignment).by_exercise == {e: (p, p) for e, p in points(assignment).items()}


@pytest.mark.parametrize("assignment,student", SAMPLES)
def test_each_sample_loses_exactly_the_points_of_its_faulty_exercises(demo_run, assignment, student):
    result = result_of(demo_run, student, assignment)
    expected = expected_points(assignment, student)
    assert result.score == sum(expected.values()), result.notes
    assert mismatches(assignment, [result]) == []


@pytest.mark.parametrize("assignment,student", [(a, s) for a, s in SAMPLES
                                                if ASSIGNMENTS[a]["samples"][s].report])
def test_bad_submissions_are_reported_in_one_clear_line(demo_run, assignment, student):
    line = report_line(demo_run, student, assignment)
    assert ASSIGNMENTS[assignment]["samples"][student].report in line, line


KNOWN_BUGS = {"a1_two_layer_network": ("backward_propagation", '["dW1"] has wrong values'),
              "a2_planar_data_classification": ("backward_propagation", '["dW1"] has wrong values'),
              "a3_deep_neural_network": ("L_model_backward", "has wrong values"),
              "a4_deep_neural_network_application": ("L_layer_model_costs", "returned 1")}


@pytest.mark.parametrize("assignment", list(ASSIGNMENTS))
def test_a_known_bug_reports_which_check_failed(demo_run, assignment):
    exercise, words = KNOWN_BUGS[assignment]
    failures = result_of(demo_run, "typical_mistake", assignment).failures
    assert list(failures) == [exercise]
    assert words in failures[exercise]


def test_tampering_with_test_cells_does_not_help(demo_run):
    result = result_of(demo_run, "tampers")
    assert result.by_exercise["compute_cost"] == (0, 10)
    assert result.by_exercise["backward_propagation"] == (20, 20)
    graded = nbformat.read(demo_run.course_dir / "autograded" / "tampers" / A1 / f"{A1}.ipynb", 4)
    cell = next(c for c in graded.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "compute_cost_tests")
    assert "BEGIN HIDDEN TESTS" in cell.source and cell.metadata.nbgrader["points"] == 10


def test_loop_and_kernel_death_are_contained(demo_run):
    loops = result_of(demo_run, "loops_forever")
    assert "limit" in " ".join(loops.notes)
    killed = result_of(demo_run, "kills_kernel")
    assert killed.by_exercise["update_parameters"] == (0, 10)
    graded = nbformat.read(demo_run.course_dir / "autograded" / "kills_kernel" / A1 / f"{A1}.ipynb", 4)
    disabled = next(c for c in graded.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "update_parameters")
    assert disabled.source.startswith("raise RuntimeError(\"The grader disabled this cell")


def test_submissions_stay_as_the_students_sent_them(demo_run):
    """The grader changes its scratch copies only: submitted/ holds each student's one file, as sent."""
    for assignment, student in SAMPLES:
        folder = demo_run.course_dir / "submitted" / student / assignment
        assert sorted(p.name for p in folder.iterdir()) == [f"{assignment}.ipynb"], folder
    unreadable = demo_run.course_dir / "submitted" / "unreadable" / A1 / f"{A1}.ipynb"
    assert unreadable.read_text().startswith('{"cells"')


def test_enormous_output_is_cut_to_the_cap(demo_run):
    from traitlets.config.loader import PyFileConfigLoader

    cap = PyFileConfigLoader("nbgrader_config.py", path=str(demo_run.course_dir)).load_config() \
        .LimitOutputBytes.get("max_bytes", 20000)
    graded = nbformat.read(demo_run.course_dir / "autograded" / "prints_megabytes" / A1 / f"{A1}.ipynb", 4)
    texts = [o.text for c in graded.cells for o in c.get("outputs", []) if o.output_type == "stream"]
    cut = [t for t in texts if "characters of output removed" in t]
    assert cut, "the 50 MB output was not cut"
    # Each output keeps its head and tail, `cap` characters in all, and a line saying what was removed.
    assert all(len(t) <= cap + 100 for t in texts), max(map(len, texts))


def test_feedback_is_written_for_every_student(demo_run):
    for assignment, student in SAMPLES:
        page = demo_run.feedback_dir / student / assignment / f"{assignment}.html"
        assert page.exists(), (assignment, student)
    perfect = (demo_run.feedback_dir / "perfect" / A1 / f"{A1}.html").read_text()
    assert "graded cases passed for backward_propagation" in perfect


def test_grades_are_exported_to_csv(demo_run):
    with open(demo_run.grades_csv, newline="") as f:
        rows = {(row["assignment"], row["student_id"]): row for row in csv.DictReader(f)}
    for assignment, student in SAMPLES:
        row = rows[(assignment, student)]
        assert float(row["automatic"]) == float(row["final"]) == sum(expected_points(assignment, student).values())
        assert float(row["max_score"]) == 100


def test_the_gradebook_is_nbgraders_sqlite_database(demo_run):
    with open(demo_run.course_dir / "gradebook.db", "rb") as f:
        assert f.read(16) == b"SQLite format 3\x00"


def test_the_report_names_the_isolation(demo_run):
    headers = [line for line in demo_run.report_lines if line.strip().startswith("Isolation:")]
    assert len(headers) == len(ASSIGNMENTS)
    assert all("sandboxed (bubblewrap" in line and "per cell" in line for line in headers), headers
    assert not any("UNSANDBOXED" in line for line in demo_run.report_lines)


def hidden_lines():
    """Every line of a hidden test in the source notebooks, and what the grader injects into kernels."""
    import re

    from conftest import ROOT

    lines = {"nnfs_grader", "application/vnd.nn-from-scratch"}
    for path in (ROOT / "source").glob("*/*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            for region in re.findall(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", cell.source, re.S):
                lines.update(line.strip() for line in region.splitlines() if line.strip())
    return lines


def test_no_hidden_test_line_reaches_any_feedback(demo_run):
    import html

    lines = hidden_lines()
    for page in demo_run.feedback_dir.rglob("*.html"):
        text = html.unescape(page.read_text())
        leaked = [line for line in lines if line in text]
        assert not leaked, (page, leaked[:3])


def test_a_failed_case_shows_the_checks_message_in_the_feedback(demo_run):
    page = (demo_run.feedback_dir / "typical_mistake" / A1 / f"{A1}.html").read_text()
    assert "has wrong values" in page and "expected:" in page and "[case " in page


def test_printing_keeps_the_points_and_the_feedback_says_so(demo_run):
    assignment = "a3_deep_neural_network"
    assert result_of(demo_run, "prints_debug_output", assignment).score == 100
    page = (demo_run.feedback_dir / "prints_debug_output" / assignment / f"{assignment}.html").read_text()
    assert "graded functions should return their results, not print them" in page


def test_the_provenance_records_agree_with_the_gradebook(demo_run):
    from grader import provenance
    from grader.course import Course

    for assignment in ASSIGNMENTS:
        assert provenance.verify(Course(demo_run.course_dir), assignment) == []
    data = provenance.read(demo_run.course_dir, A1, "perfect")
    assert data["isolation"]["isolation"] == "bubblewrap" and data["isolation"]["network"] == "loopback only"
    assert data["time_limits"]["cell"] >= data["time_limit_policy"]["cell_floor"]
    (notebook,) = data["notebooks"].values()
    assert len(notebook["test_cells_sha256"]) == len(points(A1)) and notebook["submitted_sha256"]
    assert data["started"] < data["ended"] and data["seconds"] > 0


def test_verify_lists_a_grade_changed_behind_the_graders_back(demo_run, tmp_path):
    import shutil
    import sqlite3

    from grader.course import Course
    from grader.provenance import verify

    course = tmp_path / "course"
    shutil.copytree(demo_run.course_dir, course, ignore=shutil.ignore_patterns("feedback", "logs"))
    with sqlite3.connect(course / "gradebook.db") as db:
        changed = db.execute("UPDATE grade SET auto_score = 99 WHERE id IN (SELECT grade.id FROM grade "
                             "JOIN submitted_notebook ON grade.notebook_id = submitted_notebook.id "
                             "JOIN submitted_assignment ON submitted_notebook.assignment_id = submitted_assignment.id "
                             "WHERE submitted_assignment.student_id = 'blank' LIMIT 1)").rowcount
    assert changed == 1
    differences = verify(Course(course), A1)
    assert any(line.startswith("blank:") and "99" in line for line in differences), differences


def _grades_and_messages(course_dir, assignment):
    """Every grade of the gradebook, and the first line of every failed test cell's message."""
    import sqlite3

    with sqlite3.connect(course_dir / "gradebook.db") as db:
        grades = sorted(db.execute(
            "SELECT submitted_assignment.student_id, base_cell.name, grade.auto_score FROM grade "
            "JOIN base_cell ON grade.cell_id = base_cell.id "
            "JOIN submitted_notebook ON grade.notebook_id = submitted_notebook.id "
            "JOIN submitted_assignment ON submitted_notebook.assignment_id = submitted_assignment.id "
            "JOIN assignment ON submitted_assignment.assignment_id = assignment.id WHERE assignment.name = ?",
            (assignment,)).fetchall())
    messages = {}
    for path in sorted((course_dir / "autograded").glob(f"*/{assignment}/{assignment}.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                if output.output_type == "error" and cell.metadata.get("nbgrader", {}).get("grade"):
                    messages[(path.parent.parent.name, cell.metadata.nbgrader["grade_id"])] = output.evalue
    return grades, messages


def test_grading_again_gives_the_same_gradebook_and_messages(demo_run):
    """
    The cases come from fixed seeds and the limits never cut correct code: regrading some
    students (STUDENT=...) changes nothing, and leaves every other student's files alone.
    """
    from grader.batch import Batch
    from grader.course import Course
    from grader.workers import Workers

    regraded = ("typical_mistake", "cheats", "tampers")
    first = _grades_and_messages(demo_run.course_dir, A1)
    others = {p: p.stat().st_mtime_ns for p in (demo_run.course_dir / "autograded").rglob("*")
              if p.is_file() and p.relative_to(demo_run.course_dir / "autograded").parts[0] not in regraded}
    # The main job graded on two worker processes; this grades in this process (test_parallel: on a cluster).
    with Workers(1) as workers:
        results = Batch(Course(demo_run.course_dir), A1, report=lambda line: None).run(workers, regraded, force=True)
    assert [r.student for r in results if r.graded] == list(regraded)
    assert _grades_and_messages(demo_run.course_dir, A1) == first
    assert {p: p.stat().st_mtime_ns for p in others} == others


def test_the_summary_per_exercise_is_written_next_to_the_grades(demo_run):
    import statistics

    for assignment in ASSIGNMENTS:
        text, csv_path, png_path = demo_run.summaries[assignment]
        assert csv_path.parent == demo_run.grades_csv.parent == png_path.parent
        assert png_path.read_bytes()[:4] == b"\x89PNG"
        with open(csv_path, newline="") as f:
            rows = {row["exercise"]: row for row in csv.DictReader(f)}
        assert list(rows) == demo_run.exercises[assignment]
        results = demo_run.results[assignment]
        for exercise, row in rows.items():
            scores = [r.by_exercise[exercise][0] for r in results]
            assert float(row["mean"]) == round(statistics.fmean(scores), 3)
            assert float(row["zero"]) == round(sum(s == 0 for s in scores) / len(scores), 3)
            assert int(row["graded"]) == len(results) and row["not_graded"] == "0"
            assert exercise in text
    # Flagged: a test cell the grader put back or replaced, a solution it disabled.
    assert set(result_of(demo_run, "tampers").flagged) >= {"compute_cost", "backward_propagation"}
    assert result_of(demo_run, "kills_kernel").flagged == ["update_parameters"]
    assert result_of(demo_run, "perfect").flagged == []


def test_the_demo_grades_on_two_workers_and_shows_the_progress(demo_run):
    assert sum("on 2 Dask worker(s) on this machine" in line for line in demo_run.report_lines) == len(ASSIGNMENTS)
    n = len(ASSIGNMENTS[A1]["samples"])
    a1 = [line.strip() for line in demo_run.report_lines if line.strip().startswith("[") and f"/{n}" in line]
    assert len(a1) == n and a1[0].startswith(f"[1/{n}, about ") and " left] " in a1[0]
    assert a1[-1].startswith(f"[{n}/{n}] ")


def test_grading_leaves_nothing_behind(demo_run):
    """No folder of a kernel or a scratch course, and no kernel, of this run or of a run that ended."""
    import os
    import tempfile

    from grader.leftovers import owner_alive

    left = [p.name for p in pathlib.Path(tempfile.gettempdir()).glob("nnfs-*")
            if p.name.startswith(("nnfs-k-", "nnfs-grade-")) and (
                not owner_alive(p.name, "nnfs-k-") or not owner_alive(p.name, "nnfs-grade-")
                or f"-{os.getpid()}-" in p.name)]
    assert left == []
    def command(path):
        try:
            return path.read_bytes().decode(errors="replace")
        except OSError:  # a process that ended meanwhile
            return ""
    assert [p for p in pathlib.Path("/proc").glob("[0-9]*/cmdline") if f"nnfs-k-{os.getpid()}-" in command(p)] == []
