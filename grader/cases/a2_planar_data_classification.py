"""Graded cases of assignment 2: planar data classification with one hidden layer (tanh hidden layer)."""
import numpy as np

from grader.judging import Case, random_seed, same
from grader.cases.two_layer import (TWO_LAYER, backward_propagation_inputs, check_sizes, check_two_calls_differ,
                                    random_parameters, random_sizes, training_runs,
                                    update_parameters_cases)
from helpers.checks import check_keys, check_predictions, check_type, fail
from helpers.testCases import a2_planar_data_classification as test_cases

CACHE_KEYS = ("Z1", "A1", "Z2", "A2")


def _hinted(got, expected, case, name, hint):
    """``same``, with a hint appended to its message when the values (not the type or shape) are wrong."""
    __tracebackhide__ = True
    try:
        same(got, expected, case, name)
    except AssertionError as error:
        if "has wrong values" not in str(error):
            raise
        fail(f"{error}\n  {hint}")


def _named(what):
    """``same``, naming the result after the label: 'update_parameters(...): parameters["W1"] has wrong values'."""
    def check(got, expected, case):
        __tracebackhide__ = True
        same(got, expected, case, f"{case.label}: {what}")
    return check


# -- layer_sizes ---------------------------------------------------------------------------------

def layer_sizes_tests(rng):
    X, Y, _ = test_cases.layer_sizes_test_case()
    yield Case("layer_sizes", (X, Y), label="layer_sizes(X_assess, Y_assess) for the document's example",
               check=check_sizes)
    yield Case("layer_sizes", (np.zeros((3, 7)), np.zeros((1, 7))), check=check_sizes,
               label="layer_sizes(X, Y) for X of shape (3, 7) and Y of shape (1, 7)")
    for _ in range(3):
        n_x, n_y, m = random_sizes(rng, 1, 12)
        yield Case("layer_sizes", (rng.normal(size=(n_x, m)), rng.normal(size=(n_y, m))), check=check_sizes,
                   label=f"layer_sizes(X, Y) for X of shape {(n_x, m)} and Y of shape {(n_y, m)}")


# -- initialize_parameters -----------------------------------------------------------------------

def _check_initialized(got, expected, case):
    __tracebackhide__ = True
    _hinted(got, expected, case, f"{case.label}: parameters",
            "Use np.random.randn(a, b) * 0.01 for the weights, draw W1 before W2, np.zeros((a, 1)) for "
            "the biases, and do not seed inside the function.")


def initialize_parameters_tests(rng):
    seed, sizes, _ = test_cases.initialize_parameters_test_case()
    yield Case("initialize_parameters", sizes, seed=seed, rtol=1e-9, atol=1e-15, check=_check_initialized,
               label=f"initialize_parameters{sizes} after np.random.seed({seed}) (the document's example)")
    # Straight after the example, so that a function seeding itself with the document's seed is told so.
    yield Case("initialize_parameters", (3, 4, 1), repeat=2, seed=random_seed(rng), check=check_two_calls_differ,
               label="two calls of initialize_parameters(3, 4, 1) in a row")
    for n_x, n_h, n_y in [(2, 4, 1)] + [random_sizes(rng, 1, 9) for _ in range(3)]:
        seed = random_seed(rng)
        yield Case("initialize_parameters", (n_x, n_h, n_y), seed=seed, rtol=1e-9, atol=1e-15,
                   check=_check_initialized,
                   label=f"initialize_parameters({n_x}, {n_h}, {n_y}) after np.random.seed({seed})")


# -- forward_propagation -------------------------------------------------------------------------

def _check_forward(got, expected, case):
    """The cache first, layer by layer, so that the message names the first wrong step."""
    __tracebackhide__ = True
    check_type(got, (tuple, list), f"the result of {case.label}", "Return the pair A2, cache.")
    if len(got) != 2:
        fail(f"{case.label} should return 2 values (A2, cache) but returned {len(got)}.")
    (A2, cache), (expected_A2, expected_cache) = got, expected
    check_keys(cache, CACHE_KEYS, f"the cache of {case.label}")
    hints = {"A1": "The hidden layer uses tanh: A1 = np.tanh(Z1).",
             "A2": "The output layer uses the sigmoid: A2 = 1 / (1 + np.exp(-Z2))."}
    for key in CACHE_KEYS:
        name = f'{case.label}: cache["{key}"]'
        if key in hints:
            _hinted(cache[key], expected_cache[key], case, name, hints[key])
        else:
            same(cache[key], expected_cache[key], case, name)
    same(A2, expected_A2, case, f"{case.label}: A2")


def forward_propagation_tests(rng):
    X, parameters, _, _ = test_cases.forward_propagation_test_case()
    yield Case("forward_propagation", (X, parameters), rtol=1e-9, check=_check_forward,
               label="forward_propagation(X_assess, parameters) for the document's example")
    for n_x, n_h, n_y in [(3, 4, 1), (5, 1, 3), random_sizes(rng)]:
        m = int(rng.integers(1, 40))
        yield Case("forward_propagation", (rng.normal(size=(n_x, m)) * 2, random_parameters(rng, n_x, n_h, n_y)),
                   rtol=1e-9, check=_check_forward,
                   label=f"forward_propagation(X, parameters) with n_x={n_x}, n_h={n_h}, n_y={n_y}, m={m}")


# -- compute_cost --------------------------------------------------------------------------------

