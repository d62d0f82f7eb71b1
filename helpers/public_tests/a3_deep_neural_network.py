"""
Visible tests of assignment 3 (building a deep neural network, step by step).

Each ``<function>_test(target)`` checks a student's function on the test case of
helpers.testCases.a3_deep_neural_network and on a case of other sizes (or networks
of several depths), and prints "All tests passed for <function>." when it passes.
A function that calls other graded functions (linear_activation_forward,
L_model_forward, linear_activation_backward, L_model_backward) is tested with
stand-ins for them, which check that they are called with the right layer, input
and activation: a mistake in another exercise does not fail it. The stand-ins of
L_model_forward and L_model_backward answer networks of 1, 2, 3 and 5 layers with
values that tell the layers apart, so that no depth can be assumed. A function that
computes what it should without calling its helpers passes as well. The test
functions set ``__tracebackhide__`` so that a failure shows its message.
"""
import contextlib
import io

import numpy as np

from helpers.checks import (DOT_OF_ROWS, RANDN_DIMENSIONS, ZEROS_SHAPE, check_close, check_keys, check_returns,
                            check_scalar, check_shape, check_type, check_unchanged, explained, fail, passed,
                            preserved_random_state, quiet, snapshot, substituted)
from helpers.testCases import a3_deep_neural_network as cases

PRINTED = dict(rtol=0, atol=5.1e-9)  # agreement to the 8 decimals the notebook prints
EXACT = dict(rtol=1e-9, atol=1e-12)
# A seed other than the ones the initialisers set themselves, so that one that does not seed is told so.
OTHER_SEED = 0
# Networks of 1, 2, 3 and 5 layers, (layer_dims, m): each test runs those of another depth than its worked example.
DEPTHS = (([3, 1], 2), ([3, 4, 1], 3), ([4, 3, 2, 1], 3), ([4, 3, 3, 2, 2, 1], 2))
UNPACKED = (TypeError, "tuple", "sigmoid_backward and relu_backward take the activation_cache, the second item of "
                                "the cache: linear_cache, activation_cache = cache.")
ACTIVATIONS = (UnboundLocalError, "", 'activation is the text "sigmoid" or "relu": compare it with == to each, in '
                                      "lower case, and compute the result in both branches.")


def _same(a, b):
    return isinstance(a, np.ndarray) and np.shape(a) == np.shape(b) and np.allclose(a, b, rtol=1e-12, atol=1e-15)


def _other_depths(L):
    """The networks of DEPTHS whose depth is not L, the worked example's."""
    return [(dims, m) for dims, m in DEPTHS if len(dims) != L + 1]


def _network(dims, seed=11):
    """The parameters of a network with layer sizes ``dims``."""
    rng = np.random.RandomState(seed)
    return {f"{p}{l}": rng.randn(dims[l], dims[l - 1] if p == "W" else 1)
            for l in range(1, len(dims)) for p in "Wb"}


def _printed_note(function, printed):
    """Printing costs no points: a note says so, and the test goes on."""
    if printed:
        print(f"Note: {function} printed output; a graded function should return its results, not print "
              f"them:\n{printed[:200]}")


def initialize_parameters_test(target):
    __tracebackhide__ = True
    other_sizes, other = cases.initialize_parameters_other_case()
    documented = {key: np.array(value) for key, value in cases.DOCUMENTED["initialize_parameters"].items()}
    for sizes, expected, tolerance in (((3, 2, 1), documented, PRINTED), (other_sizes, other, EXACT)):
        call = "initialize_parameters(%d, %d, %d)" % sizes
        with preserved_random_state(), quiet(), explained(call, RANDN_DIMENSIONS, ZEROS_SHAPE):
            np.random.seed(OTHER_SEED)
            parameters = target(*sizes)
        n_x, n_h, n_y = sizes
        check_keys(parameters, ("W1", "b1", "W2", "b2"), call)
        for key, shape in (("W1", (n_h, n_x)), ("b1", (n_h, 1)), ("W2", (n_y, n_h)), ("b2", (n_y, 1))):
            check_shape(parameters[key], shape, f'{call}["{key}"]')
        for key in ("b1", "b2"):
            check_close(parameters[key], np.zeros(parameters[key].shape), f'{call}["{key}"]',
                        hint="Initialise the biases with np.zeros(shape).")
        for key in ("W1", "W2"):
            check_close(parameters[key], expected[key], f'{call}["{key}"]', **tolerance,
                        hint="Call np.random.seed(1) first, inside the function, then draw W1 with "
                             "np.random.randn(n_h, n_x) * 0.01 and W2 with np.random.randn(n_y, n_h) * 0.01.")
    passed("initialize_parameters")


