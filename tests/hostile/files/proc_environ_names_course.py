"""Any process's environment (in /proc) naming the course or the gradebook."""
import os

from prelude import TARGETS, attack


def proc_environ_names_course():
    hits = []
    for pid in (p for p in os.listdir("/proc") if p.isdigit()):
        try:
            text = open(f"/proc/{pid}/environ", "rb").read().decode(errors="replace")
        except OSError:
            continue
        if TARGETS["course"] in text or "gradebook" in text:
            hits.append(pid)
    return hits


attack(proc_environ_names_course)
