"""The provenance records of the assignment."""
import os

from prelude import TARGETS, attack


def read_provenance():
    return os.listdir(f"{TARGETS['course']}/provenance/{TARGETS['assignment']}")


attack(read_provenance)
