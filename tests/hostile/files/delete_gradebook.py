"""The course's gradebook removed."""
import os

from prelude import TARGETS, attack, first


def delete_gradebook():
    return first(TARGETS["gradebooks"][:1], os.remove) and "removed"


attack(delete_gradebook)
