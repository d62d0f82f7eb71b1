"""Another student's submission."""
from prelude import TARGETS, attack, first


def read_other_submission():
    name = TARGETS["assignment"]
    return first([f"{TARGETS['course']}/submitted/{s}/{name}/{name}.ipynb" for s in TARGETS["others"]],
                 lambda path: open(path).read(20))


attack(read_other_submission)
