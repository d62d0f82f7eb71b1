"""The folder of the kernel's connection file and sockets filled (on the grader's disk, if it were shared)."""
import os
import sys

from prelude import TARGETS, attack, filled


def fill_private_folder():
    return filled(TARGETS.get("private") or os.path.dirname(sys.argv[sys.argv.index("-f") + 1]))


attack(fill_private_folder)
