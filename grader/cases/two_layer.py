"""
Graded cases shared by the assignments whose network has one hidden layer
(assignments 1 and 2): random networks and the inputs of backward_propagation, and
the cases of update_parameters and nn_model that do not depend on the hidden
layer's activation.

What they draw from ``rng``, and in which order, is part of every student's
cases: a change here changes the cases of both assignments.
"""
import numpy as np

from grader.judging import Case
from helpers.checks import check_type, fail
from helpers.public_tests.two_layer import check_sizes as check_sizes_named

# The graded functions nn_model calls, replaced by stand-ins when it is graded.
TWO_LAYER = ("layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost",
             "backward_propagation", "update_parameters")


def check_sizes(got, expected, case):
    """layer_sizes returned the three sizes (n_x, n_h, n_y), integers, each as expected."""
    __tracebackhide__ = True
    check_sizes_named(got, tuple(expected), case.label)


def check_two_calls_differ(got, expected, case):
    """Two calls of initialize_parameters in a row gave two different W1: the function does not seed itself."""
    __tracebackhide__ = True
    check_type(got, (tuple, list), case.label)
    W1s = [r.get("W1") if isinstance(r, dict) else None for r in got]
    if len(W1s) != 2 or not all(isinstance(W1, np.ndarray) for W1 in W1s):
        fail(f"{case.label}: each call should return a dictionary holding the array W1.")
    if np.array_equal(W1s[0], W1s[1]):
        fail(f"{case.label} gave the same W1 twice: do not call np.random.seed inside the function.")


def random_sizes(rng, low=1, high=8):
    """Three sizes in [low, high), e.g. n_x, n_h, n_y."""
    return tuple(int(v) for v in rng.integers(low, high, size=3))


def random_parameters(rng, n_x, n_h, n_y, hidden_scale=1.0, output_scale=1.0):
    """Gaussian parameters of a network with those sizes, the weights of each layer scaled."""
    return {"W1": rng.normal(size=(n_h, n_x)) * hidden_scale, "b1": rng.normal(size=(n_h, 1)),
            "W2": rng.normal(size=(n_y, n_h)) * output_scale, "b2": rng.normal(size=(n_y, 1))}


def backward_propagation_inputs(rng, hidden):
    """
    The arguments (parameters, cache, X, Y) of backward_propagation for random networks of several
    sizes, each after its sizes as a label gives them ("n_x=3, n_h=4, n_y=1, m=7"). The cache is that
    of the forward pass with the activation ``hidden`` in the hidden layer: an input, not an expected value.
    """
    for n_x, n_h, n_y in [(3, 4, 1), (2, 1, 1), (4, 3, 2), random_sizes(rng, 1, 6)]:
        m = int(rng.integers(2, 25))
        X = rng.normal(size=(n_x, m))
        Y = rng.integers(0, 2, size=(n_y, m))
        p = random_parameters(rng, n_x, n_h, n_y)
        Z1 = p["W1"] @ X + p["b1"]
        A1 = hidden(Z1)
        Z2 = p["W2"] @ A1 + p["b2"]
        cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": 1 / (1 + np.exp(-Z2))}
        yield f"n_x={n_x}, n_h={n_h}, n_y={n_y}, m={m}", (p, cache, X, Y)


def update_parameters_cases(rng, rate_format="", **judging):
    """
    update_parameters on random parameters and gradients, with its default learning
    rate and with a random one.

    rate_format -- how the labels write the learning rate (format(rate, rate_format))
    judging -- further fields of the cases (check, ...)
    """
    for n_x, n_h, n_y in [(3, 4, 1), random_sizes(rng, 1, 7)]:
        p = random_parameters(rng, n_x, n_h, n_y)
        g = {"d" + k: rng.normal(size=v.shape) for k, v in p.items()}
        network = f"(n_x={n_x}, n_h={n_h}, n_y={n_y})"
        yield Case("update_parameters", (p, g), rtol=1e-9, **judging,
                   label=f"update_parameters with its default learning rate {network}")
        rate = float(rng.uniform(0.001, 2))
        yield Case("update_parameters", (p, g), {"learning_rate": rate}, rtol=1e-9, **judging,
                   label=f"update_parameters with learning_rate={rate:{rate_format}} {network}")


def training_runs(rng):
    """The random training runs of nn_model: (n_x, n_h, n_y, m, num_iterations, learning_rate) each."""
    for n_x, n_h, n_y in [(2, 3, 1), (4, 1, 1), random_sizes(rng, 1, 6)]:
        yield n_x, n_h, n_y, int(rng.integers(5, 60)), int(rng.integers(2, 30)), float(rng.uniform(0.1, 2))
