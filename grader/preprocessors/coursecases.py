"""CourseCases: what the course's preprocessors share, where the course is."""
import os

from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode


class CourseCases(NbGraderPreprocessor):
    """The course directory (its source/ holds the reference solutions; calibration/ their timing)."""

    course_dir = Unicode("", help="the course directory (default: the current one, where nbgrader runs)"
                         ).tag(config=True)

    def _course(self):
        return self.course_dir or os.getcwd()

    @staticmethod
    def _ids(resources):
        """The assignment, student and notebook being graded."""
        meta = resources.get("nbgrader", {})
        return meta.get("assignment"), meta.get("student") or "", meta.get("notebook")
