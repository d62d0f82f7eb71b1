"""
Test cases of assignment 2 (planar data classification with one hidden layer).

The worked examples of the notebook: random arrays drawn after seeding with 2030
(here from a private generator, so the global random state is left alone) and
fixed small parameters and caches, with binary labels (``randn(...) > 0``). Their
expected outputs are printed in the notebook to 8 decimals. A second, smaller case
of some functions (``*_other_case``) has other sizes, another seed and non-zero
biases; its expected outputs, computed with the instructor's solutions, are stored
at full precision in ``helpers/data/a2_planar_data_classification.npz`` (written by
``tools/make_reference_data.py``).
"""
import functools

import numpy as np

from helpers import testCases

SEED = 2030
# The other cases: initialize_parameters after another seed, with other sizes (seed, (n_x, n_h, n_y)),
# and a network of n_x=3, n_h=4, n_y=2 units on m=5 examples, every bias non-zero.
OTHER_INIT = (1, (3, 2, 2))
OTHER_NETWORK = dict(seed=7, n_x=3, n_h=4, n_y=2, m=5)

# Copies of the stored reference outputs with the given keys: reference("net.A1").
reference = functools.partial(testCases.reference, "a2_planar_data_classification")


def _draw(*shapes):
    rng = np.random.RandomState(SEED)
    return [rng.randn(*shape) for shape in shapes]


def _parameters():
    return {"W1": np.array([[-0.00416758, -0.00056267],
                            [-0.02136196, 0.01640271],
                            [-0.01793436, -0.00841747],
                            [0.00502881, -0.01245288]]),
            "W2": np.array([[-0.01057952, -0.00909008, 0.00551454, 0.02292208]]),
            "b1": np.array([[0.], [0.], [0.], [0.]]),
            "b2": np.array([[0.]])}


def _trained_parameters():
    return {"W1": np.array([[-0.00615039, 0.0169021],
                            [-0.02311792, 0.03137121],
                            [-0.0169217, -0.01752545],
                            [0.00935436, -0.05018221]]),
            "W2": np.array([[-0.0104319, -0.04019007, 0.01607211, 0.04440255]]),
            "b1": np.array([[-8.97523455e-07], [8.15562092e-06], [6.04810633e-07], [-2.54560700e-06]]),
            "b2": np.array([[9.14954378e-05]])}


def layer_sizes_test_case():
    """X_assess of shape (5, 3) and Y_assess of shape (2, 3); expected sizes (5, 4, 2)."""
    X_assess, Y_assess = _draw((5, 3), (2, 3))
    return X_assess, Y_assess, (5, 4, 2)


def initialize_parameters_test_case():
    """The seed, the sizes (n_x, n_h, n_y) = (5, 4, 2) and the parameters they yield (as printed, 8 decimals)."""
    expected = {
        "W1": np.array([[0.0140356, -0.01123472, 0.00181204, 0.00371685, 0.00331453],
                        [0.00616523, -0.00719542, 0.00392973, -0.01472587, 0.01631223],
                        [0.00700217, -0.00210701, 0.00322235, 0.0085826, 0.01209621],
                        [-0.01813631, -0.01153197, 0.00429659, -0.00105094, 0.00331243]]),
        "W2": np.array([[0.00530549, 0.00229905, -0.00579193, -0.00166288],
                        [-0.00867708, 0.00637114, -0.00827742, -0.00441255]]),
        "b1": np.zeros((4, 1)),
        "b2": np.zeros((2, 1)),
    }
    return SEED, (5, 4, 2), expected


def forward_propagation_test_case():
    """X_assess of shape (2, 3), the example's parameters, the cache (as printed) and the mean of A2."""
    (X_assess,) = _draw((2, 3))
    cache = {
        "Z1": np.array([[-0.00605859, 0.00449566, -0.00110208],
                        [-0.02388616, 0.02943629, 0.00624179],
                        [-0.0283006, 0.01735875, -0.00843933],
                        [0.00242969, -0.00977727, -0.00676625]]),
        "A1": np.array([[-0.00605851, 0.00449563, -0.00110208],
                        [-0.02388161, 0.02942779, 0.00624171],
                        [-0.02829305, 0.01735701, -0.00843913],
                        [0.00242968, -0.00977696, -0.00676615]]),
        "Z2": np.array([[0.00018085, -0.00044345, -0.00024671]]),
        "A2": np.array([[0.50004521, 0.49988914, 0.49993832]]),
    }
    return X_assess, _parameters(), cache, 0.4999575572533775


