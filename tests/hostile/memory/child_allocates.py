"""A forked child allocating what the kernel itself may not."""
import os

from prelude import TARGETS, attack


def child_allocates():
    pid = os.fork()
    if pid == 0:
        try:
            bytearray(TARGETS["memory_bytes"])
            os._exit(0)
        except MemoryError:
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    return os.WEXITSTATUS(status) == 0 and f"a child allocated {TARGETS['memory_bytes'] >> 20} MiB"


attack(child_allocates)
