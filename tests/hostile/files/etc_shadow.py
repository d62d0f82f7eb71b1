"""The system's password hashes."""
from prelude import TARGETS, attack, first


def etc_shadow():
    return first(TARGETS["secrets"], lambda path: open(path).read(20))


attack(etc_shadow)
