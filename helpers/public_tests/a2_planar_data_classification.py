"""
Visible tests of assignment 2 (planar data classification with one hidden layer).

Each ``<function>_test(target)`` checks a student's function on the test case of
the documents (with binary labels where the documents had real-valued ones) and
prints "All tests passed for <function>." when it passes. The tests of nn_model
and predict are shared with assignment 1 (two_layer.py).
"""
import numpy as np

from helpers.checks import (check_close, check_keys, check_scalar, check_shape, check_type,
                            check_unchanged, fail, passed, preserved_random_state, quiet, snapshot)
from helpers.public_tests import two_layer
from helpers.public_tests.two_layer import PARAMETER_KEYS, check_parameters, check_sizes
from helpers.testCases import a2_planar_data_classification as cases

GRAD_KEYS = ("dW1", "db1", "dW2", "db2")
CACHE_KEYS = ("Z1", "A1", "Z2", "A2")
PRINTED = dict(rtol=0, atol=5.1e-9)  # agreement to the 8 decimals the documents print


def layer_sizes_test(target):
    __tracebackhide__ = True
    X, Y, expected = cases.layer_sizes_test_case()
    with quiet():
        got = target(X, Y)
    check_sizes(got, expected, "layer_sizes(X_assess, Y_assess)")
    with quiet():
        got = target(np.zeros((3, 7)), np.zeros((1, 7)))
    check_sizes(got, (3, 4, 1), "layer_sizes for X of shape (3, 7) and Y of shape (1, 7)")
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
                    hint="Use np.random.randn(a, b) * 0.01, draw W1 before W2, and do not seed inside "
                         "the function.", **PRINTED)
    with preserved_random_state(), quiet():
        parameters = target(2, 4, 1)
    check_parameters(parameters, 2, 4, 1, "initialize_parameters(2, 4, 1)")
    passed("initialize_parameters")


def forward_propagation_test(target):
    __tracebackhide__ = True
    X, parameters, expected, mean_A2 = cases.forward_propagation_test_case()
    before = snapshot((X, parameters))
    with quiet():
        result = target(X, parameters)
    check_type(result, tuple, "the result of forward_propagation(X, parameters)", "Return the pair A2, cache.")
    if len(result) != 2:
        fail(f"forward_propagation should return 2 values (A2, cache) but returned {len(result)}.")
    A2, cache = result
    check_shape(A2, (1, 3), "A2", "It should be (n_y, m): one output per example.")
    check_keys(cache, CACHE_KEYS, "cache")
    for key in CACHE_KEYS:
        check_shape(cache[key], expected[key].shape, f'cache["{key}"]')
    for key in CACHE_KEYS:
        hint = "The hidden layer uses tanh: A1 = np.tanh(Z1)." if key == "A1" else ""
        check_close(cache[key], expected[key], f'cache["{key}"]', hint=hint, **PRINTED)
    check_close(A2, expected["A2"], "A2", **PRINTED)
    check_close(np.mean(A2), mean_A2, "np.mean(A2)", rtol=1e-12)
    check_unchanged(before, (X, parameters), "X or parameters")
    passed("forward_propagation")


def compute_cost_test(target):
    __tracebackhide__ = True
    A2, Y, expected = cases.compute_cost_test_case()
    with quiet():
        cost = target(A2, Y)
    check_scalar(cost, "compute_cost(A2, Y_assess)")
    check_close(cost, expected, "compute_cost(A2, Y_assess)", rtol=1e-12)
    A2, Y = np.array([[0.8, 0.9, 0.4, 0.3]]), np.array([[1, 1, 0, 1]])
    with quiet():
        cost = target(A2, Y)
    check_scalar(cost, "compute_cost([[0.8, 0.9, 0.4, 0.3]], [[1, 1, 0, 1]])")
    check_close(cost, 0.5108256237659907, "compute_cost([[0.8, 0.9, 0.4, 0.3]], [[1, 1, 0, 1]])",
                rtol=1e-12, hint="m is the number of examples, Y.shape[1].")
    passed("compute_cost")


def backward_propagation_test(target):
    __tracebackhide__ = True
    parameters, cache, X, Y, expected = cases.backward_propagation_test_case()
    before = snapshot((parameters, cache, X, Y))
    with quiet():
        grads = target(parameters, cache, X, Y)
    check_keys(grads, GRAD_KEYS, "grads")
    for key in GRAD_KEYS:
        check_shape(grads[key], parameters[key[1:]].shape, f'grads["{key}"]',
                    f"A gradient has the shape of its parameter {key[1:]}. Did you forget a transpose "
                    f"or keepdims=True?")
    for key in GRAD_KEYS:
        hint = "The derivative of tanh is 1 - A1 ** 2." if key in ("dW1", "db1") else ""
        check_close(grads[key], expected[key], f'grads["{key}"]', rtol=1e-6, atol=1e-12, hint=hint)
    check_unchanged(before, (parameters, cache, X, Y), "parameters, cache, X or Y")
    passed("backward_propagation")


def update_parameters_test(target):
    __tracebackhide__ = True
    parameters, grads, learning_rate, expected = cases.update_parameters_test_case()
    before = snapshot((parameters, grads))
    for call, kwargs in ((f"update_parameters(parameters, grads, learning_rate={learning_rate})",
                          {"learning_rate": learning_rate}),
                         ("update_parameters(parameters, grads) with its default learning rate", {})):
        with quiet():
            updated = target(parameters, grads, **kwargs)
        check_unchanged(before, (parameters, grads), "parameters or grads")
        check_keys(updated, PARAMETER_KEYS, call)
        for key in PARAMETER_KEYS:
            check_shape(updated[key], parameters[key].shape, f'{call}["{key}"]')
            check_close(updated[key], expected[key], f'{call}["{key}"]', rtol=1e-9, atol=1e-15,
                        hint="The rule is W1 - learning_rate * dW1; the default learning rate is 0.5.")
    with quiet():
        unchanged = target(parameters, grads, learning_rate=0)
    for key in PARAMETER_KEYS:
        check_close(unchanged[key], parameters[key], f'update_parameters(..., learning_rate=0)["{key}"]',
                    hint="With learning_rate=0 nothing moves: use the learning_rate argument.")
    passed("update_parameters")


def nn_model_test(target):
    two_layer.nn_model_test(target, hidden_default=4, default_iterations=10000, default_learning_rate=0.5)


def predict_test(target):
    two_layer.predict_test(target, parameters_first=True)
