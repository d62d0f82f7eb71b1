"""
Writes the reference outputs of the test cases, computed with the instructor's
solutions: helpers/data/a1_two_layer_network.npz (the worked example of
assignment 1) and helpers/data/a3_deep_neural_network.npz (the test cases of
assignment 3, with the intermediate values its visible tests need).

The solutions are read from the graded cells of the source notebook, so the
reference outputs can never drift from the notebook that defines them. Run it
after changing those solutions:

    python -m tools.make_reference_data
"""
import sys

import nbformat
import numpy as np

from tools import ROOT, run_solutions

NOTEBOOK = ROOT / "source" / "a1_two_layer_network" / "a1_two_layer_network.ipynb"
NOTEBOOK_A3 = ROOT / "source" / "a3_deep_neural_network" / "a3_deep_neural_network.ipynb"


def solutions(notebook=NOTEBOOK):
    """The namespace of the notebook's set-up cell and solution cells, with NumPy's random state left as it was."""
    state = np.random.get_state()
    try:
        return run_solutions(nbformat.read(notebook, as_version=4))
    finally:
        np.random.set_state(state)


def reference_arrays(notebook=NOTEBOOK):
    """The arrays of the worked example, keyed as in helpers.testCases.a1_two_layer_network."""
    from helpers.datasets import load_blobs

    s = solutions(notebook)
    X, Y = load_blobs()
    state = np.random.get_state()
    np.random.seed(3)
    parameters = s["initialize_parameters"](2, 2, 1)
    np.random.set_state(state)
    A2, cache = s["forward_propagation"](X, parameters)
    grads = s["backward_propagation"](parameters, cache, X, Y)
    arrays = dict(parameters)
    arrays.update(cache)
    arrays.update(grads)
    for tag, rate in (("default", 1.2), ("half", 0.5)):
        updated = s["update_parameters"](parameters, grads, rate)
        arrays.update({f"{key}_updated_{tag}": value for key, value in updated.items()})
    return arrays


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
    return arrays


# The assignments whose test cases store reference outputs, and the function that computes them.
REFERENCE = {"a1_two_layer_network": reference_arrays, "a3_deep_neural_network": reference_arrays_a3}


def main():
    for name, compute in REFERENCE.items():
        arrays = compute()
        path = ROOT / "helpers" / "data" / f"{name}.npz"
        np.savez(path, **arrays)
        print(f"wrote {path.relative_to(ROOT)}: {len(arrays)} arrays")
    return 0


if __name__ == "__main__":
    sys.exit(main())
