"""Memory taken and touched 256 MiB at a time."""
import numpy as np

from prelude import TARGETS, attack


def touched_chunks():
    chunk = min(256 * 2**20, TARGETS["memory_bytes"])
    chunks = []
    try:
        while len(chunks) * chunk < TARGETS["memory_bytes"]:
            chunks.append(np.ones(chunk, dtype=np.uint8))
    except MemoryError:
        print(f"  MemoryError after {(len(chunks) * chunk) >> 20} MiB")
        return None
    finally:
        del chunks
    return f"{TARGETS['memory_bytes'] >> 20} MiB touched"


attack(touched_chunks)
