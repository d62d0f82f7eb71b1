"""Host paths of the grading in the kernel's mount table: the course, the scratch course, the student's id."""
from prelude import TARGETS, attack


def mountinfo_names_grading_paths():
    lines = open(TARGETS["mountinfo"]).read().splitlines()
    return [line for line in lines if any(needle in line for needle in TARGETS["grading_paths"])]


attack(mountinfo_names_grading_paths)
