"""
Descriptors the kernel did not open itself (the grader's log or terminal, say), each read from its start;
the kernel's own are its sockets, pipes, /dev/null and what is in its private folder (its stderr file).
"""
import os
import sys

from prelude import attack

OWN = ("socket:", "pipe:", "anon_inode:", "/dev/null", "/proc/")


def inherited_descriptors():
    # Its private folder by name: a descriptor of a file outside the sandbox's mounts shows its path on the host.
    private = os.path.basename(os.path.dirname(os.path.abspath(sys.argv[sys.argv.index("-f") + 1])))
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(OWN) or os.path.basename(os.path.dirname(target)) == private:
            continue
        try:
            read = len(os.pread(int(fd), 4096, 0))
        except OSError:
            read = 0
        found.append(f"{fd} -> {target} ({read} bytes read)")
    return found


attack(inherited_descriptors)
