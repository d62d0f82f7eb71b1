"""
Visible tests of assignment 4 (deep neural network application).

Each ``<model>_test(target)`` runs the student's model on a small seeded problem
and checks the contract of its results: (parameters, costs), one cost every 100
iterations plus the last, the seeded values of the costs, the shapes given by
layers_dims, the learning rate honoured, and printing only when print_cost is True.
"""
import contextlib
import io

import numpy as np

from helpers.checks import check_close, check_keys, check_shape, check_type, fail, passed, preserved_random_state, quiet
from helpers.testCases import a4_deep_neural_network_application as cases


def _run(target, *args, **kwargs):
    __tracebackhide__ = True
    printed = io.StringIO()
    with preserved_random_state(), quiet(), contextlib.redirect_stdout(printed):
        result = target(*args, **kwargs)
    check_type(result, tuple, "the result of the model", "Return the pair parameters, costs.")
    if len(result) != 2:
        fail(f"the model should return 2 values (parameters, costs) but returned {len(result)}.")
    return result[0], result[1], printed.getvalue()


def _check_model(target, name, layers_dims, expected_costs):
    __tracebackhide__ = True
    X, Y = cases.model_test_case()
    call = f"{name}(X, Y, {layers_dims}, learning_rate=0.1, num_iterations=250)"
    parameters, costs, printed = _run(target, X, Y, layers_dims, learning_rate=0.1, num_iterations=250)
    if printed:
        fail(f"{call} printed output although print_cost=False:\n{printed[:200]}")
    check_type(costs, list, f"the costs of {call}")
    if len(costs) != len(expected_costs):
        fail(f"{call} returned {len(costs)} costs but should return {len(expected_costs)}: the costs of "
             f"iterations 0, 100, 200 and of the last one, 249.")
    check_close(np.array(costs, dtype=float), expected_costs, f"the costs of {call}", rtol=1e-7,
                hint="Seed with np.random.seed(1), initialise with the helper, and record the cost when "
                     "i % 100 == 0 or i == num_iterations - 1.")
    L = len(layers_dims) - 1
    check_keys(parameters, [f"{p}{l}" for l in range(1, L + 1) for p in "Wb"], f"the parameters of {call}")
    for l in range(1, L + 1):
        check_shape(parameters[f"W{l}"], (layers_dims[l], layers_dims[l - 1]), f'the parameters["W{l}"] of {call}')
    _, frozen, _ = _run(target, X, Y, layers_dims, learning_rate=0, num_iterations=150)
    if not np.allclose(np.array(frozen, dtype=float), float(frozen[0])):
        fail(f"{name}(..., learning_rate=0) still changed the cost: pass learning_rate to update_parameters.")
    _, _, printed = _run(target, X, Y, layers_dims, learning_rate=0.1, num_iterations=150, print_cost=True)
    lines = [line for line in printed.splitlines() if line.strip()]
    if [line.split(":")[0] for line in lines] != ["Cost after iteration 0", "Cost after iteration 100",
                                                  "Cost after iteration 149"]:
        fail(f"{name}(..., num_iterations=150, print_cost=True) should print the costs of iterations 0, 100 "
             f"and 149 as \"Cost after iteration i: cost\"; it printed:\n{printed[:300]}")
    passed(name)


def two_layer_model_test(target):
    __tracebackhide__ = True
    _check_model(target, "two_layer_model", (5, 4, 1), cases.TWO_LAYER_COSTS)


def L_layer_model_test(target):
    __tracebackhide__ = True
    _check_model(target, "L_layer_model", [5, 4, 3, 1], cases.L_LAYER_COSTS)
