"""The kernel's input history."""
import sys

from IPython import get_ipython
from prelude import attack


def print_history_manager():
    hm = get_ipython().history_manager
    print(list(hm.input_hist_raw), list(hm.input_hist_parsed), file=sys.stderr)
    return "history manager"


attack(print_history_manager, "PRINTED")
