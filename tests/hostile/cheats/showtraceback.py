"""Tracebacks never shown."""
from IPython import get_ipython
from prelude import attack


def showtraceback():
    get_ipython().showtraceback = lambda *a, **k: None


attack(showtraceback, "INSTALLED")
