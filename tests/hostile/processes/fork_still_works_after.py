"""After the bombs: can the kernel still run a program (or did they leave it without processes)?"""
import subprocess

from prelude import TARGETS, attack


def fork_still_works_after():
    return subprocess.run(TARGETS["command"]).returncode != 0 and "cannot run a process any more"


attack(fork_still_works_after)
