"""A helpers package in the course directory, which the grader would import first."""
import os

from prelude import TARGETS, attack


def plant_course_helpers():
    os.mkdir(TARGETS["course"] + "/helpers")  # not makedirs: that would only build the path in the sandbox's /tmp
    return open(TARGETS["course"] + "/helpers/checks.py", "w").write("# " + TARGETS["mark"])


attack(plant_course_helpers)
