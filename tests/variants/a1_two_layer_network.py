"""Versions of the graded functions of assignment 1 (see tests/variants/__init__.py)."""
from variants import (PRINTING_TRAINING_LOOP, backward, cost, forward, initialize, predict, train, training_mistakes,
                      update)

# ---------------------------------------------------------------------------------------------
# Correct versions, written differently from the instructor's solution.

CORRECT = {
    "sigmoid_tests": {
        "exp ratio": "def sigmoid(z):\n    return np.exp(z) / (1 + np.exp(z))",
        "tanh identity": "def sigmoid(z):\n    return 0.5 * (1 + np.tanh(z / 2))",
        "scipy expit": "from scipy.special import expit\ndef sigmoid(z):\n    return expit(z)",
        "np.divide": "def sigmoid(z):\n    return np.divide(1.0, 1.0 + np.exp(np.negative(z)))",
        "np.reciprocal": "def sigmoid(z):\n    return np.reciprocal(1 + np.exp(-z))",
    },
    "layer_sizes_tests": {
        "list": "def layer_sizes(X, Y):\n    return [X.shape[0], 2, Y.shape[0]]",
        "len": "def layer_sizes(X, Y):\n    return len(X), 2, len(Y)",
        "NumPy integers": "def layer_sizes(X, Y):\n    return np.int64(X.shape[0]), 2, np.int64(Y.shape[0])",
    },
    "initialize_parameters_tests": {
        "standard_normal": initialize(W1="np.random.standard_normal((n_h, n_x)) * 0.01",
                                      W2="np.random.standard_normal((n_y, n_h)) * 0.01"),
        "divide by 100": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    W1 = np.random.randn(n_h, n_x) / 100\n"
            "    W2 = np.random.randn(n_y, n_h) / 100\n"
            "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2, 'b2': np.zeros((n_y, 1))}"),
        "np.random.normal": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    W1 = np.random.normal(0, 0.01, size=(n_h, n_x))\n"
            "    b1 = np.zeros(shape=(n_h, 1))\n"
            "    W2 = np.random.normal(0, 0.01, size=(n_y, n_h))\n"
            "    return dict(W1=W1, b1=b1, W2=W2, b2=np.zeros((n_y, 1)))"),
    },
    "forward_propagation_tests": {
        "a cache with X too": forward("1 / (1 + np.exp(-Z1))",
                                      cache="{'X': X, 'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}"),
        "np.dot and inline sigmoid": (
            "def forward_propagation(X, parameters):\n"
            "    Z1 = np.dot(parameters['W1'], X) + parameters['b1']\n"
            "    A1 = 1 / (1 + np.exp(-Z1))\n"
            "    Z2 = np.dot(parameters['W2'], A1) + parameters['b2']\n"
            "    A2 = 1 / (1 + np.exp(-Z2))\n"
            "    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}"),
        "np.matmul and np.add": (
            "def forward_propagation(X, parameters):\n"
            "    W1, b1, W2, b2 = (parameters[k] for k in ('W1', 'b1', 'W2', 'b2'))\n"
            "    Z1 = np.add(np.matmul(W1, X), b1)\n"
            "    A1 = sigmoid(Z1)\n"
            "    Z2 = np.add(np.matmul(W2, A1), b2)\n"
            "    A2 = sigmoid(Z2)\n"
            "    cache = dict(Z1=Z1, A1=A1, Z2=Z2, A2=A2)\n"
            "    return A2, cache"),
    },
    "compute_cost_tests": {
        "np.mean": "def compute_cost(A2, Y):\n    return -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))",
        "np.dot then float": (
            "def compute_cost(A2, Y):\n"
            "    m = Y.shape[1]\n"
            "    cost = -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m\n"
            "    return float(np.squeeze(cost))"),
        "0-d array": (
            "def compute_cost(A2, Y):\n"
            "    m = Y.shape[1]\n"
            "    return np.squeeze(-(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m)"),
        "np.multiply": (
            "def compute_cost(A2, Y):\n"
            "    m = Y.shape[1]\n"
            "    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)\n"
            "    return float(-np.sum(logprobs) / m)"),
    },
    "backward_propagation_tests": {
        "sigmoid of Z1, np.multiply": (
            "def backward_propagation(parameters, cache, X, Y):\n"
            "    m = X.shape[1]\n"
            "    s = 1 / (1 + np.exp(-cache['Z1']))\n"
            "    dZ2 = cache['A2'] - Y\n"
            "    dZ1 = np.multiply(parameters['W2'].T @ dZ2, np.multiply(s, 1 - s))\n"
            "    return {'dW1': dZ1 @ X.T / m, 'db1': np.sum(dZ1, axis=1, keepdims=True) / m,\n"
            "            'dW2': dZ2 @ cache['A1'].T / m, 'db2': np.sum(dZ2, axis=1, keepdims=True) / m}"),
        "mean over examples": (
            "def backward_propagation(parameters, cache, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A1, A2 = cache['A1'], cache['A2']\n"
            "    dZ2 = A2 - Y\n"
            "    dZ1 = np.dot(parameters['W2'].T, dZ2) * (A1 - A1 ** 2)\n"
            "    grads = {}\n"
            "    grads['dW2'] = np.dot(dZ2, A1.T) / m\n"
            "    grads['db2'] = dZ2.mean(axis=1, keepdims=True)\n"
            "    grads['dW1'] = np.dot(dZ1, X.T) / m\n"
            "    grads['db1'] = dZ1.mean(axis=1).reshape(-1, 1)\n"
            "    return grads"),
    },
    "update_parameters_tests": {
        "deep copy, then -=": (
            "import copy\n"
            "def update_parameters(parameters, grads, learning_rate=1.2):\n"
            "    new = copy.deepcopy(parameters)\n"
            "    for k in new:\n"
            "        new[k] -= learning_rate * grads['d' + k]\n"
            "    return new"),
        "copy then assign": (
            "def update_parameters(parameters, grads, learning_rate=1.2):\n"
            "    new = parameters.copy()\n"
            "    for k in ('W1', 'b1', 'W2', 'b2'):\n"
            "        new[k] = parameters[k] - learning_rate * grads['d' + k]\n"
            "    return new"),
        "dict comprehension": (
            "def update_parameters(parameters, grads, learning_rate=1.2):\n"
            "    return {k: v - learning_rate * grads['d' + k] for k, v in parameters.items()}"),
    },
    "nn_model_tests": {
        # Printing is no wrong answer: the function keeps its points (its feedback says not to print).
        "prints although print_cost=False": (
            "def nn_model(X, Y, n_h, num_iterations=10, learning_rate=1.2, print_cost=False):\n"
            "    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])\n" + PRINTING_TRAINING_LOOP),
        "without layer_sizes, keyword arguments": (
            "def nn_model(X, Y, n_h, num_iterations=10, learning_rate=1.2, print_cost=False):\n"
            "    parameters = initialize_parameters(n_x=X.shape[0], n_h=n_h, n_y=Y.shape[0])\n"
            "    for i in range(num_iterations):\n"
            "        A2, cache = forward_propagation(X=X, parameters=parameters)\n"
            "        grads = backward_propagation(parameters=parameters, cache=cache, X=X, Y=Y)\n"
            "        parameters = update_parameters(parameters, grads, learning_rate=learning_rate)\n"
            "        if print_cost:\n"
            "            print(f'Cost after iteration {i}: {compute_cost(A2, Y):f}')\n"
            "    return parameters"),
        "while loop": (
            "def nn_model(X, Y, n_h, num_iterations=10, learning_rate=1.2, print_cost=False):\n"
            "    n_x, _, n_y = layer_sizes(X, Y)\n"
            "    parameters = initialize_parameters(n_x, n_h, n_y)\n"
            "    i = 0\n"
            "    while i < num_iterations:\n"
            "        A2, cache = forward_propagation(X, parameters)\n"
            "        cost = compute_cost(A2, Y)\n"
            "        grads = backward_propagation(parameters, cache, X, Y)\n"
            "        parameters = update_parameters(parameters, grads, learning_rate)\n"
            "        if print_cost and i % 1000 == 0:\n"
            "            print('Cost after iteration %i: %f' % (i, cost))\n"
            "        i += 1\n"
            "    return parameters"),
    },
    "predict_tests": {
        "forward pass written out": (
            "def predict(X, parameters):\n"
            "    A1 = sigmoid(parameters['W1'] @ X + parameters['b1'])\n"
            "    return sigmoid(parameters['W2'] @ A1 + parameters['b2']) > 0.5"),
        "0/1 integers": (
            "def predict(X, parameters):\n"
            "    A2, cache = forward_propagation(X, parameters)\n"
            "    return (A2 > 0.5).astype(int)"),
        "np.where": (
            "def predict(X, parameters):\n"
            "    A2 = forward_propagation(X, parameters)[0]\n"
            "    return np.where(A2 >= 0.5, 1, 0)"),
        "np.round": (
            "def predict(X, parameters):\n"
            "    A2, _ = forward_propagation(X, parameters)\n"
            "    return np.round(A2)"),
    },
}

