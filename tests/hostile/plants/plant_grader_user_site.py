"""A usercustomize module in the grader's user site-packages (in its home)."""
import os

from prelude import TARGETS, attack, first


def plant_grader_user_site():
    paths = [f"{TARGETS['home']}/.local/lib/python3.{v}/site-packages/usercustomize.py" for v in range(8, 14)]

    def plant(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        return open(path, "w").write("# " + TARGETS["mark"])

    return first(paths, plant)


attack(plant_grader_user_site)
