"""
Visible tests shared by the assignments whose network has one hidden layer
(assignments 1 and 2): each ``<function>_test(target, ...)`` takes the
assignment's own examples and tolerances, checks the student's function on
them and prints "All tests passed for <function>." when it passes.

Each test checks the worked example, then a second case of other sizes, another
seed and non-zero biases, so that code that only fits the example is told so. The
tests of nn_model and predict replace the functions those two call with stand-ins,
so that they judge the loop and the threshold alone: a mistake in an earlier
exercise does not fail them. Printing is not judged: a test notes it and passes.
"""
import contextlib
import io
import numbers

import numpy as np

from helpers.checks import (DOT_OF_ROWS, RANDN_DIMENSIONS, ZEROS_SHAPE, check_array, check_close, check_keys,
                            check_predictions, check_returns, check_scalar, check_shape, check_type, check_unchanged,
                            explained, fail, passed, preserved_random_state, quiet, snapshot, substituted)

PARAMETER_KEYS = ("W1", "b1", "W2", "b2")
GRAD_KEYS = ("dW1", "db1", "dW2", "db2")
CACHE_KEYS = ("Z1", "A1", "Z2", "A2")
# What a ValueError from a matrix product most often means, in forward and backward propagation.
PRODUCTS = ("The shapes do not fit a matrix product: check the order of its factors and which one is "
            "transposed (W1 of shape (n_h, n_x) times X of shape (n_x, m) is np.dot(W1, X)); "
            "* multiplies elementwise.")
SHAPE_ERRORS = tuple((ValueError, words, PRODUCTS) for words in ("not aligned", "matmul", "broadcast"))


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


def layer_sizes_test(target, examples):
    """Checks layer_sizes on each example: (X, Y, the sizes (n_x, n_h, n_y) it must give, the call as named)."""
    __tracebackhide__ = True
    for X, Y, expected, call in examples:
        with quiet():
            got = target(X, Y)
        check_sizes(got, expected, call)
    passed("layer_sizes")


def initialize_parameters_test(target, seed, sizes, expected, other, tolerance):
    """
    Checks initialize_parameters(*sizes) after np.random.seed(seed) against the ``expected``
    parameters (the weights within ``tolerance``, a dict of rtol and atol), that two calls in a
    row draw different weights (the function must not seed), then the ``other`` case
    (seed, sizes, expected) the same way.
    """
    __tracebackhide__ = True
    hint = ("Use np.random.randn(a, b) * 0.01, draw W1 before W2, and do not call np.random.seed inside "
            "the function.")
    for case_seed, case_sizes, case_expected in ((seed, sizes, expected), other):
        call = "initialize_parameters(%d, %d, %d)" % tuple(case_sizes)
        with preserved_random_state(), quiet(), explained(call, RANDN_DIMENSIONS, ZEROS_SHAPE):
            np.random.seed(case_seed)
            parameters = target(*case_sizes)
        check_parameters(parameters, *case_sizes, call)
        for key in ("b1", "b2"):
            check_close(parameters[key], case_expected[key], f'{call}["{key}"]',
                        hint="Initialise the biases with np.zeros((a, b)).")
        for key in ("W1", "W2"):
            check_close(parameters[key], case_expected[key], f'{call}["{key}"] after np.random.seed({case_seed})',
                        hint=hint, **tolerance)
        if case_seed == seed:
            with preserved_random_state(), quiet():
                np.random.seed(seed)
                first, second = target(*sizes), target(*sizes)
            if np.array_equal(first["W1"], second["W1"]):
                fail(f"Two calls of {call} in a row gave the same W1: the function seeds the random generator "
                     f"itself. Do not call np.random.seed inside the function; the caller seeds.")
    passed("initialize_parameters")


