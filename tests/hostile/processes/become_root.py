"""The user id of root (or of the grader)."""
import os

from prelude import TARGETS, attack


def become_root():
    try:
        os.setuid(TARGETS["uid"])
    except OSError:
        pass
    return os.getuid() == TARGETS["uid"] and f"uid {TARGETS['uid']}"


attack(become_root)
