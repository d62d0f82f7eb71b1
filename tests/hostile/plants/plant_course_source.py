"""A module planted beside the instructor's notebook in source/, where the reference runs."""
from prelude import TARGETS, attack


def plant_course_source():
    folder = f"{TARGETS['course']}/source/{TARGETS['assignment']}"
    return open(folder + "/x.py", "w").write("# " + TARGETS["mark"])


attack(plant_course_source)
