"""The helpers package: activations, datasets, plots, checks, preprocessors and reference data."""
import re
import subprocess
import sys
import warnings

import numpy as np
import pytest

from helpers import dnn_utils
from helpers.checks import (check_close, check_gradients, check_keys, check_predictions, check_returns,
                            check_scalar, check_shape, check_type, check_unchanged, numerical_gradient,
                            preserved_random_state, quiet, snapshot, substituted)
from helpers.datasets import load_blobs, load_other_blobs
from helpers.testCases import a1_two_layer_network as cases
from helpers.testCases import stored
from tools.make_reference_data import REFERENCE


# -- dnn_utils --------------------------------------------------------------------------------

def test_activations_return_their_cache():
    Z = np.array([[-2.0, 0.0, 3.5]])
    A, cache = dnn_utils.sigmoid(Z)
    np.testing.assert_allclose(A, [[0.11920292202211755, 0.5, 0.9706877692486436]])
    assert cache is Z
    A, cache = dnn_utils.relu(Z)
    np.testing.assert_array_equal(A, [[0.0, 0.0, 3.5]])
    assert cache is Z


@pytest.mark.parametrize("forward,backward", [(dnn_utils.sigmoid, dnn_utils.sigmoid_backward),
                                              (dnn_utils.relu, dnn_utils.relu_backward)])
def test_backward_activations_agree_with_finite_differences(forward, backward):
    rng = np.random.default_rng(0)
    Z = rng.normal(size=(3, 4))
    Z[np.abs(Z) < 1e-3] = 0.5  # keep away from relu's kink
    dA = rng.normal(size=Z.shape)
    dA_before = dA.copy()
    dZ = backward(dA, forward(Z)[1])
    numerical = numerical_gradient(lambda: float(np.sum(dA * forward(Z)[0])), Z)
    np.testing.assert_allclose(dZ, numerical, rtol=1e-6, atol=1e-9)
    np.testing.assert_array_equal(dA, dA_before)