# ---------------------------------------------------------------------------------------------
# Wrong versions, and a word the failure message must contain.

WRONG = {
    "sigmoid_tests": {
        "hard-coded values": (
            "def sigmoid(z):\n"
            "    known = {-2: 0.11920292202211755, 0: 0.5, 3.5: 0.9706877692486436}\n"
            "    if np.ndim(z) == 0:\n"
            "        return known.get(float(z), 0.5)\n"
            "    table = {(-2.0, 0.0, 3.5, 2.0, -3.5, 0.0): [[0.11920292202211755, 0.5, 0.9706877692486436],\n"
            "             [0.8807970779778823, 0.029312230751356326, 0.5]]}\n"
            "    return np.array(table.get(tuple(np.ravel(z)), np.full(np.shape(z), 0.5)))",
            "wrong values"),
        "math.exp": ("import math\ndef sigmoid(z):\n    return 1 / (1 + math.exp(-z))",
                     "raised TypeError: only 0-dimensional arrays can be converted to Python scalars"),
        "sign error": ("def sigmoid(z):\n    return 1 / (1 + np.exp(z))", "wrong values"),
        "changes its input": (
            "def sigmoid(z):\n"
            "    if isinstance(z, np.ndarray):\n"
            "        z *= -1\n"
            "        return 1 / (1 + np.exp(z))\n"
            "    return 1 / (1 + np.exp(-z))", "changed its input"),
    },
    "layer_sizes_tests": {
        "hard-coded": ("def layer_sizes(X, Y):\n    return (2, 2, 1)", "n_y is 1 but should be 4"),
        "rows and columns swapped": ("def layer_sizes(X, Y):\n    return (X.shape[1], 2, Y.shape[1])",
                                     "n_x is 2000 but should be 2"),
        "4 hidden units": ("def layer_sizes(X, Y):\n    return (X.shape[0], 4, Y.shape[0])", "n_h is 4 but should be 2"),
    },
    "initialize_parameters_tests": {
        "W2 drawn first": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    W2 = np.random.randn(n_y, n_h) * 0.01\n"
            "    W1 = np.random.randn(n_h, n_x) * 0.01\n"
            "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2, 'b2': np.zeros((n_y, 1))}",
            '["W1"] has wrong values'),
        "transposed": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    W1 = np.random.randn(n_x, n_h) * 0.01\n"
            "    W2 = np.random.randn(n_h, n_y) * 0.01\n"
            "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2, 'b2': np.zeros((n_y, 1))}",
            "should have shape (1, 2)"),
        "uniform rand": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    W1 = np.random.rand(n_h, n_x) * 0.01\n"
            "    W2 = np.random.rand(n_y, n_h) * 0.01\n"
            "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2, 'b2': np.zeros((n_y, 1))}",
            "wrong values"),
        "seeds inside": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    np.random.seed(3)\n"
            "    W1 = np.random.randn(n_h, n_x) * 0.01\n"
            "    W2 = np.random.randn(n_y, n_h) * 0.01\n"
            "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2, 'b2': np.zeros((n_y, 1))}",
            '["W1"] has wrong values'),
        "hard-coded document values": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    return {'W1': np.array([[0.01788628, 0.0043651], [0.00096497, -0.01863493]]),\n"
            "            'b1': np.zeros((2, 1)), 'W2': np.array([[-0.00277388, -0.00354759]]),\n"
            "            'b2': np.zeros((1, 1))}", '["W1"] has wrong values'),
    },
    "forward_propagation_tests": {
        "tanh hidden layer": (
            "def forward_propagation(X, parameters):\n"
            "    Z1 = parameters['W1'] @ X + parameters['b1']\n"
            "    A1 = np.tanh(Z1)\n"
            "    Z2 = parameters['W2'] @ A1 + parameters['b2']\n"
            "    A2 = sigmoid(Z2)\n"
            "    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}", "[0] has wrong values"),
        "asserts against the global n_y (a bug of a well-known version of this exercise)": (
            "def forward_propagation(X, parameters):\n"
            "    Z1 = parameters['W1'] @ X + parameters['b1']\n"
            "    A1 = sigmoid(Z1)\n"
            "    Z2 = parameters['W2'] @ A1 + parameters['b2']\n"
            "    A2 = sigmoid(Z2)\n"
            "    assert A2.shape == (n_y, X.shape[1])\n"
            "    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}", "raised AssertionError"),
        "bias left out": (
            "def forward_propagation(X, parameters):\n"
            "    Z1 = parameters['W1'] @ X\n"
            "    A1 = sigmoid(Z1)\n"
            "    Z2 = parameters['W2'] @ A1\n"
            "    A2 = sigmoid(Z2)\n"
            "    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}", "wrong values"),
        "cache keys missing": (
            "def forward_propagation(X, parameters):\n"
            "    A1 = sigmoid(parameters['W1'] @ X + parameters['b1'])\n"
            "    A2 = sigmoid(parameters['W2'] @ A1 + parameters['b2'])\n"
            "    return A2, {'A1': A1, 'A2': A2}", "missing the key"),
    },
    "compute_cost_tests": {
        "1x1 array": (
            "def compute_cost(A2, Y):\n"
            "    m = Y.shape[1]\n"
            "    return -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m",
            "shape (1, 1)"),
        "constant": ("def compute_cost(A2, Y):\n    return 0.6931477703826823", "wrong values"),
        "m fixed at 2000": (
            "def compute_cost(A2, Y):\n"
            "    return -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / 2000",
            "for m=1 has wrong values"),
        "sum without 1/m": (
            "def compute_cost(A2, Y):\n    return -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))",
            "wrong values"),
    },
    "backward_propagation_tests": {
        "derivative of tanh": (
            "def backward_propagation(parameters, cache, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A1, A2 = cache['A1'], cache['A2']\n"
            "    dZ2 = A2 - Y\n"
            "    dZ1 = parameters['W2'].T @ dZ2 * (1 - A1 ** 2)\n"
            "    return {'dW1': dZ1 @ X.T / m, 'db1': dZ1.sum(axis=1, keepdims=True) / m,\n"
            "            'dW2': dZ2 @ A1.T / m, 'db2': dZ2.sum(axis=1, keepdims=True) / m}",
            '["dW1"] has wrong values'),
        "keepdims forgotten": (
            "def backward_propagation(parameters, cache, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A1, A2 = cache['A1'], cache['A2']\n"
            "    dZ2 = A2 - Y\n"
            "    dZ1 = parameters['W2'].T @ dZ2 * A1 * (1 - A1)\n"
            "    return {'dW1': dZ1 @ X.T / m, 'db1': dZ1.sum(axis=1) / m,\n"
            "            'dW2': dZ2 @ A1.T / m, 'db2': dZ2.sum(axis=1) / m}",
            '["db1"] has shape (2,) but should have shape (2, 1). Sum with keepdims=True'),
        "dW1 transposed": (
            "def backward_propagation(parameters, cache, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A1, A2 = cache['A1'], cache['A2']\n"
            "    dZ2 = A2 - Y\n"
            "    dZ1 = parameters['W2'].T @ dZ2 * A1 * (1 - A1)\n"
            "    return {'dW1': X @ dZ1.T / m, 'db1': dZ1.sum(axis=1, keepdims=True) / m,\n"
            "            'dW2': dZ2 @ A1.T / m, 'db2': dZ2.sum(axis=1, keepdims=True) / m}",
            '["dW1"] has wrong values'),
        "sum over all entries for db1": (
            "def backward_propagation(parameters, cache, X, Y):\n"
            "    m = X.shape[1]\n"
            "    A1, A2 = cache['A1'], cache['A2']\n"
            "    dZ2 = A2 - Y\n"
            "    dZ1 = parameters['W2'].T @ dZ2 * A1 * (1 - A1)\n"
            "    return {'dW1': dZ1 @ X.T / m, 'db1': np.full((dZ1.shape[0], 1), np.sum(dZ1) / m),\n"
            "            'dW2': dZ2 @ A1.T / m, 'db2': dZ2.sum(axis=1, keepdims=True) / m}",
            '["db1"] has wrong values'),
    },
    "update_parameters_tests": {
        "changes parameters in place": (
            "def update_parameters(parameters, grads, learning_rate=1.2):\n"
            "    for k in ('W1', 'b1', 'W2', 'b2'):\n"
            "        parameters[k] -= learning_rate * grads['d' + k]\n"
            "    return parameters", "changed its inputs"),
        "learning rate fixed": (
            "def update_parameters(parameters, grads, learning_rate=1.2):\n"
            "    return {k: parameters[k] - 1.2 * grads['d' + k] for k in parameters}",
            '["W1"] has wrong values'),
        "no default learning rate": (
            "def update_parameters(parameters, grads, learning_rate):\n"
            "    return {k: parameters[k] - learning_rate * grads['d' + k] for k in parameters}",
            "raised TypeError: update_parameters() missing 1 required positional argument: 'learning_rate'"),
        "adds the gradient": (
            "def update_parameters(parameters, grads, learning_rate=1.2):\n"
            "    return {k: parameters[k] + learning_rate * grads['d' + k] for k in parameters}",
            "wrong values"),
    },
    "nn_model_tests": {
        "hidden size from layer_sizes": (
            "def nn_model(X, Y, n_h, num_iterations=10, learning_rate=1.2, print_cost=False):\n"
            "    n_x, n_h2, n_y = layer_sizes(X, Y)\n"
            "    parameters = initialize_parameters(n_x, n_h2, n_y)\n"
            "    for i in range(num_iterations):\n"
            "        A2, cache = forward_propagation(X, parameters)\n"
            "        grads = backward_propagation(parameters, cache, X, Y)\n"
            "        parameters = update_parameters(parameters, grads, learning_rate)\n"
            "    return parameters", "has shape (7, 2) but should have shape (3, 2)"),
        "learning rate not passed on": (
            "def nn_model(X, Y, n_h, num_iterations=10, learning_rate=1.2, print_cost=False):\n"
            "    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])\n"
            "    for i in range(num_iterations):\n"
            "        A2, cache = forward_propagation(X, parameters)\n"
            "        grads = backward_propagation(parameters, cache, X, Y)\n"
            "        parameters = update_parameters(parameters, grads)\n"
            "    return parameters", '["W1"] has wrong values'),
        "parameters never updated": (
            "def nn_model(X, Y, n_h, num_iterations=10, learning_rate=1.2, print_cost=False):\n"
            "    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])\n"
            "    for i in range(num_iterations):\n"
            "        A2, cache = forward_propagation(X, parameters)\n"
            "        grads = backward_propagation(parameters, cache, X, Y)\n"
            "        new_parameters = update_parameters(parameters, grads, learning_rate)\n"
            "    return parameters", '["W1"] has wrong values'),
        "one iteration short": (
            "def nn_model(X, Y, n_h, num_iterations=10, learning_rate=1.2, print_cost=False):\n"
            "    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])\n"
            "    for i in range(1, num_iterations):\n"
            "        A2, cache = forward_propagation(X, parameters)\n"
            "        grads = backward_propagation(parameters, cache, X, Y)\n"
            "        parameters = update_parameters(parameters, grads, learning_rate)\n"
            "    return parameters", '["W1"] has wrong values'),
        "loop that never stops": (
            "def nn_model(X, Y, n_h, num_iterations=10, learning_rate=1.2, print_cost=False):\n"
            "    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])\n"
            "    i = 0\n"
            "    while i < num_iterations:\n"
            "        A2, cache = forward_propagation(X, parameters)\n"
            "        grads = backward_propagation(parameters, cache, X, Y)\n"
            "        parameters = update_parameters(parameters, grads, learning_rate)\n"
            "    return parameters", "did not finish within the time limit"),
        "returns the costs too": (
            "def nn_model(X, Y, n_h, num_iterations=10, learning_rate=1.2, print_cost=False):\n"
            "    parameters, costs = initialize_parameters(X.shape[0], n_h, Y.shape[0]), []\n"
            "    for i in range(num_iterations):\n"
            "        A2, cache = forward_propagation(X, parameters)\n"
            "        costs.append(compute_cost(A2, Y))\n"
            "        parameters = update_parameters(parameters, backward_propagation(parameters, cache, X, Y),\n"
            "                                       learning_rate)\n"
            "    return parameters, costs", "should be of type dict but is of type tuple"),
    },
    "predict_tests": {
        "threshold reversed": (
            "def predict(X, parameters):\n"
            "    A2, _ = forward_propagation(X, parameters)\n"
            "    return A2 < 0.5", "wrong prediction"),
        "probabilities instead of classes": (
            "def predict(X, parameters):\n"
            "    return forward_propagation(X, parameters)[0]", "should hold only 0/1 or True/False values"),
        "flattened": (
            "def predict(X, parameters):\n"
            "    A2, _ = forward_propagation(X, parameters)\n"
            "    return (A2 > 0.5).ravel()", "has shape (297,) but should have shape (1, 297)"),
        "global parameters": (
            "def predict(X, params):\n"
            "    A2, _ = forward_propagation(X, parameters)\n"
            "    return A2 > 0.5", "wrong prediction(s)"),
    },
}

