"""The notebook's results (Out)."""
import sys

from IPython import get_ipython
from prelude import attack


def print_Out():
    print(get_ipython().user_ns["Out"], file=sys.stderr)
    return "Out"


attack(print_Out, "PRINTED")
