"""
Visible tests of assignment 4 (deep neural network application).

On a small seeded problem, ``<model>_test(target)`` checks the parameters the
student's model returns: the pair (parameters, costs), the shapes given by
layers_dims, and the learning rate honoured; ``<model>_costs_test(target)``
checks the costs it records: one every 100 iterations plus the last, their seeded
values, and the printed costs when print_cost is True.
"""
import contextlib
import io

import numpy as np

from helpers.checks import (check_close, check_keys, check_returns, check_shape, check_type, fail, passed,
                            preserved_random_state, quiet)
from helpers.testCases import a4_deep_neural_network_application as cases


def _run(target, *args, **kwargs):
    __tracebackhide__ = True
    printed = io.StringIO()
    with preserved_random_state(), quiet(), contextlib.redirect_stdout(printed):
        result = target(*args, **kwargs)
    check_returns(result, ("parameters", "costs"), "the model")
    return result[0], result[1], printed.getvalue()


def _check_parameters(target, name, layers_dims, expected_last_W):
    __tracebackhide__ = True
    X, Y = cases.model_test_case()
    call = f"{name}(X, Y, {layers_dims}, learning_rate=0.1, num_iterations=250)"
    parameters, _, _ = _run(target, X, Y, layers_dims, learning_rate=0.1, num_iterations=250)
    L = len(layers_dims) - 1
    check_keys(parameters, [f"{p}{l}" for l in range(1, L + 1) for p in "Wb"], f"the parameters of {call}")
    for l in range(1, L + 1):
        check_shape(parameters[f"W{l}"], (layers_dims[l], layers_dims[l - 1]), f'the parameters["W{l}"] of {call}')
        check_shape(parameters[f"b{l}"], (layers_dims[l], 1), f'the parameters["b{l}"] of {call}')
    check_close(parameters[f"W{L}"], np.array(expected_last_W), f'the parameters["W{L}"] of {call}', rtol=1e-6,
                hint="Seed with np.random.seed(1), initialise with the helper, and in each of the num_iterations "
                     "iterations run forward, cost, backward and update_parameters with the learning rate.")
    start, _, _ = _run(target, X, Y, layers_dims, learning_rate=0, num_iterations=1)
    frozen, _, _ = _run(target, X, Y, layers_dims, learning_rate=0, num_iterations=150)
    for key in start:
        check_close(frozen[key], start[key], f'the parameters["{key}"] of {name}(..., learning_rate=0)',
                    hint="With learning_rate=0 they must not move: pass learning_rate to update_parameters.")
    if all(np.allclose(parameters[key], start[key]) for key in start):
        fail(f"{call} returned its initial parameters: update them with update_parameters in every "
             f"iteration, keeping what it returns.")
    passed(name)


def _check_costs(target, name, layers_dims, expected_costs):
    __tracebackhide__ = True
    X, Y = cases.model_test_case()
    call = f"{name}(X, Y, {layers_dims}, learning_rate=0.1, num_iterations=250)"
    _, costs, printed = _run(target, X, Y, layers_dims, learning_rate=0.1, num_iterations=250)
    check_type(costs, list, f"the costs of {call}")
    if len(costs) != len(expected_costs):
        fail(f"{call} returned {len(costs)} costs but should return {len(expected_costs)}: the costs of "
             f"iterations 0, 100, 200 and of the last one, 249.")
    check_close(np.array(costs, dtype=float), expected_costs, f"the costs of {call}", rtol=1e-7,
                hint="Seed with np.random.seed(1), initialise with the helper, and record the cost when "
                     "i % 100 == 0 or i == num_iterations - 1.")
    if printed:
        # Printing costs no points, but the contract is to print only when asked.
        print(f"Note: {call} printed output although print_cost=False:\n{printed[:200]}")
    _, _, printed = _run(target, X, Y, layers_dims, learning_rate=0.1, num_iterations=150, print_cost=True)
    lines = [line for line in printed.splitlines() if line.strip()]
    if [line.split(":")[0] for line in lines] != ["Cost after iteration 0", "Cost after iteration 100",
                                                  "Cost after iteration 149"]:
        fail(f"{name}(..., num_iterations=150, print_cost=True) should print the costs of iterations 0, 100 "
             f"and 149 as \"Cost after iteration i: cost\"; it printed:\n{printed[:300]}")
    passed(f"the costs of {name}")


def two_layer_model_test(target):
    __tracebackhide__ = True
    _check_parameters(target, "two_layer_model", (5, 4, 1), cases.TWO_LAYER_W2)


def two_layer_model_costs_test(target):
    __tracebackhide__ = True
    _check_costs(target, "two_layer_model", (5, 4, 1), cases.TWO_LAYER_COSTS)


def L_layer_model_test(target):
    __tracebackhide__ = True
    _check_parameters(target, "L_layer_model", [5, 4, 3, 1], cases.L_LAYER_W3)


def L_layer_model_costs_test(target):
    __tracebackhide__ = True
    _check_costs(target, "L_layer_model", [5, 4, 3, 1], cases.L_LAYER_COSTS)
