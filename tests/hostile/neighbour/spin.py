"""
Forty-eight busy processes, each in a session of its own (a session each defeats the kernel's fairness
between sessions), spinning for TARGETS["spin_seconds"]; the kernel waits for them in the next cells.
"""
import os
import time

from prelude import TARGETS

started = time.time()
deadline = started + TARGETS["spin_seconds"]
for _ in range(TARGETS["spinners"]):
    if os.fork() == 0:
        os.setsid()
        while time.time() < deadline:
            pass
        os._exit(0)
print(f"SPINNING from {started:.1f} to {deadline:.1f}", flush=True)
