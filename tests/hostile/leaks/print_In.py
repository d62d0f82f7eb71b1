"""The notebook's inputs (In), which hold the grader's injected cells once they ran."""
import sys

from IPython import get_ipython
from prelude import attack


def print_In():
    print(get_ipython().user_ns["In"], file=sys.stderr)
    return "In"


attack(print_In, "PRINTED")
