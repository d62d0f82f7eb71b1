"""As many children as the sandbox allows processes in all (the kernel's own threads count too)."""
import os
import time

from prelude import TARGETS, attack


def fork_bomb():
    wanted = TARGETS["processes"]
    children, started, error = [], time.monotonic(), None
    try:
        while len(children) < wanted and time.monotonic() - started < 10:
            pid = os.fork()
            if pid == 0:
                time.sleep(4)
                os._exit(0)
            children.append(pid)
    except OSError as e:
        error = e
    finally:
        for pid in children:
            try:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
            except OSError:
                pass
    print(f"  forked {len(children)} children before {error!r}")
    return len(children) >= wanted and f"{len(children)} children"


attack(fork_bomb)
