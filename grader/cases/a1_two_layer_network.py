"""Graded cases of assignment 1: a neural network with two layers (sigmoid hidden layer)."""
import numpy as np

from grader.judging import Case, random_seed
from grader.cases.two_layer import (TWO_LAYER, backward_propagation_inputs, check_sizes, check_two_calls_differ,
                                    random_parameters, random_sizes, training_runs,
                                    update_parameters_cases)
from helpers.checks import fail
from helpers.datasets import load_blobs
from helpers.testCases import a1_two_layer_network as test_cases


def sigmoid_tests(rng):
    for z in (-2, 0, 3.5):  # the document's values
        yield Case("sigmoid", (z,), label=f"sigmoid({z})", rtol=1e-9)
    for shape in [(7,), (3, 4), (2, 5, 2), (1, int(rng.integers(1, 50)))]:
        yield Case("sigmoid", (rng.uniform(-30, 30, size=shape),), label=f"sigmoid(z) for z of shape {shape}",
                   rtol=1e-9, atol=1e-15)
    for x in rng.uniform(-8, 8, size=3):
        yield Case("sigmoid", (float(x),), label=f"sigmoid({float(x)!r})", rtol=1e-9)


def layer_sizes_tests(rng):
    X, Y = test_cases.layer_sizes_test_case()
    yield Case("layer_sizes", (X, Y), label="layer_sizes(X, Y) for the document's example", check=check_sizes)
    for _ in range(3):
        n_x, n_y, m = random_sizes(rng, 1, 12)
        yield Case("layer_sizes", (rng.normal(size=(n_x, m)), rng.normal(size=(n_y, m))),
                   label=f"layer_sizes(X, Y) for X of shape {(n_x, m)} and Y of shape {(n_y, m)}",
                   check=check_sizes)


def _check_weight_scale(got, expected, case):
    __tracebackhide__ = True
    std = float(np.std(got["W1"])) if isinstance(got, dict) and isinstance(got.get("W1"), np.ndarray) else None
    if std is None:
        fail(f"{case.label} should return a dictionary holding the array W1.")
    if not 0.009 < std < 0.011:
        fail(f"{case.label}: W1 should have standard deviation 0.01 (np.random.randn(...) * 0.01) "
             f"but has {std:.4f}.")


def initialize_parameters_tests(rng):
    seed, sizes, _ = test_cases.initialize_parameters_test_case()
    yield Case("initialize_parameters", sizes, seed=seed, rtol=1e-9, atol=1e-15,
               label=f"initialize_parameters{sizes} after np.random.seed({seed}) (the document's example)")
    for _ in range(3):
        n_x, n_h, n_y = random_sizes(rng, 1, 9)
        seed = random_seed(rng)
        yield Case("initialize_parameters", (n_x, n_h, n_y), seed=seed, rtol=1e-9, atol=1e-15,
                   label=f"initialize_parameters({n_x}, {n_h}, {n_y}) after np.random.seed({seed})")
    yield Case("initialize_parameters", (3, 4, 1), repeat=2, seed=random_seed(rng),
               label="two calls of initialize_parameters(3, 4, 1) in a row", check=check_two_calls_differ)
    yield Case("initialize_parameters", (200, 100, 1), seed=random_seed(rng),
               label="initialize_parameters(200, 100, 1)", check=_check_weight_scale)


def forward_propagation_tests(rng):
    X, parameters, _, _ = test_cases.forward_propagation_test_case()
    yield Case("forward_propagation", (X, parameters), rtol=1e-9,
               label="forward_propagation(X, parameters) for the document's example")
    for n_x, n_h, n_y in [(3, 4, 1), (5, 1, 3), random_sizes(rng)]:
        m = int(rng.integers(1, 40))
        yield Case("forward_propagation", (rng.normal(size=(n_x, m)) * 2, random_parameters(rng, n_x, n_h, n_y)),
                   label=f"forward_propagation with n_x={n_x}, n_h={n_h}, n_y={n_y}, m={m}", rtol=1e-9)


def compute_cost_tests(rng):
    A2, Y, _ = test_cases.compute_cost_test_case()
    yield Case("compute_cost", (A2, Y), label="compute_cost(A2, Y) for the document's example", rtol=1e-9)
    for m in (1, int(rng.integers(2, 30)), int(rng.integers(100, 3000))):
        yield Case("compute_cost", (rng.uniform(0.02, 0.98, size=(1, m)), rng.integers(0, 2, size=(1, m))),
                   label=f"compute_cost(A2, Y) for m={m}", rtol=1e-9)


def backward_propagation_tests(rng):
    parameters, cache, X, Y, _ = test_cases.backward_propagation_test_case()
    yield Case("backward_propagation", (parameters, cache, X, Y), rtol=1e-7,
               label="backward_propagation for the document's example")
    for sizes, arguments in backward_propagation_inputs(rng, hidden=lambda Z1: 1 / (1 + np.exp(-Z1))):
        yield Case("backward_propagation", arguments, rtol=1e-7, atol=1e-10,
                   label=f"backward_propagation with {sizes}")


def update_parameters_tests(rng):
    parameters, grads, _ = test_cases.update_parameters_test_case()
    yield Case("update_parameters", (parameters, grads), rtol=1e-9,
               label="update_parameters(parameters, grads) for the document's example (learning_rate=1.2)")
    yield from update_parameters_cases(rng, rate_format="g")


def nn_model_tests(rng):
    for n_x, n_h, n_y, m, iterations, lr in training_runs(rng):
        yield Case("nn_model", (rng.normal(size=(n_x, m)), rng.integers(0, 2, size=(n_y, m)), n_h),
                   {"num_iterations": iterations, "learning_rate": lr}, seed=random_seed(rng),
                   standins=TWO_LAYER,
                   label=(f"nn_model(X, Y, n_h={n_h}, num_iterations={iterations}, learning_rate={lr:.3f}) "
                          f"with n_x={n_x}, n_y={n_y}, m={m}"))
    X, Y = load_blobs(200)
    yield Case("nn_model", (X, Y, 3), seed=7, standins=TWO_LAYER,
               label="nn_model(X, Y, n_h=3) with its default arguments")
    yield Case("nn_model", (X, Y, 2), {"num_iterations": 5, "print_cost": True}, seed=8, standins=TWO_LAYER, may_print=True,
               label="nn_model(X, Y, n_h=2, num_iterations=5, print_cost=True)")


def predict_tests(rng):
    for n_x, n_h in [(2, 2), (3, 5), tuple(int(v) for v in rng.integers(1, 6, size=2))]:
        m = int(rng.integers(1, 300))
        p = random_parameters(rng, n_x, n_h, 1, hidden_scale=3.0, output_scale=3.0)
        yield Case("predict", (rng.normal(size=(n_x, m)) * 3, p), standins=("forward_propagation",),
                   label=f"predict(X, parameters) with n_x={n_x}, n_h={n_h}, m={m}")


TESTS = {f.__name__: f for f in (sigmoid_tests, layer_sizes_tests, initialize_parameters_tests,
                                 forward_propagation_tests, compute_cost_tests, backward_propagation_tests,
                                 update_parameters_tests, nn_model_tests, predict_tests)}
