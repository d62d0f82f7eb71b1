"""The stacks that the wrapped sigmoid kept of its callers (the grader's code among them)."""
import sys

from IPython import get_ipython
from prelude import attack


def print_stacks_seen_by_sigmoid():
    stacks = get_ipython().user_ns["stacks"]
    print(*stacks, sep="\n", file=sys.stderr)
    return len(stacks)


attack(print_stacks_seen_by_sigmoid, "PRINTED")
