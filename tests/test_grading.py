"""
The grading loop, for real: nbgrader generates the release, autogrades the sample
submissions of tools/samples.py into its SQLite gradebook, writes feedback and
exports grades. The loop runs once per session (the demo_run fixture).
"""
import csv

import nbformat
import pytest

from tools.demo import mismatches
from tools.samples import ASSIGNMENT, POINTS, SAMPLES


def result_of(demo_run, student):
    return next(r for r in demo_run.results if r.student == student)


def test_every_sample_is_graded_and_the_batch_goes_on(demo_run):
    assert [r.student for r in demo_run.results] == list(SAMPLES)
    assert all(r.graded for r in demo_run.results), [r.student for r in demo_run.results if not r.graded]
    for student in SAMPLES:
        assert sum(line.strip().startswith(student + ":") for line in demo_run.report_lines) == 1


def test_perfect_submission_gets_full_marks_and_blank_gets_zero(demo_run):
    assert result_of(demo_run, "perfect").score == 100
    assert result_of(demo_run, "blank").score == 0
    assert result_of(demo_run, "perfect").by_exercise == {e: (p, p) for e, p in POINTS.items()}


@pytest.mark.parametrize("student", list(SAMPLES))
def test_each_sample_loses_exactly_the_points_of_its_faulty_exercises(demo_run, student):
    result = result_of(demo_run, student)
    assert result.score == SAMPLES[student].expected_score, result.notes
    assert student not in mismatches([result])


@pytest.mark.parametrize("student", [s for s, sample in SAMPLES.items() if sample.report])
def test_bad_submissions_are_reported_in_one_clear_line(demo_run, student):
    line = next(line for line in demo_run.report_lines if line.strip().startswith(student + ":"))
    assert SAMPLES[student].report in line, line


def test_a_known_bug_reports_which_check_failed(demo_run):
    failures = result_of(demo_run, "typical_mistake").failures
    assert list(failures) == ["backward_propagation"]
    assert 'grads["dW1"]' in failures["backward_propagation"]


def test_tampering_with_test_cells_does_not_help(demo_run):
    result = result_of(demo_run, "tampers")
    assert result.by_exercise["compute_cost"] == (0, 10)
    assert result.by_exercise["backward_propagation"] == (20, 20)
    graded = nbformat.read(demo_run.course_dir / "autograded" / "tampers" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
    cell = next(c for c in graded.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "compute_cost_tests")
    assert "BEGIN HIDDEN TESTS" in cell.source and cell.metadata.nbgrader["points"] == 10


def test_loop_and_kernel_death_are_contained(demo_run):
    loops = result_of(demo_run, "loops_forever")
    assert "limit" in " ".join(loops.notes)
    killed = result_of(demo_run, "kills_kernel")
    assert killed.by_exercise["update_parameters"] == (0, 10)
    submitted = demo_run.course_dir / "submitted" / "kills_kernel" / ASSIGNMENT
    assert (submitted / f"{ASSIGNMENT}.ipynb.orig").exists(), "the original submission is kept"


def test_unreadable_submission_is_kept(demo_run):
    kept = demo_run.course_dir / "submitted" / "unreadable" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb.unreadable"
    assert kept.read_text().startswith('{"cells"')


def test_enormous_output_is_cut_down(demo_run):
    graded = demo_run.course_dir / "autograded" / "prints_megabytes" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    feedback = demo_run.feedback_dir / "prints_megabytes" / ASSIGNMENT / f"{ASSIGNMENT}.html"
    assert graded.stat().st_size < 3_000_000
    assert feedback.stat().st_size < 5_000_000


def test_feedback_is_written_for_every_student(demo_run):
    for student in SAMPLES:
        page = demo_run.feedback_dir / student / ASSIGNMENT / f"{ASSIGNMENT}.html"
        assert page.exists(), student
    perfect = (demo_run.feedback_dir / "perfect" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert "All tests passed for backward_propagation" in perfect


def test_grades_are_exported_to_csv(demo_run):
    with open(demo_run.grades_csv, newline="") as f:
        rows = {row["student_id"]: row for row in csv.DictReader(f)}
    assert set(rows) == set(SAMPLES)
    for student, sample in SAMPLES.items():
        assert float(rows[student]["score"]) == sample.expected_score
        assert float(rows[student]["max_score"]) == 100


def test_the_gradebook_is_nbgraders_sqlite_database(demo_run):
    with open(demo_run.course_dir / "gradebook.db", "rb") as f:
        assert f.read(16) == b"SQLite format 3\x00"
