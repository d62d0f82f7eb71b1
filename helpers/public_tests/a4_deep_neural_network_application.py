"""
Visible tests of assignment 4 (deep neural network application).

On a small seeded problem, ``<model>_test(target)`` checks the parameters the
student's model returns: the pair (parameters, costs), the shapes given by
layers_dims, the learning rate honoured, and the trained values for two
architectures, learning rates and numbers of iterations; ``<model>_costs_test(target)``
checks the costs it records: one every 100 iterations plus the last, once each, and
their seeded values. Printing is not graded: the tests note printing that differs
from what print_cost asks, and pass.
"""
import contextlib
import io

import numpy as np

from helpers.checks import (check_close, check_keys, check_returns, check_shape, check_type, explained, fail, passed,
                            preserved_random_state, quiet)
from helpers.testCases import a4_deep_neural_network_application as cases

# What the exceptions of the usual slips in a model mean.
SLIPS = ((KeyError, "'d", "update_parameters reads the gradients as grads[\"dW1\"], grads[\"db1\"], ...: build grads "
                          "with the keys of parameters with a d in front."),
         (TypeError, "initialize_parameters()", "two_layer_model initialises with initialize_parameters(n_x, n_h, n_y) "
                                                "and L_layer_model with initialize_parameters_deep(layers_dims)."),
         (TypeError, "'learning_rate'", "pass learning_rate to update_parameters(parameters, grads, learning_rate)."))


def _run(target, name, *args, **kwargs):
    __tracebackhide__ = True
    printed = io.StringIO()
    call = f"{name}(X, Y, {args[-1]!r}{''.join(f', {k}={v!r}' for k, v in kwargs.items())})"
    with preserved_random_state(), quiet(), contextlib.redirect_stdout(printed), explained(call, *SLIPS):
        result = target(*args, **kwargs)
    check_returns(result, ("parameters", "costs"), call)
    return result[0], result[1], printed.getvalue()


def _check_parameters(target, name, runs):
    """runs: (layers_dims, learning_rate, num_iterations, the expected weights of the last layer)."""
    __tracebackhide__ = True
    X, Y = cases.model_test_case()
    for layers_dims, learning_rate, num_iterations, expected_last_W in runs:
        call = f"{name}(X, Y, {layers_dims}, learning_rate={learning_rate}, num_iterations={num_iterations})"
        parameters, _, _ = _run(target, name, X, Y, layers_dims, learning_rate=learning_rate,
                                num_iterations=num_iterations)
        L = len(layers_dims) - 1
        check_type(parameters, dict, f"the parameters of {call}", "Return the pair parameters, costs.")
        check_keys(parameters, [f"{p}{l}" for l in range(1, L + 1) for p in "Wb"], f"the parameters of {call}")
        for l in range(1, L + 1):
            hint = "layers_dims gives the shapes: initialise from layers_dims, not from fixed sizes."
            check_shape(parameters[f"W{l}"], (layers_dims[l], layers_dims[l - 1]),
                        f'the parameters["W{l}"] of {call}', hint)
            check_shape(parameters[f"b{l}"], (layers_dims[l], 1), f'the parameters["b{l}"] of {call}', hint)
        check_close(parameters[f"W{L}"], np.array(expected_last_W), f'the parameters["W{L}"] of {call}', rtol=1e-6,
                    hint=f"Train for num_iterations={num_iterations} iterations, each one forward, cost, backward and "
                         f"update_parameters with learning_rate={learning_rate}: use the arguments, not fixed "
                         f"numbers.")
    layers_dims = runs[0][0]
    start, _, _ = _run(target, name, X, Y, layers_dims, learning_rate=0, num_iterations=1)
    frozen, _, _ = _run(target, name, X, Y, layers_dims, learning_rate=0, num_iterations=150)
    for key in start:
        check_close(frozen[key], start[key], f'the parameters["{key}"] of {name}(..., learning_rate=0)',
                    hint="With learning_rate=0 they must not move: pass learning_rate to update_parameters.")
    passed(name)


def cost_values(costs, whose):
    """
    The recorded costs as floats: a list, tuple or array of numbers (or of 1x1 arrays); ``whose``
    says whose they are in a message ("of L_layer_model(...)").
    """
    __tracebackhide__ = True
    check_type(costs, (list, tuple, np.ndarray), f"the costs {whose}",
               "Collect the costs in a list, one per recorded iteration.")
    values = []
    for index, cost in enumerate(costs):
        cost = np.asarray(cost)
        if cost.size != 1 or not np.issubdtype(cost.dtype, np.number):
            fail(f"costs[{index}] {whose} should be one number but is {cost!r:.80}: append the cost that "
                 f"compute_cost returns.")
        values.append(float(cost.reshape(())))
    return values


