"""One NumPy array far beyond the sandbox's memory."""
import numpy as np

from prelude import TARGETS, attack


def numpy_array():
    a = np.ones(TARGETS["memory_bytes"], dtype=np.uint8)
    return f"allocated {a.nbytes} bytes"


attack(numpy_array)
