"""
The test cells of assignment 3: correct variants pass, wrong ones fail with a message
naming the layer or key, networks of 1 to 5 layers are covered, and each function is
judged on its own.
"""
import nbformat
import pytest

from conftest import run_test_cell, source_path

A3 = "a3_deep_neural_network"


@pytest.fixture(scope="module")
def a3_nb():
    return nbformat.read(source_path(A3), as_version=4)


def run(nb, test_id, code=None):
    return run_test_cell(nb, test_id, code, assignment=A3)


CORRECT = {
    "initialize_parameters_deep_tests": {
        "dict comprehension over pairs": (
            "def initialize_parameters_deep(layer_dims):\n"
            "    np.random.seed(3)\n"
            "    parameters = {}\n"
            "    for l, (n_prev, n) in enumerate(zip(layer_dims[:-1], layer_dims[1:]), start=1):\n"
            "        parameters[f'W{l}'] = np.random.randn(n, n_prev) / 100\n"
            "        parameters[f'b{l}'] = np.zeros((n, 1))\n"
            "    return parameters"),
    },
    "L_model_forward_tests": {
        "tuple caches, while loop": (
            "def L_model_forward(X, parameters):\n"
            "    L = len(parameters) // 2\n"
            "    A, caches, l = X, (), 1\n"
            "    while l < L:\n"
            "        A, cache = linear_activation_forward(A, parameters['W%d' % l], parameters['b%d' % l], 'relu')\n"
            "        caches += (cache,)\n"
            "        l += 1\n"
            "    AL, cache = linear_activation_forward(A, parameters['W%d' % L], parameters['b%d' % L], 'sigmoid')\n"
            "    return AL, caches + (cache,)"),
    },
    "compute_cost_tests": {
        "float": "def compute_cost(AL, Y):\n    return float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))",
        "0-d array": ("def compute_cost(AL, Y):\n"
                      "    return np.squeeze(-(Y @ np.log(AL).T + (1 - Y) @ np.log(1 - AL).T) / Y.shape[1])"),
    },
    "L_model_backward_tests": {
        "indexing from the end": (
            "def L_model_backward(AL, Y, caches):\n"
            "    grads = {}\n"
            "    L = len(caches)\n"
            "    dA = -(Y / AL - (1 - Y) / (1 - AL))\n"
            "    for l in range(L, 0, -1):\n"
            "        activation = 'sigmoid' if l == L else 'relu'\n"
            "        dA, grads['dW%d' % l], grads['db%d' % l] = linear_activation_backward(dA, caches[l - 1], activation)\n"
            "        grads['dA%d' % (l - 1)] = dA\n"
            "    return grads"),
    },
    "update_parameters_tests": {
        "comprehension": ("def update_parameters(params, grads, learning_rate):\n"
                          "    return {k: v - learning_rate * grads['d' + k] for k, v in params.items()}"),
    },
}

