"""The gradebook at its absolute path: the course's, and one in the repository's root."""
from prelude import TARGETS, attack, first


def read_gradebook_absolute():
    return first(TARGETS["gradebooks"], lambda path: open(path, "rb").read(16))


attack(read_gradebook_absolute)
