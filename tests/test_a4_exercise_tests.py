"""
The test cells of assignment 4: the models' contract (costs every 100 iterations plus
the last, seeded values, learning rate and layers_dims honoured, printing only when
asked) accepts every correct loop and rejects the original course's bugs.
"""
import os

import nbformat
import pytest

from conftest import ROOT, run_test_cell, source_path

A4 = "a4_deep_neural_network_application"

LOOP = ("    for i in range(num_iterations):\n{body}"
        "        if i % 100 == 0 or i == num_iterations - 1:\n"
        "            costs.append(cost)\n"
        "            if print_cost:\n"
        "                print('Cost after iteration {{}}: {{}}'.format(i, cost))\n"
        "    return parameters, costs")
L_BODY = ("        AL, caches = L_model_forward(X, parameters)\n"
          "        cost = compute_cost(AL, Y)\n"
          "        parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), learning_rate)\n")


def L_model(loop):
    return ("def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):\n"
            "    np.random.seed(1)\n    costs = []\n    parameters = initialize_parameters_deep(layers_dims)\n" + loop)


@pytest.fixture(scope="module")
def a4_nb():
    # The notebook imports dnn_app_utils and reads datasets/ from its own folder.
    here = os.getcwd()
    os.chdir(ROOT / "source" / A4)
    import sys
    sys.path.insert(0, str(ROOT / "source" / A4))
    try:
        yield nbformat.read(source_path(A4), as_version=4)
    finally:
        os.chdir(here)
        sys.path.remove(str(ROOT / "source" / A4))


def run(nb, test_id, code=None):
    return run_test_cell(nb, test_id, code, assignment=A4)


CORRECT = {
    "two_layer_model_tests": {
        "dictionary of caches": (
            "def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):\n"
            "    np.random.seed(1)\n"
            "    costs, parameters = [], initialize_parameters(*layers_dims)\n"
            "    for i in range(num_iterations):\n"
            "        A1, c1 = linear_activation_forward(X, parameters['W1'], parameters['b1'], 'relu')\n"
            "        A2, c2 = linear_activation_forward(A1, parameters['W2'], parameters['b2'], 'sigmoid')\n"
            "        cost = compute_cost(A2, Y)\n"
            "        dA1, dW2, db2 = linear_activation_backward(-(Y / A2 - (1 - Y) / (1 - A2)), c2, 'sigmoid')\n"
            "        _, dW1, db1 = linear_activation_backward(dA1, c1, 'relu')\n"
            "        parameters = update_parameters(parameters, dict(dW1=dW1, db1=db1, dW2=dW2, db2=db2), learning_rate)\n"
            "        if print_cost and (i % 100 == 0 or i == num_iterations - 1):\n"
            "            print('Cost after iteration %d: %s' % (i, cost))\n"
            "        if i % 100 == 0 or i == num_iterations - 1:\n"
            "            costs.append(cost)\n"
            "    return parameters, costs"),
    },
    "L_layer_model_tests": {"as the notes write it": L_model(LOOP.format(body=L_BODY))},
}

WRONG = {
    "L_layer_model_tests": {
        "the original course's loop": (L_model(
            "    for i in range(num_iterations):\n" + L_BODY +
            "        if print_cost and i % 100 == 0 or i == num_iterations - 1:\n"
            "            print('Cost after iteration {}: {}'.format(i, cost))\n"
            "        if i % 100 == 0 or i == num_iterations:\n"
            "            costs.append(cost)\n"
            "    return parameters, costs"), "although print_cost=False"),
        "learning rate ignored": (L_model(LOOP.format(body=L_BODY.replace("learning_rate)", "0.0075)"))),
                                  "learning_rate"),
        "costs of every iteration": (L_model(
            "    for i in range(num_iterations):\n" + L_BODY + "        costs.append(cost)\n"
            "    return parameters, costs"), "should return 4"),
        "fixed architecture": (L_model(LOOP.format(body=L_BODY)).replace(
            "initialize_parameters_deep(layers_dims)", "initialize_parameters_deep([5, 4, 3, 1])"),
            "Error"),
    },
}


@pytest.mark.parametrize("test_id", ["two_layer_model_tests", "L_layer_model_tests"])
def test_instructor_solution_passes(a4_nb, test_id):
    printed = run(a4_nb, test_id)
    assert "All tests passed" in printed and "Hidden tests passed" in printed


@pytest.mark.parametrize("test_id,variant", [(t, v) for t, vs in CORRECT.items() for v in vs])
def test_correct_variant_passes(a4_nb, test_id, variant):
    assert "Hidden tests passed" in run(a4_nb, test_id, CORRECT[test_id][variant])


@pytest.mark.parametrize("test_id,variant", [(t, v) for t, vs in WRONG.items() for v in vs])
def test_wrong_variant_fails_with_a_clear_message(a4_nb, test_id, variant):
    code, expected_words = WRONG[test_id][variant]
    with pytest.raises(Exception) as failure:
        run(a4_nb, test_id, code)
    message = f"{failure.type.__name__}: {failure.value}"
    assert expected_words in message, message
