"""
Test cases of assignment 3 (building a deep neural network, step by step).

Inputs are drawn from private seeded generators (the global random state is left
alone). The values the notebook prints are kept in ``DOCUMENTED``; the outputs of the
other cases, computed with the instructor's solutions, are stored at full
precision in ``helpers/data/a3_deep_neural_network.npz`` (written by
``tools/make_reference_data.py``). Each function has a second case of other sizes
(``*_other_case``), so that only code that follows the formulas passes both.
"""
import functools

import numpy as np

from helpers import testCases

DOCUMENTED = {
    "initialize_parameters": {
        "W1": [[0.01624345, -0.00611756, -0.00528172], [-0.01072969, 0.00865408, -0.02301539]],
        "W2": [[0.01744812, -0.00761207]],
    },
    "initialize_parameters_deep": {
        "W1": [[0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388],
               [-0.00354759, -0.00082741, -0.00627001, -0.00043818, -0.00477218],
               [-0.01313865, 0.00884622, 0.00881318, 0.01709573, 0.00050034],
               [-0.00404677, -0.0054536, -0.01546477, 0.00982367, -0.01101068]],
        "W2": [[-0.01185047, -0.0020565, 0.01486148, 0.00236716],
               [-0.01023785, -0.00712993, 0.00625245, -0.00160513],
               [-0.00768836, -0.00230031, 0.00745056, 0.01976111]],
    },
    "cost": 0.2797765635793422,
}

# The other cases' sizes, and compute_cost's other case: (AL, Y, the cost).
OTHER_SIZES = (4, 3, 2)
OTHER_LAYER_DIMS = [4, 3, 2, 2, 1]
OTHER_COST = ([[0.3, 0.6, 0.9, 0.2]], [[0, 1, 1, 0]], 0.2990011586691898)


# Copies of the stored reference outputs with the given keys: reference("linear_forward.Z").
reference = functools.partial(testCases.reference, "a3_deep_neural_network")


def _rng(seed):
    return np.random.RandomState(seed)


def linear_forward_test_case():
    """A of shape (3, 2), W of shape (1, 3), b of shape (1, 1)."""
    rng = _rng(1)
    return rng.randn(3, 2), rng.randn(1, 3), rng.randn(1, 1)


def linear_activation_forward_test_case():
    """A_prev of shape (3, 2), W of shape (1, 3), b of shape (1, 1)."""
    rng = _rng(2)
    return rng.randn(3, 2), rng.randn(1, 3), rng.randn(1, 1)


def L_model_forward_test_case():
    """X of shape (5, 4) and the parameters of a 3-layer network with layer_dims [5, 4, 3, 1]."""
    rng = _rng(6)
    X = rng.randn(5, 4)
    parameters = {}
    for l, (n, n_prev) in enumerate(((4, 5), (3, 4), (1, 3)), start=1):
        parameters["W" + str(l)] = rng.randn(n, n_prev)
        parameters["b" + str(l)] = rng.randn(n, 1)
    return X, parameters


def compute_cost_test_case():
    """The example's labels Y and output AL."""
    return np.array([[1, 1, 0]]), np.array([[0.8, 0.9, 0.4]])


def linear_backward_test_case():
    """dZ of shape (3, 4) and the linear cache (A_prev, W, b) of a layer of 3 units after one of 5."""
    rng = _rng(1)
    dZ = rng.randn(3, 4)
    return dZ, (rng.randn(5, 4), rng.randn(3, 5), rng.randn(3, 1))


def linear_activation_backward_test_case():
    """dA of shape (1, 2) and the cache ((A_prev, W, b), Z) of a layer of 1 unit after one of 3."""
    rng = _rng(2)
    dA = rng.randn(1, 2)
    A, W, b = rng.randn(3, 2), rng.randn(1, 3), rng.randn(1, 1)
    return dA, ((A, W, b), W @ A + b)


def L_model_backward_test_case():
    """AL, Y and the caches of a consistent forward pass of a 2-layer network, layer_dims [4, 3, 1]."""
    rng = _rng(3)
    X = rng.randn(4, 2)
    W1, b1 = rng.randn(3, 4), rng.randn(3, 1)
    W2, b2 = rng.randn(1, 3), rng.randn(1, 1)
    Z1 = W1 @ X + b1
    A1 = np.maximum(0, Z1)
    Z2 = W2 @ A1 + b2
    AL = 1 / (1 + np.exp(-Z2))
    caches = [((X, W1, b1), Z1), ((A1, W2, b2), Z2)]
    return AL, np.array([[1, 0]]), caches


def update_parameters_test_case():
    """The parameters and gradients of a 2-layer network, layer_dims [4, 3, 1]."""
    rng = _rng(2)
    parameters, grads = {}, {}
    for l, (n, n_prev) in enumerate(((3, 4), (1, 3)), start=1):
        parameters["W" + str(l)] = rng.randn(n, n_prev)
        parameters["b" + str(l)] = rng.randn(n, 1)
    for l, (n, n_prev) in enumerate(((3, 4), (1, 3)), start=1):
        grads["dW" + str(l)] = rng.randn(n, n_prev)
        grads["db" + str(l)] = rng.randn(n, 1)
    return parameters, grads


def _other_layer(seed):
    """A of shape (4, 3), W of shape (2, 4) and b of shape (2, 1): a layer of 2 units after one of 4, m=3."""
    rng = _rng(seed)
    return rng.randn(4, 3), rng.randn(2, 4), rng.randn(2, 1)


def initialize_parameters_other_case():
    """The sizes (n_x, n_h, n_y) = OTHER_SIZES and the parameters the function gives for them."""
    keys = ("W1", "b1", "W2", "b2")
    return OTHER_SIZES, dict(zip(keys, reference(*(f"initialize_parameters.other.{k}" for k in keys))))


def initialize_parameters_deep_other_case():
    """OTHER_LAYER_DIMS and the parameters the function gives for them."""
    keys = [f"{p}{l}" for l in range(1, len(OTHER_LAYER_DIMS)) for p in "Wb"]
    return list(OTHER_LAYER_DIMS), dict(zip(keys, reference(*(f"initialize_parameters_deep.other.{k}" for k in keys))))


def linear_forward_other_case():
    """A, W and b of another layer."""
    return _other_layer(4)


def linear_activation_forward_other_case():
    """A_prev, W and b of another layer."""
    return _other_layer(5)


def linear_backward_other_case():
    """dZ of shape (2, 3) and the linear cache (A_prev, W, b) of another layer."""
    A_prev, W, b = _other_layer(7)
    return _rng(17).randn(2, 3), (A_prev, W, b)


def linear_activation_backward_other_case():
    """dA of shape (2, 3) and the cache ((A_prev, W, b), Z) of another layer."""
    A, W, b = _other_layer(8)
    return _rng(18).randn(2, 3), ((A, W, b), W @ A + b)