# ---------------------------------------------------------------------------------------------
# The usual mistakes, as students make them, and words the visible test's message must contain:
# the test cell warns about each before the grader does.

SIGMOID = "1 / (1 + np.exp(-Z1))"
SIGMOID_DERIVATIVE = "A1 * (1 - A1)"
FIRST = "    np.random.seed({})\n"
DEFAULTS = "num_iterations=10, learning_rate=1.2"

MISTAKES = {
    "sigmoid_tests": {
        "tanh": ("def sigmoid(z):\n    return np.tanh(z)", "sigmoid(-2) has wrong values"),
        "1 + exp(-z) forgotten in the denominator": ("def sigmoid(z):\n    return 1 / np.exp(-z)",
                                                     "sigmoid(-2) has wrong values"),
        "rounded": ("def sigmoid(z):\n    return np.round(1 / (1 + np.exp(-z)), 4)", "sigmoid(-2) has wrong values"),
    },
    "layer_sizes_tests": {
        "n_y from X": ("def layer_sizes(X, Y):\n    return (X.shape[0], 2, X.shape[0])", "n_y is 2 but should be 1"),
        "a dictionary": ("def layer_sizes(X, Y):\n    return {'n_x': X.shape[0], 'n_h': 2, 'n_y': Y.shape[0]}",
                         "Return the three sizes as a tuple"),
    },
    "initialize_parameters_tests": {
        "W2 drawn first": (initialize(first="    W2 = np.random.randn(n_y, n_h) * 0.01\n", W2="W2"),
                           'initialize_parameters(2, 2, 1)["W1"] after np.random.seed(3) has wrong values'),
        "transposed weights": (initialize(W1="np.random.randn(n_x, n_h) * 0.01", W2="np.random.randn(n_h, n_y) * 0.01"),
                               '["W2"] has shape (2, 1) but should have shape (1, 2)'),
        "uniform rand": (initialize(W1="np.random.rand(n_h, n_x) * 0.01", W2="np.random.rand(n_y, n_h) * 0.01"),
                         '["W1"] after np.random.seed(3) has wrong values'),
        "seeds inside, with the example's seed": (initialize(first=FIRST.format(3)),
                                                  "Do not call np.random.seed inside the function"),
        "seeds inside, with another seed": (initialize(first=FIRST.format(1)),
                                            "do not call np.random.seed inside the function"),
        "randn given a tuple": (initialize(W1="np.random.randn((n_h, n_x)) * 0.01"),
                                "np.random.randn takes the dimensions as separate arguments"),
        "zeros given two numbers": (initialize(b1="np.zeros(n_h, 1)"), "np.zeros takes the shape as one tuple"),
        "biases of one dimension": (initialize(b1="np.zeros(n_h)", b2="np.zeros(n_y)"),
                                    '["b1"] has shape (2,) but should have shape (2, 1)'),
        "weights not scaled": (initialize(W1="np.random.randn(n_h, n_x)", W2="np.random.randn(n_y, n_h)"),
                               '["W1"] after np.random.seed(3) has wrong values'),
        "random biases": (initialize(b1="np.random.randn(n_h, 1) * 0.01"),
                          "Initialise the biases with np.zeros"),
        "lower-case keys": (initialize(keys=("w1", "b1", "w2", "b2")), "is missing the key(s) ['W1', 'W2']"),
    },
    "forward_propagation_tests": {
        "no biases": (forward(SIGMOID, Z1="np.dot(W1, X)", Z2="np.dot(W2, A1)"), 'cache["Z1"] from forward_propagation '
                      "for a network with n_x=3, n_h=4, n_y=2 and m=5 has wrong values: it lacks the bias"),
        "no bias in the output layer": (forward(SIGMOID, Z2="np.dot(W2, A1)"), "lacks the bias. Z2 = W2 A1 + b2"),
        "tanh hidden layer, as in assignment 2": (forward("np.tanh(Z1)"), "The hidden layer uses the sigmoid"),
        "checks the notebook's n_y": (forward(SIGMOID, check="    assert A2.shape == (n_y, X.shape[1])\n"),
                                      "not against variables of the notebook such as n_y"),
        "X times W1": (forward(SIGMOID, Z1="np.dot(X, W1) + b1"), "The shapes do not fit a matrix product"),
        "elementwise product": (forward(SIGMOID, Z1="W1 * X + b1"), "* multiplies elementwise"),
        "cache first": (forward(SIGMOID, result="cache, A2"), "return A2 first"),
        "A2 of the hidden layer": (forward(SIGMOID, A2="1 / (1 + np.exp(-Z1))"),
                                   "A2 from forward_propagation(X, parameters) has shape (2, 2000) but should have "
                                   "shape (1, 2000)"),
        "A2 alone": (forward(SIGMOID, result="A2"), "Return the pair A2, cache"),
        "cache without the Zs": (forward(SIGMOID, cache="{'A1': A1, 'A2': A2}"), "is missing the key(s) ['Z1', 'Z2']"),
    },
    "compute_cost_tests": {
        "np.dot of two rows": (cost(logprobs="np.dot(Y, np.log(A2)) + np.dot(1 - Y, np.log(1 - A2))"),
                               "np.dot of two rows of shape (1, m) does not align"),
        "minus sign forgotten": (cost(total="np.sum(logprobs) / m"), "compute_cost(A2, Y) has wrong values"),
        "no 1/m": (cost(total="-np.sum(logprobs)"), "compute_cost(A2, Y) has wrong values"),
        "m from the rows of Y": (cost(m="Y.shape[0]"), "compute_cost(A2, Y) has wrong values"),
        "log10": (cost(logprobs="Y * np.log10(A2) + (1 - Y) * np.log10(1 - A2)"),
                  "compute_cost(A2, Y) has wrong values"),
        "A2 and Y swapped in the logs": (cost(logprobs="A2 * np.log(Y) + (1 - A2) * np.log(1 - Y)"),
                                         "holds nan or inf values"),
        "only the first term": (cost(logprobs="Y * np.log(A2)"), "compute_cost(A2, Y) has wrong values"),
    },
    "backward_propagation_tests": {
        "derivative of tanh": (backward("(1 - np.power(A1, 2))"), "The derivative of the sigmoid is A1 * (1 - A1)"),
        "derivative from Z1": (backward("cache['Z1'] * (1 - cache['Z1'])"), "The derivative of the sigmoid"),
        "keepdims forgotten": (backward(SIGMOID_DERIVATIVE, db1="np.sum(dZ1, axis=1) / m",
                                        db2="np.sum(dZ2, axis=1) / m"),
                               'has shape (2,) but should have shape (2, 1)'),
        "no 1/m": (backward(SIGMOID_DERIVATIVE, m="1"), 'grads["dW1"] from backward_propagation(parameters, cache, X, '
                   "Y) has wrong values"),
        "A2 - Y the other way round": (backward(SIGMOID_DERIVATIVE, dZ2="Y - A2"), "has wrong values"),
        "W2 not transposed": (backward(SIGMOID_DERIVATIVE, dZ1="np.dot(W2, dZ2) * A1 * (1 - A1)"),
                              "The shapes do not fit a matrix product"),
        "dW2 transposed": (backward(SIGMOID_DERIVATIVE, dW2="np.dot(A1, dZ2.T) / m"),
                           '["dW2"] from backward_propagation(parameters, cache, X, Y) has shape (2, 1) but should '
                           "have shape (1, 2)"),
        "A1 in place of X": (backward(SIGMOID_DERIVATIVE, dW1="np.dot(dZ1, A1.T) / m"), 'grads["dW1"]'),
        "changes the cache": (backward(SIGMOID_DERIVATIVE, first="    A2 -= Y\n", dZ2="A2"), "changed its input"),
    },
    "update_parameters_tests": {
        "subtracts in place": (update(1.2, body=(
            "    W1, b1, W2, b2 = parameters['W1'], parameters['b1'], parameters['W2'], parameters['b2']\n"
            "    W1 -= learning_rate * grads['dW1']\n    b1 -= learning_rate * grads['db1']\n"
            "    W2 -= learning_rate * grads['dW2']\n    b2 -= learning_rate * grads['db2']\n"
            "    return {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}")), "changed its input"),
        "learning rate of the worked example": (update(1.2, W="parameters[k] - 1.2 * grads['d' + k]"),
                                                'learning_rate=0.5)["W1"] has wrong values'),
        "adds the gradient": (update(1.2, W="parameters[k] + learning_rate * grads['d' + k]"), "has wrong values"),
        "biases left alone": (update(1.2, W="parameters[k] - (learning_rate * grads['d' + k] if k[0] == 'W' else 0)"),
                              '["b1"] has wrong values'),
        "dW for the bias": (update(1.2, W="parameters[k] - learning_rate * grads['dW' + k[1]]"),
                            '["b1"] has shape (2, 2) but should have shape (2, 1)'),
        "no default learning rate": (update(1.2, signature="parameters, grads, learning_rate"),
                                     "learning_rate=1.2"),
    },
    "nn_model_tests": {
        **training_mistakes(DEFAULTS),
        "one iteration more": (train(DEFAULTS, loop="for i in range(num_iterations + 1):"), "does its loop stop?"),
        "one iteration less": (train(DEFAULTS, loop="for i in range(1, num_iterations):"),
                               "called forward_propagation 2 time(s)"),
        "X in place of Y": (train(DEFAULTS, backward="backward_propagation(parameters, cache, X, X)"),
                            "should pass its argument Y to backward_propagation"),
        "A2 in place of the cache": (train(DEFAULTS, backward="backward_propagation(parameters, A2, X, Y)"),
                                     "the cache that forward_propagation returned"),
        "the costs returned too": (train(DEFAULTS, result="parameters, cost"), "should be of type dict"),
    },
    "predict_tests": {
        "threshold reversed": (predict(threshold="A2 < 0.5"), "5 wrong prediction(s) out of 5"),
        "threshold at 0": (predict(threshold="A2 > 0"), "wrong prediction(s)"),
        "probabilities": (predict(threshold="A2"), "should hold only 0/1 or True/False values"),
        "rounded to one decimal": (predict(threshold="np.round(A2, 1)"), "should hold only 0/1 or True/False values"),
        "forward_propagation's arguments swapped": (predict(forward="forward_propagation(parameters, X)"),
                                                    "received the parameters dictionary in place of X"),
        "flattened": (predict(threshold="(A2 > 0.5).ravel()"), "has shape (5,) but should have shape (1, 5)"),
    },
}

# Wrong versions of the grader's table that are usual mistakes too, and words of the visible test's message.
for test_id, name, words in (("sigmoid_tests", "math.exp", "use np.exp"),
                             ("sigmoid_tests", "sign error", "sigmoid(-2) has wrong values"),
                             ("layer_sizes_tests", "rows and columns swapped", "n_x is 2000 but should be 2"),
                             ("layer_sizes_tests", "4 hidden units", "n_h is 4 but should be 2")):
    MISTAKES[test_id][name] = (WRONG[test_id][name][0], words)

# Versions fitted to the worked example (its m, its seed, its values): the visible test's second case
# catches them.
HARD_CODED = {
    "forward_propagation_tests": {
        "one output unit": forward(SIGMOID, Z2="np.dot(W2, A1).reshape(1, -1) + b2"),
    },
    "backward_propagation_tests": {"the example's m": backward(SIGMOID_DERIVATIVE, m="2000")},
    "predict_tests": {
        "the example's four predictions": predict(threshold="np.array([[True, True, False, False]])"),
    },
}
