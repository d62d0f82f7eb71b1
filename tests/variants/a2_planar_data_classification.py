"""Versions of the graded functions of assignment 2 (see tests/variants/__init__.py)."""
from variants import (PRINTING_TRAINING_LOOP, backward, cost, forward, initialize, predict, train, training_mistakes,
                      update)

# ---------------------------------------------------------------------------------------------
# Correct versions, written differently from the instructor's solution.

CORRECT = {
    "layer_sizes_tests": {"list": "def layer_sizes(X, Y):\n    return [X.shape[0], 4, Y.shape[0]]"},
    "initialize_parameters_tests": {
        "standard_normal": initialize(W1="np.random.standard_normal((n_h, n_x)) * 0.01",
                                      W2="np.random.standard_normal((n_y, n_h)) * 0.01"),
        "np.random.normal": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    W1 = np.random.normal(0, 0.01, size=(n_h, n_x))\n"
            "    W2 = np.random.normal(0, 0.01, size=(n_y, n_h))\n"
            "    return dict(W1=W1, b1=np.zeros((n_h, 1)), W2=W2, b2=np.zeros((n_y, 1)))"),
    },
    "forward_propagation_tests": {
        "a list of A2 and the cache": forward("np.tanh(Z1)", result="[A2, cache]"),
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
        "forward pass written out": (
            "def predict(parameters, X):\n"
            "    A1 = np.tanh(parameters['W1'] @ X + parameters['b1'])\n"
            "    return (1 / (1 + np.exp(-(parameters['W2'] @ A1 + parameters['b2']))) > 0.5).astype(int)"),
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

# ---------------------------------------------------------------------------------------------
# The usual mistakes, as students make them, and words the visible test's message must contain:
# the test cell warns about each before the grader does.

TANH = "np.tanh(Z1)"
TANH_DERIVATIVE = "(1 - np.power(A1, 2))"
FIRST = "    np.random.seed({})\n"
DEFAULTS = "num_iterations=10000, learning_rate=0.5"
SIGNATURE = "parameters, X"

MISTAKES = {
    "layer_sizes_tests": {
        "examples for sizes": ("def layer_sizes(X, Y):\n    return (X.shape[1], 4, Y.shape[1])",
                               "n_x is 3 but should be 5"),
        "n_y from X": ("def layer_sizes(X, Y):\n    return (X.shape[0], 4, X.shape[0])", "n_y is 5 but should be 2"),
    },
    "initialize_parameters_tests": {
        "seeds inside, with the example's seed": (initialize(first=FIRST.format(2030)),
                                                  "Do not call np.random.seed inside the function"),
        "seeds inside, with another seed": (initialize(first=FIRST.format(2)),
                                            "do not call np.random.seed inside the function"),
        "W2 drawn first": (initialize(first="    W2 = np.random.randn(n_y, n_h) * 0.01\n", W2="W2"),
                           'initialize_parameters(5, 4, 2)["W1"] after np.random.seed(2030) has wrong values'),
        "randn given a tuple": (initialize(W2="np.random.randn((n_y, n_h)) * 0.01"),
                                "np.random.randn takes the dimensions as separate arguments"),
        "zeros given two numbers": (initialize(b2="np.zeros(n_y, 1)"), "np.zeros takes the shape as one tuple"),
        "transposed weights": (initialize(W1="np.random.randn(n_x, n_h) * 0.01"),
                               '["W1"] has shape (5, 4) but should have shape (4, 5)'),
        "scaled by 0.1": (initialize(W1="np.random.randn(n_h, n_x) * 0.1", W2="np.random.randn(n_y, n_h) * 0.1"),
                          '["W1"] after np.random.seed(2030) has wrong values'),
    },
    "forward_propagation_tests": {
        "sigmoid hidden layer, as in assignment 1": (forward("1 / (1 + np.exp(-Z1))"),
                                                     "The hidden layer uses tanh"),
        "no biases": (forward(TANH, Z1="np.dot(W1, X)", Z2="np.dot(W2, A1)"), "it lacks the bias"),
        "tanh output layer": (forward(TANH, A2="np.tanh(Z2)"), "The output layer uses the sigmoid"),
        "X times W1": (forward(TANH, Z1="np.dot(X, W1) + b1"), "The shapes do not fit a matrix product"),
        "cache first": (forward(TANH, result="cache, A2"), "return A2 first"),
        "A1 from the output": (forward(TANH, A1="np.tanh(Z1)", Z2="np.dot(W2, Z1) + b2"), 'cache["Z2"]'),
    },
    "compute_cost_tests": {
        "np.dot of two rows": (cost(logprobs="np.dot(Y, np.log(A2)) + np.dot(1 - Y, np.log(1 - A2))"),
                               "np.dot of two rows of shape (1, m) does not align"),
        "minus sign forgotten": (cost(total="np.sum(logprobs) / m"), "compute_cost(A2, Y_assess) has wrong values"),
        "no 1/m": (cost(total="-np.sum(logprobs)"), "compute_cost(A2, Y_assess) has wrong values"),
        "only the first term": (cost(logprobs="Y * np.log(A2)"), "has wrong values"),
    },
    "backward_propagation_tests": {
        "derivative of the sigmoid, as in assignment 1": (backward("A1 * (1 - A1)"), "The derivative of tanh"),
        "derivative of tanh taken of A1": (backward("(1 - np.tanh(A1) ** 2)"), "The derivative of tanh"),
        "keepdims forgotten": (backward(TANH_DERIVATIVE, db1="np.sum(dZ1, axis=1) / m"),
                               '["db1"] from backward_propagation(parameters, cache, X_assess, Y_assess) '
                               "has shape (4,)"),
        "no 1/m": (backward(TANH_DERIVATIVE, m="1"), "has wrong values"),
        "dW1 transposed": (backward(TANH_DERIVATIVE, dW1="np.dot(X, dZ1.T) / m"),
                           '["dW1"] from backward_propagation(parameters, cache, X_assess, Y_assess) has shape (2, 4)'),
        "W2 not transposed": (backward(TANH_DERIVATIVE, dZ1="np.dot(W2, dZ2) * (1 - np.power(A1, 2))"),
                              "The shapes do not fit a matrix product"),
    },
    "update_parameters_tests": {
        "learning rate fixed": (update(0.5, W="parameters[k] - 0.5 * grads['d' + k]"), "learning_rate=0"),
        "default of assignment 1": (update(1.2),
                                    "Without a learning_rate argument, the learning rate is its default, 0.5"),
        "adds the gradient": (update(0.5, W="parameters[k] + learning_rate * grads['d' + k]"), "has wrong values"),
    },
    "nn_model_tests": {
        **training_mistakes(DEFAULTS),
        "default learning rate of assignment 1": (train("num_iterations=10000, learning_rate=1.2"),
                                                  "passed learning_rate=1.2 to update_parameters"),
        "default number of iterations of assignment 1": (train("num_iterations=10, learning_rate=0.5"),
                                                         "10000 time(s)"),
    },
    "predict_tests": {
        "arguments in assignment 1's order": (predict(), "predict takes predict(parameters, X), in this order"),
        "forward_propagation's arguments swapped": (predict(SIGNATURE, forward="forward_propagation(parameters, X)"),
                                                    "received the parameters dictionary in place of X"),
        "threshold reversed": (predict(SIGNATURE, threshold="A2 < 0.5"), "wrong prediction(s)"),
        "probabilities": (predict(SIGNATURE, threshold="A2"), "should hold only 0/1 or True/False values"),
    },
}

# Wrong versions of the grader's table that are usual mistakes too, and words of the visible test's message.
for test_id, name, words in (("layer_sizes_tests", "2 hidden units", "n_h is 2 but should be 4"),
                             ("compute_cost_tests", "1x1 array", "should be a single number but is an array"),
                             ("update_parameters_tests", "in place", "changed its input")):
    MISTAKES[test_id][name] = (WRONG[test_id][name][0], words)

# Versions fitted to the worked example (its m, its seed, its values): the visible test's second case
# catches them.
HARD_CODED = {
    "layer_sizes_tests": {"the example's sizes": "def layer_sizes(X, Y):\n    return (5, 4, 2)"},
    "forward_propagation_tests": {"one output unit": forward(TANH, Z2="np.dot(W2, A1).reshape(1, -1) + b2")},
    "compute_cost_tests": {"the example's m": cost(m="3")},
    "backward_propagation_tests": {"the example's m": backward(TANH_DERIVATIVE, m="3")},
    "initialize_parameters_tests": {"the printed weights": (
        "def initialize_parameters(n_x, n_h, n_y):\n"
        "    W1 = np.array([[0.0140356, -0.01123472, 0.00181204, 0.00371685, 0.00331453],\n"
        "                   [0.00616523, -0.00719542, 0.00392973, -0.01472587, 0.01631223],\n"
        "                   [0.00700217, -0.00210701, 0.00322235, 0.0085826, 0.01209621],\n"
        "                   [-0.01813631, -0.01153197, 0.00429659, -0.00105094, 0.00331243]])\n"
        "    W2 = np.array([[0.00530549, 0.00229905, -0.00579193, -0.00166288],\n"
        "                   [-0.00867708, 0.00637114, -0.00827742, -0.00441255]])\n"
        "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2, 'b2': np.zeros((n_y, 1))}")},
}
