"""
Provenance records (grader/provenance.py): what the pipeline writes for a graded notebook, and
what `make verify-grades` finds when the gradebook or the files no longer agree with it.
"""
import pytest

from grader import provenance
from pipeline_course import A, graded_course, graded_gradebook


@pytest.fixture(scope="module")
def made_gradebook(tmp_path_factory):
    return graded_gradebook(tmp_path_factory.mktemp("gradebook"))


@pytest.fixture
def graded(made_gradebook, tmp_path):
    return graded_course(tmp_path, made_gradebook)


def test_the_record_holds_what_a_grade_depends_on(graded):
    course, record = graded
    assert record == provenance.read(course.root, A, "ann")
    assert record["graded"] and record["flagged"] == ["cube"]
    (entry,) = record["notebooks"].values()
    assert entry["failures"] == {"cube_tests": "AssertionError: cube(2) is 6 but should be 8"}
    assert set(entry["test_cells_sha256"]) == {"square_tests", "cube_tests"}
    assert set(record["fingerprints"]) == {"solutions", "cases", "grader", "helpers", "environment"}
    assert record["isolation"]["isolation"] == "bubblewrap" and "factor" in record["time_limit_policy"]


def test_the_record_agrees_with_the_gradebook_and_the_files(graded):
    course, record = graded
    assert provenance.verify_student(course, A, "ann", record) == []


def test_a_manual_grade_is_no_difference_but_a_changed_automatic_one_is(graded):
    course, record = graded
    with course.gradebook() as gb:
        gb.find_grade("cube_tests", A, A, "ann").manual_score = 4.0
        gb.db.commit()
    assert provenance.verify_student(course, A, "ann", record) == []
    with course.gradebook() as gb:
        gb.find_grade("square_tests", A, A, "ann").auto_score = 1.0
        gb.db.commit()
    assert provenance.verify_student(course, A, "ann", record) == [
        f"ann: {A}/square_tests is 1.0 in the gradebook but 5.0 when it was graded",
        f"ann: {A}/square_tests is 1.0 in the gradebook but the graded notebook gives 5.0"]


def test_changed_files_are_differences(graded):
    course, record = graded
    (course.root / "autograded" / "ann" / A / f"{A}.ipynb").write_text("{}")
    (course.root / "submitted" / "ann" / A / f"{A}.ipynb").write_text("{}")
    assert provenance.verify_student(course, A, "ann", record) == [
        f"ann: {A}.ipynb: the graded notebook changed after grading",
        f"ann: {A}.ipynb: the submission differs from the one graded"]