def compute_cost_tests(rng):
    A2, Y, _ = test_cases.compute_cost_test_case()
    yield Case("compute_cost", (A2, Y), rtol=1e-9, label="compute_cost(A2, Y_assess) for the document's example")
    yield Case("compute_cost", (np.array([[0.8, 0.9, 0.4, 0.3]]), np.array([[1, 1, 0, 1]])), rtol=1e-9,
               label="compute_cost([[0.8, 0.9, 0.4, 0.3]], [[1, 1, 0, 1]])")
    for m in (1, int(rng.integers(2, 30)), int(rng.integers(100, 3000))):
        yield Case("compute_cost", (rng.uniform(0.02, 0.98, size=(1, m)), rng.integers(0, 2, size=(1, m))),
                   rtol=1e-9, label=f"compute_cost(A2, Y) for random A2 and Y of shape (1, {m})")


# -- backward_propagation ------------------------------------------------------------------------

def _check_gradients(got, expected, case):
    __tracebackhide__ = True
    check_keys(got, tuple(expected), case.label)
    for key in expected:
        hint = ("The derivative of tanh is 1 - A1 ** 2: dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))."
                if key in ("dW1", "db1") else "dZ2 = A2 - Y.")
        _hinted(got[key], expected[key], case, f'{case.label}: grads["{key}"]', hint)


def backward_propagation_tests(rng):
    parameters, cache, X, Y, _ = test_cases.backward_propagation_test_case()
    yield Case("backward_propagation", (parameters, cache, X, Y), rtol=1e-7, check=_check_gradients,
               label="backward_propagation(parameters, cache, X_assess, Y_assess) for the document's example")
    for sizes, arguments in backward_propagation_inputs(rng, hidden=np.tanh):
        yield Case("backward_propagation", arguments, rtol=1e-7, atol=1e-10, check=_check_gradients,
                   label=f"backward_propagation(parameters, cache, X, Y) with {sizes}")


# -- update_parameters ---------------------------------------------------------------------------

def update_parameters_tests(rng):
    parameters, grads, learning_rate, _ = test_cases.update_parameters_test_case()
    for kwargs, how in (({"learning_rate": learning_rate}, f"learning_rate={learning_rate}"),
                        ({}, "its default learning rate"), ({"learning_rate": 0}, "learning_rate=0")):
        yield Case("update_parameters", (parameters, grads), kwargs, rtol=1e-9, atol=1e-15, check=_named("parameters"),
                   label=f"update_parameters(parameters, grads) with {how}, for the document's example")
    yield from update_parameters_cases(rng, check=_named("parameters"))


# -- nn_model ------------------------------------------------------------------------------------

def nn_model_tests(rng):
    for n_x, n_h, n_y, m, iterations, lr in training_runs(rng):
        seed = random_seed(rng)
        yield Case("nn_model", (rng.normal(size=(n_x, m)), rng.integers(0, 2, size=(n_y, m)), n_h),
                   {"num_iterations": iterations, "learning_rate": lr}, seed=seed, standins=TWO_LAYER,
                   check=_named("parameters"),
                   label=(f"nn_model(X, Y, n_h={n_h}, num_iterations={iterations}, learning_rate={lr!r}) "
                          f"after np.random.seed({seed}), with n_x={n_x}, n_y={n_y}, m={m}"))
    # The defaults run in full: a few examples keep 10000 iterations well under a second.
    m, seed = int(rng.integers(3, 8)), random_seed(rng)
    yield Case("nn_model", (rng.normal(size=(2, m)), rng.integers(0, 2, size=(1, m)), 2), seed=seed,
               standins=TWO_LAYER, check=_named("parameters"),
               label=(f"nn_model(X, Y, n_h=2) after np.random.seed({seed}), with n_x=2, n_y=1, m={m} and "
                      f"its default arguments (num_iterations=10000, learning_rate=0.5)"))
    X, Y = test_cases.nn_model_test_case()
    yield Case("nn_model", (X, Y, 4), {"num_iterations": 5, "learning_rate": 0.5, "print_cost": True}, seed=2030,
               standins=TWO_LAYER, may_print=True, check=_named("parameters"),
               label=("nn_model(X_assess, Y_assess, n_h=4, num_iterations=5, learning_rate=0.5, print_cost=True) "
                      "after np.random.seed(2030)"))


# -- predict -------------------------------------------------------------------------------------

def _check_predictions(got, expected, case):
    __tracebackhide__ = True
    check_predictions(got, expected, case.label)


def predict_tests(rng):
    parameters, X, _ = test_cases.predict_test_case()
    yield Case("predict", (parameters, X), standins=("forward_propagation",), check=_check_predictions,
               label="predict(parameters, X_assess) for the document's example")
    for n_x, n_h in [(2, 4), (3, 5), tuple(int(v) for v in rng.integers(1, 6, size=2))]:
        m = int(rng.integers(1, 300))
        p = random_parameters(rng, n_x, n_h, 1, output_scale=3.0)
        yield Case("predict", (p, rng.normal(size=(n_x, m)) * 3), standins=("forward_propagation",),
                   check=_check_predictions, label=f"predict(parameters, X) with n_x={n_x}, n_h={n_h}, m={m}")


TESTS = {f.__name__: f for f in (layer_sizes_tests, initialize_parameters_tests, forward_propagation_tests,
                                 compute_cost_tests, backward_propagation_tests, update_parameters_tests,
                                 nn_model_tests, predict_tests)}
