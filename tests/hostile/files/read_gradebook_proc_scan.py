"""The gradebook through the root and cwd of every process in /proc."""
import os

from prelude import TARGETS, attack, first


def read_gradebook_proc_scan():
    paths = [f"/proc/{pid}/{what}{p}" for pid in os.listdir("/proc") if pid.isdigit()
             for what in ("root", "cwd") for p in TARGETS["gradebooks"]]
    return first(paths, lambda path: open(path, "rb").read(16))


attack(read_gradebook_proc_scan)