def _check_forward(target, X, parameters, expected, tolerance, hints, call):
    __tracebackhide__ = True
    before = snapshot((X, parameters))
    global_shapes = (AssertionError, "", "An assert in your function failed on a network of other sizes: check "
                                         "shapes against the function's arguments (W2.shape[0], X.shape[1]), "
                                         "not against variables of the notebook such as n_y.")
    with quiet(), explained(call, global_shapes, *SHAPE_ERRORS):
        result = target(X, parameters)
    check_returns(result, ("A2", "cache"), call)
    A2, cache = result
    if isinstance(A2, dict) and isinstance(cache, np.ndarray):
        fail(f"{call} returned (cache, A2); return A2 first: return A2, cache.")
    check_shape(A2, expected["A2"].shape, f"A2 from {call}", "It should be (n_y, m): one output per example.")
    check_keys(cache, CACHE_KEYS, f"the cache from {call}")
    for key in CACHE_KEYS:
        check_shape(cache[key], expected[key].shape, f'cache["{key}"] from {call}')
    for key, bias in (("Z1", "b1"), ("Z2", "b2")):
        if np.any(parameters[bias]) and np.allclose(cache[key] + parameters[bias], expected[key]):
            fail(f'cache["{key}"] from {call} has wrong values: it lacks the bias. {key} = '
                 f"W{key[1]} {'X' if key == 'Z1' else 'A1'} + {bias}: add {bias}.")
    for key in CACHE_KEYS:
        check_close(cache[key], expected[key], f'cache["{key}"] from {call}', hint=hints.get(key, ""), **tolerance)
    check_close(A2, expected["A2"], f"A2 from {call}", **tolerance)
    check_unchanged(before, (X, parameters), "X or parameters")
    return A2


def forward_propagation_test(target, X, parameters, expected, tolerance, other, hints=None, mean=None):
    """
    Checks forward_propagation(X, parameters): the pair (A2, cache), the cache's keys and shapes,
    its values against ``expected`` (Z1, A1, Z2, A2) within ``tolerance``, and that X and the
    parameters are left unchanged; then the same on the ``other`` case (X, parameters, expected,
    exact to rounding), a network of other sizes with non-zero biases. ``hints`` maps a key to what
    a wrong value there most often means; ``mean`` is np.mean(A2) at full precision, where
    ``expected`` has only printed digits.
    """
    __tracebackhide__ = True
    hints = hints or {}
    A2 = _check_forward(target, X, parameters, expected, tolerance, hints, "forward_propagation(X, parameters)")
    if mean is not None:
        check_close(np.mean(A2), mean, "np.mean(A2)", rtol=1e-12)
    X, parameters, expected = other
    n_x, n_h, n_y = X.shape[0], parameters["W1"].shape[0], parameters["W2"].shape[0]
    _check_forward(target, X, parameters, expected, dict(rtol=1e-9, atol=1e-12), hints,
                   f"forward_propagation for a network with n_x={n_x}, n_h={n_h}, n_y={n_y} and m={X.shape[1]}")
    passed("forward_propagation")


def compute_cost_test(target, examples):
    """Checks compute_cost on each example: (A2, Y, the cost, the call as named, a hint for a wrong cost)."""
    __tracebackhide__ = True
    for A2, Y, expected, call, hint in examples:
        with quiet(), explained(call, DOT_OF_ROWS):
            cost = target(A2, Y)
        check_scalar(cost, call)
        check_close(cost, expected, call, rtol=1e-12, hint=hint)
    passed("compute_cost")


def backward_propagation_test(target, example, other, tolerance, call, derivative):
    """
    Checks backward_propagation(parameters, cache, X, Y) on the worked ``example`` (parameters,
    cache, X, Y, the expected gradients), within ``tolerance``, called as ``call``, then on the
    ``other`` case, exact to rounding: the keys and shapes of grads, their values, and that no input
    is changed. ``derivative`` says what the hidden activation's derivative is, for wrong dW1 or db1.
    """
    __tracebackhide__ = True
    n_x, n_h, n_y = other[2].shape[0], other[0]["W1"].shape[0], other[0]["W2"].shape[0]
    for (parameters, cache, X, Y, expected), tolerance, call in (
            (example, tolerance, call),
            (other, dict(rtol=1e-9, atol=1e-12),
             f"backward_propagation for a network with n_x={n_x}, n_h={n_h}, n_y={n_y} and m={other[2].shape[1]}")):
        before = snapshot((parameters, cache, X, Y))
        with quiet(), explained(call, *SHAPE_ERRORS):
            grads = target(parameters, cache, X, Y)
        check_keys(grads, GRAD_KEYS, f"the grads from {call}")
        for key in GRAD_KEYS:
            check_shape(grads[key], parameters[key[1:]].shape, f'grads["{key}"] from {call}',
                        f"A gradient has the shape of its parameter {key[1:]}. Did you forget a transpose "
                        f"or keepdims=True?")
        for key in GRAD_KEYS:
            check_close(grads[key], expected[key], f'grads["{key}"] from {call}',
                        hint=derivative if key in ("dW1", "db1") else "", **tolerance)
        check_unchanged(before, (parameters, cache, X, Y), "parameters, cache, X or Y")
    passed("backward_propagation")