def _check_costs(target, name, runs):
    """runs: (layers_dims, learning_rate, num_iterations, the expected costs)."""
    __tracebackhide__ = True
    X, Y = cases.model_test_case()
    notes = []
    for layers_dims, learning_rate, num_iterations, expected_costs in runs:
        call = f"{name}(X, Y, {layers_dims}, learning_rate={learning_rate}, num_iterations={num_iterations})"
        _, costs, printed = _run(target, name, X, Y, layers_dims, learning_rate=learning_rate,
                                 num_iterations=num_iterations)
        costs = cost_values(costs, f"of {call}")
        recorded = [i for i in range(num_iterations) if i % 100 == 0 or i == num_iterations - 1]
        if len(costs) != len(expected_costs):
            if len(costs) == num_iterations:
                why = (" It recorded the cost of every iteration: record it when i % 100 == 0 or "
                       "i == num_iterations - 1.")
            elif len(costs) == len(expected_costs) - 1 and np.allclose(costs, expected_costs[:-1], rtol=1e-7):
                why = (f" The cost of the last iteration, {num_iterations - 1}, is missing: in range(num_iterations) "
                       f"the last i is num_iterations - 1.")
            else:
                why = ""
            fail(f"{call} returned {len(costs)} costs but should return {len(expected_costs)}: the costs of "
                 f"iterations {', '.join(map(str, recorded))} (every 100th from 0, and the last, once).{why}")
        check_close(np.array(costs), expected_costs, f"the costs of {call}", rtol=1e-7,
                    hint="Record the cost of iterations " + ", ".join(map(str, recorded)) + ": each the cost that "
                         "compute_cost returned in that iteration, before the update.")
        if printed and not notes:
            notes.append(f"Note: {call} printed output although print_cost=False:\n{printed[:200]}")
    layers_dims, learning_rate, _, expected_costs = runs[0]
    call = f"{name}(..., num_iterations=150, print_cost=True)"
    _, costs, printed = _run(target, name, X, Y, layers_dims, learning_rate=learning_rate, num_iterations=150,
                             print_cost=True)
    costs = cost_values(costs, f"of {call}")
    if len(costs) != 3:
        fail(f"{call} returned {len(costs)} costs but should return 3: the costs of iterations 0, 100 and 149.")
    check_close(np.array(costs[:2]), expected_costs[:2], f"the costs of iterations 0 and 100 of {call}", rtol=1e-7)
    lines = [line for line in printed.splitlines() if line.strip()]
    if [line.split(":")[0] for line in lines] != ["Cost after iteration 0", "Cost after iteration 100",
                                                  "Cost after iteration 149"]:
        notes.append(f'Note: {call} should print the costs of iterations 0, 100 and 149 as "Cost after iteration '
                     f'i: cost"; it printed:\n{printed[:300] or "(nothing)"}')
    for note in notes:
        print(note)
    passed(f"the costs of {name}")


def two_layer_model_test(target):
    __tracebackhide__ = True
    _check_parameters(target, "two_layer_model", [((5, 4, 1), 0.1, 250, cases.TWO_LAYER_W2),
                                                  ((5, 3, 1), 0.05, 101, cases.TWO_LAYER_OTHER_W2)])


def two_layer_model_costs_test(target):
    __tracebackhide__ = True
    _check_costs(target, "two_layer_model", [((5, 4, 1), 0.1, 250, cases.TWO_LAYER_COSTS),
                                             ((5, 3, 1), 0.05, 101, cases.TWO_LAYER_OTHER_COSTS)])


def L_layer_model_test(target):
    __tracebackhide__ = True
    _check_parameters(target, "L_layer_model", [([5, 4, 3, 1], 0.1, 250, cases.L_LAYER_W3),
                                                ([5, 6, 2, 1], 0.05, 101, cases.L_LAYER_OTHER_W3)])


def L_layer_model_costs_test(target):
    __tracebackhide__ = True
    _check_costs(target, "L_layer_model", [([5, 4, 3, 1], 0.1, 250, cases.L_LAYER_COSTS),
                                           ([5, 6, 2, 1], 0.05, 101, cases.L_LAYER_OTHER_COSTS)])
