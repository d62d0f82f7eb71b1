"""The course directory itself."""
import os

from prelude import TARGETS, attack


def list_course_root():
    return os.listdir(TARGETS["course"])


attack(list_course_root)
