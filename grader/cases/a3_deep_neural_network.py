"""Graded cases of assignment 3: a deep neural network, built step by step."""
import numpy as np

from grader.judging import Case, random_seed, same
from helpers.checks import check_keys, check_scalar, check_type, fail
from helpers.testCases import a3_deep_neural_network as test_cases

DEPTHS = (1, 2, 3, 5)  # networks of one layer up to five, so that no depth is hard-coded


def _layer(rng, n_prev, n, m):
    """A, W and b of one layer of n units after one of n_prev, for m examples."""
    return rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)), rng.normal(size=(n, 1))


def _sizes(rng, high=9):
    return tuple(int(v) for v in rng.integers(1, high, size=3))


def _named(*names):
    """
    The default check, with the parts of the result named as the exercise names them: the
    values of a returned tuple (Z, cache) or the keys of a returned dictionary (grads["dW1"]).
    """
    def check(got, expected, case):
        __tracebackhide__ = True
        if isinstance(expected, dict):
            check_keys(got, tuple(expected), f"{case.label}: {names[0]}")
            for key, value in expected.items():
                same(got[key], value, case, f'{case.label}: {names[0]}["{key}"]')
            return
        listed = ", ".join(names)
        check_type(got, (tuple, list), f"the result of {case.label}", f"Return {listed}.")
        if len(got) != len(names):
            fail(f"{case.label} should return {len(names)} values ({listed}) but returned {len(got)}.")
        for name, g, e in zip(names, got, expected):
            same(g, e, case, f"{case.label}: {name}")
    return check


# -- initialisation --------------------------------------------------------------------------------

def initialize_parameters_tests(rng):
    # The function seeds NumPy itself (np.random.seed(1)); the seed set before each call makes
    # the result of one that does not reproducible.
    yield Case("initialize_parameters", (3, 2, 1), seed=random_seed(rng), check=_named("parameters"), rtol=1e-9,
               atol=1e-15, label="initialize_parameters(3, 2, 1) (the document's example)")
    for _ in range(3):
        n_x, n_h, n_y = _sizes(rng)
        seed = random_seed(rng)
        yield Case("initialize_parameters", (n_x, n_h, n_y), seed=seed, check=_named("parameters"),
                   rtol=1e-9, atol=1e-15,
                   label=f"initialize_parameters({n_x}, {n_h}, {n_y}) (called after np.random.seed({seed}))")


def _check_exact_keys(got, expected, case):
    """Every parameter of the reference, and no other key."""
    __tracebackhide__ = True
    _named("parameters")(got, expected, case)
    extra = sorted(set(got) - set(expected))
    if extra:
        fail(f"{case.label} returned the extra key(s) {extra}; it should hold exactly {list(expected)}.")


def initialize_parameters_deep_tests(rng):
    # The document's example, then the other networks its visible test tries.
    for dims in ([5, 4, 3], [3, 1], [4, 3, 2, 2, 1]):
        yield Case("initialize_parameters_deep", (dims,), seed=random_seed(rng), check=_check_exact_keys,
                   rtol=1e-9, atol=1e-15, label=f"initialize_parameters_deep({dims})")
    for L in DEPTHS:
        dims = [int(v) for v in rng.integers(1, 8, size=L + 1)]
        seed = random_seed(rng)
        yield Case("initialize_parameters_deep", (dims,), seed=seed, check=_check_exact_keys,
                   rtol=1e-9, atol=1e-15,
                   label=f"initialize_parameters_deep({dims}) (called after np.random.seed({seed}))")


# -- forward propagation ---------------------------------------------------------------------------

def linear_forward_tests(rng):
    yield Case("linear_forward", test_cases.linear_forward_test_case(), check=_named("Z", "cache"), rtol=1e-9,
               label="linear_forward(A, W, b) for the document's example")
    for _ in range(3):
        n_prev, n, m = _sizes(rng)
        yield Case("linear_forward", _layer(rng, n_prev, n, m), check=_named("Z", "cache"), rtol=1e-9,
                   label=f"linear_forward(A, W, b) with A of shape {(n_prev, m)} and W of shape {(n, n_prev)}")


