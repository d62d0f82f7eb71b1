"""A line appended to the course's nbgrader_config.py, which every grading run executes."""
from prelude import TARGETS, attack


def plant_course_nbgrader_config():
    return open(TARGETS["course"] + "/nbgrader_config.py", "a").write("# " + TARGETS["mark"])


attack(plant_course_nbgrader_config)
