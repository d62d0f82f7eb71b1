"""The course's autograded/ folder."""
import os

from prelude import TARGETS, attack


def list_autograded():
    return os.listdir(TARGETS["course"] + "/autograded")


attack(list_autograded)
