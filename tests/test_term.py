"""
The term around the grading, command by command, on a gradebook made here: the
exchange, the roster, due dates, extensions, the late policy and the exports
(grader/term.py). tests/test_lifecycle.py runs them all with nbgrader for real.
"""
import csv
import datetime
import pathlib
import shutil
import stat

import pytest

from conftest import ROOT, read_canvas_import
from grader import exchange, lms, roster
from grader.course import Course
from grader.__main__ import main
from grader.late import PointsPerDayLate

A1 = "a1_two_layer_network"
HEADER = "id,first_name,last_name,email,lms_id\n"


@pytest.fixture(scope="module")
def course_template(tmp_path_factory):
    """A course directory with the course's configuration and assignment 1 in its gradebook (no release)."""
    folder = tmp_path_factory.mktemp("course")
    shutil.copy2(ROOT / "nbgrader_config.py", folder / "nbgrader_config.py")
    (folder / "source" / A1).mkdir(parents=True)
    with Course.at(folder).gradebook() as gb:
        gb.add_assignment(A1)
        gb.add_notebook(A1, A1)
        for cell, points in (("sigmoid_tests", 40), ("backward_propagation_tests", 60)):
            gb.add_grade_cell(cell, A1, A1, max_score=points, cell_type="code")
    return folder


@pytest.fixture
def course_dir(course_template, tmp_path):
    """A copy of the course template (a new gradebook takes nbgrader seconds to make)."""
    shutil.copytree(course_template, tmp_path, dirs_exist_ok=True)
    return tmp_path


def students(course_dir):
    with Course.at(course_dir).gradebook() as gb:
        return {s.id: (s.first_name, s.last_name, s.email, s.lms_user_id) for s in gb.students}


def run(course_dir, *args):
    return main([*args, "--course", str(course_dir)])


def test_a_roster_adds_students_with_their_lms_id_and_updates_them(course_dir, capsys):
    path = course_dir / "roster.csv"
    path.write_text(HEADER + "ada,Ada,Lovelace,ada@example.org,7001\nalan,Alan,Turing,,7002\n")
    assert run(course_dir, "roster", str(path)) == 0
    assert "2 student(s) added, 0 updated, 0 unchanged" in capsys.readouterr().out
    assert students(course_dir) == {"ada": ("Ada", "Lovelace", "ada@example.org", "7001"),
                                    "alan": ("Alan", "Turing", None, "7002")}
    # A spreadsheet's byte-order mark and columns in another order are read alike.
    path.write_text("\ufefflms_id,id,first_name,last_name,email\n7003,alan,Alan,Turing,alan@example.org\n",
                    encoding="utf-8")
    assert run(course_dir, "roster", str(path)) == 0
    assert "0 student(s) added, 1 updated, 0 unchanged" in capsys.readouterr().out
    assert students(course_dir)["alan"] == ("Alan", "Turing", "alan@example.org", "7003")


@pytest.mark.parametrize("rows,line,words", [
    ("id,first_name,last_name,email\nada,Ada,Lovelace,ada@example.org\n", 1, "the columns must be"),
    (HEADER + "ada,Ada,Lovelace,ada@example.org,7001\nalan,Alan,Turing\n", 3, "3 fields where the header has 5"),
    (HEADER + "ada,Ada,Lovelace,,7001\nada,Ada,Byron,,7003\n", 3, "listed twice"),
    (HEADER + "ada,Ada,Lovelace,,7001\nalan turing,Alan,Turing,,7002\n", 3, "is not a student id"),
    (HEADER + "ada,Ada,Lovelace,ada-at-example.org,7001\n", 2, "is not an e-mail address"),
    (HEADER + "ada,Ada,Lovelace,,7001\nalan,Alan,Turing,,7001\n", 3, "lms_id 7001 is also ada's"),
])
def test_a_malformed_roster_is_refused_in_one_line_and_nothing_is_written(course_dir, capsys, rows, line, words):
    path = course_dir / "roster.csv"
    path.write_text(rows)
    assert run(course_dir, "roster", str(path)) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith(f"roster.csv, line {line}: ") and words in error, error
    assert students(course_dir) == {}


def test_a_roster_cannot_give_a_student_the_lms_id_of_another_in_the_gradebook(course_dir, capsys):
    (course_dir / "first.csv").write_text(HEADER + "ada,Ada,Lovelace,,7001\n")
    assert run(course_dir, "roster", str(course_dir / "first.csv")) == 0
    (course_dir / "second.csv").write_text(HEADER + "alan,Alan,Turing,,7002\ngrace,Grace,Hopper,,7001\n")
    assert run(course_dir, "roster", str(course_dir / "second.csv")) == 2
    assert "lms_id 7001 of grace is ada's in the gradebook" in capsys.readouterr().err
    assert set(students(course_dir)) == {"ada"}


