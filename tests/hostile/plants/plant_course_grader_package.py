"""A line appended to the course's grader package."""
from prelude import TARGETS, attack


def plant_course_grader_package():
    return open(TARGETS["course"] + "/grader/__init__.py", "a").write("# " + TARGETS["mark"])


attack(plant_course_grader_package)
