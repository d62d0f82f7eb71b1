"""A sparse file as large as the whole target."""
import os

from prelude import TARGETS, attack


def sparse_file():
    name = "sparse-" + TARGETS["mark"]
    with open(name, "wb") as f:
        f.seek(TARGETS["disk_bytes"])
        f.write(b"x")
    os.remove(name)
    return f"a sparse file of {TARGETS['disk_bytes'] >> 20} MiB"


attack(sparse_file)