def initialize_parameters_deep_test(target):
    __tracebackhide__ = True
    other_dims, other = cases.initialize_parameters_deep_other_case()
    documented = {key: np.array(value) for key, value in cases.DOCUMENTED["initialize_parameters_deep"].items()}
    expected_values = {(5, 4, 3): (documented, PRINTED), tuple(other_dims): (other, EXACT)}
    for layer_dims in ([5, 4, 3], [3, 1], other_dims):
        call = f"initialize_parameters_deep({layer_dims})"
        layers = (IndexError, "", f"A network of {len(layer_dims) - 1} layer(s): loop over every layer, "
                                  f"for l in range(1, len(layer_dims)); do not assume a number of layers.")
        with preserved_random_state(), quiet(), explained(call, RANDN_DIMENSIONS, ZEROS_SHAPE, layers):
            np.random.seed(OTHER_SEED)
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
        expected, tolerance = expected_values.get(tuple(layer_dims), ({}, None))
        for key, value in expected.items():
            check_close(parameters[key], value, f'{call}["{key}"]', **tolerance,
                        hint="Keep np.random.seed(3) first, then np.random.randn(layer_dims[l], layer_dims[l - 1]) "
                             "* 0.01 (randn, not rand), layer by layer.")
    passed("initialize_parameters_deep")


def linear_forward_test(target):
    __tracebackhide__ = True
    examples = [("linear_forward(A, W, b)", cases.linear_forward_test_case(), cases.reference("linear_forward.Z")[0]),
                ("linear_forward for A of shape (4, 3) and W of shape (2, 4)", cases.linear_forward_other_case(),
                 cases.reference("linear_forward.other.Z")[0])]
    product = tuple((ValueError, words, "Z = W A + b: W of shape (n, n_prev) times A of shape (n_prev, m) is "
                                        "np.dot(W, A), in this order; * multiplies elementwise.")
                    for words in ("not aligned", "matmul", "broadcast"))
    for call, (A, W, b), expected in examples:
        before = snapshot((A, W, b))
        with quiet(), explained(call, *product):
            result = target(A, W, b)
        check_returns(result, ("Z", "cache"), call)
        Z, cache = result
        check_shape(Z, expected.shape, f"Z from {call}", "Z has shape (W.shape[0], A.shape[1]).")
        if np.allclose(Z + b, expected):
            fail(f"Z from {call} has wrong values: it lacks the bias. Z = W A + b: add b.")
        check_close(Z, expected, f"Z from {call}", **EXACT)
        if not (isinstance(cache, (tuple, list)) and len(cache) == 3
                and all(_same(x, y) for x, y in zip(cache, (A, W, b)))):
            fail(f"the cache of {call} should be the tuple (A, W, b).")
        check_unchanged(before, (A, W, b), "A, W or b")
    passed("linear_forward")


