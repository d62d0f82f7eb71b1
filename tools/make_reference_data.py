"""
Writes the reference outputs of the test cases, computed with the instructor's
solutions: helpers/data/a1_two_layer_network.npz (the worked example of
assignment 1 and its other cases), helpers/data/a2_planar_data_classification.npz
(the other cases of assignment 2) and helpers/data/a3_deep_neural_network.npz (the
test cases of assignment 3, with the intermediate values its visible tests need).

The solutions are read from the graded cells of the source notebook, so the
reference outputs can never drift from the notebook that defines them. Run it
after changing those solutions:

    python -m tools.make_reference_data
"""
import sys

import nbformat
import numpy as np

from helpers.checks import preserved_random_state
from tools import ROOT, run_solutions

NOTEBOOK = ROOT / "source" / "a1_two_layer_network" / "a1_two_layer_network.ipynb"
NOTEBOOK_A2 = ROOT / "source" / "a2_planar_data_classification" / "a2_planar_data_classification.ipynb"
NOTEBOOK_A3 = ROOT / "source" / "a3_deep_neural_network" / "a3_deep_neural_network.ipynb"


def solutions(notebook=NOTEBOOK):
    """The namespace of the notebook's set-up cell and solution cells, with NumPy's random state left as it was."""
    with preserved_random_state():
        return run_solutions(nbformat.read(notebook, as_version=4))


def seeded(function, seed, *args):
    """function(*args) right after np.random.seed(seed), with NumPy's random state restored afterwards."""
    with preserved_random_state():
        np.random.seed(seed)
        return function(*args)


def other_cases(s, cases):
    """
    The outputs of the other cases of a network with one hidden layer (assignments 1 and 2), from the
    solutions ``s`` and the test-case module ``cases``: "init." the parameters of another seed and other
    sizes, "net." the cache and gradients of the other network.
    """
    from helpers.testCases import random_network

    seed, sizes = cases.OTHER_INIT
    arrays = {f"init.{key}": value for key, value in seeded(s["initialize_parameters"], seed, *sizes).items()}
    X, Y, parameters = random_network(**cases.OTHER_NETWORK)
    _, cache = s["forward_propagation"](X, parameters)
    arrays.update({f"net.{key}": value for key, value in cache.items()})
    grads = s["backward_propagation"](parameters, cache, X, Y)
    arrays.update({f"net.{key}": value for key, value in grads.items()})
    return arrays


def reference_arrays(notebook=NOTEBOOK):
    """The arrays of the worked example, keyed as in helpers.testCases.a1_two_layer_network."""
    from helpers.datasets import load_blobs

    s = solutions(notebook)
    X, Y = load_blobs()
    parameters = seeded(s["initialize_parameters"], 3, 2, 2, 1)
    A2, cache = s["forward_propagation"](X, parameters)
    grads = s["backward_propagation"](parameters, cache, X, Y)
    arrays = dict(parameters)
    arrays.update(cache)
    arrays.update(grads)
    for tag, rate in (("default", 1.2), ("half", 0.5)):
        updated = s["update_parameters"](parameters, grads, rate)
        arrays.update({f"{key}_updated_{tag}": value for key, value in updated.items()})
    from helpers.testCases import a1_two_layer_network as cases

    arrays.update(other_cases(s, cases))
    return arrays


def reference_arrays_a2(notebook=NOTEBOOK_A2):
    """The outputs of the other cases of helpers.testCases.a2_planar_data_classification."""
    from helpers.testCases import a2_planar_data_classification as cases

    return other_cases(solutions(notebook), cases)