def test_due_dates_go_into_the_gradebook_and_a_date_set_there_is_kept(course_dir, capsys):
    (course_dir / "source" / "a2").mkdir()
    with Course.at(course_dir).gradebook() as gb:
        gb.update_or_create_assignment(A1, duedate="2027-01-05 12:00:00 UTC")  # as `nbgrader db assignment add`
    (course_dir / roster.DUE_DATES).write_text("assignment,due\na1_two_layer_network,\n"
                                               "a2,2027-07-01 23:59 Europe/Paris\n")
    assert run(course_dir, "due-dates") == 0
    assert capsys.readouterr().out == "a2: due 2027-07-01 21:59 UTC\n"
    with Course.at(course_dir).gradebook() as gb:
        assert gb.find_assignment(A1).duedate == datetime.datetime(2027, 1, 5, 12)
        assert gb.find_assignment("a2").duedate == datetime.datetime(2027, 7, 1, 21, 59)


@pytest.mark.parametrize("line,words", [
    ("a9,2027-07-01 23:59 UTC", "'a9' is not an assignment of the course"),
    ("a1_two_layer_network,2027-07-01 23:59", "is not a due date with its time zone"),
    ("a1_two_layer_network,1 July", "is not a due date with its time zone"),
])
def test_a_wrong_due_date_is_refused_in_one_line(course_dir, capsys, line, words):
    (course_dir / roster.DUE_DATES).write_text(f"assignment,due\n{line}\n")
    assert run(course_dir, "due-dates") == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith(f"{roster.DUE_DATES}, line 2: ") and words in error, error
    with Course.at(course_dir).gradebook() as gb:
        assert gb.find_assignment(A1).duedate is None


def test_an_extension_moves_one_students_due_date(course_dir, capsys):
    (course_dir / "roster.csv").write_text(HEADER + "ada,Ada,Lovelace,,7001\n")
    run(course_dir, "roster", str(course_dir / "roster.csv"))
    with Course.at(course_dir).gradebook() as gb:
        gb.update_or_create_assignment(A1, duedate="2027-01-05 12:00:00 UTC")
    capsys.readouterr()
    assert run(course_dir, "extension", A1, "ada", "36") == 0
    assert capsys.readouterr().out == f"ada: 36 h more for {A1}, due 2027-01-07 00:00 UTC\n"
    assert run(course_dir, "extension", A1, "ada", "0") == 0
    with Course.at(course_dir).gradebook() as gb:
        assert gb.find_submission(A1, "ada").extension is None
    for args, words in (((A1, "grace", "2"), "no student grace in the gradebook: add them with `make roster`"),
                        (("a9", "ada", "2"), "no assignment a9 in the gradebook: run `make release"),
                        ((A1, "ada", "-2"), "HOURS must be a number of hours, 0 or more")):
        assert run(course_dir, "extension", *args) == 2
        error = capsys.readouterr().err
        assert error.count("\n") == 1 and words in error, error


def test_autograding_before_the_release_says_so_in_one_line(course_dir, capsys):
    a2 = "a2_planar_data_classification"
    assert run(course_dir, "autograde", a2) == 2
    assert capsys.readouterr().err == f"{a2} is not in the gradebook yet: run `make release ASSIGNMENT={a2}` first\n"
    assert run(course_dir, "autograde", A1) == 2
    assert capsys.readouterr().err == f"{A1} has no release/{A1}/ yet: run `make release ASSIGNMENT={A1}` first\n"


def test_the_late_policy_takes_points_per_day_or_part_of_a_day():
    from nbgrader.preprocessors import AssignLatePenalties
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    assigner = AssignLatePenalties(config=config)
    assert assigner.plugin_class is PointsPerDayLate
    plugin = assigner.plugin_class(parent=assigner)
    day = 24 * 3600
    assert [plugin.late_submission_penalty("s", 80, late) for late in (1, day, day + 1, 3 * day)] == [10, 10, 20, 30]


def test_the_exchange_is_made_writable_by_all_with_the_sticky_bit(tmp_path, monkeypatch, capsys):
    from traitlets.config import Config

    monkeypatch.delenv("NBGRADER_EXCHANGE", raising=False)
    assert Course.at(ROOT).exchange_root == pathlib.Path("/srv/nbgrader/exchange")
    root = tmp_path / "srv" / "exchange"
    monkeypatch.setenv("NBGRADER_EXCHANGE", str(root))
    assert run(ROOT, "exchange") == 0
    assert stat.S_IMODE(root.stat().st_mode) == 0o1777
    output = capsys.readouterr().out.splitlines()
    assert output[0] == f"made {root}, mode 1777"
    # What it prints is what a student's nbgrader_config.py needs.
    student = Config()
    exec("\n".join(output[2:]), {"c": student})
    assert (student.Exchange.root, student.CourseDirectory.course_id) == (str(root), "nn-from-scratch")
    root.chmod(0o755)
    assert exchange.make_exchange(root) == f"{root} is there; its mode set to 1777"
    assert stat.S_IMODE(root.stat().st_mode) == 0o1777


