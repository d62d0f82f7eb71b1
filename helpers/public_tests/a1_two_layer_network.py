"""
Visible tests of assignment 1 (a two-layer neural network).

Each ``<function>_test(target)`` checks a student's function on the document's
worked example and prints "All tests passed for <function>." when it passes.
The tests of nn_model and predict are shared with assignment 2 (two_layer.py).
The test functions set
``__tracebackhide__`` so that a failure shows its message, not their code.
"""
import numpy as np

from helpers.checks import (check_close, check_keys, check_scalar, check_shape, check_type,
                            check_unchanged, fail, passed, preserved_random_state, quiet, snapshot)
from helpers.public_tests import two_layer
from helpers.public_tests.two_layer import PARAMETER_KEYS, check_parameters, check_sizes
from helpers.testCases import a1_two_layer_network as cases

GRAD_KEYS = ("dW1", "db1", "dW2", "db2")
CACHE_KEYS = ("Z1", "A1", "Z2", "A2")


def sigmoid_test(target):
    __tracebackhide__ = True
    for z, expected in cases.DOCUMENTED["sigmoid"].items():
        with quiet():
            got = target(z)
        check_scalar(got, f"sigmoid({z})")
        check_close(got, expected, f"sigmoid({z})", rtol=1e-12)
    z = np.array([[-2.0, 0.0, 3.5], [2.0, -3.5, 0.0]])
    before = snapshot(z)
    with quiet():
        got = target(z)
    check_shape(got, z.shape, "sigmoid(z) for z of shape (2, 3)",
                "sigmoid must work elementwise on arrays: use np.exp, not math.exp.")
    check_close(got, [[0.11920292202211755, 0.5, 0.9706877692486436],
                      [0.8807970779778823, 0.029312230751356326, 0.5]],
                "sigmoid(z) for z of shape (2, 3)", rtol=1e-12)
    check_unchanged(before, z, "z")
    passed("sigmoid")


def layer_sizes_test(target):
    __tracebackhide__ = True
    X, Y = cases.layer_sizes_test_case()
    with quiet():
        got = target(X, Y)
    check_sizes(got, cases.DOCUMENTED["layer_sizes"], "layer_sizes(X, Y)")
    X, Y = np.zeros((5, 3)), np.zeros((2, 3))
    with quiet():
        got = target(X, Y)
    check_sizes(got, (5, 2, 2), "layer_sizes for X of shape (5, 3) and Y of shape (2, 3)")
    passed("layer_sizes")


def initialize_parameters_test(target):
    __tracebackhide__ = True
    seed, (n_x, n_h, n_y), expected = cases.initialize_parameters_test_case()
    call = f"initialize_parameters({n_x}, {n_h}, {n_y})"
    with preserved_random_state(), quiet():
        np.random.seed(seed)
        parameters = target(n_x, n_h, n_y)
    check_parameters(parameters, n_x, n_h, n_y, call)
    for key in ("b1", "b2"):
        check_close(parameters[key], expected[key], f'{call}["{key}"]',
                    hint="Initialise the biases with np.zeros((a, b)).")
    for key in ("W1", "W2"):
        check_close(parameters[key], expected[key], f'{call}["{key}"] after np.random.seed({seed})',
                    rtol=1e-9, hint="Use np.random.randn(a, b) * 0.01, and draw W1 before W2.")
    with preserved_random_state(), quiet():
        parameters = target(4, 3, 2)
    check_parameters(parameters, 4, 3, 2, "initialize_parameters(4, 3, 2)")
    passed("initialize_parameters")


def forward_propagation_test(target):
    __tracebackhide__ = True
    X, parameters, expected_A2, expected_cache = cases.forward_propagation_test_case()
    before = snapshot(parameters)
    with quiet():
        result = target(X, parameters)
    check_type(result, tuple, "the result of forward_propagation(X, parameters)",
               "Return the pair A2, cache.")
    if len(result) != 2:
        fail(f"forward_propagation should return 2 values (A2, cache) but returned {len(result)}.")
    A2, cache = result
    check_shape(A2, expected_A2.shape, "A2", "It should be (n_y, m): one output per example.")
    check_keys(cache, CACHE_KEYS, "cache")
    for key in CACHE_KEYS:
        check_shape(cache[key], expected_cache[key].shape, f'cache["{key}"]')
    for key in CACHE_KEYS:
        check_close(cache[key], expected_cache[key], f'cache["{key}"]', rtol=1e-9)
    check_close(A2, expected_A2, "A2", rtol=1e-9)
    check_close(A2[0, :3], cases.DOCUMENTED["A2_head"], "the first three values of A2", rtol=1e-7)
    check_unchanged(before, parameters, "parameters")
    passed("forward_propagation")


def compute_cost_test(target):
    __tracebackhide__ = True
    A2, Y, expected = cases.compute_cost_test_case()
    with quiet():
        cost = target(A2, Y)
    check_scalar(cost, "compute_cost(A2, Y)")
    check_close(cost, expected, "compute_cost(A2, Y)", rtol=1e-12)
    A2 = np.array([[0.8, 0.9, 0.4]])
    Y = np.array([[1, 1, 0]])
    with quiet():
        cost = target(A2, Y)
    check_scalar(cost, "compute_cost([[0.8, 0.9, 0.4]], [[1, 1, 0]])")
    check_close(cost, 0.2797765635793422, "compute_cost([[0.8, 0.9, 0.4]], [[1, 1, 0]])", rtol=1e-12,
                hint="m is the number of examples, Y.shape[1].")
    passed("compute_cost")


def backward_propagation_test(target):
    __tracebackhide__ = True
    parameters, cache, X, Y, expected = cases.backward_propagation_test_case()
    before = snapshot((parameters, cache))
    with quiet():
        grads = target(parameters, cache, X, Y)
    check_keys(grads, GRAD_KEYS, "grads")
    for key in GRAD_KEYS:
        param = key[1:]
        check_shape(grads[key], parameters[param].shape, f'grads["{key}"]',
                    f"A gradient has the shape of its parameter {param}. Did you forget a transpose "
                    f"or keepdims=True?")
    for key in GRAD_KEYS:
        check_close(grads[key], expected[key], f'grads["{key}"]', rtol=1e-7, atol=1e-15)
    check_unchanged(before, (parameters, cache), "parameters or cache")
    passed("backward_propagation")


def update_parameters_test(target):
    __tracebackhide__ = True
    parameters, grads, expected = cases.update_parameters_test_case()
    before = snapshot((parameters, grads))
    with quiet():
        updated = target(parameters, grads)
    check_unchanged(before, (parameters, grads), "parameters or grads")
    check_keys(updated, PARAMETER_KEYS, "update_parameters(parameters, grads)")
    for key in PARAMETER_KEYS:
        check_shape(updated[key], parameters[key].shape, f'the updated parameters["{key}"]')
    for key in PARAMETER_KEYS:
        check_close(updated[key], expected[1.2][key],
                    f'the updated parameters["{key}"] with the default learning rate',
                    rtol=1e-9, hint="The default learning rate is 1.2; the rule is W1 - learning_rate * dW1.")
    with quiet():
        updated = target(parameters, grads, learning_rate=0.5)
    for key in PARAMETER_KEYS:
        check_close(updated[key], expected[0.5][key], f'the updated parameters["{key}"] with learning_rate=0.5',
                    rtol=1e-9, hint="Use the learning_rate argument, not a fixed number.")
    passed("update_parameters")


def nn_model_test(target):
    two_layer.nn_model_test(target, hidden_default=2, default_iterations=10, default_learning_rate=1.2)


def predict_test(target):
    two_layer.predict_test(target)
