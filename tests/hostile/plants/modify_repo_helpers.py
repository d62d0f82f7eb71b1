"""The helpers' checks that the grader judges with, opened for writing."""
import os

import helpers
from prelude import TARGETS, attack, first


def modify_repo_helpers():
    folder = TARGETS.get("helpers") or os.path.dirname(helpers.__file__)
    return first([folder + "/checks.py"], lambda path: os.open(path, os.O_WRONLY | os.O_APPEND))


attack(modify_repo_helpers)
