"""The notebook's last inputs (_i, _ii, _iN)."""
import re
import sys

from IPython import get_ipython
from prelude import attack


def print_underscore_i_variables():
    ns = get_ipython().user_ns
    print({k: v for k, v in ns.items() if re.fullmatch(r"_i+\d*", k)}, file=sys.stderr)
    return "_i, _ii, _iN"


attack(print_underscore_i_variables, "PRINTED")
