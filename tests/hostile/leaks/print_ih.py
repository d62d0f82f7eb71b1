"""The notebook's inputs (_ih)."""
import sys

from IPython import get_ipython
from prelude import attack


def print_ih():
    print(get_ipython().user_ns["_ih"], file=sys.stderr)
    return "_ih"


attack(print_ih, "PRINTED")
