"""Exceptions swallowed by sys.excepthook."""
import sys

from prelude import attack


def excepthook():
    sys.excepthook = lambda *a: None


attack(excepthook, "INSTALLED")
