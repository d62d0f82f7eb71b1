"""The kernel's environment naming the course, the gradebook, the repository or the grader's home."""
import os

from prelude import TARGETS, attack


def environment_names_course():
    needles = TARGETS["host_paths"] + ["gradebook", "sqlite"]
    return {k: v for k, v in os.environ.items() if any(n in v for n in needles)}


attack(environment_names_course)
