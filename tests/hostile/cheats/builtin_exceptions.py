"""NotImplementedError and AssertionError made warnings, which nothing treats as a failure."""
import builtins

from prelude import attack


def builtin_exceptions():
    builtins.NotImplementedError = type("NotImplementedError", (Warning,), {})
    builtins.AssertionError = type("AssertionError", (Warning,), {})


attack(builtin_exceptions, "INSTALLED")
