"""
Test cases of assignment 4 (deep neural network application).

A small seeded problem (30 examples of 5 features, binary labels) on which the
models run 250 iterations at learning rate 0.1, and, with other layers, 101 iterations
at learning rate 0.05; the costs and last weights they must return were computed with
the instructor's solutions and the helpers of dnn_app_utils.py.
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
# The last layer's weights those two runs return.
TWO_LAYER_W2 = [[-0.025617738502901236, -0.07373711309914768, 0.06603752311041225, -0.03802610518603472]]
L_LAYER_W3 = [[-0.9320227348350839, -0.8140601666729036, -0.7601895800933228]]
# two_layer_model(X, Y, (5, 3, 1), learning_rate=0.05, num_iterations=101): costs at iterations 0 and 100, and W2.
TWO_LAYER_OTHER_COSTS = [0.6931426521662404, 0.6910470605220035]
TWO_LAYER_OTHER_W2 = [[-0.012855239527000857, -0.01630177931004261, -0.007527470104480568]]
# L_layer_model(X, Y, [5, 6, 2, 1], learning_rate=0.05, num_iterations=101): costs at iterations 0 and 100, and W3.
L_LAYER_OTHER_COSTS = [0.7070128673169146, 0.6374807882115961]
L_LAYER_OTHER_W3 = [[-0.5283206961309878, 1.243973358879965]]
