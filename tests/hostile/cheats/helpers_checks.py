"""Every check of the course's helpers made to pass."""
import helpers.checks
from prelude import attack


def helpers_checks():
    for name in dir(helpers.checks):
        value = getattr(helpers.checks, name)
        if callable(value) and not isinstance(value, type):
            setattr(helpers.checks, name, lambda *a, **k: None)


attack(helpers_checks, "INSTALLED")
