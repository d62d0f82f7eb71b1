"""Host paths of the grading in the kernel's mount table: the course, the scratch course, the student's id."""
from prelude import TARGETS, attack


def mountinfo_names_grading_paths():
    mounts = [line.split()[3:5] for line in open(TARGETS["mountinfo"])]
    return [f"{source} on {target}" for source, target in mounts
            if any(needle in source for needle in TARGETS["grading_paths"])]


attack(mountinfo_names_grading_paths)
