"""A daemon (forked twice, in a session of its own) that rewrites the gradebook from 3 s on, for 40 s."""
import ctypes
import os
import time

from prelude import TARGETS, attack


def double_fork_daemon():
    child = os.fork()
    if child:
        os.waitpid(child, 0)
        return "a daemon that rewrites the gradebook from 3 s on"
    os.setsid()
    if os.fork():
        os._exit(0)
    ctypes.CDLL(None).prctl(15, TARGETS["mark"][:15].encode(), 0, 0, 0)  # PR_SET_NAME: the test finds it by name
    time.sleep(3)
    end = time.time() + 40
    while time.time() < end:
        for path in TARGETS["gradebooks"]:
            try:
                with open(path, "r+b") as f:
                    f.seek(100)
                    f.write(b"daemon was here")
            except OSError:
                pass
            try:
                open(os.path.dirname(path) + "/planted-by-daemon", "w").write(TARGETS["mark"])
            except OSError:
                pass
        time.sleep(0.5)
    os._exit(0)


attack(double_fork_daemon, "STARTED")
