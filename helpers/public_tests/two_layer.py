"""
Visible tests shared by the assignments whose network has one hidden layer
(assignments 1 and 2): the layer sizes, the parameters' shapes, the wiring of
nn_model and the threshold of predict.

The tests of nn_model and predict replace the functions those two call with
stand-ins, so that they judge the loop and the threshold alone: a mistake in an
earlier exercise does not fail them.
"""
import contextlib
import io
import numbers

import numpy as np

from helpers.checks import (check_array, check_keys, check_predictions, check_shape, check_type, fail,
                            passed, quiet, substituted)

PARAMETER_KEYS = ("W1", "b1", "W2", "b2")


def check_sizes(got, expected, call):
    __tracebackhide__ = True
    check_type(got, (tuple, list), call, "Return the three sizes as a tuple (n_x, n_h, n_y).")
    if len(got) != 3:
        fail(f"{call} should return 3 values (n_x, n_h, n_y) but returned {len(got)}.")
    for name, g, e in zip(("n_x", "n_h", "n_y"), got, expected):
        if not isinstance(g, numbers.Integral):
            fail(f"{call}: {name} should be an integer but is {g!r} of type {type(g).__name__}.")
        if g != e:
            hint = {"n_x": "It is the number of rows of X, X.shape[0].",
                    "n_h": f"The hidden layer has {expected[1]} units in this exercise.",
                    "n_y": "It is the number of rows of Y, Y.shape[0]."}[name]
            fail(f"{call}: {name} is {g} but should be {e}. {hint}")


