"""
Visible tests of assignment 3 (building a deep neural network, step by step).

Each ``<function>_test(target)`` checks a student's function on the test case of
helpers.testCases.a3_deep_neural_network and prints "All tests passed for
<function>." when it passes. A function that calls other graded functions
(linear_activation_forward, L_model_forward, linear_activation_backward,
L_model_backward) is tested with stand-ins for them that answer the test case
with the stored reference values, and check that they are called with the right
layer, input and activation: a mistake in another exercise does not fail it.
The test functions set ``__tracebackhide__`` so that a failure shows its message.
"""
import contextlib
import io

import numpy as np

from helpers.checks import (check_close, check_keys, check_returns, check_scalar, check_shape, check_type,
                            check_unchanged, fail, passed, preserved_random_state, quiet, snapshot, substituted)
from helpers.testCases import a3_deep_neural_network as cases

PRINTED = dict(rtol=0, atol=5.1e-9)  # agreement to the 8 decimals the documents print
EXACT = dict(rtol=1e-9, atol=1e-12)


def _same(a, b):
    return isinstance(a, np.ndarray) and np.shape(a) == np.shape(b) and np.allclose(a, b, rtol=1e-12, atol=1e-15)


def initialize_parameters_test(target):
    __tracebackhide__ = True
    expected = cases.DOCUMENTED["initialize_parameters"]
    with preserved_random_state(), quiet():
        parameters = target(3, 2, 1)
    call = "initialize_parameters(3, 2, 1)"
    check_keys(parameters, ("W1", "b1", "W2", "b2"), call)
    for key, shape in (("W1", (2, 3)), ("b1", (2, 1)), ("W2", (1, 2)), ("b2", (1, 1))):
        check_shape(parameters[key], shape, f'{call}["{key}"]')
    for key in ("b1", "b2"):
        check_close(parameters[key], np.zeros(parameters[key].shape), f'{call}["{key}"]',
                    hint="Initialise the biases with np.zeros(shape).")
    for key in ("W1", "W2"):
        check_close(parameters[key], expected[key], f'{call}["{key}"]', **PRINTED,
                    hint="Call np.random.seed(1) first, then np.random.randn(shape) * 0.01, W1 before W2.")
    passed("initialize_parameters")


def initialize_parameters_deep_test(target):
    __tracebackhide__ = True
    expected = cases.DOCUMENTED["initialize_parameters_deep"]
    for layer_dims in ([5, 4, 3], [3, 1], [4, 3, 2, 2, 1]):
        call = f"initialize_parameters_deep({layer_dims})"
        with preserved_random_state(), quiet():
            parameters = target(list(layer_dims))
        keys = [f"{p}{l}" for l in range(1, len(layer_dims)) for p in "Wb"]
        check_keys(parameters, keys, call)
        if len(parameters) != len(keys):
            fail(f"{call} returned the keys {sorted(parameters)}; it should return exactly {keys}.")
        for l in range(1, len(layer_dims)):
            check_shape(parameters[f"W{l}"], (layer_dims[l], layer_dims[l - 1]), f'{call}["W{l}"]',
                        "Wl has shape (layer_dims[l], layer_dims[l-1]).")
            check_shape(parameters[f"b{l}"], (layer_dims[l], 1), f'{call}["b{l}"]')
            check_close(parameters[f"b{l}"], np.zeros((layer_dims[l], 1)), f'{call}["b{l}"]')
        if layer_dims == [5, 4, 3]:
            for key in ("W1", "W2"):
                check_close(parameters[key], expected[key], f'{call}["{key}"]', **PRINTED,
                            hint="Call np.random.seed(3) first, then np.random.randn(shape) * 0.01 "
                                 "(randn, not rand), layer by layer.")
    passed("initialize_parameters_deep")


def linear_forward_test(target):
    __tracebackhide__ = True
    A, W, b = cases.linear_forward_test_case()
    (expected,) = cases.reference("linear_forward.Z")
    before = snapshot((A, W, b))
    with quiet():
        result = target(A, W, b)
    check_returns(result, ("Z", "cache"), "linear_forward(A, W, b)")
    Z, cache = result
    check_shape(Z, (1, 2), "Z", "Z has shape (W.shape[0], A.shape[1]).")
    check_close(Z, expected, "Z", **EXACT)
    if not (len(cache) == 3 and all(_same(x, y) for x, y in zip(cache, (A, W, b)))):
        fail("the cache of linear_forward should be the tuple (A, W, b).")
    check_unchanged(before, (A, W, b), "A, W or b")
    passed("linear_forward")


