"""np.allclose replaced through the module's namespace."""
import numpy as np

from prelude import attack


def numpy_allclose_vars():
    vars(np)["allclose"] = lambda *a, **k: True


attack(numpy_allclose_vars, "INSTALLED")
