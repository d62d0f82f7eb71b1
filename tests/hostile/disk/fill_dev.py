"""/dev filled (a tmpfs too)."""
from prelude import TARGETS, attack, filled


def fill_dev():
    return filled(TARGETS["folders"]["dev"])


attack(fill_dev)