def linear_activation_forward_test(target):
    __tracebackhide__ = True
    A_prev, W, b = cases.linear_activation_forward_test_case()
    (Z,) = cases.reference("linear_activation_forward.Z")
    calls = []

    def linear_forward(A_, W_, b_):
        if not (_same(A_, A_prev) and _same(W_, W) and _same(b_, b)):
            fail("linear_activation_forward should call linear_forward(A_prev, W, b) with its own arguments.")
        calls.append(1)
        return Z.copy(), (A_, W_, b_)

    for activation in ("sigmoid", "relu"):
        (expected,) = cases.reference(f"linear_activation_forward.A.{activation}")
        call = f'linear_activation_forward(A_prev, W, b, activation="{activation}")'
        with substituted(target, linear_forward=linear_forward), quiet():
            result = target(A_prev, W, b, activation)
        if not calls:
            fail("linear_activation_forward should compute Z with linear_forward(A_prev, W, b).")
        check_returns(result, ("A", "cache"), call)
        A, cache = result
        check_shape(A, Z.shape, f"A from {call}")
        check_close(A, expected, f"A from {call}", **EXACT,
                    hint=f"Apply {activation}(Z) to the Z of linear_forward.")
        if not (len(cache) == 2 and len(cache[0]) == 3 and _same(cache[1], Z)):
            fail(f"the cache of {call} should be (linear_cache, activation_cache): the cache of "
                 f"linear_forward, then the cache of {activation}, which is Z.")
    passed("linear_activation_forward")


def L_model_forward_test(target):
    __tracebackhide__ = True
    X, parameters = cases.L_model_forward_test_case()
    L = len(parameters) // 2
    (AL,) = cases.reference("L_model_forward.AL")
    layers = {l: cases.reference(f"L_model_forward.A_prev.{l}", f"L_model_forward.Z.{l}") for l in range(1, L + 1)}
    outputs = {l: layers[l + 1][0] for l in range(1, L)}
    outputs[L] = AL
    order = []

    def linear_activation_forward(A_prev, W, b, activation):
        layer = next((l for l in range(1, L + 1) if _same(W, parameters[f"W{l}"])), None)
        if layer is None or not _same(b, parameters[f"b{layer}"]):
            fail("L_model_forward called linear_activation_forward with weights that are not those of a "
                 "layer: use parameters['W' + str(l)] and parameters['b' + str(l)] together.")
        wanted = "sigmoid" if layer == L else "relu"
        if activation != wanted:
            fail(f'layer {layer} of {L} should use activation="{wanted}" but L_model_forward called it with '
                 f'activation={activation!r}: ReLU for layers 1 to L-1, sigmoid for layer L.')
        if not _same(A_prev, layers[layer][0]):
            source = "X" if layer == 1 else f"the output A of layer {layer - 1}"
            fail(f"layer {layer} received the wrong input: A_prev should be {source}.")
        order.append(layer)
        cache = ((A_prev, W, b), layers[layer][1].copy())
        return outputs[layer].copy(), cache

    before = snapshot((X, parameters))
    with substituted(target, linear_activation_forward=linear_activation_forward), quiet():
        result = target(X, parameters)
    check_returns(result, ("AL", "caches"), "L_model_forward(X, parameters)")
    got_AL, caches = result
    if order != list(range(1, L + 1)):
        fail(f"L_model_forward should run layers 1 to {L} once each, in order; it ran {order}.")
    check_shape(got_AL, AL.shape, "AL")
    check_close(got_AL, AL, "AL", **EXACT, hint="AL is the output of the last layer, the sigmoid one.")
    check_type(caches, (list, tuple), "caches")
    if len(caches) != L:
        fail(f"caches should hold one cache per layer, {L}, but holds {len(caches)}.")
    for l, cache in enumerate(caches, start=1):
        if not (len(cache) == 2 and _same(cache[1], layers[l][1])):
            fail(f"caches[{l - 1}] should be the cache that linear_activation_forward returned for layer {l}.")
    check_unchanged(before, (X, parameters), "X or parameters")
    passed("L_model_forward")


def compute_cost_test(target):
    __tracebackhide__ = True
    Y, AL = cases.compute_cost_test_case()
    with quiet():
        cost = target(AL, Y)
    check_scalar(cost, "compute_cost(AL, Y)", "Use np.squeeze(cost) to turn a 1x1 array into a number.")
    check_close(cost, cases.DOCUMENTED["cost"], "compute_cost(AL, Y)", rtol=1e-12)
    passed("compute_cost")


def linear_backward_test(target):
    __tracebackhide__ = True
    dZ, cache = cases.linear_backward_test_case()
    expected = dict(zip(("dA_prev", "dW", "db"),
                        cases.reference("linear_backward.dA_prev", "linear_backward.dW", "linear_backward.db")))
    before = snapshot((dZ, cache))
    with quiet():
        result = target(dZ, cache)
    check_returns(result, ("dA_prev", "dW", "db"), "linear_backward(dZ, cache)")
    hints = {"dA_prev": "dA_prev = W.T dZ has the shape of A_prev.",
             "dW": "dW = dZ A_prev.T / m has the shape of W.",
             "db": "db sums dZ over the examples: np.sum(dZ, axis=1, keepdims=True) / m."}
    for (name, value), got in zip(expected.items(), result):
        check_shape(got, value.shape, name, hints[name])
        check_close(got, value, name, **EXACT, hint=hints[name])
    check_unchanged(before, (dZ, cache), "dZ or cache")
    passed("linear_backward")


