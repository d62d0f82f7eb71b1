"""
Graded cases of assignment 4: the two-layer and the L-layer model, trained on small problems.

Each model has two test cells: one judges the trained parameters (most of the points),
the other the costs it records, so that one slip in how the costs are recorded does not
cost the whole model. The models call the solved functions of dnn_app_utils.py, which
seed themselves, so no case needs a seed or a stand-in.

A case's data can be rebuilt from its label: "random X, Y of shape (n_x, m) from data
seed s" is ``_random_problem(s, n_x, m)``, and "m training digits from data seed s" is
``_digits(s, m)``.
"""
import pathlib
from dataclasses import dataclass
from functools import partial

import numpy as np

from grader.judging import Case, random_seed
from helpers.checks import check_close, check_shape, check_type, fail
from helpers.datasets import load_data
from helpers.public_tests.a4_deep_neural_network_application import cost_values
from helpers.testCases import a4_deep_neural_network_application as test_cases

ASSIGNMENT = "a4_deep_neural_network_application"
DATASETS = pathlib.Path(__file__).resolve().parents[2] / "source" / ASSIGNMENT / "datasets"
DEFAULT_ITERATIONS = 3000
# Seeded training runs agree to rounding; a legitimately different order of operations
# (dA2 written as (A2 - Y) / (A2 * (1 - A2)), say) drifts by far less than this over a few hundred steps.
RTOL, ATOL = 1e-6, 1e-10

_train = None


def _training_set():
    """train_x, train_y as the notebook builds them (64 pixels in [0, 1] per column)."""
    global _train
    if _train is None:
        train_x_orig, train_y, _, _, _ = load_data(DATASETS)
        _train = (train_x_orig.reshape(train_x_orig.shape[0], -1).T / 16, train_y)
    return _train


def _digits(seed, m):
    """m training digits, drawn without replacement with np.random.default_rng(seed)."""
    train_x, train_y = _training_set()
    index = np.sort(np.random.default_rng(seed).choice(train_x.shape[1], size=m, replace=False))
    return train_x[:, index], train_y[:, index]


def _random_problem(seed, n_x, m):
    """Gaussian inputs of shape (n_x, m) and 0/1 labels of shape (1, m), from np.random.default_rng(seed)."""
    data = np.random.default_rng(seed)
    return data.normal(size=(n_x, m)), data.integers(0, 2, size=(1, m))


def _recorded(num_iterations):
    """The iterations whose costs the model returns: every 100th from 0, and the last."""
    return [i for i in range(num_iterations) if i % 100 == 0 or i == num_iterations - 1]


def _iterations(case):
    return case.kwargs.get("num_iterations", DEFAULT_ITERATIONS)


def _pair(got, case):
    """The (parameters, costs) a model returned."""
    __tracebackhide__ = True
    check_type(got, (tuple, list), f"the result of {case.label}", "Return the pair parameters, costs.")
    if len(got) != 2:
        fail(f"{case.label} returned {len(got)} values; it should return 2: parameters, costs.")
    if isinstance(got[1], dict) and not isinstance(got[0], dict):
        fail(f"{case.label} returned (costs, parameters); it should return parameters first: "
             f"return parameters, costs.")
    return got


def _check_parameters(got, expected, case):
    """The trained parameters: the keys and shapes that layers_dims gives, and the reference's values."""
    __tracebackhide__ = True
    parameters, _ = _pair(got, case)
    want = expected[0]
    name = f"the parameters returned by {case.label}"
    check_type(parameters, dict, name)
    missing = [k for k in want if k not in parameters]
    if missing:
        fail(f"{name} are missing {missing}; they should hold {list(want)}, one W and one b per layer of "
             f"layers_dims.")
    for key, value in want.items():
        check_shape(parameters[key], value.shape, f'{name}: ["{key}"]',
                    "layers_dims gives the shapes: W{l} is (layers_dims[l], layers_dims[l-1]) and b{l} is "
                    "(layers_dims[l], 1). Initialise with the helper from layers_dims.")
    frozen = case.kwargs.get("learning_rate") == 0
    init = ("initialize_parameters(n_x, n_h, n_y)" if case.call == "two_layer_model" else
            "initialize_parameters_deep(layers_dims)")
    for key, value in want.items():
        check_close(parameters[key], value, f'{name}: ["{key}"]', rtol=case.rtol, atol=case.atol,
                    hint=(f"With learning_rate=0 the parameters stay as {init} returns them: start from {init} "
                          f"and pass learning_rate to update_parameters." if frozen else
                          f"Train for exactly num_iterations={_iterations(case)} iterations, each one forward, "
                          f"cost, backward and update_parameters(parameters, grads, learning_rate), starting "
                          f"from {init}."))


