"""Test-case inputs and reference outputs, one module per assignment."""
import functools
from importlib import resources

import numpy as np


@functools.lru_cache(maxsize=None)
def stored(assignment):
    """
    The reference outputs stored for an assignment in helpers/data/<assignment>.npz, by key
    (computed with the instructor's solutions by tools/make_reference_data.py). They are
    shared: take copies (``reference``) to hand them out.
    """
    with resources.files("helpers").joinpath(f"data/{assignment}.npz").open("rb") as f:
        data = np.load(f)
        return {key: data[key] for key in data.files}


def reference(assignment, *keys):
    """Copies of the stored reference outputs of an assignment with the given keys, in that order."""
    arrays = stored(assignment)
    return [arrays[key].copy() for key in keys]


def random_network(seed, n_x, n_h, n_y, m):
    """
    X of shape (n_x, m), binary labels Y of shape (n_y, m) and the parameters of a network with one
    hidden layer of n_h units, every bias non-zero, from np.random.RandomState(seed) (the global
    random state is left alone).
    """
    rng = np.random.RandomState(seed)
    X = rng.randn(n_x, m)
    Y = (rng.randn(n_y, m) > 0).astype(np.int64)
    parameters = {"W1": rng.randn(n_h, n_x), "b1": rng.randn(n_h, 1),
                  "W2": rng.randn(n_y, n_h), "b2": rng.randn(n_y, 1)}
    return X, Y, parameters
