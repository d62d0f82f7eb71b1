"""One bytearray far beyond the sandbox's memory."""
from prelude import TARGETS, attack


def bytearray_at_once():
    return len(bytearray(TARGETS["memory_bytes"]))


attack(bytearray_at_once)
