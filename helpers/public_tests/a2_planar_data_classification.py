"""
Visible tests of assignment 2 (planar data classification with one hidden layer).

Each ``<function>_test(target)`` checks a student's function on the notebook's
worked example and on a second case of other sizes, and prints "All tests passed
for <function>." when it passes. The tests are shared with assignment 1
(two_layer.py), with the examples and tolerances of this assignment: the worked
examples' expected values are the 8 decimals the notebook prints.
"""
import numpy as np

from helpers.public_tests import two_layer
from helpers.testCases import a2_planar_data_classification as cases

PRINTED = dict(rtol=0, atol=5.1e-9)  # agreement to the 8 decimals the notebook prints


def layer_sizes_test(target):
    __tracebackhide__ = True
    X, Y, expected = cases.layer_sizes_test_case()
    two_layer.layer_sizes_test(target, [
        (X, Y, expected, "layer_sizes(X_assess, Y_assess)"),
        (np.zeros((3, 7)), np.zeros((1, 7)), (3, 4, 1), "layer_sizes for X of shape (3, 7) and Y of shape (1, 7)")])


def initialize_parameters_test(target):
    __tracebackhide__ = True
    seed, sizes, expected = cases.initialize_parameters_test_case()
    two_layer.initialize_parameters_test(target, seed, sizes, expected, cases.initialize_parameters_other_case(),
                                         PRINTED)


def forward_propagation_test(target):
    __tracebackhide__ = True
    X, parameters, expected, mean_A2 = cases.forward_propagation_test_case()
    two_layer.forward_propagation_test(target, X, parameters, expected, PRINTED,
                                       cases.forward_propagation_other_case(), mean=mean_A2,
                                       hints={"A1": "The hidden layer uses tanh: A1 = np.tanh(Z1).",
                                              "A2": "The output layer uses the sigmoid, 1 / (1 + e^(-Z2))."})


def compute_cost_test(target):
    __tracebackhide__ = True
    A2, Y, expected = cases.compute_cost_test_case()
    two_layer.compute_cost_test(target, [
        (A2, Y, expected, "compute_cost(A2, Y_assess)", ""),
        (np.array([[0.8, 0.9, 0.4, 0.3]]), np.array([[1, 1, 0, 1]]), 0.5108256237659907,
         "compute_cost([[0.8, 0.9, 0.4, 0.3]], [[1, 1, 0, 1]])", "m is the number of examples, Y.shape[1].")])


def backward_propagation_test(target):
    __tracebackhide__ = True
    two_layer.backward_propagation_test(target, cases.backward_propagation_test_case(),
                                        cases.backward_propagation_other_case(), dict(rtol=1e-6, atol=1e-12),
                                        "backward_propagation(parameters, cache, X_assess, Y_assess)",
                                        "The derivative of tanh is 1 - A1 ** 2.")


def update_parameters_test(target):
    __tracebackhide__ = True
    parameters, grads, learning_rate, expected = cases.update_parameters_test_case()
    two_layer.update_parameters_test(target, parameters, grads, {learning_rate: expected}, default_rate=0.5)


def nn_model_test(target):
    __tracebackhide__ = True
    two_layer.nn_model_test(target, hidden_default=4, default_iterations=10000, default_learning_rate=0.5)


def predict_test(target):
    __tracebackhide__ = True
    parameters, X, expected = cases.predict_test_case()
    two_layer.predict_test(target, (parameters, X, expected), parameters_first=True)
