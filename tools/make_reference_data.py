"""
Writes helpers/data/a1_two_layer_network.npz: the inputs and outputs of the
worked example of assignment 1, computed with the instructor's solutions.

The solutions are read from the graded cells of the source notebook, so the
reference outputs can never drift from the notebook that defines them. Run it
after changing those solutions:

    python -m tools.make_reference_data
"""
import pathlib
import sys

import nbformat
import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "source" / "a1_two_layer_network" / "a1_two_layer_network.ipynb"
OUTPUT = ROOT / "helpers" / "data" / "a1_two_layer_network.npz"


def solutions(notebook=NOTEBOOK):
    """The namespace obtained by running every solution cell of the notebook."""
    nb = nbformat.read(notebook, as_version=4)
    namespace = {"np": np}
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("solution"):
            exec(compile(cell.source, f"<{cell.metadata.nbgrader.grade_id}>", "exec"), namespace)
    return namespace


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


def main():
    arrays = reference_arrays()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez(OUTPUT, **arrays)
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {', '.join(sorted(arrays))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