def test_grades_are_exported_for_the_instructor_and_for_canvas(course_dir):
    """An on-time full mark, a late grade raised by hand, work never handed in, a student with no lms_id."""
    (course_dir / "roster.csv").write_text(HEADER + "ada,Ada,Lovelace,,7001\nalan,Alan,Turing,,7002\n"
                                                    "grace,Grace,Hopper,,7003\nlinus,Linus,,,\n")
    run(course_dir, "roster", str(course_dir / "roster.csv"))
    due = datetime.datetime(2020, 1, 6, 12)
    with Course.at(course_dir).gradebook() as gb:
        gb.update_or_create_assignment(A1, duedate=due)
        for student, minutes_late, scores in (("ada", -5, (40, 60)), ("alan", 120, (40, 0)), ("linus", 0, (40, 0))):
            with gb.db.no_autoflush:
                gb.add_submission(A1, student, timestamp=due + datetime.timedelta(minutes=minutes_late))
            for cell, score in zip(("sigmoid_tests", "backward_propagation_tests"), scores):
                gb.find_grade(cell, A1, A1, student).auto_score = score
        gb.find_grade("backward_propagation_tests", A1, A1, "alan").manual_score = 30
        gb.find_submission_notebook(A1, A1, "alan").late_submission_penalty = 10
        gb.db.commit()
    assert lms.export(Course.at(course_dir)) == [
        "grades.csv: 4 student(s), 1 assignment(s) with graded work",
        "grades-canvas.csv: 3 student(s), for Canvas's gradebook import",
        "left out of grades-canvas.csv, no lms_id in the gradebook (add it with `make roster`): linus"]

    with open(course_dir / lms.GRADES, newline="") as f:
        rows = {row["student_id"]: row for row in csv.DictReader(f)}
    columns = ("due", "submitted", "late_by", "automatic", "manual", "penalty", "final", "max_score")
    assert {s: tuple(rows[s][c] for c in columns) for s in rows} == {
        "ada": ("2020-01-06 12:00:00 UTC", "2020-01-06 11:55:00 UTC", "0:00:00", "100", "0", "0", "100", "100"),
        "alan": ("2020-01-06 12:00:00 UTC", "2020-01-06 14:00:00 UTC", "2:00:00", "40", "30", "10", "60", "100"),
        "grace": ("2020-01-06 12:00:00 UTC", "", "", "", "", "", "0", "100"),
        "linus": ("2020-01-06 12:00:00 UTC", "2020-01-06 12:00:00 UTC", "0:00:00", "40", "0", "0", "40", "100"),
    }
    assert rows["alan"]["lms_id"] == "7002" and rows["alan"]["assignment"] == A1

    points, grades, names = read_canvas_import(course_dir / lms.CANVAS)
    assert points == {A1: "100"}
    assert grades == {"7001": {A1: "100"}, "7002": {A1: "60"}, "7003": {A1: "0"}}
    assert names == {"7001": "Lovelace, Ada", "7002": "Turing, Alan", "7003": "Hopper, Grace"}


def test_work_not_yet_due_is_left_blank_for_the_lms(course_dir):
    """Before the due date, a student with nothing handed in gets no score, not a zero."""
    (course_dir / "roster.csv").write_text(HEADER + "ada,Ada,Lovelace,,7001\ngrace,Grace,Hopper,,7003\n")
    run(course_dir, "roster", str(course_dir / "roster.csv"))
    with Course.at(course_dir).gradebook() as gb:
        gb.update_or_create_assignment(A1, duedate=datetime.datetime(2999, 1, 1))
        with gb.db.no_autoflush:
            gb.add_submission(A1, "ada")
        gb.find_grade("sigmoid_tests", A1, A1, "ada").auto_score = 40
        gb.db.commit()
        assert [(g.student_id, g.final) for g in lms.grades(gb)] == [("ada", 40), ("grace", None)]
    lms.export(Course.at(course_dir))
    assert read_canvas_import(course_dir / lms.CANVAS)[1] == {"7001": {A1: "40"}, "7003": {A1: ""}}


def test_a_command_outside_a_course_says_so_in_one_line(tmp_path, capsys):
    for args in (("export",), ("autograde", A1)):
        assert run(tmp_path, *args) == 2
        assert capsys.readouterr().err == (f"{tmp_path} has no nbgrader_config.py: run this in the course "
                                           f"directory (or give --course)\n")
