"""/tmp filled."""
from prelude import TARGETS, attack, filled


def fill_tmp():
    return filled(TARGETS["folders"]["tmp"])


attack(fill_tmp)
