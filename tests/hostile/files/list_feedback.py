"""The course's feedback/ folder."""
import os

from prelude import TARGETS, attack


def list_feedback():
    return os.listdir(TARGETS["course"] + "/feedback")


attack(list_feedback)