WRONG = {
    "initialize_parameters_deep_tests": {
        "rand instead of randn (the notes' slip)": (
            "def initialize_parameters_deep(layer_dims):\n"
            "    np.random.seed(3)\n"
            "    parameters = {}\n"
            "    for l in range(1, len(layer_dims)):\n"
            "        parameters['W' + str(l)] = np.random.rand(layer_dims[l], layer_dims[l - 1]) * 0.01\n"
            "        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))\n"
            "    return parameters", "randn, not rand"),
        "only two layers": (
            "def initialize_parameters_deep(layer_dims):\n"
            "    np.random.seed(3)\n"
            "    return {'W1': np.random.randn(layer_dims[1], layer_dims[0]) * 0.01, 'b1': np.zeros((layer_dims[1], 1)),\n"
            "            'W2': np.random.randn(layer_dims[2], layer_dims[1]) * 0.01, 'b2': np.zeros((layer_dims[2], 1))}",
            "IndexError"),
    },
    "L_model_forward_tests": {
        "sigmoid everywhere": (
            "def L_model_forward(X, parameters):\n"
            "    L = len(parameters) // 2\n"
            "    A, caches = X, []\n"
            "    for l in range(1, L + 1):\n"
            "        A, cache = linear_activation_forward(A, parameters['W' + str(l)], parameters['b' + str(l)], 'sigmoid')\n"
            "        caches.append(cache)\n"
            "    return A, caches", 'layer 1 of 3 should use activation="relu"'),
        "three layers hard-coded": (
            "def L_model_forward(X, parameters):\n"
            "    caches = []\n"
            "    A, c = linear_activation_forward(X, parameters['W1'], parameters['b1'], 'relu'); caches.append(c)\n"
            "    A, c = linear_activation_forward(A, parameters['W2'], parameters['b2'], 'relu'); caches.append(c)\n"
            "    A, c = linear_activation_forward(A, parameters['W3'], parameters['b3'], 'sigmoid'); caches.append(c)\n"
            "    return A, caches", "KeyError"),
    },
    "compute_cost_tests": {
        "1x1 array": ("def compute_cost(AL, Y):\n"
                      "    return -(Y @ np.log(AL).T + (1 - Y) @ np.log(1 - AL).T) / Y.shape[1]", "np.squeeze"),
        "constant": ("def compute_cost(AL, Y):\n    return 0.2797765635793422", "wrong values"),
    },
    "linear_backward_tests": {
        "keepdims forgotten": (
            "def linear_backward(dZ, cache):\n"
            "    A_prev, W, b = cache\n"
            "    m = A_prev.shape[1]\n"
            "    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1) / m", "keepdims=True"),
    },
    "L_model_backward_tests": {
        "prints debugging output (the notes' defect)": (
            "def L_model_backward(AL, Y, caches):\n"
            "    grads = {}\n"
            "    L = len(caches)\n"
            "    dA = -(Y / AL - (1 - Y) / (1 - AL))\n"
            "    for l in range(L, 0, -1):\n"
            "        activation = 'sigmoid' if l == L else 'relu'\n"
            "        dA, grads['dW%d' % l], grads['db%d' % l] = linear_activation_backward(dA, caches[l - 1], activation)\n"
            "        grads['dA%d' % (l - 1)] = dA\n"
            "        print('dA%d = %s' % (l - 1, dA))\n"
            "    return grads", "should print nothing"),
        "relu for the output layer": (
            "def L_model_backward(AL, Y, caches):\n"
            "    grads = {}\n"
            "    L = len(caches)\n"
            "    dA = -(Y / AL - (1 - Y) / (1 - AL))\n"
            "    for l in range(L, 0, -1):\n"
            "        dA, grads['dW%d' % l], grads['db%d' % l] = linear_activation_backward(dA, caches[l - 1], 'relu')\n"
            "        grads['dA%d' % (l - 1)] = dA\n"
            "    return grads", 'layer 2 of 2 should be run backward with activation="sigmoid"'),
    },
    "update_parameters_tests": {
        "changes params in place (the notes' defect)": (
            "def update_parameters(params, grads, learning_rate):\n"
            "    L = len(params) // 2\n"
            "    for l in range(L):\n"
            "        params['W' + str(l + 1)] = params['W' + str(l + 1)] - learning_rate * grads['dW' + str(l + 1)]\n"
            "        params['b' + str(l + 1)] = params['b' + str(l + 1)] - learning_rate * grads['db' + str(l + 1)]\n"
            "    return params", "changed its input"),
        "only the first layer": (
            "def update_parameters(params, grads, learning_rate):\n"
            "    new = dict(params)\n"
            "    new['W1'] = params['W1'] - learning_rate * grads['dW1']\n"
            "    new['b1'] = params['b1'] - learning_rate * grads['db1']\n"
            "    return new", '["W2"]'),
    },
}


@pytest.mark.parametrize("test_id", [f"{e}_tests" for e in (
    "initialize_parameters", "initialize_parameters_deep", "linear_forward", "linear_activation_forward",
    "L_model_forward", "compute_cost", "linear_backward", "linear_activation_backward", "L_model_backward",
    "update_parameters")])
def test_instructor_solution_passes(a3_nb, test_id):
    printed = run(a3_nb, test_id)
    assert "All tests passed" in printed and "Hidden tests passed" in printed


@pytest.mark.parametrize("test_id,variant", [(t, v) for t, vs in CORRECT.items() for v in vs])
def test_correct_variant_passes(a3_nb, test_id, variant):
    assert "Hidden tests passed" in run(a3_nb, test_id, CORRECT[test_id][variant])


@pytest.mark.parametrize("test_id,variant", [(t, v) for t, vs in WRONG.items() for v in vs])
def test_wrong_variant_fails_with_a_clear_message(a3_nb, test_id, variant):
    code, expected_words = WRONG[test_id][variant]
    with pytest.raises(Exception) as failure:
        run(a3_nb, test_id, code)
    message = f"{failure.type.__name__}: {failure.value}"
    assert expected_words in message, message
