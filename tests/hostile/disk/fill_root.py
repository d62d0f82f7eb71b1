"""The root of the file system filled (in the sandbox, a tmpfs of half the host's memory if it were writable)."""
from prelude import TARGETS, attack, filled


def fill_root():
    return filled(TARGETS["folders"]["root"])


attack(fill_root)