def linear_activation_backward_test(target):
    __tracebackhide__ = True
    dA, cache = cases.linear_activation_backward_test_case()
    for activation in ("sigmoid", "relu"):
        (dZ,) = cases.reference(f"linear_activation_backward.dZ.{activation}")
        expected = cases.reference(*(f"linear_activation_backward.{n}.{activation}" for n in ("dA_prev", "dW", "db")))
        calls = []

        def linear_backward(dZ_, linear_cache):
            if not _same(dZ_, dZ):
                fail(f'with activation="{activation}", linear_backward should receive '
                     f"dZ = {activation}_backward(dA, activation_cache).")
            if not (len(linear_cache) == 3 and all(_same(x, y) for x, y in zip(linear_cache, cache[0]))):
                fail("linear_backward should receive the linear_cache, the first item of the cache.")
            calls.append(1)
            return tuple(value.copy() for value in expected)

        call = f'linear_activation_backward(dA, cache, activation="{activation}")'
        with substituted(target, linear_backward=linear_backward), quiet():
            result = target(dA, cache, activation)
        if not calls:
            fail(f"{call} should compute the gradients with linear_backward(dZ, linear_cache).")
        check_returns(result, ("dA_prev", "dW", "db"), call)
        for name, got, value in zip(("dA_prev", "dW", "db"), result, expected):
            check_close(got, value, f"{name} from {call}", **EXACT)
    passed("linear_activation_backward")


def L_model_backward_test(target):
    __tracebackhide__ = True
    AL, Y, caches = cases.L_model_backward_test_case()
    L = len(caches)
    keys = [f"dA{l - 1}" for l in range(1, L + 1)] + [f"d{p}{l}" for l in range(1, L + 1) for p in "Wb"]
    expected = dict(zip(keys, cases.reference(*(f"L_model_backward.{k}" for k in keys))))
    (dAL,) = cases.reference("L_model_backward.dAL")
    incoming = {L: dAL, **{l: expected[f"dA{l}"] for l in range(1, L)}}
    order = []

    def linear_activation_backward(dA, cache, activation):
        layer = next((l for l in range(1, L + 1) if len(cache) == 2 and _same(cache[1], caches[l - 1][1])), None)
        if layer is None:
            fail("L_model_backward called linear_activation_backward with a cache that is not one of caches.")
        wanted = "sigmoid" if layer == L else "relu"
        if activation != wanted:
            fail(f'layer {layer} of {L} should be run backward with activation="{wanted}" but was run with '
                 f"activation={activation!r}.")
        if not _same(dA, incoming[layer]):
            what = ("dAL = -(Y / AL - (1 - Y) / (1 - AL))" if layer == L
                    else f'grads["dA{layer}"], the gradient that layer {layer + 1} returned')
            fail(f"layer {layer} received the wrong gradient: dA should be {what}.")
        order.append(layer)
        return (expected[f"dA{layer - 1}"].copy(), expected[f"dW{layer}"].copy(), expected[f"db{layer}"].copy())

    before = snapshot((AL, Y, caches))
    printed = io.StringIO()
    with substituted(target, linear_activation_backward=linear_activation_backward), quiet(), \
            contextlib.redirect_stdout(printed):
        grads = target(AL, Y, caches)
    if printed.getvalue():
        fail(f"L_model_backward printed output; a graded function should print nothing:\n{printed.getvalue()[:200]}")
    if order != list(range(L, 0, -1)):
        fail(f"L_model_backward should run layers {L} down to 1 once each; it ran {order}.")
    check_keys(grads, keys, "grads")
    for key, value in expected.items():
        layer = key[2:] if key.startswith("dA") else key[2:]
        check_close(grads[key], value, f'grads["{key}"] (layer {layer})', **EXACT)
    check_unchanged(before, (AL, Y, caches), "AL, Y or caches")
    passed("L_model_backward")


def update_parameters_test(target):
    __tracebackhide__ = True
    parameters, grads = cases.update_parameters_test_case()
    keys = list(parameters)
    expected = dict(zip(keys, cases.reference(*(f"update_parameters.{k}" for k in keys))))
    before = snapshot((parameters, grads))
    with quiet():
        updated = target(parameters, grads, 0.1)
    check_unchanged(before, (parameters, grads), "params or grads")
    check_keys(updated, keys, "update_parameters(params, grads, 0.1)")
    for key, value in expected.items():
        check_shape(updated[key], value.shape, f'the updated ["{key}"]')
        check_close(updated[key], value, f'the updated ["{key}"]', **EXACT,
                    hint="The rule is W - learning_rate * dW, for every layer.")
    passed("update_parameters")
