"""
`make autograde` through the faults of a real term, the processes really killed: Ctrl-C, the
grading process killed, the gradebook's PostgreSQL server restarted, the course's disk full.
After each: no process of the run alive, nothing of it left in the temporary directory, the
gradebook intact (a student in it whole, with its graded notebook and record, or not at all),
and the same command run again finishes the batch with the grades of an uninterrupted run.
(A worker that vanishes mid-batch is tested in test_parallel.py.)
"""
import os
import pathlib
import signal
import subprocess
import sys
import tempfile
import time

import psutil
import pytest

import tiny_course
from grader import provenance
from grader.course import Course
from postgres import PostgresServer
from tiny_course import TINY
from tools import nbgrader_env

pytestmark = pytest.mark.slow

STUDENTS = [f"s{n}" for n in range(5)]
# The grades of an uninterrupted run: every student right but s3, whose cube is wrong.
UNINTERRUPTED = {s: {"square_tests": 5.0, "cube_tests": 0.0 if s == "s3" else 5.0} for s in STUDENTS}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """The tiny course with five submissions (one wrong), each taking a second in a cell; calibrated."""
    course = tiny_course.make(tmp_path_factory.mktemp("tiny") / "course")
    for student in STUDENTS:
        tiny_course.submit(course, student, cube="x ** 2" if student == "s3" else "x ** 3", seconds=1)
    # Calibrated once, by the course's own grader (its cases include the tiny assignment's): every copy shares it.
    subprocess.run([sys.executable, "-c", "from grader import calibration; from grader.course import Course; "
                    f"calibration.figures('.', {TINY!r}, config=Course('.').config)"], cwd=course, check=True)
    return course


def autograde(course, *args):
    """`make autograde` of the tiny assignment, in a session of its own as from a terminal."""
    return subprocess.Popen([sys.executable, "-m", "grader", "autograde", TINY, *args], cwd=course, env=nbgrader_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)


def gradebook_rows(course):
    """Each student's automatic scores, as the gradebook has them."""
    with Course(course).gradebook() as gb:
        return {s.student.id: {g.name: g.auto_score for nb in s.notebooks for g in nb.grades}
                for s in gb.find_assignment(TINY).submissions}


@pytest.fixture(scope="module")
def uninterrupted():
    return UNINTERRUPTED


def interrupt(process, after_lines, how):
    """
    Reads the report until ``after_lines`` students are in, then ``how(process)``; the pids of the run
    and everything it printed.
    """
    done, pids, lines = 0, set(), []
    for line in process.stdout:
        lines.append(line)
        if line.startswith("["):
            done += 1
        pids |= {p.pid for p in psutil.Process(process.pid).children(recursive=True)} | {process.pid}
        if done >= after_lines:
            break
    how(process)
    return pids, "".join(lines) + process.communicate(timeout=120)[0]


def leftovers(pids):
    """What the run with these processes left: processes alive, folders in the temporary directory."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(psutil.pid_exists(p) for p in pids):
        time.sleep(0.5)
    alive = [p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]
    folders = [p.name for p in pathlib.Path(tempfile.gettempdir()).glob("nnfs-*")
               if any(f"-{pid}-" in p.name for pid in pids)]
    return alive, folders


def check_whole(course, expected):
    """Every student in the gradebook is there whole: its expected rows, graded notebook and record."""
    rows = gradebook_rows(course)
    for student, scores in rows.items():
        assert scores == expected[student], student
        record = provenance.read(course, TINY, student)
        assert record and provenance.verify_student(Course(course), TINY, student, record) == [], student
    return rows


def finish(course, expected):
    """Runs the batch again: only the students missing are graded, and the gradebook is the uninterrupted one."""
    process = autograde(course, "--jobs", "1")
    output = process.communicate()[0]
    assert process.returncode == 0, output
    assert gradebook_rows(course) == expected
    assert provenance.verify(Course(course), TINY) == []
    return output


@pytest.mark.parametrize("signal_to", ["the terminal's process group (Ctrl-C)", "the grading process (SIGKILL)"])
def test_an_interrupted_batch_leaves_nothing_behind_and_resumes(tiny, uninterrupted, tmp_path, signal_to):
    course = tiny_course.copy(tiny, tmp_path / "course")
    process = autograde(course, "--jobs", "2")
    if signal_to.startswith("the terminal"):
        pids, output = interrupt(process, 2, lambda p: os.killpg(p.pid, signal.SIGINT))
        assert process.returncode == 130, output
    else:
        pids, _ = interrupt(process, 2, lambda p: p.kill())
    if signal_to.startswith("the terminal"):
        assert leftovers(pids) == ([], [])
    else:
        assert leftovers(pids)[0] == []  # the workers and kernels died with it; their folders go next run
    graded = check_whole(course, uninterrupted)
    assert 2 <= len(graded) < len(STUDENTS)
    output = finish(course, uninterrupted)
    assert f"Skipped {len(graded)} of {len(STUDENTS)} student(s)" in output
    assert leftovers(pids) == ([], [])


def test_a_gradebook_server_that_restarts_mid_batch_loses_nothing(tiny, uninterrupted, tmp_path):
    server = PostgresServer()
    try:
        course = tiny_course.copy(tiny, tmp_path / "course")
        config = course / "nbgrader_config.py"
        line = next(l for l in config.read_text().splitlines() if l.startswith("c.CourseDirectory.db_url"))
        config.write_text(config.read_text().replace(line, f"c.CourseDirectory.db_url = {server.url!r}"))
        subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", TINY, "--force"], cwd=course,
                       check=True, capture_output=True)
        process = autograde(course, "--jobs", "1", "--force")
        _, output = interrupt(process, 1, lambda p: server.restart())
        assert process.returncode == 0, output
        assert check_whole(course, uninterrupted) == uninterrupted
    finally:
        server.close()


def test_a_full_disk_keeps_the_gradebook_intact_and_the_batch_finishes_later(tiny, uninterrupted, tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(disk)], check=True)
    try:
        course = tiny_course.copy(tiny, disk / "course")
        filler = disk / "filler"
        with open(filler, "wb") as f:  # all but a few kilobytes
            try:
                while True:
                    f.write(bytes(2**16))
                    f.flush()
            except OSError:
                pass
        os.truncate(filler, filler.stat().st_size - 2**13)
        process = autograde(course, "--jobs", "1", "--force")
        output = process.communicate()[0]
        assert process.returncode == 1, output
        assert "could not be written into the course" in output
        check_whole(course, uninterrupted)
        filler.unlink()
        finish(course, uninterrupted)
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
