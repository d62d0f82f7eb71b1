"""A sitecustomize.py in the course directory (on the grader's sys.path)."""
from prelude import TARGETS, attack


def plant_course_sitecustomize():
    return open(TARGETS["course"] + "/sitecustomize.py", "w").write("# " + TARGETS["mark"])


attack(plant_course_sitecustomize)
