"""Correct and wrong versions of the graded functions of assignment 3 (see tests/test_graded_cases.py)."""

# ---------------------------------------------------------------------------------------------
# Correct versions, written differently from the instructor's solution.

# L_model_backward indexing the layers from the end, up to its return: one version prints as well.
_BACKWARD_FROM_THE_END = (
    "def L_model_backward(AL, Y, caches):\n"
    "    grads = {}\n"
    "    L = len(caches)\n"
    "    dA = -(Y / AL - (1 - Y) / (1 - AL))\n"
    "    for l in range(L, 0, -1):\n"
    "        activation = 'sigmoid' if l == L else 'relu'\n"
    "        dA, grads['dW%d' % l], grads['db%d' % l] = linear_activation_backward(dA, caches[l - 1], activation)\n"
    "        grads['dA%d' % (l - 1)] = dA\n")

CORRECT = {
    "initialize_parameters_tests": {
        "np.random.normal": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    np.random.seed(1)\n"
            "    W1 = np.random.normal(0, 0.01, size=(n_h, n_x))\n"
            "    W2 = np.random.normal(0, 0.01, size=(n_y, n_h))\n"
            "    return dict(W1=W1, b1=np.zeros((n_h, 1)), W2=W2, b2=np.zeros((n_y, 1)))"),
    },
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
    "linear_forward_tests": {
        "np.matmul and np.add": (
            "def linear_forward(A, W, b):\n"
            "    return np.add(np.matmul(W, A), b), (A, W, b)"),
    },
    "linear_activation_forward_tests": {
        # Right without linear_forward: graded with the student's own functions.
        "Z computed inline": (
            "def linear_activation_forward(A_prev, W, b, activation):\n"
            "    Z = W @ A_prev + b\n"
            "    A = 1 / (1 + np.exp(-Z)) if activation == 'sigmoid' else np.maximum(Z, 0)\n"
            "    return A, ((A_prev, W, b), Z)"),
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
        "indexing from the end": _BACKWARD_FROM_THE_END + "    return grads",
        "dAL as (AL - Y) / (AL (1 - AL))": (
            "def L_model_backward(AL, Y, caches):\n"
            "    grads = {}\n"
            "    L = len(caches)\n"
            "    dA = (AL - Y) / (AL * (1 - AL))\n"
            "    for l in reversed(range(1, L + 1)):\n"
            "        dA, dW, db = linear_activation_backward(dA, caches[l - 1], 'sigmoid' if l == L else 'relu')\n"
            "        grads.update({f'dA{l - 1}': dA, f'dW{l}': dW, f'db{l}': db})\n"
            "    return grads"),
        # Printing is no wrong answer: the function keeps its points (its feedback says not to print).
        "prints debugging output": (
            _BACKWARD_FROM_THE_END +
            "        print('dA%d = %s' % (l - 1, dA))\n"
            "    return grads"),
    },
    "linear_backward_tests": {
        "mean over the examples": (
            "def linear_backward(dZ, cache):\n"
            "    A_prev, W, b = cache\n"
            "    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / A_prev.shape[1], dZ.mean(axis=1, keepdims=True)"),
    },
    "linear_activation_backward_tests": {
        "dZ computed inline": (
            "def linear_activation_backward(dA, cache, activation):\n"
            "    linear_cache, Z = cache\n"
            "    if activation == 'sigmoid':\n"
            "        s = 1 / (1 + np.exp(-Z))\n"
            "        dZ = dA * s * (1 - s)\n"
            "    else:\n"
            "        dZ = np.where(Z > 0, dA, 0)\n"
            "    return linear_backward(dZ, linear_cache)"),
    },
    "update_parameters_tests": {
        "comprehension": ("def update_parameters(params, grads, learning_rate):\n"
                          "    return {k: v - learning_rate * grads['d' + k] for k, v in params.items()}"),
    },
}

# ---------------------------------------------------------------------------------------------
# Wrong versions, and words the failure message must contain.

