"""The gradebook by climbing from the working folder."""
from prelude import attack, first


def read_gradebook_relative():
    return first(["../" * n + "gradebook.db" for n in range(8)], lambda path: open(path, "rb").read(16))


attack(read_gradebook_relative)
