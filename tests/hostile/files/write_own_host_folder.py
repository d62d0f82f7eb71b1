"""A file planted in the host's copy of the notebook's folder (the sandbox shows it read-only)."""
from prelude import TARGETS, attack


def write_own_host_folder():
    return open(f"{TARGETS['host_folder']}/planted-{TARGETS['mark']}", "w").write("x")


attack(write_own_host_folder)
