"""
The course directory and its gradebook, as the grader's commands read them.

``Course(root)`` reads nothing until asked: the configuration (nbgrader_config.py,
loaded once), the gradebook (SQLite or PostgreSQL, as configured), nbgrader's
exchange, where things are, and each assignment's definition as the gradebook
holds it (``Assignment``).
"""
import functools
import pathlib
import sys
from dataclasses import dataclass, field

import nbformat
from traitlets.config import Config

from grader.cells import exercise_of, grade_id


class CourseError(Exception):
    """What keeps a command from the course, in one line for the instructor."""


class NotReleased(CourseError):
    """An assignment the gradebook does not know yet: `make release` defines it."""


@dataclass
class Assignment:
    """An assignment as the gradebook defines it: its notebooks, their test cells and points."""
    name: str
    notebooks: dict = field(default_factory=dict)  # notebook -> {grade_id: max_score} of its graded cells
    order: dict = field(default_factory=dict)  # notebook -> every nbgrader grade_id of the release, in order

    def exercises(self):
        """The exercises, in notebook order (test cells are named <exercise>_tests)."""
        return [exercise_of(g) for name, ids in self.order.items() for g in ids if g in self.notebooks[name]]


class Course:
    """An nbgrader course directory (the repository's root, or a copy of it)."""

    def __init__(self, root, db_url=None):
        self.root = pathlib.Path(root).resolve()
        self._db_url = db_url

    @classmethod
    def at(cls, root):
        """The course in ``root``; CourseError when it is no course directory (no nbgrader_config.py)."""
        course = cls(root)
        if not (course.root / "nbgrader_config.py").is_file():
            raise CourseError(f"{course.root} has no nbgrader_config.py: run this in the course directory "
                              f"(or give --course)")
        return course

    @functools.cached_property
    def config(self):
        """The course's nbgrader configuration (nbgrader_config.py; none: nbgrader's defaults), read once."""
        from traitlets.config.loader import PyFileConfigLoader

        if not (self.root / "nbgrader_config.py").exists():
            return Config()
        path = list(sys.path)  # the configuration puts its course on sys.path, for nbgrader's processes
        try:
            return PyFileConfigLoader("nbgrader_config.py", path=str(self.root)).load_config()
        finally:
            sys.path[:] = path

    def config_for(self, root=None, db_url=None):
        """The course's configuration, for a copy of the course at ``root`` with its own gradebook."""
        config = Config()
        config.merge(self.config)
        if root is not None:
            config.CourseDirectory.root = str(root)
        if db_url is not None:
            config.CourseDirectory.db_url = db_url
        return config

    @property
    def db_url(self):
        return self._db_url or self.config.CourseDirectory.get("db_url", f"sqlite:///{self.root / 'gradebook.db'}")

    @property
    def course_id(self):
        return self.config.CourseDirectory.get("course_id", "default_course")

    @property
    def exchange_root(self):
        """nbgrader's exchange folder, as the configuration sets it (Exchange.root)."""
        from nbgrader.exchange.default import Exchange

        return pathlib.Path(Exchange(config=self.config).root)

    def student_config(self):
        """The lines of a students' nbgrader_config.py that find this course's exchange."""
        return (f"c.Exchange.root = {str(self.exchange_root)!r}\n"
                f"c.CourseDirectory.course_id = {self.course_id!r}\n")

    def gradebook(self):
        """The gradebook, to use in a `with` block."""
        from nbgrader.api import Gradebook

        return Gradebook(self.db_url, self.course_id)

    def folder(self, part, student=None, assignment=None):
        """A folder of the course: source/release (per assignment) or submitted/autograded (per student)."""
        folder = self.root / part
        return folder / student / assignment if student is not None else folder / assignment

    def students(self, assignment):
        """Every student with a submission of an assignment in submitted/, sorted."""
        folder = self.root / "submitted"
        return sorted(p.name for p in folder.iterdir() if (p / assignment).is_dir()) if folder.is_dir() else []

    def assignment(self, name):
        """The Assignment as the gradebook defines it; NotReleased when it does not."""
        from nbgrader.api import MissingEntry

        with self.gradebook() as gb:
            try:
                defined = gb.find_assignment(name)
            except MissingEntry:
                raise NotReleased(f"{name} is not in the gradebook yet: run `make release ASSIGNMENT={name}` "
                                  f"first") from None
            found = Assignment(name)
            for nb in defined.notebooks:
                found.notebooks[nb.name] = {c.name: c.max_score for c in nb.grade_cells}
        if not self.folder("release", assignment=name).is_dir():
            raise NotReleased(f"{name} has no release/{name}/ yet: run `make release ASSIGNMENT={name}` first")
        for name_ in found.notebooks:
            release = nbformat.read(self.folder("release", assignment=name) / f"{name_}.ipynb", as_version=4)
            found.order[name_] = [grade_id(c) for c in release.cells if grade_id(c)]
        return found