def linear_activation_forward_test(target):
    __tracebackhide__ = True
    layers = [("A_prev, W, b", cases.linear_activation_forward_test_case(), ""),
              ("A_prev of shape (4, 3) and W of shape (2, 4)", cases.linear_activation_forward_other_case(), ".other")]
    for what, (A_prev, W, b), tag in layers:
        (Z,) = cases.reference(f"linear_activation_forward{tag}.Z")

        def linear_forward(A_, W_, b_):
            if not (_same(A_, A_prev) and _same(W_, W) and _same(b_, b)):
                fail("linear_activation_forward should call linear_forward(A_prev, W, b) with its own arguments.")
            return Z.copy(), (A_, W_, b_)

        for activation in ("sigmoid", "relu"):
            (expected,) = cases.reference(f"linear_activation_forward{tag}.A.{activation}")
            call = f'linear_activation_forward({what}, activation="{activation}")'
            with substituted(target, linear_forward=linear_forward), quiet(), explained(call, ACTIVATIONS):
                result = target(A_prev, W, b, activation)
            check_returns(result, ("A", "cache"), call)
            A, cache = result
            if isinstance(A, tuple):
                fail(f"A from {call} is a tuple: {activation} returns two values, the activation and its cache. "
                     f"Unpack them: A, activation_cache = {activation}(Z).")
            check_shape(A, Z.shape, f"A from {call}")
            check_close(A, expected, f"A from {call}", **EXACT,
                        hint=f"Apply {activation}(Z) to the Z of linear_forward.")
            if not (isinstance(cache, (tuple, list)) and len(cache) == 2 and isinstance(cache[0], (tuple, list))
                    and len(cache[0]) == 3 and _same(cache[1], Z)):
                fail(f"the cache of {call} should be (linear_cache, activation_cache): the cache of "
                     f"linear_forward, (A_prev, W, b), then the cache of {activation}, which is Z.")
    passed("linear_activation_forward")


class ForwardLayers:
    """
    A stand-in for linear_activation_forward in a network of given parameters: it finds the layer
    that each call computes from its weights, checks the layer's activation and input, and answers
    with the given output of the layer and a cache of its own.
    """

    def __init__(self, X, parameters, outputs, Zs):
        self.X, self.parameters, self.outputs, self.Zs = X, parameters, outputs, Zs
        self.L = len(parameters) // 2
        self.order = []

    def __call__(self, A_prev, W, b, activation):
        __tracebackhide__ = True
        L, parameters = self.L, self.parameters
        layer = next((l for l in range(1, L + 1) if _same(W, parameters[f"W{l}"])), None)
        if layer is None or not _same(b, parameters[f"b{layer}"]):
            fail("L_model_forward called linear_activation_forward with weights that are not those of a "
                 "layer: use parameters['W' + str(l)] and parameters['b' + str(l)] together.")
        wanted = "sigmoid" if layer == L else "relu"
        if activation != wanted:
            fail(f'layer {layer} of {L} should use activation="{wanted}" but L_model_forward called it with '
                 f"activation={activation!r}: ReLU for layers 1 to L-1, sigmoid for layer L, where "
                 f"L = len(parameters) // 2 is the number of layers.")
        if not _same(A_prev, self.X if layer == 1 else self.outputs[layer - 1]):
            source = "X" if layer == 1 else f"the output A of layer {layer - 1}"
            fail(f"layer {layer} of {L} received the wrong input: A_prev should be {source}.")
        self.order.append(layer)
        return self.outputs[layer].copy(), ((A_prev, W, b), self.Zs[layer].copy())

    def check(self, result, call):
        """The pair (AL, caches) that L_model_forward returned."""
        __tracebackhide__ = True
        L = self.L
        check_returns(result, ("AL", "caches"), call)
        got_AL, caches = result
        if self.order != list(range(1, L + 1)):
            fail(f"{call} should run layers 1 to {L} once each, in order; it ran {self.order}. The number of "
                 f"layers is len(parameters) // 2.")
        check_shape(got_AL, self.outputs[L].shape, f"AL from {call}")
        check_close(got_AL, self.outputs[L], f"AL from {call}", **EXACT,
                    hint="AL is the output of the last layer, the sigmoid one.")
        check_type(caches, (list, tuple), f"the caches from {call}")
        if len(caches) != L:
            fail(f"the caches from {call} should hold one cache per layer, {L}, but hold {len(caches)}.")
        for l, cache in enumerate(caches, start=1):
            if not (isinstance(cache, (tuple, list)) and len(cache) == 2 and _same(cache[1], self.Zs[l])):
                fail(f"caches[{l - 1}] from {call} should be the cache that linear_activation_forward returned "
                     f"for layer {l}.")


