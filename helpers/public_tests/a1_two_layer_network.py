"""
Visible tests of assignment 1 (a two-layer neural network).

Each ``<function>_test(target)`` checks a student's function on the document's
worked example and prints "All tests passed for <function>." when it passes.
The tests of nn_model and predict replace the functions those two call with
stand-ins, so that they judge the loop and the threshold alone: a mistake in an
earlier exercise does not fail them. The test functions set
``__tracebackhide__`` so that a failure shows its message, not their code.
"""
import contextlib
import io
import numbers

import numpy as np

from helpers.checks import (check_array, check_close, check_keys, check_predictions, fail,
                            check_scalar, check_shape, check_type, passed,
                            preserved_random_state, quiet, snapshot, check_unchanged,
                            substituted)
from helpers.testCases import a1_two_layer_network as cases

PARAMETER_KEYS = ("W1", "b1", "W2", "b2")
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


def _check_sizes(got, expected, call):
    __tracebackhide__ = True
    check_type(got, (tuple, list), call, "Return the three sizes as a tuple (n_x, n_h, n_y).")
    if len(got) != 3:
        fail(f"{call} should return 3 values (n_x, n_h, n_y) but returned {len(got)}.")
    for name, g, e in zip(("n_x", "n_h", "n_y"), got, expected):
        if not isinstance(g, numbers.Integral):
            fail(f"{call}: {name} should be an integer but is {g!r} of type {type(g).__name__}.")
        if g != e:
            hint = {"n_x": "It is the number of rows of X, X.shape[0].",
                    "n_h": "The hidden layer has 2 units in this exercise.",
                    "n_y": "It is the number of rows of Y, Y.shape[0]."}[name]
            fail(f"{call}: {name} is {g} but should be {e}. {hint}")


def layer_sizes_test(target):
    __tracebackhide__ = True
    X, Y = cases.layer_sizes_test_case()
    with quiet():
        got = target(X, Y)
    _check_sizes(got, cases.DOCUMENTED["layer_sizes"], "layer_sizes(X, Y)")
    X, Y = np.zeros((5, 3)), np.zeros((2, 3))
    with quiet():
        got = target(X, Y)
    _check_sizes(got, (5, 2, 2), "layer_sizes for X of shape (5, 3) and Y of shape (2, 3)")
    passed("layer_sizes")


def _check_parameters(parameters, n_x, n_h, n_y, call):
    __tracebackhide__ = True
    check_keys(parameters, PARAMETER_KEYS, call)
    shapes = {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
    dims = {"W1": "(n_h, n_x)", "b1": "(n_h, 1)", "W2": "(n_y, n_h)", "b2": "(n_y, 1)"}
    for key, shape in shapes.items():
        check_shape(parameters[key], shape, f'{call}["{key}"]', f"It should be {dims[key]}.")


def initialize_parameters_test(target):
    __tracebackhide__ = True
    seed, (n_x, n_h, n_y), expected = cases.initialize_parameters_test_case()
    call = f"initialize_parameters({n_x}, {n_h}, {n_y})"
    with preserved_random_state(), quiet():
        np.random.seed(seed)
        parameters = target(n_x, n_h, n_y)
    _check_parameters(parameters, n_x, n_h, n_y, call)
    for key in ("b1", "b2"):
        check_close(parameters[key], expected[key], f'{call}["{key}"]',
                    hint="Initialise the biases with np.zeros((a, b)).")
    for key in ("W1", "W2"):
        check_close(parameters[key], expected[key], f'{call}["{key}"] after np.random.seed({seed})',
                    rtol=1e-9, hint="Use np.random.randn(a, b) * 0.01, and draw W1 before W2.")
    with preserved_random_state(), quiet():
        parameters = target(4, 3, 2)
    _check_parameters(parameters, 4, 3, 2, "initialize_parameters(4, 3, 2)")
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


class _Recorder:
    """
    Stand-ins for the functions nn_model calls. They check that each receives what the
    previous one returned, and tag what they return with the iteration number.
    """

    def __init__(self, X, Y, n_h, learning_rate, num_iterations):
        self.X, self.Y, self.n_h, self.learning_rate = X, Y, n_h, learning_rate
        self.num_iterations = num_iterations
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
            return (self.n_x, 2, self.n_y)

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


def nn_model_test(target):
    __tracebackhide__ = True
    X = np.arange(12.0).reshape(3, 4)
    Y = np.array([[0, 1, 1, 0]])
    runs = [((X, Y, 4), dict(num_iterations=3, learning_rate=0.5), 4, 3, 0.5),
            ((X, Y, 1), dict(num_iterations=1, learning_rate=0.01), 1, 1, 0.01),
            ((X, Y, 2), {}, 2, 10, 1.2)]
    for args, kwargs, n_h, num_iterations, learning_rate in runs:
        call = "nn_model(X, Y, n_h=%d%s)" % (n_h, "".join(f", {k}={v}" for k, v in kwargs.items()))
        recorder = _Recorder(X, Y, n_h, learning_rate, num_iterations)
        printed = io.StringIO()
        with substituted(target, **recorder.stand_ins()), contextlib.redirect_stdout(printed), quiet():
            result = target(*args, **kwargs)
        recorder.verify(result, num_iterations, call)
        if printed.getvalue():
            fail(f"{call} printed output although print_cost=False:\n{printed.getvalue()[:200]}")
    recorder = _Recorder(X, Y, 3, 1.2, 4)
    printed = io.StringIO()
    with substituted(target, **recorder.stand_ins()), contextlib.redirect_stdout(printed), quiet():
        target(X, Y, 3, num_iterations=4, print_cost=True)
    if not printed.getvalue():
        fail("nn_model(..., print_cost=True) printed nothing; it should print the cost.")
    passed("nn_model")


def predict_test(target):
    __tracebackhide__ = True
    X = np.array([[1.0, 2.0, 3.0, 4.0, 5.0], [0.5, -1.0, 2.0, 0.0, 1.0]])
    A2 = np.array([[0.1, 0.49, 0.51, 0.93, 0.3]])
    parameters = {"W1": np.ones((2, 2)), "b1": np.zeros((2, 1)), "W2": np.ones((1, 2)), "b2": np.zeros((1, 1))}
    seen = []

    def forward_propagation(X_, parameters_):
        seen.append((X_, parameters_))
        return A2.copy(), {"A2": A2.copy()}

    with substituted(target, forward_propagation=forward_propagation), quiet():
        predictions = target(X, parameters)
    if not seen:
        fail("predict should compute the probabilities with forward_propagation(X, parameters).")
    if seen[0][1] is not parameters:
        fail("predict should pass its own parameters argument to forward_propagation.")
    check_array(predictions, "predict(X, parameters)")
    check_predictions(predictions, A2 > 0.5, "predict(X, parameters) when A2 = [[0.1, 0.49, 0.51, 0.93, 0.3]]")
    passed("predict")
