"""
The grading loop, for real: nbgrader generates the releases, autogrades the sample
submissions of tools/samples.py into its SQLite gradebook, writes feedback and
exports grades. The loop runs once per session (the demo_run fixture).
"""
import csv

import nbformat
import pytest

from tools.demo import mismatches
from tools.samples import ASSIGNMENTS, expected_points

A1 = "a1_two_layer_network"
SAMPLES = [(assignment, student) for assignment, info in ASSIGNMENTS.items() for student in info["samples"]]


def result_of(demo_run, student, assignment=A1):
    return next(r for r in demo_run.results[assignment] if r.student == student)


def report_line(demo_run, student, assignment):
    # The report lists the assignments in order; find the student's line after its assignment's heading.
    lines = demo_run.report_lines
    start = next(i for i, line in enumerate(lines) if assignment in line and "autograding" in line)
    return next(line for line in lines[start:] if line.strip().startswith(student + ":"))


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
    points = ASSIGNMENTS[assignment]["points"]
    assert result_of(demo_run, "perfect", assignment).by_exercise == {e: (p, p) for e, p in points.items()}


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


KNOWN_BUGS = {"a1_two_layer_network": ("backward_propagation", 'grads["dW1"]'),
              "a2_planar_data_classification": ("backward_propagation", 'grads["dW1"]'),
              "a3_deep_neural_network": ("L_model_backward", "should print nothing"),
              "a4_deep_neural_network_application": ("L_layer_model", "although print_cost=False")}


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
    submitted = demo_run.course_dir / "submitted" / "kills_kernel" / A1
    assert (submitted / f"{A1}.ipynb.orig").exists(), "the original submission is kept"


def test_unreadable_submission_is_kept(demo_run):
    kept = demo_run.course_dir / "submitted" / "unreadable" / A1 / f"{A1}.ipynb.unreadable"
    assert kept.read_text().startswith('{"cells"')


def test_enormous_output_is_cut_down(demo_run):
    graded = demo_run.course_dir / "autograded" / "prints_megabytes" / A1 / f"{A1}.ipynb"
    feedback = demo_run.feedback_dir / "prints_megabytes" / A1 / f"{A1}.html"
    assert graded.stat().st_size < 3_000_000
    assert feedback.stat().st_size < 5_000_000


def test_feedback_is_written_for_every_student(demo_run):
    for assignment, student in SAMPLES:
        page = demo_run.feedback_dir / student / assignment / f"{assignment}.html"
        assert page.exists(), (assignment, student)
    perfect = (demo_run.feedback_dir / "perfect" / A1 / f"{A1}.html").read_text()
    assert "All tests passed for backward_propagation" in perfect


def test_grades_are_exported_to_csv(demo_run):
    with open(demo_run.grades_csv, newline="") as f:
        rows = {(row["assignment"], row["student_id"]): row for row in csv.DictReader(f)}
    for assignment, student in SAMPLES:
        row = rows[(assignment, student)]
        assert float(row["score"]) == sum(expected_points(assignment, student).values())
        assert float(row["max_score"]) == 100


def test_the_gradebook_is_nbgraders_sqlite_database(demo_run):
    with open(demo_run.course_dir / "gradebook.db", "rb") as f:
        assert f.read(16) == b"SQLite format 3\x00"


def test_only_suspicious_code_is_flagged_for_review(demo_run):
    flagged = {(a, s) for a, s in SAMPLES if "REVIEW BY HAND" in report_line(demo_run, s, a)}
    assert flagged == {(A1, "cheats"), (A1, "kills_kernel")}
