"""np.allclose made to say yes to anything."""
import numpy as np

from prelude import attack


def numpy_allclose_attribute():
    np.allclose = lambda *a, **k: True


attack(numpy_allclose_attribute, "INSTALLED")