def reference_arrays_a3(notebook=NOTEBOOK_A3):
    """The outputs of the test cases of helpers.testCases.a3_deep_neural_network."""
    from helpers.testCases import a3_deep_neural_network as cases

    s = solutions(notebook)
    arrays = {}
    A, W, b = cases.linear_forward_test_case()
    arrays["linear_forward.Z"] = s["linear_forward"](A, W, b)[0]

    A_prev, W, b = cases.linear_activation_forward_test_case()
    arrays["linear_activation_forward.Z"] = W @ A_prev + b
    for activation in ("sigmoid", "relu"):
        arrays[f"linear_activation_forward.A.{activation}"] = s["linear_activation_forward"](A_prev, W, b, activation)[0]

    X, parameters = cases.L_model_forward_test_case()
    AL, caches = s["L_model_forward"](X, parameters)
    arrays["L_model_forward.AL"] = AL
    for l, ((A_prev, _, _), Z) in enumerate(caches, start=1):
        arrays[f"L_model_forward.A_prev.{l}"] = A_prev
        arrays[f"L_model_forward.Z.{l}"] = Z

    dZ, cache = cases.linear_backward_test_case()
    for name, value in zip(("dA_prev", "dW", "db"), s["linear_backward"](dZ, cache)):
        arrays[f"linear_backward.{name}"] = value

    dA, cache = cases.linear_activation_backward_test_case()
    for activation, backward in (("sigmoid", s["sigmoid_backward"]), ("relu", s["relu_backward"])):
        arrays[f"linear_activation_backward.dZ.{activation}"] = backward(dA, cache[1])
        outputs = s["linear_activation_backward"](dA, cache, activation)
        for name, value in zip(("dA_prev", "dW", "db"), outputs):
            arrays[f"linear_activation_backward.{name}.{activation}"] = value

    AL, Y, caches = cases.L_model_backward_test_case()
    grads = s["L_model_backward"](AL, Y, caches)
    arrays["L_model_backward.dAL"] = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for key, value in grads.items():
        arrays[f"L_model_backward.{key}"] = value

    parameters, grads = cases.update_parameters_test_case()
    for key, value in s["update_parameters"](parameters, grads, 0.1).items():
        arrays[f"update_parameters.{key}"] = value

    # The other cases: other sizes.
    for key, value in seeded(s["initialize_parameters"], 0, *cases.OTHER_SIZES).items():
        arrays[f"initialize_parameters.other.{key}"] = value
    for key, value in seeded(s["initialize_parameters_deep"], 0, cases.OTHER_LAYER_DIMS).items():
        arrays[f"initialize_parameters_deep.other.{key}"] = value
    arrays["linear_forward.other.Z"] = s["linear_forward"](*cases.linear_forward_other_case())[0]
    A_prev, W, b = cases.linear_activation_forward_other_case()
    arrays["linear_activation_forward.other.Z"] = W @ A_prev + b
    for activation in ("sigmoid", "relu"):
        arrays[f"linear_activation_forward.other.A.{activation}"] = \
            s["linear_activation_forward"](A_prev, W, b, activation)[0]
    for name, value in zip(("dA_prev", "dW", "db"), s["linear_backward"](*cases.linear_backward_other_case())):
        arrays[f"linear_backward.other.{name}"] = value
    dA, cache = cases.linear_activation_backward_other_case()
    for activation, backward in (("sigmoid", s["sigmoid_backward"]), ("relu", s["relu_backward"])):
        arrays[f"linear_activation_backward.other.dZ.{activation}"] = backward(dA, cache[1])
        for name, value in zip(("dA_prev", "dW", "db"), s["linear_activation_backward"](dA, cache, activation)):
            arrays[f"linear_activation_backward.other.{name}.{activation}"] = value
    return arrays


# The assignments whose test cases store reference outputs, and the function that computes them.
REFERENCE = {"a1_two_layer_network": reference_arrays, "a2_planar_data_classification": reference_arrays_a2,
             "a3_deep_neural_network": reference_arrays_a3}


def main():
    for name, compute in REFERENCE.items():
        arrays = compute()
        path = ROOT / "helpers" / "data" / f"{name}.npz"
        np.savez(path, **arrays)
        print(f"wrote {path.relative_to(ROOT)}: {len(arrays)} arrays")
    return 0


if __name__ == "__main__":
    sys.exit(main())