WRONG = {
    "initialize_parameters_tests": {
        "no seed": (
            "def initialize_parameters(n_x, n_h, n_y):\n"
            "    W1 = np.random.randn(n_h, n_x) * 0.01\n"
            "    W2 = np.random.randn(n_y, n_h) * 0.01\n"
            "    return {'W1': W1, 'b1': np.zeros((n_h, 1)), 'W2': W2, 'b2': np.zeros((n_y, 1))}",
            "initialize_parameters(3, 2, 1) (the document's example): parameters[\"W1\"] has wrong values"),
    },
    "initialize_parameters_deep_tests": {
        "rand instead of randn": (
            "def initialize_parameters_deep(layer_dims):\n"
            "    np.random.seed(3)\n"
            "    parameters = {}\n"
            "    for l in range(1, len(layer_dims)):\n"
            "        parameters['W' + str(l)] = np.random.rand(layer_dims[l], layer_dims[l - 1]) * 0.01\n"
            "        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))\n"
            "    return parameters", 'initialize_parameters_deep([5, 4, 3]): parameters["W1"] has wrong values'),
        "only two layers": (
            "def initialize_parameters_deep(layer_dims):\n"
            "    np.random.seed(3)\n"
            "    return {'W1': np.random.randn(layer_dims[1], layer_dims[0]) * 0.01, 'b1': np.zeros((layer_dims[1], 1)),\n"
            "            'W2': np.random.randn(layer_dims[2], layer_dims[1]) * 0.01, 'b2': np.zeros((layer_dims[2], 1))}",
            "initialize_parameters_deep([3, 1]) raised IndexError"),
    },
    "linear_forward_tests": {
        "W and A swapped in the cache": (
            "def linear_forward(A, W, b):\n"
            "    return W @ A + b, (W, A, b)",
            "cache[0] has shape (1, 3) but should have shape (3, 2)"),
    },
    "linear_activation_forward_tests": {
        "activations swapped": (
            "def linear_activation_forward(A_prev, W, b, activation):\n"
            "    Z, linear_cache = linear_forward(A_prev, W, b)\n"
            "    A, activation_cache = relu(Z) if activation == 'sigmoid' else sigmoid(Z)\n"
            "    return A, (linear_cache, activation_cache)",
            'linear_activation_forward(A_prev, W, b, "sigmoid") for the document\'s example: A has wrong values'),
    },
    "L_model_forward_tests": {
        "sigmoid everywhere": (
            "def L_model_forward(X, parameters):\n"
            "    L = len(parameters) // 2\n"
            "    A, caches = X, []\n"
            "    for l in range(1, L + 1):\n"
            "        A, cache = linear_activation_forward(A, parameters['W' + str(l)], parameters['b' + str(l)], 'sigmoid')\n"
            "        caches.append(cache)\n"
            "    return A, caches", "A_prev in caches[1] (layer 2 of 3, the output of layer 1) has wrong values"),
        "three layers hard-coded": (
            "def L_model_forward(X, parameters):\n"
            "    caches = []\n"
            "    A, c = linear_activation_forward(X, parameters['W1'], parameters['b1'], 'relu'); caches.append(c)\n"
            "    A, c = linear_activation_forward(A, parameters['W2'], parameters['b2'], 'relu'); caches.append(c)\n"
            "    A, c = linear_activation_forward(A, parameters['W3'], parameters['b3'], 'sigmoid'); caches.append(c)\n"
            "    return A, caches", "raised KeyError: 'W2'"),
    },
    "compute_cost_tests": {
        "1x1 array": ("def compute_cost(AL, Y):\n"
                      "    return -(Y @ np.log(AL).T + (1 - Y) @ np.log(1 - AL).T) / Y.shape[1]",
                      "Use np.squeeze(cost) to turn a 1x1 array into a number"),
        "constant": ("def compute_cost(AL, Y):\n    return 0.2797765635793422", "for m=1 has wrong values"),
    },
    "linear_backward_tests": {
        "keepdims forgotten": (
            "def linear_backward(dZ, cache):\n"
            "    A_prev, W, b = cache\n"
            "    m = A_prev.shape[1]\n"
            "    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1) / m",
            "db has shape (3,) but should have shape (3, 1). Sum with keepdims=True"),
    },
    "linear_activation_backward_tests": {
        "linear_backward given dA": (
            "def linear_activation_backward(dA, cache, activation):\n"
            "    linear_cache, activation_cache = cache\n"
            "    return linear_backward(dA, linear_cache)",
            'linear_activation_backward(dA, cache, "sigmoid") for the document\'s example: dA_prev has wrong values'),
    },
    "L_model_backward_tests": {
        "dAL with the wrong sign": (
            "def L_model_backward(AL, Y, caches):\n"
            "    grads = {}\n"
            "    L = len(caches)\n"
            "    dA = Y / AL - (1 - Y) / (1 - AL)\n"
            "    for l in range(L, 0, -1):\n"
            "        activation = 'sigmoid' if l == L else 'relu'\n"
            "        dA, grads['dW%d' % l], grads['db%d' % l] = linear_activation_backward(dA, caches[l - 1], activation)\n"
            "        grads['dA%d' % (l - 1)] = dA\n"
            "    return grads", 'layer_dims=[4, 3, 1]: grads["dA1"] has wrong values'),
        "relu for the output layer": (
            "def L_model_backward(AL, Y, caches):\n"
            "    grads = {}\n"
            "    L = len(caches)\n"
            "    dA = -(Y / AL - (1 - Y) / (1 - AL))\n"
            "    for l in range(L, 0, -1):\n"
            "        dA, grads['dW%d' % l], grads['db%d' % l] = linear_activation_backward(dA, caches[l - 1], 'relu')\n"
            "        grads['dA%d' % (l - 1)] = dA\n"
            "    return grads", 'layer_dims=[4, 3, 1]: grads["dA1"] has wrong values'),
    },
    "update_parameters_tests": {
        "changes params in place": (
            "def update_parameters(params, grads, learning_rate):\n"
            "    L = len(params) // 2\n"
            "    for l in range(L):\n"
            "        params['W' + str(l + 1)] = params['W' + str(l + 1)] - learning_rate * grads['dW' + str(l + 1)]\n"
            "        params['b' + str(l + 1)] = params['b' + str(l + 1)] - learning_rate * grads['db' + str(l + 1)]\n"
            "    return params", "changed its inputs"),
        "only the first layer": (
            "def update_parameters(params, grads, learning_rate):\n"
            "    new = dict(params)\n"
            "    new['W1'] = params['W1'] - learning_rate * grads['dW1']\n"
            "    new['b1'] = params['b1'] - learning_rate * grads['db1']\n"
            "    return new", 'parameters["W2"] has wrong values'),
    },
}
