"""The source of the functions the cells defined, as inspect finds it."""
import inspect
import sys

from IPython import get_ipython
from prelude import attack


def print_inspected_cells():
    ns = get_ipython().user_ns
    print([inspect.getsource(v) for v in ns.values()
           if inspect.isfunction(v) and "ipykernel" in (v.__code__.co_filename or "")][:3], file=sys.stderr)
    return "inspect"


attack(print_inspected_cells, "PRINTED")
