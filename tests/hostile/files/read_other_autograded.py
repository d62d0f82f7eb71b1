"""A graded notebook: another student's, or this one's own from an earlier run."""
from prelude import TARGETS, attack, first


def read_other_autograded():
    name = TARGETS["assignment"]
    return first([f"{TARGETS['course']}/autograded/{s}/{name}/{name}.ipynb"
                  for s in TARGETS["others"] + [TARGETS["student"]]], lambda path: open(path).read(20))


attack(read_other_autograded)