def compute_cost_test_case():
    """The example's A2, binary labels (randn(1, 3) > 0, as integers), and the cost they give."""
    (draw,) = _draw((1, 3))
    a2 = np.array([[0.5002307, 0.49985831, 0.50023963]])
    return a2, (draw > 0).astype(np.int64), 0.6927392543483354


def backward_propagation_test_case():
    """The example's parameters and cache, X of shape (2, 3), binary Y, and the gradients they give."""
    X_assess, y = _draw((2, 3), (1, 3))
    cache = {
        "A1": np.array([[-0.00616578, 0.0020626, 0.00349619],
                        [-0.05225116, 0.02725659, -0.02646251],
                        [-0.02009721, 0.0036869, 0.02883756],
                        [0.02152675, -0.01385234, 0.02599885]]),
        "A2": np.array([[0.5002307, 0.49985831, 0.50023963]]),
        "Z1": np.array([[-0.00616586, 0.0020626, 0.0034962],
                        [-0.05229879, 0.02726335, -0.02646869],
                        [-0.02009991, 0.00368692, 0.02884556],
                        [0.02153007, -0.01385322, 0.02600471]]),
        "Z2": np.array([[0.00092281, -0.00056678, 0.00095853]]),
    }
    grads = {
        "dW1": np.array([[-0.00477705551695841, -0.00115864760651349],
                         [-0.00409734283041229, -0.00099373853914373],
                         [0.00248940609811443, 0.00060335453539854],
                         [0.01034664338240722, 0.002508449111892]]),
        "db1": np.array([[-0.00176433116061504], [-0.00151193538490909],
                         [0.00091857052063901], [0.00381923625528427]]),
        "dW2": np.array([[-0.0007889906344101, -0.01766912918004013, 0.00084282550709827,
                          0.01023404302123503]]),
        "db2": np.array([[0.16677621333333337]]),
    }
    return _parameters(), cache, X_assess, (y > 0).astype(np.int64), grads


def update_parameters_test_case():
    """The example's parameters and gradients, the learning rate 0.5, and the parameters after one step."""
    grads = {
        "dW1": np.array([[0.00023322, -0.00205423],
                         [0.00082222, -0.00700776],
                         [-0.00031831, 0.0028636],
                         [-0.00092857, 0.00809933]]),
        "dW2": np.array([[-1.75740039e-05, 3.70231337e-03, -1.25683095e-03, -2.55715317e-03]]),
        "db1": np.array([[1.05570087e-07], [-3.81814487e-06], [-1.90155145e-07], [5.46467802e-07]]),
        "db2": np.array([[-1.08923140e-05]]),
    }
    updated = {
        "W1": np.array([[-0.006267, 0.017929215],
                        [-0.02352903, 0.03487509],
                        [-0.016762545, -0.01895725],
                        [0.009818645, -0.054231875]]),
        "W2": np.array([[-0.01042311299805, -0.042041226685, 0.016700525475, 0.045681126585]]),
        "b1": np.array([[-9.50308498500e-07], [1.0064693355e-05], [6.998882055e-07], [-2.818840901e-06]]),
        "b2": np.array([[9.69415948e-05]]),
    }
    return _trained_parameters(), grads, 0.5, updated


def nn_model_test_case():
    """X_assess of shape (2, 3) and binary labels Y_assess of shape (1, 3)."""
    X_assess, y = _draw((2, 3), (1, 3))
    return X_assess, (y > 0).astype(np.int64)


def predict_test_case():
    """The example's trained parameters, X_assess of shape (2, 3), and the predictions [[1, 0, 0]]."""
    (X_assess,) = _draw((2, 3))
    return _trained_parameters(), X_assess, np.array([[1, 0, 0]])


def _stored(prefix, *keys):
    """Copies of the stored arrays named prefix + key, keyed by key."""
    return dict(zip(keys, reference(*(prefix + key for key in keys))))


def initialize_parameters_other_case():
    """Another seed, other sizes (n_x, n_h, n_y), and the parameters they yield."""
    seed, sizes = OTHER_INIT
    return seed, sizes, _stored("init.", "W1", "b1", "W2", "b2")


def forward_propagation_other_case():
    """X and the parameters of the other network, and the expected cache."""
    X, _, parameters = testCases.random_network(**OTHER_NETWORK)
    return X, parameters, _stored("net.", "Z1", "A1", "Z2", "A2")


def backward_propagation_other_case():
    """The parameters, cache, X and Y of the other network, and the expected gradients."""
    X, Y, parameters = testCases.random_network(**OTHER_NETWORK)
    return parameters, _stored("net.", "Z1", "A1", "Z2", "A2"), X, Y, _stored("net.", "dW1", "db1", "dW2", "db2")