def _check_costs(got, expected, case):
    """The recorded costs: one number per recorded iteration, equal to the reference's."""
    __tracebackhide__ = True
    _, costs = _pair(got, case)
    want = [float(c) for c in expected[1]]
    name = f"the costs returned by {case.label}"
    values = cost_values(costs, f"returned by {case.label}")
    n = _iterations(case)
    recorded = _recorded(n)
    which = (f"iterations {', '.join(map(str, recorded[:-1]))} and {recorded[-1]}" if 1 < len(recorded) <= 6 else
             f"iterations 0, 100, ..., {recorded[-2]} and {recorded[-1]}" if len(recorded) > 6 else "iteration 0")
    if len(values) != len(want):
        if len(values) == n and n != len(want):
            why = (" It recorded the cost of every iteration; record it only when i % 100 == 0 or "
                   "i == num_iterations - 1.")
        elif values and len(values) == len(want) - 1 and np.allclose(values, want[:-1], rtol=case.rtol,
                                                                      atol=case.atol):
            why = (f" The cost of the last iteration, {n - 1}, is missing: in range(num_iterations) the last i "
                   f"is num_iterations - 1.")
        else:
            why = ""
        fail(f"{case.label} returned {len(values)} cost{'' if len(values) == 1 else 's'}; it should return "
             f"{len(want)}: the costs of {which} (every 100th from 0, and the last, once).{why}")
    check_close(np.array(values), np.array(want), name, rtol=case.rtol, atol=case.atol,
                hint=f"Record the costs of {which}: each the cost that compute_cost returned in that iteration, "
                     f"before the update.")


def _model_case(call, X, Y, layers_dims, about, check, **kwargs):
    arguments = "".join(f", {k}={v!r}" for k, v in kwargs.items())
    return Case(call, (X, Y, layers_dims), kwargs, check=check, rtol=RTOL, atol=ATOL,
                may_print=bool(kwargs.get("print_cost")),
                label=f"{call}(X, Y, {layers_dims!r}{arguments}) with {about}")


def _learning_rate(rng, low, high):
    # Three decimals, so that the label gives the exact value.
    return round(float(rng.uniform(low, high)), 3)


@dataclass(frozen=True)
class _Model:
    """What the cases of the two models differ in."""
    call: str
    layers: dict  # the layers_dims of the cases of fixed sizes, named as in _model_cases and _costs_cases
    top_rate: float  # the largest learning rate drawn
    costs_iterations: tuple  # num_iterations of the costs' own cases: the document's example's, then random ones'
    random_sizes: object  # random_sizes(model, rng, check): the cases on problems of random sizes


def _model_cases(model, rng, check):
    """The cases of one model, each judged by ``check`` (its parameters, or its costs)."""
    # Learning nothing at learning_rate=0 first: it tells whether learning_rate is passed on.
    seed = random_seed(rng)
    X, Y = _random_problem(seed, 5, 20)
    yield _model_case(model.call, X, Y, model.layers["untrained"],
                      f"random X, Y of shape (5, 20) from data seed {seed}", check,
                      learning_rate=0.0, num_iterations=int(rng.integers(20, 150)))
    X, Y = test_cases.model_test_case()
    yield _model_case(model.call, X, Y, model.layers["visible"],
                      "the X, Y of the visible test (5 features, 30 examples)", check,
                      learning_rate=0.1, num_iterations=250)
    yield from model.random_sizes(model, rng, check)
    seed = random_seed(rng)
    X, Y = _random_problem(seed, 3, 8)
    yield _model_case(model.call, X, Y, model.layers["defaults"],
                      f"random X, Y of shape (3, 8) from data seed {seed} and the default learning_rate and "
                      f"num_iterations", check)
    seed = random_seed(rng)
    X, Y = _digits(seed, 150)
    yield _model_case(model.call, X, Y, model.layers["digits"], f"150 training digits from data seed {seed}", check,
                      learning_rate=0.1, num_iterations=int(rng.integers(150, 260)))
    seed = random_seed(rng)
    X, Y = _random_problem(seed, 4, 12)
    yield _model_case(model.call, X, Y, model.layers["printing"],
                      f"random X, Y of shape (4, 12) from data seed {seed}", check,
                      learning_rate=_learning_rate(rng, 0.05, model.top_rate),
                      num_iterations=int(rng.integers(101, 230)), print_cost=True)