def update_parameters_test(target, parameters, grads, expected, default_rate):
    """
    Checks one step of gradient descent: the parameters update_parameters returns for each
    learning rate of ``expected`` (learning rate -> updated parameters), for its default
    learning rate ``default_rate``, and for learning_rate=0 (none moves); the inputs must
    be left unchanged.
    """
    __tracebackhide__ = True
    before = snapshot((parameters, grads))
    runs = [(f"update_parameters(parameters, grads, learning_rate={rate})", {"learning_rate": rate}, updated,
             "The rule is W1 - learning_rate * dW1, with the learning_rate argument (not a fixed number).")
            for rate, updated in expected.items()]
    runs += [("update_parameters(parameters, grads)", {}, expected[default_rate],
              f"Without a learning_rate argument, the learning rate is its default, {default_rate}."),
             ("update_parameters(parameters, grads, learning_rate=0)", {"learning_rate": 0}, parameters,
              "With learning_rate=0 nothing moves: use the learning_rate argument.")]
    default = (TypeError, "learning_rate", f"Keep the default of the argument: learning_rate={default_rate}.")
    for call, kwargs, wanted, hint in runs:
        with quiet(), explained(call, default):
            updated = target(parameters, grads, **kwargs)
        check_unchanged(before, (parameters, grads), "parameters or grads")
        check_keys(updated, PARAMETER_KEYS, call)
        for key in PARAMETER_KEYS:
            check_shape(updated[key], parameters[key].shape, f'{call}["{key}"]')
            check_close(updated[key], wanted[key], f'{call}["{key}"]', rtol=1e-9, atol=1e-15, hint=hint)
    passed("update_parameters")


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
        self.initialized = 0
        self.notes = set()

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
            self.initialized += 1
            self.iteration = 0
            return self._parameters(0)

        def forward_propagation(X, parameters):
            self._expect_data(X, None, "forward_propagation")
            self._expect_current(parameters, "forward_propagation")
            self.calls["forward_propagation"] += 1
            A2 = np.full((self.n_y, self.m), 0.5)
            return A2, {"iteration": self.iteration, "A2": A2}

        def compute_cost(A2, Y):
            # The cost only feeds what nn_model prints: wrong arguments make a note, not a failure.
            if not (np.shape(A2) == (self.n_y, self.m) and np.shape(Y) == self.Y.shape and np.array_equal(Y, self.Y)):
                self.notes.add("Note: nn_model should call compute_cost(A2, Y) with the A2 of forward_propagation "
                               "and its argument Y; the cost it prints is wrong.")
            return 1.0 / (1 + self.iteration)

        def backward_propagation(parameters, cache, X, Y):
            self._expect_data(X, Y, "backward_propagation")
            self._expect_current(parameters, "backward_propagation")
            if not isinstance(cache, dict) or cache.get("iteration") != self.iteration:
                fail("nn_model should pass backward_propagation the cache that "
                                     "forward_propagation returned in the same iteration.")
            self.calls["backward_propagation"] += 1
            return {"dW1": None, "db1": None, "dW2": None, "db2": None, "iteration": self.iteration}

        def update_parameters(parameters, grads, learning_rate=None):
            self._expect_current(parameters, "update_parameters")
            if not isinstance(grads, dict) or grads.get("iteration") != self.iteration:
                fail("nn_model should pass update_parameters the grads that "
                                     "backward_propagation returned in the same iteration.")
            if learning_rate is None:
                fail(f"nn_model was called with learning_rate={self.learning_rate} but did not pass it on: call "
                     f"update_parameters(parameters, grads, learning_rate).")
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
        if self.initialized > 1:
            fail(f"{call} called initialize_parameters {self.initialized} times; call it once, before the loop, "
                 f"so that the parameters carry over from one iteration to the next.")
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
    the defaults num_iterations=default_iterations and learning_rate=default_learning_rate.
    Printing is not graded: the test notes printing when print_cost is False, and silence
    when it is True.
    """
    __tracebackhide__ = True
    X = np.arange(12.0).reshape(3, 4)
    Y = np.array([[0, 1, 1, 0]])
    runs = [((X, Y, 4), dict(num_iterations=3, learning_rate=0.5), 4, 3, 0.5),
            ((X, Y, 1), dict(num_iterations=1, learning_rate=0.01), 1, 1, 0.01),
            ((X, Y, 2), {}, 2, default_iterations, default_learning_rate)]
    notes = []
    for args, kwargs, n_h, num_iterations, learning_rate in runs:
        call = "nn_model(X, Y, n_h=%d%s)" % (n_h, "".join(f", {k}={v}" for k, v in kwargs.items()))
        recorder = Recorder(X, Y, n_h, learning_rate, num_iterations, hidden_default)
        printed = io.StringIO()
        with substituted(target, **recorder.stand_ins()), contextlib.redirect_stdout(printed), quiet():
            result = target(*args, **kwargs)
        recorder.verify(result, num_iterations, call)
        notes.extend(sorted(recorder.notes - set(notes)))
        if printed.getvalue() and not any("print_cost=False" in note for note in notes):
            notes.append(f"Note: {call} printed output although print_cost=False:\n{printed.getvalue()[:200]}")
    recorder = Recorder(X, Y, 3, 1.2, 4, hidden_default)
    printed = io.StringIO()
    with substituted(target, **recorder.stand_ins()), contextlib.redirect_stdout(printed), quiet():
        target(X, Y, 3, num_iterations=4, learning_rate=1.2, print_cost=True)
    if "Cost after iteration 0: " not in printed.getvalue():
        notes.append('Note: nn_model(..., print_cost=True) should print the cost as "Cost after iteration %i: %f" '
                     f"% (i, cost); it printed:\n{printed.getvalue()[:200] or '(nothing)'}")
    for note in notes:
        print(note)
    passed("nn_model")


def predict_test(target, other, parameters_first=False):
    """
    Checks that predict thresholds the output of forward_propagation at 0.5, with a
    stand-in forward_propagation; a predict that computes the forward pass itself is
    checked on the ``other`` case instead: (parameters, X, the expected predictions).
    The signature is predict(X, parameters), or predict(parameters, X) when
    parameters_first is True.
    """
    __tracebackhide__ = True
    X = np.array([[1.0, 2.0, 3.0, 4.0, 5.0], [0.5, -1.0, 2.0, 0.0, 1.0]])
    A2 = np.array([[0.1, 0.49, 0.51, 0.93, 0.3]])
    parameters = {"W1": np.ones((2, 2)), "b1": np.zeros((2, 1)), "W2": np.ones((1, 2)), "b2": np.zeros((1, 1))}
    signature = "predict(parameters, X)" if parameters_first else "predict(X, parameters)"
    seen = []

    def forward_propagation(X_, parameters_):
        __tracebackhide__ = True
        seen.append((X_, parameters_))
        if isinstance(X_, dict):
            fail(f"forward_propagation received the parameters dictionary in place of X. In this assignment "
                 f"predict takes {signature}, in this order, and calls forward_propagation(X, parameters).")
        return A2.copy(), {"A2": A2.copy()}

    def predicted(parameters, X):
        __tracebackhide__ = True
        return target(parameters, X) if parameters_first else target(X, parameters)

    with substituted(target, forward_propagation=forward_propagation), quiet():
        predictions = predicted(parameters, X)
    if seen:
        if seen[0][1] is not parameters:
            fail(f"{signature} should pass its own parameters argument to forward_propagation.")
        check_array(predictions, signature)
        check_predictions(predictions, A2 > 0.5, f"{signature} when A2 = [[0.1, 0.49, 0.51, 0.93, 0.3]]")
    else:
        parameters, X, expected = other
        with quiet():
            predictions = predicted(parameters, X)
        check_predictions(predictions, expected, f"{signature} for X = {X.tolist()} and trained parameters")
    passed("predict")
