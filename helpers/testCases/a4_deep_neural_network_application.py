"""
Test cases of assignment 4 (deep neural network application).

A small seeded problem (30 examples of 5 features, binary labels) on which the
models run 250 iterations at learning rate 0.1; the costs they must return were
computed with the instructor's solutions and the helpers of dnn_app_utils.py.
"""
import numpy as np


def model_test_case():
    """X of shape (5, 30) and binary labels Y of shape (1, 30)."""
    rng = np.random.RandomState(1)
    X = rng.randn(5, 30)
    Y = (rng.randn(1, 30) > 0).astype(int)
    return X, Y


# two_layer_model(X, Y, (5, 4, 1), learning_rate=0.1, num_iterations=250): costs at iterations 0, 100, 200, 249.
TWO_LAYER_COSTS = [0.6931798264655707, 0.6908667547846592, 0.6904821706891949, 0.689864065749587]
# L_layer_model(X, Y, [5, 4, 3, 1], learning_rate=0.1, num_iterations=250): costs at iterations 0, 100, 200, 249.
L_LAYER_COSTS = [0.6669958474240174, 0.6097815041157258, 0.5633301586692625, 0.5381719837398814]
