"""
Test cases of assignment 1 (a two-layer neural network).

The document's worked example is the dataset of ``helpers.datasets.load_blobs``
with parameters initialised after ``np.random.seed(3)``. Its inputs and outputs,
at full precision, are stored in ``helpers/data/a1_two_layer_network.npz``
(written by ``tools/make_reference_data.py`` from the instructor's notebook);
the values the document prints are kept here as well, to the digits it prints.
A second, smaller case of each function (``*_other_case``) has other sizes, another
seed and non-zero biases, so that only code that follows the formulas passes both.
"""
import numpy as np

from helpers.datasets import load_blobs
from helpers.testCases import random_network, reference

# What the document prints for its worked example.
DOCUMENTED = {
    "sigmoid": {-2: 0.11920292202211755, 0: 0.5, 3.5: 0.9706877692486436},
    "layer_sizes": (2, 2, 1),
    "W1": [[0.01788628, 0.0043651], [0.00096497, -0.01863493]],
    "W2": [[-0.00277388, -0.00354759]],
    "A2_head": [0.49920157, 0.49922234, 0.49921223],
    "A2_tail": [0.49921215, 0.49921043, 0.49920665],
    "cost": 0.6931477703826823,
    "dW1": [[-1.49856632e-05, 1.67791519e-05], [-2.12394543e-05, 2.43895135e-05]],
    "db1": [[5.11207671e-07], [7.06236219e-07]],
    "dW2": [[-0.00032641, -0.0002606]],
    "db2": [[-0.00078732]],
    "W1_updated": [[0.01790427, 0.00434496], [0.00099046, -0.01866419]],
    "b1_updated": [[-6.13449205e-07], [-8.47483463e-07]],
    "W2_updated": [[-0.00238219, -0.00323487]],
    "b2_updated": [[0.00094478]],
}


def _arrays(*keys, suffix="", prefix=""):
    """Copies of the stored arrays named prefix + key + suffix, keyed by key."""
    return dict(zip(keys, reference("a1_two_layer_network", *(prefix + key + suffix for key in keys))))


def layer_sizes_test_case():
    """The document's dataset: X of shape (2, 2000), Y of shape (1, 2000)."""
    return load_blobs()


def initialize_parameters_test_case():
    """Returns the seed and layer sizes of the document's example, and the parameters it yields."""
    expected = _arrays("W1", "b1", "W2", "b2")
    return 3, (2, 2, 1), expected


def forward_propagation_test_case():
    """Returns X, parameters of the document's example, and the expected A2 and cache."""
    X, _ = load_blobs()
    parameters = _arrays("W1", "b1", "W2", "b2")
    cache = _arrays("Z1", "A1", "Z2", "A2")
    return X, parameters, cache["A2"], cache


def compute_cost_test_case():
    """Returns A2 and Y of the document's example and the expected cost."""
    _, Y = load_blobs()
    return _arrays("A2")["A2"], Y, DOCUMENTED["cost"]


def backward_propagation_test_case():
    """Returns parameters, cache, X, Y of the document's example and the expected gradients."""
    X, Y = load_blobs()
    parameters = _arrays("W1", "b1", "W2", "b2")
    cache = _arrays("Z1", "A1", "Z2", "A2")
    grads = _arrays("dW1", "db1", "dW2", "db2")
    return parameters, cache, X, Y, grads


def update_parameters_test_case():
    """
    Returns parameters and grads of the document's example, and the updated
    parameters for learning_rate=1.2 (the default) and learning_rate=0.5.
    """
    parameters = _arrays("W1", "b1", "W2", "b2")
    grads = _arrays("dW1", "db1", "dW2", "db2")
    updated = {rate: _arrays("W1", "b1", "W2", "b2", suffix=f"_updated_{tag}")
               for rate, tag in ((1.2, "default"), (0.5, "half"))}
    return parameters, grads, updated


# The other cases: initialize_parameters after another seed, with other sizes (seed, (n_x, n_h, n_y)),
# and a network of n_x=3, n_h=4, n_y=2 units on m=5 examples, every bias non-zero.
OTHER_INIT = (1, (4, 3, 2))
OTHER_NETWORK = dict(seed=5, n_x=3, n_h=4, n_y=2, m=5)


def initialize_parameters_other_case():
    """Returns another seed, other sizes (n_x, n_h, n_y), and the parameters they yield."""
    seed, sizes = OTHER_INIT
    return seed, sizes, _arrays("W1", "b1", "W2", "b2", prefix="init.")


def forward_propagation_other_case():
    """Returns X and the parameters of the other network, and the expected cache."""
    X, _, parameters = random_network(**OTHER_NETWORK)
    return X, parameters, _arrays("Z1", "A1", "Z2", "A2", prefix="net.")


def backward_propagation_other_case():
    """Returns parameters, cache, X, Y of the other network and the expected gradients."""
    X, Y, parameters = random_network(**OTHER_NETWORK)
    cache = _arrays("Z1", "A1", "Z2", "A2", prefix="net.")
    return parameters, cache, X, Y, _arrays("dW1", "db1", "dW2", "db2", prefix="net.")


def predict_other_case():
    """
    The parameters that the document prints after training, the four points it predicts
    (one per column), and the predictions it prints for them.
    """
    parameters = {"W1": np.array([[1.97400732, -1.68735181], [2.21244075, -1.96207282]]),
                  "b1": np.array([[-4.83489386], [6.31854573]]),
                  "W2": np.array([[-7.25665649, 7.11965784]]), "b2": np.array([[-3.44475406]])}
    return parameters, np.array([[2, 8, 2, 8], [2, 8, 8, 2]]), np.array([[True, True, False, False]])