def L_model_forward_test(target):
    __tracebackhide__ = True
    X, parameters = cases.L_model_forward_test_case()
    L = len(parameters) // 2
    (AL,) = cases.reference("L_model_forward.AL")
    stored = {l: cases.reference(f"L_model_forward.A_prev.{l}", f"L_model_forward.Z.{l}") for l in range(1, L + 1)}
    networks = [("L_model_forward(X, parameters)", X, parameters,
                 {**{l: stored[l + 1][0] for l in range(1, L)}, L: AL}, {l: stored[l][1] for l in stored})]
    for dims, m in _other_depths(L):
        # Outputs and Zs that tell the layers apart: layer l answers l / 10 and -l.
        shapes = {l: (dims[l], m) for l in range(1, len(dims))}
        networks.append((f"L_model_forward for a network of {len(dims) - 1} layer(s), layer_dims={dims}",
                         np.random.RandomState(len(dims)).randn(dims[0], m), _network(dims),
                         {l: np.full(shape, l / 10) for l, shape in shapes.items()},
                         {l: np.full(shape, -float(l)) for l, shape in shapes.items()}))
    for call, X, parameters, outputs, Zs in networks:
        layers = ForwardLayers(X, parameters, outputs, Zs)
        depth = (KeyError, "", f"This network has {layers.L} layer(s), so parameters holds W1 to W{layers.L}: the "
                               f"number of layers is len(parameters) // 2; do not assume a fixed number.")
        before = snapshot((X, parameters))
        with substituted(target, linear_activation_forward=layers), quiet(), explained(call, depth):
            result = target(X, parameters)
        layers.check(result, call)
        check_unchanged(before, (X, parameters), "X or parameters")
    passed("L_model_forward")


def compute_cost_test(target):
    __tracebackhide__ = True
    Y, AL = cases.compute_cost_test_case()
    other_AL, other_Y, other_cost = cases.OTHER_COST
    for call, AL, Y, expected in (("compute_cost(AL, Y)", AL, Y, cases.DOCUMENTED["cost"]),
                                  (f"compute_cost({other_AL}, {other_Y})", np.array(other_AL), np.array(other_Y),
                                   other_cost)):
        with quiet(), explained(call, DOT_OF_ROWS):
            cost = target(AL, Y)
        check_scalar(cost, call, "Use np.squeeze(cost) to turn a 1x1 array into a number.")
        check_close(cost, expected, call, rtol=1e-12, hint="m is the number of examples, Y.shape[1].")
    passed("compute_cost")


def linear_backward_test(target):
    __tracebackhide__ = True
    names = ("dA_prev", "dW", "db")
    examples = [("linear_backward(dZ, cache)", cases.linear_backward_test_case(),
                 cases.reference(*(f"linear_backward.{n}" for n in names))),
                ("linear_backward for A_prev of shape (4, 3) and W of shape (2, 4)", cases.linear_backward_other_case(),
                 cases.reference(*(f"linear_backward.other.{n}" for n in names)))]
    hints = {"dA_prev": "dA_prev = W.T dZ has the shape of A_prev.",
             "dW": "dW = dZ A_prev.T / m has the shape of W.",
             "db": "db sums dZ over the examples: np.sum(dZ, axis=1, keepdims=True) / m."}
    product = tuple((ValueError, words, "The shapes do not fit a matrix product: " + " ".join(hints.values()))
                    for words in ("not aligned", "matmul", "broadcast"))
    for call, (dZ, cache), expected in examples:
        before = snapshot((dZ, cache))
        with quiet(), explained(call, *product):
            result = target(dZ, cache)
        check_returns(result, names, call)
        for name, got, value in zip(names, result, expected):
            check_shape(got, value.shape, f"{name} from {call}", hints[name])
            check_close(got, value, f"{name} from {call}", **EXACT, hint=hints[name])
        check_unchanged(before, (dZ, cache), "dZ or cache")
    passed("linear_backward")


