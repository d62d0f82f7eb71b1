"""An anonymous mapping far beyond the sandbox's memory."""
import mmap

from prelude import TARGETS, attack


def mmap_anonymous():
    return len(mmap.mmap(-1, TARGETS["memory_bytes"]))


attack(mmap_anonymous)
