"""
Grading a class on many workers, for real: a mixed batch of assignment 1 graded
on a Dask cluster of separate processes on loopback (a scheduler and two workers,
one of them killed mid-batch), and into a PostgreSQL gradebook served by a
PostgreSQL server that the test starts itself, must give exactly the gradebook
rows of the main job (which test_grading checks against one worker grading one
student after another).
"""
import os
import signal

import pytest

from grader import provenance
from grader.batch import Batch
from grader.course import Course
from grader.workers import STARTED, Workers
from tools import nbgrader
from postgres import PostgresServer
from tools.cluster import LoopbackCluster
from tools.demo import generate_release, prepare_course
from tools.samples import build_samples, expected_points

pytestmark = pytest.mark.slow

A1 = "a1_two_layer_network"
BATCH = ["perfect", "typical_mistake", "unreadable", "kills_kernel"]


def course_with_batch(folder, calibration):
    course = prepare_course(folder, calibration)
    generate_release(course, A1)
    build_samples(course, A1, BATCH)
    return course


def gradebook_snapshot(course, students):
    """Every automatic grade and comment of these students' submissions, by student and cell."""
    with course.gradebook() as gb:
        submissions = [s for s in gb.find_assignment(A1).submissions if s.student.id in students]
        grades = {(s.student.id, nb.name, g.name): (g.auto_score, g.needs_manual_grade)
                  for s in submissions for nb in s.notebooks for g in nb.grades}
        comments = {(s.student.id, nb.name, c.name): c.auto_comment
                    for s in submissions for nb in s.notebooks for c in nb.comments}
        return {"submissions": sorted(s.student.id for s in submissions), "grades": grades, "comments": comments}


@pytest.fixture(scope="module")
def sequential(demo_run):
    """
    The batch as the main job graded it (and as test_grading checks that one worker, one student
    after another, grades it again): its gradebook rows.
    """
    course = Course(demo_run.course_dir)
    snapshot = gradebook_snapshot(course, BATCH)
    results = [r for r in demo_run.results[A1] if r.student in BATCH]
    return course, sorted(results, key=lambda r: BATCH.index(r.student)), snapshot


def test_the_reference_batch_has_the_expected_grades(sequential):
    _, results, snapshot = sequential
    for result in results:
        assert {e: s for e, (s, _) in result.by_exercise.items()} == expected_points(A1, result.student)
    assert snapshot["submissions"] == sorted(BATCH)


@pytest.fixture(scope="module")
def on_dask(tmp_path_factory, calibrated):
    """The batch graded on a scheduler and two worker processes, one worker killed with SIGKILL mid-batch."""
    course = course_with_batch(tmp_path_factory.mktemp("dask") / "course", calibrated)
    cluster = LoopbackCluster(course)
    killed, done = [], set()
    try:
        course = Course(course)
        with Workers(scheduler=cluster.address) as workers:
            description = workers.describe()

            def kill_a_busy_worker(line):
                # Once a student is in, kill the worker of a student whose grading has started.
                if not line.startswith("[") or killed:
                    return
                done.add(line.split("] ", 1)[1].split(":")[0])
                running = [(e["worker"], e["student"]) for _, e in workers.client.get_events(STARTED)
                           if e["student"] not in done]
                if running:
                    address, student = running[0]
                    os.kill(workers.client.run(os.getpid, workers=[address])[address], signal.SIGKILL)
                    killed.append(student)

            results = Batch(course, A1, report=kill_a_busy_worker).run(workers, BATCH)
        yield course, results, gradebook_snapshot(course, BATCH), description, killed
    finally:
        cluster.close()


def test_a_dask_cluster_of_separate_processes_grades_exactly_as_the_sequential_path(sequential, on_dask):
    _, results, snapshot, description, _ = on_dask
    assert description.startswith("2 Dask worker(s) on the Dask cluster at tcp://127.0.0.1:")
    assert snapshot == sequential[2]
    assert [(r.student, r.score, r.by_exercise) for r in results] == \
        [(r.student, r.score, r.by_exercise) for r in sequential[1]]


def test_a_worker_killed_mid_batch_loses_nothing_and_grades_nobody_twice(on_dask):
    course, results, snapshot, _, killed = on_dask
    assert len(killed) == 1
    regraded = next(r for r in results if r.student == killed[0])
    assert "graded again on another worker" in " ".join(regraded.notes), regraded.notes
    assert all(r.graded for r in results)
    # One submission, one provenance record and one graded notebook per student.
    assert snapshot["submissions"] == sorted(BATCH)
    assert sorted(p.stem for p in (course.root / "provenance" / A1).glob("*.json")) == sorted(BATCH)
    assert provenance.verify(course, A1) == []


def test_the_course_directory_is_written_by_the_grader_alone(on_dask, calibrated):
    """Workers grade in scratch courses: the submissions stay exactly as the students sent them."""
    course = on_dask[0]
    fresh = course_with_batch(course.root.parent.parent / "pristine" / "course", calibrated)
    for student in BATCH:
        sent = fresh / "submitted" / student / A1
        kept = course.root / "submitted" / student / A1
        assert sorted(p.name for p in kept.iterdir()) == sorted(p.name for p in sent.iterdir())
        for path in sent.iterdir():
            assert (kept / path.name).read_bytes() == path.read_bytes()


# -- PostgreSQL ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def postgres():
    server = PostgresServer()
    yield server
    server.close()


def test_a_postgresql_gradebook_by_one_line_grades_exactly_as_sqlite(tmp_path, postgres, sequential, calibrated):
    course = prepare_course(tmp_path / "course", calibrated)
    config = course / "nbgrader_config.py"
    line = next(l for l in config.read_text().splitlines() if l.startswith("c.CourseDirectory.db_url"))
    config.write_text(config.read_text().replace(line, f"c.CourseDirectory.db_url = {postgres.url!r}"))
    generate_release(course, A1)
    build_samples(course, A1, BATCH[:2])
    assert not (course / "gradebook.db").exists()

    course = Course(course)
    assert course.db_url.startswith("postgresql://")
    with Workers(2) as workers:
        results = Batch(course, A1, report=lambda line: None).run(workers, BATCH[:2])
    assert all(r.graded for r in results)
    assert gradebook_snapshot(course, BATCH[:2]) == gradebook_snapshot(sequential[0], BATCH[:2])
    assert not (course.root / "gradebook.db").exists()
    nbgrader(["export", "--to=grades.csv"], course.root)
    exported = (course.root / "grades.csv").read_text().splitlines()[1:]
    assert sorted(line.split(",")[3] for line in exported) == sorted(BATCH[:2])
