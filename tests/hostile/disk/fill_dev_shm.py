"""Shared memory (/dev/shm) filled."""
from prelude import TARGETS, attack, filled


def fill_dev_shm():
    return filled(TARGETS["folders"]["dev_shm"])


attack(fill_dev_shm)