def linear_activation_backward_test(target):
    __tracebackhide__ = True
    names = ("dA_prev", "dW", "db")
    layers = [("dA, cache", cases.linear_activation_backward_test_case(), ""),
              ("dA of shape (2, 3) and a layer of 2 units after one of 4",
               cases.linear_activation_backward_other_case(), ".other")]
    for what, (dA, cache), tag in layers:
        for activation in ("sigmoid", "relu"):
            (dZ,) = cases.reference(f"linear_activation_backward{tag}.dZ.{activation}")
            expected = cases.reference(*(f"linear_activation_backward{tag}.{n}.{activation}" for n in names))

            def linear_backward(dZ_, linear_cache):
                if not _same(dZ_, dZ):
                    fail(f'with activation="{activation}", linear_backward should receive '
                         f"dZ = {activation}_backward(dA, activation_cache).")
                if not (isinstance(linear_cache, (tuple, list)) and len(linear_cache) == 3
                        and all(_same(x, y) for x, y in zip(linear_cache, cache[0]))):
                    fail("linear_backward should receive the linear_cache, the first item of the cache.")
                return tuple(value.copy() for value in expected)

            call = f'linear_activation_backward({what}, activation="{activation}")'
            before = snapshot((dA, cache))
            with substituted(target, linear_backward=linear_backward), quiet(), \
                    explained(call, UNPACKED, ACTIVATIONS):
                result = target(dA, cache, activation)
            check_returns(result, names, call)
            for name, got, value in zip(names, result, expected):
                check_shape(got, value.shape, f"{name} from {call}")
                check_close(got, value, f"{name} from {call}", **EXACT)
            check_unchanged(before, (dA, cache), "dA or cache")
    passed("linear_activation_backward")


class BackwardLayers:
    """
    A stand-in for linear_activation_backward in a network of given caches: it finds the layer of
    each call from its cache, checks the layer's activation and incoming gradient (for the last
    layer, the gradient of the cost with respect to AL), and answers with the given gradients.
    """

    def __init__(self, AL, Y, caches, gradients):
        self.AL, self.Y, self.caches, self.gradients = AL, Y, caches, gradients
        self.L = len(caches)
        self.order = []

    def __call__(self, dA, cache, activation):
        __tracebackhide__ = True
        L = self.L
        layer = next((l for l in range(1, L + 1) if isinstance(cache, (tuple, list)) and len(cache) == 2
                      and _same(cache[1], self.caches[l - 1][1])), None)
        if layer is None:
            fail("L_model_backward called linear_activation_backward with a cache that is not one of caches.")
        wanted = "sigmoid" if layer == L else "relu"
        if activation != wanted:
            fail(f'layer {layer} of {L} should be run backward with activation="{wanted}" but was run with '
                 f"activation={activation!r}.")
        if layer == L:
            # dAL is the derivative of the cost: dAL * AL * (1 - AL) = AL - Y.
            right = (isinstance(dA, np.ndarray) and dA.shape == self.AL.shape
                     and np.allclose(dA * self.AL * (1 - self.AL), self.AL - self.Y, rtol=1e-9, atol=1e-12))
            what = "dAL = -(Y / AL - (1 - Y) / (1 - AL))"
        else:
            right = _same(dA, self.gradients[f"dA{layer}"])
            what = f'grads["dA{layer}"], the gradient that layer {layer + 1} returned'
        if not right:
            fail(f"layer {layer} of {L} received the wrong gradient: dA should be {what}.")
        self.order.append(layer)
        return tuple(self.gradients[key].copy() for key in (f"dA{layer - 1}", f"dW{layer}", f"db{layer}"))

    def check(self, grads, call):
        __tracebackhide__ = True
        L = self.L
        if self.order != list(range(L, 0, -1)):
            fail(f"{call} should run layers {L} down to 1 once each; it ran {self.order}. The number of layers "
                 f"is len(caches).")
        check_keys(grads, list(self.gradients), f"the grads from {call}")
        for key, value in self.gradients.items():
            check_close(grads[key], value, f'grads["{key}"] from {call} (layer {key[2:]})', **EXACT)


def _backward_network(dims, m):
    """
    AL, Y and the caches ((A_prev, W, b), Z) of a network with layer sizes ``dims``, and gradients
    that tell the layers apart.
    """
    rng = np.random.RandomState(len(dims))
    caches = [((rng.randn(dims[l - 1], m), rng.randn(dims[l], dims[l - 1]), rng.randn(dims[l], 1)),
               rng.randn(dims[l], m)) for l in range(1, len(dims))]
    AL = rng.uniform(0.1, 0.9, size=(1, m))
    Y = np.arange(m).reshape(1, m) % 2
    gradients = {}
    for l, ((A_prev, W, b), _) in enumerate(caches, start=1):
        gradients.update({f"dA{l - 1}": np.full(A_prev.shape, l + 0.25), f"dW{l}": np.full(W.shape, l + 0.5),
                          f"db{l}": np.full(b.shape, l + 0.75)})
    return AL, Y, caches, gradients


