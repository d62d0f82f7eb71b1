"""Correct and wrong versions of the graded functions of assignment 2 (see tests/test_graded_cases.py)."""
from variants import PRINTING_TRAINING_LOOP

# ---------------------------------------------------------------------------------------------
# Correct versions, written differently from the instructor's solution.

CORRECT = {
    "layer_sizes_tests": {"list": "def layer_sizes(X, Y):\n    return [X.shape[0], 4, Y.shape[0]]"},
    "initialize_parameters_tests": {
        "np.random.normal": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    W1 = np.random.normal(0, 0.01, size=(n_h, n_x))\n"
            "    W2 = np.random.normal(0, 0.01, size=(n_y, n_h))\n"
            "    return dict(W1=W1, b1=np.zeros((n_h, 1)), W2=W2, b2=np.zeros((n_y, 1)))"),
    },
    "forward_propagation_tests": {
        "@ and a tanh from exponentials": (
            "def forward_propagation(X, parameters):\n"
            "    Z1 = parameters['W1'] @ X + parameters['b1']\n"
            "    A1 = (np.exp(Z1) - np.exp(-Z1)) / (np.exp(Z1) + np.exp(-Z1))\n"
            "    Z2 = parameters['W2'] @ A1 + parameters['b2']\n"
            "    A2 = 0.5 * (1 + np.tanh(Z2 / 2))\n"
            "    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}"),
    },
    "compute_cost_tests": {
        "np.mean, np.float64": "def compute_cost(A2, Y):\n    return -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))",
        "0-d array from np.dot": (
            "def compute_cost(A2, Y):\n"
            "    m = Y.shape[1]\n"
            "    return np.squeeze(-(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m)"),
    },
    "backward_propagation_tests": {
        "1 - np.tanh(Z1) ** 2": (
            "def backward_propagation(parameters, cache, X, Y):\n"
            "    m = X.shape[1]\n"
            "    dZ2 = cache['A2'] - Y\n"
            "    dZ1 = parameters['W2'].T @ dZ2 * (1 - np.tanh(cache['Z1']) ** 2)\n"
            "    return {'dW1': dZ1 @ X.T / m, 'db1': np.sum(dZ1, axis=1, keepdims=True) / m,\n"
            "            'dW2': dZ2 @ cache['A1'].T / m, 'db2': np.sum(dZ2, axis=1, keepdims=True) / m}"),
        "1 - A1 ** 2 with np.multiply": (
            "def backward_propagation(parameters, cache, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A1, A2 = cache['A1'], cache['A2']\n"
            "    dZ2 = A2 - Y\n"
            "    dZ1 = np.multiply(np.dot(parameters['W2'].T, dZ2), 1 - A1 ** 2)\n"
            "    return {'dW1': np.dot(dZ1, X.T) / m, 'db1': dZ1.mean(axis=1, keepdims=True),\n"
            "            'dW2': np.dot(dZ2, A1.T) / m, 'db2': dZ2.mean(axis=1, keepdims=True)}"),
    },
    "update_parameters_tests": {
        "copy": (
            "def update_parameters(parameters, grads, learning_rate=0.5):\n"
            "    new = dict(parameters)\n"
            "    for k in ('W1', 'b1', 'W2', 'b2'):\n"
            "        new[k] = new[k] - learning_rate * grads['d' + k]\n"
            "    return new"),
    },
    "nn_model_tests": {
        "keyword arguments, no layer_sizes": (
            "def nn_model(X, Y, n_h, num_iterations=10000, learning_rate=0.5, print_cost=False):\n"
            "    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])\n"
            "    for i in range(num_iterations):\n"
            "        A2, cache = forward_propagation(X, parameters)\n"
            "        grads = backward_propagation(parameters, cache, X, Y)\n"
            "        parameters = update_parameters(parameters, grads, learning_rate=learning_rate)\n"
            "        if print_cost and i % 1000 == 0:\n"
            "            print('Cost after iteration %i: %f' % (i, compute_cost(A2, Y)))\n"
            "    return parameters"),
        # Printing is no wrong answer: the function keeps its points (its feedback says not to print).
        "prints although print_cost=False": (
            "def nn_model(X, Y, n_h, num_iterations=10000, learning_rate=0.5, print_cost=False):\n"
            "    n_x, _, n_y = layer_sizes(X, Y)\n"
            "    parameters = initialize_parameters(n_x, n_h, n_y)\n" + PRINTING_TRAINING_LOOP),
    },
    "predict_tests": {
        "np.round": (
            "def predict(parameters, X):\n"
            "    A2, cache = forward_propagation(X, parameters)\n"
            "    return np.round(A2)"),
        "booleans": "def predict(parameters, X):\n    return forward_propagation(X, parameters)[0] > 0.5",
    },
}

# ---------------------------------------------------------------------------------------------
# Wrong versions, and words the failure message must contain.

