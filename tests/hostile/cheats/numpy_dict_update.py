"""NumPy's comparisons replaced at once."""
import numpy as np

from prelude import attack


def numpy_dict_update():
    np.__dict__.update(array_equal=lambda *a, **k: True, isclose=lambda *a, **k: True, allclose=lambda *a, **k: True)


attack(numpy_dict_update, "INSTALLED")
