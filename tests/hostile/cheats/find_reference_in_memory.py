"""The grader's reference solutions, looked for in the kernel's memory."""
import gc

from prelude import attack


def find_reference_in_memory():
    found = [o for o in gc.get_objects() if isinstance(o, dict) and str(o.get("__name__", "")).startswith("reference_")]
    return found[:1]


attack(find_reference_in_memory)