def _app_utils():
    """Assignment 4's dnn_app_utils.py, which ships next to its notebook."""
    import importlib.util

    from conftest import ROOT

    path = ROOT / "source" / "a4_deep_neural_network_application" / "dnn_app_utils.py"
    spec = importlib.util.spec_from_file_location("dnn_app_utils", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_unknown_activation_is_named_in_the_error():
    app = _app_utils()
    A_prev, W, b = np.ones((3, 2)), np.ones((1, 3)), np.zeros((1, 1))
    with pytest.raises(ValueError, match='activation should be "sigmoid" or "relu", not \'tanh\''):
        app.linear_activation_forward(A_prev, W, b, "tanh")
    _, cache = app.linear_activation_forward(A_prev, W, b, "relu")
    with pytest.raises(ValueError, match='activation should be "relu" or "sigmoid", not \'Relu\''):
        app.linear_activation_backward(np.ones((1, 2)), cache, "Relu")


# -- datasets ---------------------------------------------------------------------------------

def test_blobs_are_deterministic_and_shaped_as_the_document_says():
    X, Y = load_blobs()
    assert X.shape == (2, 2000) and Y.shape == (1, 2000)
    assert X.dtype == np.float64 and np.issubdtype(Y.dtype, np.signedinteger)
    assert set(np.unique(Y)) == {0, 1} and Y.sum() == 1000
    X2, Y2 = load_blobs()
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(Y, Y2)
    assert load_blobs(300)[0].shape == (2, 300)


def test_other_blobs_label_one_cluster_blue():
    X, Y = load_other_blobs()
    assert X.shape == (2, 2000) and Y.sum() == 1500


def test_planar_datasets_are_deterministic_and_leave_the_global_seed_alone():
    from helpers.planar_utils import load_extra_datasets, load_planar_dataset

    np.random.seed(7)
    expected_next = np.random.rand()
    np.random.seed(7)
    X, Y = load_planar_dataset()
    extra = load_extra_datasets()
    assert np.random.rand() == expected_next
    assert X.shape == (2, 400) and Y.shape == (1, 400) and Y.dtype == np.int64 and Y.sum() == 200
    np.testing.assert_array_equal(X, load_planar_dataset()[0])
    # The flower of the notes: the same draws as np.random.seed(2030) followed by randn.
    np.testing.assert_allclose(X[:, 0], [1.02588112317, 3.55806710070], rtol=1e-10)
    assert list(extra) == ["noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles"]
    for name, (Xe, Ye) in extra.items():
        assert Xe.shape == (2, 200) and Ye.shape == (1, 200) and set(np.unique(Ye)) == {0, 1}, name
        np.testing.assert_array_equal(Xe, load_extra_datasets()[name][0])
    assert (-Y).min() == -1, "labels must be signed, so that -Y and 1 - Y are what they seem"


# -- plotting ---------------------------------------------------------------------------------

def test_figures_draw_what_the_assignments_show():
    import matplotlib.pyplot as plt

    from helpers import plotting

    ax = plotting.plot_xor_motivation()
    assert [points.get_offsets().tolist() for points in ax.collections] == [[[0, 0], [1, 1]], [[0, 1], [1, 0]]]
    assert len(ax.lines) == 2 and (ax.get_xlabel(), ax.get_ylabel()) == ("$x_1$", "$x_2$")

    ax = plotting.draw_two_layer_network(n_x=3, n_h=4, hidden_activation="tanh")
    assert len(ax.patches) == 3 + 4 + 1, "one circle per node"
    assert "hidden layer\n$n_h = 4$, tanh" in [text.get_text() for text in ax.texts]

    ax = plotting.draw_forward_backward(L=4)
    assert len(ax.patches) == 2 * 4, "a forward and a backward block per layer"
    assert "layer 4\nLINEAR\n-> SIGMOID" in [text.get_text() for text in ax.texts]

    X, Y = load_blobs(200)
    ax = plotting.plot_dataset(X, Y)
    (points,) = ax.collections
    np.testing.assert_array_equal(points.get_offsets(), X.T)
    np.testing.assert_array_equal(points.get_array(), Y.ravel())
    assert list(points.get_cmap().colors) == ["blue", "red"], "0 blue, 1 red, as the assignments say"

    ax = plotting.plot_costs([0.7, 0.5, 0.3], title="learning rate 1.2")
    np.testing.assert_array_equal(ax.lines[0].get_ydata(), [0.7, 0.5, 0.3])
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("learning rate 1.2", "iteration", "cost")
    ax = plotting.plot_costs({"rate 0.1": [0.7, 0.5], "rate 10": [np.array([[0.7]]), np.array([[2.0]])]}, per=100)
    assert [line.get_label() for line in ax.lines] == ["rate 0.1", "rate 10"] and ax.get_legend() is not None
    np.testing.assert_array_equal(ax.lines[1].get_ydata(), [0.7, 2.0])
    assert ax.get_xlabel() == "iterations (per hundreds)"

    fig = plotting.show_images(np.zeros((10, 8, 8)), [f"image {i}" for i in range(10)], columns=4)
    assert len(fig.axes) == 12 and sum(len(ax.images) for ax in fig.axes) == 10
    assert [ax.get_title() for ax in fig.axes[:10]] == [f"image {i}" for i in range(10)]
    plt.close("all")


def test_decision_boundary_colours_the_plane_by_the_model():
    import matplotlib.pyplot as plt
    from matplotlib.contour import ContourSet

    from helpers import plotting

    X, Y = load_blobs(200)
    grids = []

    def model(points):
        grids.append(points)
        return points[:, 0] > 4.0  # class 1 right of x1 = 4

    fig, ax = plt.subplots()
    assert plotting.plot_decision_boundary(model, X, Y, ax=ax) is ax
    plane, points = ax.collections
    (grid,) = grids
    assert grid.shape[1] == 2, "one point per row"
    np.testing.assert_allclose(grid.min(axis=0), X.min(axis=1) - 1)
    np.testing.assert_allclose(grid.max(axis=0), X.max(axis=1) + 1)
    assert isinstance(plane, ContourSet)
    lowest, highest = plane.get_paths()[0].vertices, plane.get_paths()[-1].vertices
    assert lowest[:, 0].max() < 4.1 and highest[:, 0].min() > 3.9, "class 0 to the left, class 1 to the right"
    np.testing.assert_array_equal(points.get_offsets(), X.T)
    plt.close("all")


# -- checks -----------------------------------------------------------------------------------

def message(function, *args, **kwargs):
    with pytest.raises(AssertionError) as failure:
        function(*args, **kwargs)
    return str(failure.value)


def test_check_messages_name_the_variable_and_both_values():
    assert message(check_type, [1], np.ndarray, "A2") == \
        "A2 should be of type ndarray but is of type list."
    assert "dW1 has shape (2, 4) but should have shape (4, 2)." in \
        message(check_shape, np.zeros((2, 4)), (4, 2), "dW1")
    assert "missing the key(s) ['b2']" in message(check_keys, {"W1": 1}, ["W1", "b2"], "parameters")
    assert "array of shape (1, 1)" in message(check_scalar, np.zeros((1, 1)), "cost")
    text = message(check_close, np.array([1.0, 2.5]), [1.0, 2.0], "A2")
    assert "expected" in text and "got" in text and "largest absolute difference: 0.5" in text
    assert "nan or inf" in message(check_close, np.array([np.nan]), [1.0], "cost")
    assert message(check_close, None, [1.0], "cost").startswith("cost is None: the function returned None")
    assert message(check_returns, [1], ("A2", "cache"), "f(X)") == \
        "f(X) should return 2 values (A2, cache) but returned 1."
    assert message(check_returns, 1.0, ("dA_prev", "dW", "db"), "f(dZ)") == \
        "the result of f(dZ) should be of type tuple or list but is of type float. Return dA_prev, dW, db."
    assert "1 wrong prediction(s) out of 3" in message(check_predictions, np.array([[1, 0, 0]]), [[1, 1, 0]], "p")


def test_scalar_check_accepts_every_kind_of_number():
    for value in (0.5, np.float64(0.5), np.array(0.5), np.float32(0.5), 1):
        check_scalar(value, "cost")
    with pytest.raises(AssertionError):
        check_scalar("0.5", "cost")
    with pytest.raises(AssertionError):
        check_scalar(True, "cost")


def test_check_close_tolerates_rounding_but_not_errors():
    check_close(0.1 + 0.2, 0.3, "x")
    with pytest.raises(AssertionError):
        check_close(0.3 + 1e-6, 0.3, "x")


def test_unchanged_detects_in_place_changes():
    params = {"W1": np.ones((2, 2))}
    before = snapshot(params)
    check_unchanged(before, params, "parameters")
    params["W1"] -= 1
    assert "changed its input parameters" in message(check_unchanged, before, params, "parameters")


def test_gradient_check_finds_a_wrong_gradient():
    W = np.array([[1.0, -2.0], [0.5, 3.0]])
    numerical = {"dW": numerical_gradient(lambda: float(np.sum(W ** 3)), W)}
    check_gradients({"dW": 3 * W ** 2}, numerical, "f")
    assert "relative error" in message(check_gradients, {"dW": 2 * W}, numerical, "f")


def test_substituted_restores_the_namespace():
    namespace = {"helper": lambda: "real"}
    exec("def caller():\n    return helper()", namespace)
    with substituted(namespace["caller"], helper=lambda: "stand-in", extra=1):
        assert namespace["caller"]() == "stand-in"
    assert namespace["caller"]() == "real" and "extra" not in namespace


def test_random_state_and_warnings_are_contained():
    np.random.seed(5)
    expected = np.random.rand()
    np.random.seed(5)
    with preserved_random_state():
        np.random.seed(1)
        np.random.rand(10)
    assert np.random.rand() == expected
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with quiet():
            np.log(np.zeros(1))
            warnings.warn("hidden")
    assert caught == []


# -- reference data ---------------------------------------------------------------------------

@pytest.mark.parametrize("assignment", list(REFERENCE))
def test_reference_data_is_what_the_source_solutions_compute(assignment):
    fresh = REFERENCE[assignment]()
    assert set(stored(assignment)) == set(fresh)
    for key, value in fresh.items():
        np.testing.assert_allclose(stored(assignment)[key], value, rtol=1e-12, atol=1e-18, err_msg=key)


def test_reference_data_agrees_with_the_documented_values():
    """To the last digit the document prints: half a unit of the 8th decimal, or of the 8th digit
    of the mantissa for numbers it prints in scientific notation."""
    ref = stored("a1_two_layer_network")
    doc = cases.DOCUMENTED
    fixed = {"W1": "W1", "W2": "W2", "dW2": "dW2", "db2": "db2", "W1_updated_default": "W1_updated",
             "W2_updated_default": "W2_updated", "b2_updated_default": "b2_updated"}
    scientific = {"dW1": "dW1", "db1": "db1", "b1_updated_default": "b1_updated"}
    for key, documented in fixed.items():
        np.testing.assert_allclose(ref[key], doc[documented], rtol=0, atol=5.1e-9, err_msg=key)
    for key, documented in scientific.items():
        np.testing.assert_allclose(ref[key], doc[documented], rtol=5.1e-9, atol=0, err_msg=key)
    np.testing.assert_allclose(ref["A2"][0, :3], doc["A2_head"], rtol=0, atol=5.1e-9)
    np.testing.assert_allclose(ref["A2"][0, -3:], doc["A2_tail"], rtol=0, atol=5.1e-9)


def test_test_cases_return_fresh_copies():
    X, parameters, A2, cache = cases.forward_propagation_test_case()
    parameters["W1"][0, 0] = 99
    assert cases.forward_propagation_test_case()[1]["W1"][0, 0] != 99


# -- what students can read -------------------------------------------------------------------

def test_importing_helpers_has_no_side_effects():
    code = ("import numpy as np, matplotlib\n"
            "before = (np.random.get_state()[1].copy(), dict(matplotlib.rcParams))\n"
            "import helpers, helpers.checks, helpers.dnn_utils, helpers.datasets, helpers.plotting, "
            "helpers.testCases.a1_two_layer_network, helpers.public_tests.a1_two_layer_network\n"
            "after = (np.random.get_state()[1], dict(matplotlib.rcParams))\n"
            "assert (before[0] == after[0]).all() and before[1] == after[1]\n")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("assignment", ["a1_two_layer_network", "a2_planar_data_classification",
                                        "a3_deep_neural_network", "a4_deep_neural_network_application"])
def test_helpers_contain_no_solution(assignment):
    """No line of a graded solution appears in the helpers package, which students can read."""
    import pathlib

    import nbformat

    import helpers
    from conftest import source_path

    source_nb = nbformat.read(source_path(assignment), as_version=4)
    package = "\n".join(p.read_text() for p in pathlib.Path(helpers.__file__).parent.rglob("*.py"))
    package = re.sub(r"\s+", "", package)
    for cell in source_nb.cells:
        if not cell.metadata.get("nbgrader", {}).get("solution"):
            continue
        body = re.search(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", cell.source, flags=re.S).group(1)
        for line in body.splitlines():
            code = re.sub(r"\s+", "", line.split("#")[0])
            # Lines the instructions spell out (seeding), and keyword arguments continuing a
            # call from the line before, are not solutions.
            if (len(code) >= 16 and not code.startswith("np.random.seed(")
                    and not re.match(r"^\w+=[^=]", line.strip())):
                assert code not in package, f"helpers contain a line of the solution of {cell.id}: {line.strip()}"
