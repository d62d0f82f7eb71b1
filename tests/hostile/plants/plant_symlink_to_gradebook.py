"""A symbolic link to the course's gradebook, read through."""
import os

from prelude import TARGETS, attack


def plant_symlink_to_gradebook():
    os.symlink(TARGETS["course"] + "/gradebook.db", "gradebook-link")
    return open("gradebook-link", "rb").read(16)


attack(plant_symlink_to_gradebook)
