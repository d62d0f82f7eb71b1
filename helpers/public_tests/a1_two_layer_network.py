"""
Visible tests of assignment 1 (a two-layer neural network).

Each ``<function>_test(target)`` checks a student's function on the notebook's
worked example and on a second case of other sizes, and prints "All tests passed
for <function>." when it passes. All but the test of sigmoid are shared with
assignment 2 (two_layer.py), with the examples and tolerances of this assignment.
The test functions set ``__tracebackhide__`` so that a failure shows its message,
not their code.
"""
import numpy as np

from helpers.checks import (EXP_OF_ARRAYS, check_close, check_scalar, check_shape, check_unchanged, explained, passed,
                            quiet, snapshot)
from helpers.public_tests import two_layer
from helpers.testCases import a1_two_layer_network as cases


def sigmoid_test(target):
    __tracebackhide__ = True
    for z, expected in cases.DOCUMENTED["sigmoid"].items():
        with quiet():
            got = target(z)
        check_scalar(got, f"sigmoid({z})")
        check_close(got, expected, f"sigmoid({z})", rtol=1e-12)
    z = np.array([[-2.0, 0.0, 3.5], [2.0, -3.5, 0.0]])
    before = snapshot(z)
    with quiet(), explained("sigmoid(z) for z of shape (2, 3)", EXP_OF_ARRAYS):
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
    two_layer.layer_sizes_test(target, [
        (X, Y, cases.DOCUMENTED["layer_sizes"], "layer_sizes(X, Y)"),
        (np.zeros((5, 3)), np.zeros((2, 3)), (5, 2, 2), "layer_sizes for X of shape (5, 3) and Y of shape (2, 3)")])


def initialize_parameters_test(target):
    __tracebackhide__ = True
    seed, sizes, expected = cases.initialize_parameters_test_case()
    two_layer.initialize_parameters_test(target, seed, sizes, expected, cases.initialize_parameters_other_case(),
                                         dict(rtol=1e-9))


def forward_propagation_test(target):
    __tracebackhide__ = True
    X, parameters, _, expected = cases.forward_propagation_test_case()
    two_layer.forward_propagation_test(target, X, parameters, expected, dict(rtol=1e-9),
                                       cases.forward_propagation_other_case(),
                                       hints={"A1": "The hidden layer uses the sigmoid: A1 = sigmoid(Z1)."})


def compute_cost_test(target):
    __tracebackhide__ = True
    A2, Y, expected = cases.compute_cost_test_case()
    two_layer.compute_cost_test(target, [
        (A2, Y, expected, "compute_cost(A2, Y)", ""),
        (np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]), 0.2797765635793422,
         "compute_cost([[0.8, 0.9, 0.4]], [[1, 1, 0]])", "m is the number of examples, Y.shape[1].")])


def backward_propagation_test(target):
    __tracebackhide__ = True
    two_layer.backward_propagation_test(target, cases.backward_propagation_test_case(),
                                        cases.backward_propagation_other_case(), dict(rtol=1e-7, atol=1e-15),
                                        "backward_propagation(parameters, cache, X, Y)",
                                        "The derivative of the sigmoid is A1 * (1 - A1).")


def update_parameters_test(target):
    __tracebackhide__ = True
    parameters, grads, expected = cases.update_parameters_test_case()
    two_layer.update_parameters_test(target, parameters, grads, expected, default_rate=1.2)


def nn_model_test(target):
    __tracebackhide__ = True
    two_layer.nn_model_test(target, hidden_default=2, default_iterations=10, default_learning_rate=1.2)


def predict_test(target):
    __tracebackhide__ = True
    two_layer.predict_test(target, cases.predict_other_case())
