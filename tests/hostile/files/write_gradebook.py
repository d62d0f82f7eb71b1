"""One byte written into the course's gradebook."""
from prelude import TARGETS, attack, first


def write_gradebook():
    return first(TARGETS["gradebooks"][:1], lambda path: open(path, "r+b").write(b"x"))


attack(write_gradebook)