def linear_activation_forward_tests(rng):
    layers = [("the document's example", test_cases.linear_activation_forward_test_case())]
    for _ in range(3):
        n_prev, n, m = _sizes(rng)
        layers.append((f"A_prev of shape {(n_prev, m)} and W of shape {(n, n_prev)}", _layer(rng, n_prev, n, m)))
    for what, (A_prev, W, b) in layers:
        for activation in ("sigmoid", "relu"):
            yield Case("linear_activation_forward", (A_prev, W, b, activation), check=_named("A", "cache"),
                       rtol=1e-9, standins=("linear_forward",),
                       label=f'linear_activation_forward(A_prev, W, b, "{activation}") for {what}')


def _network(rng, dims, scale=1.0):
    """The parameters of a network with layer sizes ``dims`` (weights scaled by scale / sqrt(fan-in))."""
    parameters = {}
    for l in range(1, len(dims)):
        parameters[f"W{l}"] = rng.normal(size=(dims[l], dims[l - 1])) * scale / np.sqrt(dims[l - 1])
        parameters[f"b{l}"] = rng.normal(size=(dims[l], 1)) * scale
    return parameters


def _check_forward(got, expected, case):
    """The caches layer by layer, so that the first layer that went wrong is named, then AL."""
    __tracebackhide__ = True
    AL, caches = expected
    L = len(caches)
    check_type(got, (tuple, list), f"the result of {case.label}", "Return the pair AL, caches.")
    if len(got) != 2:
        fail(f"{case.label} should return 2 values (AL, caches) but returned {len(got)}.")
    got_AL, got_caches = got
    check_type(got_caches, (tuple, list), f"{case.label}: caches")
    if len(got_caches) != L:
        fail(f"{case.label}: caches should hold one cache per layer, {L}, but holds {len(got_caches)}.")
    for l, (cache, want) in enumerate(zip(got_caches, caches), start=1):
        where = f"{case.label}: caches[{l - 1}]"
        if not (isinstance(cache, (tuple, list)) and len(cache) == 2
                and isinstance(cache[0], (tuple, list)) and len(cache[0]) == 3):
            fail(f"{where} should be the cache that linear_activation_forward returned for layer {l}: "
                 f"((A_prev, W, b), Z).")
        source = "X" if l == 1 else f"the output of layer {l - 1}"
        for part, g, e in zip(("A_prev", "W", "b"), cache[0], want[0]):
            input_of = f", {source}" if part == "A_prev" else ""
            same(g, e, case, f"{case.label}: {part} in caches[{l - 1}] (layer {l} of {L}{input_of})")
        same(cache[1], want[1], case, f"{case.label}: Z in caches[{l - 1}] (layer {l} of {L})")
    same(got_AL, AL, case, f"{case.label}: AL (the output of layer {L}, the sigmoid layer)")


def L_model_forward_tests(rng):
    X, parameters = test_cases.L_model_forward_test_case()
    yield Case("L_model_forward", (X, parameters), standins=("linear_activation_forward",), check=_check_forward,
               rtol=1e-9, label="L_model_forward(X, parameters) for the document's example, layer_dims=[5, 4, 3, 1]")
    for L in DEPTHS:
        dims = [int(v) for v in rng.integers(1, 7, size=L)] + [1]
        m = int(rng.integers(1, 12))
        yield Case("L_model_forward", (rng.normal(size=(dims[0], m)), _network(rng, dims, scale=2.0)),
                   standins=("linear_activation_forward",), check=_check_forward, rtol=1e-9,
                   label=f"L_model_forward(X, parameters) for layer_dims={dims}, m={m}")


# -- cost ------------------------------------------------------------------------------------------

def _scalar_cost(got, expected, case):
    __tracebackhide__ = True
    check_scalar(got, case.label, "Use np.squeeze(cost) to turn a 1x1 array into a number.")
    same(float(got), float(expected), case)


def compute_cost_tests(rng):
    Y, AL = test_cases.compute_cost_test_case()
    yield Case("compute_cost", (AL, Y), check=_scalar_cost, rtol=1e-9,
               label="compute_cost(AL, Y) for the document's example")
    for m in (1, int(rng.integers(2, 30)), int(rng.integers(100, 2000))):
        yield Case("compute_cost", (rng.uniform(0.02, 0.98, size=(1, m)), rng.integers(0, 2, size=(1, m))),
                   check=_scalar_cost, rtol=1e-9, label=f"compute_cost(AL, Y) for m={m}")


# -- backward propagation --------------------------------------------------------------------------

BACKWARD = _named("dA_prev", "dW", "db")


