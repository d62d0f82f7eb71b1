"""The course's submitted/ folder."""
import os

from prelude import TARGETS, attack


def list_submitted():
    return os.listdir(TARGETS["course"] + "/submitted")


attack(list_submitted)