def _costs_cases(model, rng):
    """The cases of a model's costs: their own (few iterations, and a hundred or two), then the model's."""
    document, *random_problems = model.costs_iterations
    train_x, train_y = _training_set()
    yield _model_case(model.call, train_x, train_y, model.layers["digits"],
                      "train_x, train_y (the document's example)", _check_costs, num_iterations=document)
    for iterations in random_problems:
        seed = random_seed(rng)
        X, Y = _random_problem(seed, 3, 10)
        yield _model_case(model.call, X, Y, model.layers["costs"],
                          f"random X, Y of shape (3, 10) from data seed {seed}", _check_costs,
                          learning_rate=_learning_rate(rng, 0.05, model.top_rate), num_iterations=iterations)
    yield from _model_cases(model, rng, _check_costs)


# -- two_layer_model ---------------------------------------------------------------------------

def _two_layer_sizes(model, rng, check):
    for n_x, n_h, m, iterations in [(5, 3, 20, 101), (int(rng.integers(2, 10)), int(rng.integers(1, 8)),
                                                      int(rng.integers(5, 40)), int(rng.integers(1, 260)))]:
        seed = random_seed(rng)
        X, Y = _random_problem(seed, n_x, m)
        yield _model_case(model.call, X, Y, [n_x, n_h, 1],
                          f"random X, Y of shape {(n_x, m)} from data seed {seed}", check,
                          learning_rate=_learning_rate(rng, 0.01, model.top_rate), num_iterations=iterations)


# The notebook gives this model's layers_dims as a tuple, (64, 7, 1); its cases of random sizes give a list.
TWO_LAYER = _Model("two_layer_model", {"untrained": (5, 3, 1), "visible": (5, 4, 1), "defaults": (3, 2, 1),
                                       "digits": (64, 7, 1), "printing": (4, 3, 1), "costs": (3, 2, 1)},
                   top_rate=0.5, costs_iterations=(2, 1, 100, 200), random_sizes=_two_layer_sizes)


# -- L_layer_model -----------------------------------------------------------------------------

def _L_layer_sizes(model, rng, check):
    for L in (1, 2, 3, 4):
        dims = [int(v) for v in rng.integers(2, 8, size=L)] + [1]
        m = int(rng.integers(5, 40))
        seed = random_seed(rng)
        X, Y = _random_problem(seed, dims[0], m)
        yield _model_case(model.call, X, Y, tuple(dims) if L == 2 else dims,
                          f"random X, Y of shape {(dims[0], m)} from data seed {seed}", check,
                          learning_rate=_learning_rate(rng, 0.01, model.top_rate),
                          num_iterations=int(rng.integers(1, 260)))


L_LAYER = _Model("L_layer_model", {"untrained": [5, 6, 1], "visible": [5, 4, 3, 1], "defaults": [3, 2, 1],
                                   "digits": [64, 20, 7, 5, 1], "printing": [4, 3, 2, 1], "costs": [3, 4, 2, 1]},
                 top_rate=0.3, costs_iterations=(1, 2, 100, 200), random_sizes=_L_layer_sizes)

TESTS = {"two_layer_model_tests": partial(_model_cases, TWO_LAYER, check=_check_parameters),
         "two_layer_model_costs_tests": partial(_costs_cases, TWO_LAYER),
         "L_layer_model_tests": partial(_model_cases, L_LAYER, check=_check_parameters),
         "L_layer_model_costs_tests": partial(_costs_cases, L_LAYER)}