def check_parameters(parameters, n_x, n_h, n_y, call):
    __tracebackhide__ = True
    check_keys(parameters, PARAMETER_KEYS, call)
    shapes = {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
    dims = {"W1": "(n_h, n_x)", "b1": "(n_h, 1)", "W2": "(n_y, n_h)", "b2": "(n_y, 1)"}
    for key, shape in shapes.items():
        check_shape(parameters[key], shape, f'{call}["{key}"]', f"It should be {dims[key]}.")


class Recorder:
    """
    Stand-ins for the functions nn_model calls. They check that each receives what the
    previous one returned, and tag what they return with the iteration number.
    """

    def __init__(self, X, Y, n_h, learning_rate, num_iterations, hidden_default):
        self.X, self.Y, self.n_h, self.learning_rate = X, Y, n_h, learning_rate
        self.num_iterations = num_iterations
        self.hidden_default = hidden_default
        self.n_x, self.n_y, self.m = X.shape[0], Y.shape[0], X.shape[1]
        self.iteration = None
        self.calls = {"forward_propagation": 0, "backward_propagation": 0, "update_parameters": 0}

    def _parameters(self, t):
        n_x, n_h, n_y = self.n_x, self.n_h, self.n_y
        return {"W1": np.full((n_h, n_x), float(t)), "b1": np.full((n_h, 1), float(t)),
                "W2": np.full((n_y, n_h), float(t)), "b2": np.full((n_y, 1), float(t))}

    def _expect_current(self, parameters, caller):
        __tracebackhide__ = True
        if self.iteration is None:
            fail(f"nn_model called {caller} before initialize_parameters.")
        try:
            t = float(parameters["W1"].flat[0])
        except (TypeError, KeyError, IndexError, AttributeError):
            t = None
        if t is None:
            fail(f"nn_model passed {caller} something other than the parameters dictionary.")
        if t != self.iteration:
            fail(
                f"At iteration {self.iteration}, nn_model passed {caller} the parameters of "
                f"iteration {t:g}. Pass the parameters that update_parameters returned last.")

    def _expect_data(self, X, Y, caller):
        __tracebackhide__ = True
        if X is not None and not (np.shape(X) == self.X.shape and np.array_equal(X, self.X)):
            fail(f"nn_model should pass its argument X to {caller}.")
        if Y is not None and not (np.shape(Y) == self.Y.shape and np.array_equal(Y, self.Y)):
            fail(f"nn_model should pass its argument Y to {caller}.")

    def stand_ins(self):
        def layer_sizes(X, Y):
            self._expect_data(X, Y, "layer_sizes")
            return (self.n_x, self.hidden_default, self.n_y)

        def initialize_parameters(n_x, n_h, n_y):
            if (n_x, n_h, n_y) != (self.n_x, self.n_h, self.n_y):
                fail(
                    f"nn_model(X, Y, n_h={self.n_h}) called initialize_parameters({n_x}, {n_h}, {n_y}) "
                    f"but should call initialize_parameters({self.n_x}, {self.n_h}, {self.n_y}): "
                    f"n_x and n_y come from the shapes of X and Y, n_h is the argument of nn_model.")
            self.iteration = 0
            return self._parameters(0)

        def forward_propagation(X, parameters):
            self._expect_data(X, None, "forward_propagation")
            self._expect_current(parameters, "forward_propagation")
            self.calls["forward_propagation"] += 1
            A2 = np.full((self.n_y, self.m), 0.5)
            return A2, {"iteration": self.iteration, "A2": A2}

        def compute_cost(A2, Y):
            self._expect_data(None, Y, "compute_cost")
            check_shape(A2, (self.n_y, self.m), "the A2 that nn_model passed to compute_cost")
            return 1.0 / (1 + self.iteration)

        def backward_propagation(parameters, cache, X, Y):
            self._expect_data(X, Y, "backward_propagation")
            self._expect_current(parameters, "backward_propagation")
            if not isinstance(cache, dict) or cache.get("iteration") != self.iteration:
                fail("nn_model should pass backward_propagation the cache that "
                                     "forward_propagation returned in the same iteration.")
            self.calls["backward_propagation"] += 1
            return {"dW1": None, "db1": None, "dW2": None, "db2": None, "iteration": self.iteration}

        def update_parameters(parameters, grads, learning_rate=1.2):
            self._expect_current(parameters, "update_parameters")
            if not isinstance(grads, dict) or grads.get("iteration") != self.iteration:
                fail("nn_model should pass update_parameters the grads that "
                                     "backward_propagation returned in the same iteration.")
            if learning_rate != self.learning_rate:
                fail(
                    f"nn_model was called with learning_rate={self.learning_rate} but passed "
                    f"learning_rate={learning_rate} to update_parameters.")
            if self.calls["update_parameters"] == self.num_iterations:
                fail(
                    f"nn_model was asked for num_iterations={self.num_iterations} but went on to "
                    f"iteration {self.num_iterations + 1}: does its loop stop?")
            self.calls["update_parameters"] += 1
            self.iteration += 1
            return self._parameters(self.iteration)

        return dict(layer_sizes=layer_sizes, initialize_parameters=initialize_parameters,
                    forward_propagation=forward_propagation, compute_cost=compute_cost,
                    backward_propagation=backward_propagation, update_parameters=update_parameters)

    def verify(self, result, num_iterations, call):
        __tracebackhide__ = True
        for name, count in self.calls.items():
            if count != num_iterations:
                fail(
                    f"{call} called {name} {count} time(s); it should call it once per "
                    f"iteration, {num_iterations} time(s).")
        check_type(result, dict, f"the result of {call}", "nn_model returns the parameters dictionary.")
        W1 = result.get("W1")
        if not (isinstance(W1, np.ndarray) and W1.size and W1.flat[0] == num_iterations):
            fail(f"{call} should return the parameters that the last update_parameters "
                                 f"returned.")


def nn_model_test(target, hidden_default, default_iterations, default_learning_rate):
    """
    Checks the loop of nn_model with stand-ins: arguments passed on, iterations counted,
    the defaults num_iterations=default_iterations and learning_rate=default_learning_rate,
    and printing only when print_cost is True.
    """
    __tracebackhide__ = True
    X = np.arange(12.0).reshape(3, 4)
    Y = np.array([[0, 1, 1, 0]])
    runs = [((X, Y, 4), dict(num_iterations=3, learning_rate=0.5), 4, 3, 0.5),
            ((X, Y, 1), dict(num_iterations=1, learning_rate=0.01), 1, 1, 0.01),
            ((X, Y, 2), {}, 2, default_iterations, default_learning_rate)]
    for args, kwargs, n_h, num_iterations, learning_rate in runs:
        call = "nn_model(X, Y, n_h=%d%s)" % (n_h, "".join(f", {k}={v}" for k, v in kwargs.items()))
        recorder = Recorder(X, Y, n_h, learning_rate, num_iterations, hidden_default)
        printed = io.StringIO()
        with substituted(target, **recorder.stand_ins()), contextlib.redirect_stdout(printed), quiet():
            result = target(*args, **kwargs)
        recorder.verify(result, num_iterations, call)
        if printed.getvalue():
            fail(f"{call} printed output although print_cost=False:\n{printed.getvalue()[:200]}")
    recorder = Recorder(X, Y, 3, 1.2, 4, hidden_default)
    printed = io.StringIO()
    with substituted(target, **recorder.stand_ins()), contextlib.redirect_stdout(printed), quiet():
        target(X, Y, 3, num_iterations=4, learning_rate=1.2, print_cost=True)
    if not printed.getvalue():
        fail("nn_model(..., print_cost=True) printed nothing; it should print the cost.")
    passed("nn_model")


def predict_test(target, parameters_first=False):
    """
    Checks that predict thresholds the output of forward_propagation at 0.5, with a
    stand-in forward_propagation. The signature is predict(X, parameters), or
    predict(parameters, X) when parameters_first is True.
    """
    __tracebackhide__ = True
    X = np.array([[1.0, 2.0, 3.0, 4.0, 5.0], [0.5, -1.0, 2.0, 0.0, 1.0]])
    A2 = np.array([[0.1, 0.49, 0.51, 0.93, 0.3]])
    parameters = {"W1": np.ones((2, 2)), "b1": np.zeros((2, 1)), "W2": np.ones((1, 2)), "b2": np.zeros((1, 1))}
    signature = "predict(parameters, X)" if parameters_first else "predict(X, parameters)"
    seen = []

    def forward_propagation(X_, parameters_):
        seen.append((X_, parameters_))
        return A2.copy(), {"A2": A2.copy()}

    with substituted(target, forward_propagation=forward_propagation), quiet():
        predictions = target(parameters, X) if parameters_first else target(X, parameters)
    if not seen:
        fail(f"{signature} should compute the probabilities with forward_propagation(X, parameters).")
    if seen[0][1] is not parameters:
        fail(f"{signature} should pass its own parameters argument to forward_propagation.")
    check_array(predictions, signature)
    check_predictions(predictions, A2 > 0.5, f"{signature} when A2 = [[0.1, 0.49, 0.51, 0.93, 0.3]]")
    passed("predict")
