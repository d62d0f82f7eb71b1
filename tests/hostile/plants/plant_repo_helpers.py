"""A module planted in the helpers package that the kernel imports (the grader's own)."""
import os

import helpers
from prelude import TARGETS, attack, first


def plant_repo_helpers():
    folder = TARGETS.get("helpers") or os.path.dirname(helpers.__file__)

    def plant(path):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        os.write(fd, ("# " + TARGETS["mark"]).encode())
        return fd

    return first([f"{folder}/{TARGETS['mark']}.py", f"{folder}/__pycache__/{TARGETS['mark']}.pyc"], plant)


attack(plant_repo_helpers)