WRONG = {
    "layer_sizes_tests": {"2 hidden units": ("def layer_sizes(X, Y):\n    return (X.shape[0], 2, Y.shape[0])",
                                             "n_h is 2 but should be 4")},
    "initialize_parameters_tests": {
        "seeds inside": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    np.random.seed(2030)\n"
            "    W1 = np.random.randn(n_h, n_x) * 0.01\n"
            "    W2 = np.random.randn(n_y, n_h) * 0.01\n"
            "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2, 'b2': np.zeros((n_y, 1))}",
            "gave the same W1 twice: do not call np.random.seed"),
        "W2 drawn first": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    W2 = np.random.randn(n_y, n_h) * 0.01\n"
            "    W1 = np.random.randn(n_h, n_x) * 0.01\n"
            "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2, 'b2': np.zeros((n_y, 1))}",
            "draw W1 before W2"),
    },
    "forward_propagation_tests": {
        "sigmoid hidden layer": (
            "def forward_propagation(X, parameters):\n"
            "    Z1 = parameters['W1'] @ X + parameters['b1']\n"
            "    A1 = 1 / (1 + np.exp(-Z1))\n"
            "    Z2 = parameters['W2'] @ A1 + parameters['b2']\n"
            "    A2 = 1 / (1 + np.exp(-Z2))\n"
            "    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}", 'cache["A1"] has wrong values'),
    },
    "compute_cost_tests": {
        "1x1 array": (
            "def compute_cost(A2, Y):\n"
            "    return -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / Y.shape[1]",
            "should be a single number but is an array of shape (1, 1)"),
        "constant": ("def compute_cost(A2, Y):\n    return 0.6927392543483354",
                     "compute_cost([[0.8, 0.9, 0.4, 0.3]], [[1, 1, 0, 1]]) has wrong values"),
    },
    "backward_propagation_tests": {
        "derivative of the sigmoid": (
            "def backward_propagation(parameters, cache, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A1, A2 = cache['A1'], cache['A2']\n"
            "    dZ2 = A2 - Y\n"
            "    dZ1 = parameters['W2'].T @ dZ2 * A1 * (1 - A1)\n"
            "    return {'dW1': dZ1 @ X.T / m, 'db1': dZ1.sum(axis=1, keepdims=True) / m,\n"
            "            'dW2': dZ2 @ A1.T / m, 'db2': dZ2.sum(axis=1, keepdims=True) / m}",
            "The derivative of tanh is 1 - A1 ** 2"),
    },
    "update_parameters_tests": {
        "in place": (
            "def update_parameters(parameters, grads, learning_rate=0.5):\n"
            "    for k in ('W1', 'b1', 'W2', 'b2'):\n"
            "        parameters[k] -= learning_rate * grads['d' + k]\n"
            "    return parameters", "changed its inputs"),
        "learning rate ignored": (
            "def update_parameters(parameters, grads, learning_rate=0.5):\n"
            "    return {k: parameters[k] - 0.5 * grads['d' + k] for k in parameters}",
            'with learning_rate=0, for the document\'s example: parameters["W1"] has wrong values'),
    },
    "nn_model_tests": {
        "default learning rate of assignment 1": (
            "def nn_model(X, Y, n_h, num_iterations=10000, learning_rate=1.2, print_cost=False):\n"
            "    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])\n"
            "    for i in range(num_iterations):\n"
            "        A2, cache = forward_propagation(X, parameters)\n"
            "        parameters = update_parameters(parameters, backward_propagation(parameters, cache, X, Y),\n"
            "                                       learning_rate)\n"
            "    return parameters",
            'default arguments (num_iterations=10000, learning_rate=0.5): parameters["W1"] has wrong values'),
        "hidden size from layer_sizes": (
            "def nn_model(X, Y, n_h, num_iterations=10000, learning_rate=0.5, print_cost=False):\n"
            "    n_x, n_h2, n_y = layer_sizes(X, Y)\n"
            "    parameters = initialize_parameters(n_x, n_h2, n_y)\n"
            "    for i in range(num_iterations):\n"
            "        A2, cache = forward_propagation(X, parameters)\n"
            "        parameters = update_parameters(parameters, backward_propagation(parameters, cache, X, Y),\n"
            "                                       learning_rate)\n"
            "    return parameters", 'parameters["W1"] has shape (7, 2) but should have shape (3, 2)'),
        "learning rate not passed on": (
            "def nn_model(X, Y, n_h, num_iterations=10000, learning_rate=0.5, print_cost=False):\n"
            "    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])\n"
            "    for i in range(num_iterations):\n"
            "        A2, cache = forward_propagation(X, parameters)\n"
            "        parameters = update_parameters(parameters, backward_propagation(parameters, cache, X, Y))\n"
            "    return parameters", 'parameters["W1"] has wrong values'),
    },
    "predict_tests": {
        "arguments in assignment 1's order": (
            "def predict(X, parameters):\n"
            "    A2, _ = forward_propagation(X, parameters)\n"
            "    return A2 > 0.5", "predict(parameters, X_assess) for the document's example raised IndexError"),
        "threshold reversed": (
            "def predict(parameters, X):\n"
            "    A2, _ = forward_propagation(X, parameters)\n"
            "    return A2 < 0.5", "wrong prediction(s)"),
    },
}