def L_model_backward_test(target):
    __tracebackhide__ = True
    AL, Y, caches = cases.L_model_backward_test_case()
    L = len(caches)
    keys = [f"dA{l - 1}" for l in range(1, L + 1)] + [f"d{p}{l}" for l in range(1, L + 1) for p in "Wb"]
    networks = [("L_model_backward(AL, Y, caches)", AL, Y, caches,
                 dict(zip(keys, cases.reference(*(f"L_model_backward.{k}" for k in keys)))))]
    for dims, m in _other_depths(L):
        networks.append((f"L_model_backward for a network of {len(dims) - 1} layer(s), layer_dims={dims}",
                         *_backward_network(dims, m)))
    printed = io.StringIO()
    for call, AL, Y, caches, gradients in networks:
        layers = BackwardLayers(AL, Y, caches, gradients)
        depth = (IndexError, "", f"This network has {layers.L} layer(s), so caches holds caches[0] to "
                                 f"caches[{layers.L - 1}]: layer l's cache is caches[l - 1], and the number of "
                                 f"layers is len(caches); do not assume a fixed number.")
        before = snapshot((AL, Y, caches))
        with substituted(target, linear_activation_backward=layers), quiet(), contextlib.redirect_stdout(printed), \
                explained(call, depth, GRADIENTS_SO_FAR):
            grads = target(AL, Y, caches)
        layers.check(grads, call)
        check_unchanged(before, (AL, Y, caches), "AL, Y or caches")
    _printed_note("L_model_backward", printed.getvalue())
    passed("L_model_backward")


# A KeyError of grads in L_model_backward: a gradient read before it was stored.
GRADIENTS_SO_FAR = (KeyError, "'dA", 'grads holds the gradients stored so far: run the layers from L down to 1; '
                                     'layer l + 1 (caches[l]) takes grads["dA" + str(l + 1)], which the layer after it '
                                     'stored, and stores grads["dA" + str(l)].')
SHALLOW_COPY = ("params.copy() copies the dictionary, not its arrays: parameters[\"W1\"] -= ... then changes "
                "params[\"W1\"] too. Assign new arrays: parameters[\"W1\"] = params[\"W1\"] - ...")


def update_parameters_test(target):
    __tracebackhide__ = True
    parameters, grads = cases.update_parameters_test_case()
    keys = list(parameters)
    runs = [("update_parameters(params, grads, 0.1)", parameters, grads, 0.1,
             dict(zip(keys, cases.reference(*(f"update_parameters.{k}" for k in keys)))))]
    for dims, _ in _other_depths(len(parameters) // 2):
        # Parameters and gradients of one value per array, so that the update is plain to read.
        params = {key: np.full(value.shape, float(i + 1)) for i, (key, value) in enumerate(_network(dims).items())}
        gradients = {"d" + key: np.full(value.shape, 0.5 * (i + 1)) for i, (key, value) in enumerate(params.items())}
        updated = {key: np.full(value.shape, (i + 1) - 0.3 * 0.5 * (i + 1))
                   for i, (key, value) in enumerate(params.items())}
        runs.append((f"update_parameters(params, grads, 0.3) for a network of {len(dims) - 1} layer(s)",
                     params, gradients, 0.3, updated))
    for call, params, gradients, rate, expected in runs:
        before = snapshot((params, gradients))
        L = len(params) // 2
        layers = (KeyError, "", f"params holds W1 to W{L} and b1 to b{L}: the number of layers is len(params) // 2, "
                                f"and the layers are numbered from 1 ('W' + str(l + 1) for l in range(L)).")
        with quiet(), explained(call, layers):
            updated = target(params, gradients, rate)
        check_unchanged(before, (params, gradients), "params or grads", SHALLOW_COPY)
        check_keys(updated, list(expected), f"the parameters from {call}")
        for key, value in expected.items():
            check_shape(updated[key], value.shape, f'the updated ["{key}"] from {call}')
            check_close(updated[key], value, f'the updated ["{key}"] from {call}', **EXACT,
                        hint="The rule is W - learning_rate * dW, with the learning_rate argument, for every layer: "
                             "the number of layers is len(params) // 2.")
    passed("update_parameters")
