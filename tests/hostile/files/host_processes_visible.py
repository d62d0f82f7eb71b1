"""The host's processes: a command line of a process outside the sandbox."""
import os

from prelude import TARGETS, attack


def host_processes_visible():
    cmdlines = []
    for pid in (p for p in os.listdir("/proc") if p.isdigit()):
        try:
            cmdlines.append(open(f"/proc/{pid}/cmdline", "rb").read().decode(errors="replace"))
        except OSError:
            pass
    return [c.replace("\0", " ") for c in cmdlines if TARGETS["host_process"] in c]


attack(host_processes_visible)
