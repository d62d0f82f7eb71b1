"""
The batch's choice of students (grader/batch.py): a student is graded again only when something
its grade depends on changed since its provenance record, so an interrupted batch resumes.
"""
import json

import pytest

from grader import provenance
from grader.batch import Batch
from pipeline_course import A, graded_course, graded_gradebook


@pytest.fixture(scope="module")
def made_gradebook(tmp_path_factory):
    return graded_gradebook(tmp_path_factory.mktemp("gradebook"))


@pytest.fixture
def batch(made_gradebook, tmp_path):
    course, _ = graded_course(tmp_path, made_gradebook)
    return Batch(course, A, report=lambda line: None)


def test_a_student_whose_grade_is_current_is_skipped(batch):
    assert batch.current("ann") is None
    assert batch.choose() == [] and batch.choose(force=True) == ["ann"]


def test_a_new_submission_is_graded(batch):
    path = batch.course.folder("submitted", "ann", A) / f"{A}.ipynb"
    path.write_text(path.read_text().replace("raise NotImplementedError()", "return x * x", 1))
    assert batch.current("ann") == "a new submission"


def test_a_change_of_what_grades_depend_on_is_named(batch):
    record = provenance.read(batch.course.root, A, "ann")
    record["fingerprints"]["cases"] = "an older version"
    provenance.write(batch.course.root, A, "ann", record)
    assert batch.current("ann") == "the grader's cases changed"


def test_a_gradebook_that_differs_from_the_record_is_graded_again(batch):
    with batch.course.gradebook() as gb:
        gb.find_grade("square_tests", A, A, "ann").auto_score = 0.0
        gb.db.commit()
    assert batch.current("ann") == "the gradebook or the graded notebook differs from its record"


def test_students_without_a_record_or_not_graded_last_time_are_graded(batch):
    assert batch.current("bo") == "not graded yet"
    path = provenance.path(batch.course.root, A, "ann")
    path.write_text(json.dumps(dict(json.loads(path.read_text()), graded=False)))
    assert batch.current("ann") == "not graded last time"


def test_the_skipped_are_counted_in_one_line(batch):
    lines = []
    batch.report = lines.append
    (batch.course.root / "submitted" / "bo" / A).mkdir(parents=True)
    assert batch.choose() == ["bo"]
    assert lines == ["Skipped 1 of 2 student(s): graded already and nothing changed (FORCE=1 grades them again). "
                     "Grading 1: not graded yet (1)"]
