"""Another student's submission, opened for writing."""
import os

from prelude import TARGETS, attack, first


def write_other_submission():
    name = TARGETS["assignment"]
    return first([f"{TARGETS['course']}/submitted/{s}/{name}/{name}.ipynb" for s in TARGETS["others"]],
                 lambda path: os.open(path, os.O_WRONLY | os.O_APPEND))


attack(write_other_submission)
