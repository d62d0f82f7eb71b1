"""The command line of the sandbox's first process (bubblewrap's), which would name the host's paths."""
from prelude import TARGETS, attack


def proc_1_cmdline_names_course():
    return TARGETS["course"] in open(TARGETS["init_cmdline"], "rb").read().decode(errors="replace") and "host paths"


attack(proc_1_cmdline_names_course)
