"""A thread of the kernel that keeps rewriting the gradebook."""
import threading
import time

from prelude import TARGETS, attack


def background_thread():
    def rewrite():
        while True:
            for path in TARGETS["gradebooks"][:1]:
                try:
                    open(path, "r+b").write(b"thread")
                except OSError:
                    pass
            time.sleep(0.5)

    threading.Thread(target=rewrite, daemon=True).start()
    return "a thread that keeps rewriting the gradebook"


attack(background_thread, "STARTED")
