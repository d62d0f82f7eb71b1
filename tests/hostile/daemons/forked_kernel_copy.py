"""A forked copy of the kernel, renamed, in a session of its own, that sleeps for a minute."""
import ctypes
import os
import time

from prelude import TARGETS, attack


def forked_kernel_copy():
    if os.fork() == 0:
        os.setsid()
        ctypes.CDLL(None).prctl(15, TARGETS["mark"][:15].encode(), 0, 0, 0)  # PR_SET_NAME
        time.sleep(60)
        os._exit(0)
    return f"a forked copy of the kernel named {TARGETS['mark'][:15]}"


attack(forked_kernel_copy, "STARTED")
