"""NumPy's testing assertions made to pass."""
import numpy as np

from prelude import attack


def numpy_testing():
    np.testing.assert_allclose = lambda *a, **k: None
    np.testing.assert_array_equal = lambda *a, **k: None


attack(numpy_testing, "INSTALLED")