def linear_backward_tests(rng):
    dZ, cache = test_cases.linear_backward_test_case()
    yield Case("linear_backward", (dZ, cache), check=BACKWARD, rtol=1e-9,
               label="linear_backward(dZ, cache) for the document's example")
    for _ in range(3):
        n_prev, n, m = _sizes(rng)
        A_prev, W, b = _layer(rng, n_prev, n, m)
        dZ = rng.normal(size=(n, m))
        shapes = f"A_prev of shape {(n_prev, m)} and W of shape {(n, n_prev)}"
        yield Case("linear_backward", (dZ, (A_prev, W, b)), check=BACKWARD, rtol=1e-9,
                   label=f"linear_backward(dZ, cache) with {shapes}")
        yield Case("linear_backward", (dZ, [A_prev, W, b]), check=BACKWARD, rtol=1e-9,
                   label=f"linear_backward(dZ, cache) with {shapes}, the cache as a list [A_prev, W, b]")


def linear_activation_backward_tests(rng):
    layers = [("the document's example", test_cases.linear_activation_backward_test_case())]
    for _ in range(3):
        n_prev, n, m = _sizes(rng)
        A_prev, W, b = _layer(rng, n_prev, n, m)
        layers.append((f"A_prev of shape {(n_prev, m)} and W of shape {(n, n_prev)}",
                       (rng.normal(size=(n, m)), ((A_prev, W, b), W @ A_prev + b))))
    for what, (dA, cache) in layers:
        for activation in ("sigmoid", "relu"):
            yield Case("linear_activation_backward", (dA, cache, activation), check=BACKWARD, rtol=1e-9,
                       standins=("linear_backward",),
                       label=f'linear_activation_backward(dA, cache, "{activation}") for {what}')


def _forward(X, parameters):
    """AL and the caches ((A_prev, W, b), Z) of a forward pass: ReLU layers, then a sigmoid one."""
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        A = 1 / (1 + np.exp(-Z)) if l == L else np.maximum(0, Z)
    return A, caches


def L_model_backward_tests(rng):
    AL, Y, caches = test_cases.L_model_backward_test_case()
    yield Case("L_model_backward", (AL, Y, caches), standins=("linear_activation_backward",), check=_named("grads"),
               rtol=1e-9, label="L_model_backward(AL, Y, caches) for the document's example, layer_dims=[4, 3, 1]")
    for L in DEPTHS:
        dims = [int(v) for v in rng.integers(2, 6, size=L)] + [1]
        m = int(rng.integers(3, 10))
        Y = rng.integers(0, 2, size=(1, m))
        for _ in range(100):  # an output away from 0 and 1, where dAL = -(Y / AL - ...) is huge
            X = rng.normal(size=(dims[0], m))
            AL, caches = _forward(X, _network(rng, dims))
            if 0.02 < AL.min() and AL.max() < 0.98:
                break
        label = f"L_model_backward(AL, Y, caches) for layer_dims={dims}, m={m}"
        for given, what in ((caches, label), (tuple(caches), f"{label}, the caches as a tuple")):
            # Five layers of rounding, and dAL written another way ((AL - Y) / (AL (1 - AL))), stay
            # within rtol 1e-7; atol for the entries that cancel to nearly 0.
            yield Case("L_model_backward", (AL, Y, given), standins=("linear_activation_backward",),
                       check=_named("grads"), rtol=1e-7, atol=1e-11, label=what)


# -- update ----------------------------------------------------------------------------------------

def update_parameters_tests(rng):
    parameters, grads = test_cases.update_parameters_test_case()
    yield Case("update_parameters", (parameters, grads, 0.1), check=_named("parameters"), rtol=1e-9,
               label="update_parameters(params, grads, 0.1) for the document's example")
    for L in DEPTHS:
        dims = [int(v) for v in rng.integers(1, 7, size=L + 1)]
        params = _network(rng, dims)
        grads = {"d" + key: rng.normal(size=value.shape) for key, value in params.items()}
        lr = round(float(rng.uniform(0.001, 1)), 4)  # short, and exact in the label
        yield Case("update_parameters", (params, grads, lr), check=_named("parameters"), rtol=1e-9,
                   label=f"update_parameters(params, grads, {lr}) for layer_dims={dims}")


TESTS = {f.__name__: f for f in (initialize_parameters_tests, initialize_parameters_deep_tests, linear_forward_tests,
                                 linear_activation_forward_tests, L_model_forward_tests, compute_cost_tests,
                                 linear_backward_tests, linear_activation_backward_tests, L_model_backward_tests,
                                 update_parameters_tests)}
