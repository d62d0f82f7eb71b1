"""Versions of the graded functions of assignment 3 (see tests/variants/__init__.py)."""

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
        "randn of a shape unpacked": (
            "def initialize_parameters_deep(layer_dims):\n"
            "    np.random.seed(3)\n"
            "    parameters = {}\n"
            "    for l in range(1, len(layer_dims)):\n"
            "        shape = (layer_dims[l], layer_dims[l - 1])\n"
            "        parameters['W' + str(l)] = np.random.randn(*shape) * 0.01\n"
            "        parameters['b' + str(l)] = np.zeros((shape[0], 1))\n"
            "    return parameters"),
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
        "the cache as a list": "def linear_forward(A, W, b):\n    return W @ A + b, [A, W, b]",
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
        "one loop, the activation chosen per layer": (
            "def L_model_forward(X, parameters):\n"
            "    L = len(parameters) // 2\n"
            "    A, caches = X, []\n"
            "    for l in range(1, L + 1):\n"
            "        activation = 'sigmoid' if l == L else 'relu'\n"
            "        A, cache = linear_activation_forward(A, parameters[f'W{l}'], parameters[f'b{l}'], activation)\n"
            "        caches.append(cache)\n"
            "    return A, caches"),
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
        "everything inline": (
            "def linear_activation_backward(dA, cache, activation):\n"
            "    (A_prev, W, b), Z = cache\n"
            "    if activation == 'relu':\n"
            "        dZ = dA * (Z > 0)\n"
            "    else:\n"
            "        s = 1 / (1 + np.exp(-Z))\n"
            "        dZ = dA * s * (1 - s)\n"
            "    m = A_prev.shape[1]\n"
            "    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m"),
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
        "deep copy, then -=": (
            "import copy\n"
            "def update_parameters(params, grads, learning_rate):\n"
            "    parameters = copy.deepcopy(params)\n"
            "    for l in range(1, len(parameters) // 2 + 1):\n"
            "        parameters['W%d' % l] -= learning_rate * grads['dW%d' % l]\n"
            "        parameters['b%d' % l] -= learning_rate * grads['db%d' % l]\n"
            "    return parameters"),
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

# ---------------------------------------------------------------------------------------------
# The usual mistakes, as students make them, and words the visible test's message must contain:
# the test cell warns about each before the grader does. Each is the right function with one part
# changed.

def initialize(first="    np.random.seed(1)\n", W1="np.random.randn(n_h, n_x) * 0.01", b1="np.zeros((n_h, 1))",
               W2="np.random.randn(n_y, n_h) * 0.01", b2="np.zeros((n_y, 1))"):
    return ("def initialize_parameters(n_x, n_h, n_y):\n" + first +
            f"    W1 = {W1}\n    b1 = {b1}\n    W2 = {W2}\n    b2 = {b2}\n"
            "    return {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}")


def initialize_deep(seed="    np.random.seed(3)\n", layers="range(1, len(layer_dims))",
                    W="np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01", b="np.zeros((layer_dims[l], 1))"):
    return ("def initialize_parameters_deep(layer_dims):\n" + seed + "    parameters = {}\n"
            f"    for l in {layers}:\n"
            f"        parameters['W' + str(l)] = {W}\n        parameters['b' + str(l)] = {b}\n"
            "    return parameters")


def linear(Z="np.dot(W, A) + b", cache="(A, W, b)", result="Z, cache"):
    return f"def linear_forward(A, W, b):\n    Z = {Z}\n    cache = {cache}\n    return {result}"


def activation_forward(sigmoid="sigmoid(Z)", relu="relu(Z)", names=('"sigmoid"', '"relu"'),
                       linear="linear_forward(A_prev, W, b)", cache="(linear_cache, activation_cache)"):
    return ("def linear_activation_forward(A_prev, W, b, activation):\n"
            f"    Z, linear_cache = {linear}\n"
            f"    if activation == {names[0]}:\n        A, activation_cache = {sigmoid}\n"
            f"    elif activation == {names[1]}:\n        A, activation_cache = {relu}\n"
            f"    return A, {cache}")


def model_forward(L="len(parameters) // 2", layers="range(1, L)", A_prev="A", last="'sigmoid'", hidden="'relu'",
                  keep_last="    caches.append(cache)\n"):
    return ("def L_model_forward(X, parameters):\n"
            f"    caches = []\n    A = X\n    L = {L}\n"
            f"    for l in {layers}:\n"
            f"        W, b = parameters['W' + str(l)], parameters['b' + str(l)]\n"
            f"        A, cache = linear_activation_forward({A_prev}, W, b, {hidden})\n"
            "        caches.append(cache)\n"
            f"    AL, cache = linear_activation_forward(A, parameters['W' + str(L)], parameters['b' + str(L)],\n"
            f"                                          {last})\n"
            + keep_last + "    return AL, caches")


def deep_cost(m="Y.shape[1]", cost="-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m", squeeze=True):
    return (f"def compute_cost(AL, Y):\n    m = {m}\n    cost = {cost}\n"
            + ("    return np.squeeze(cost)" if squeeze else "    return cost"))


def linear_back(m="A_prev.shape[1]", dW="np.dot(dZ, A_prev.T) / m", db="np.sum(dZ, axis=1, keepdims=True) / m",
                dA_prev="np.dot(W.T, dZ)"):
    return ("def linear_backward(dZ, cache):\n    A_prev, W, b = cache\n"
            f"    m = {m}\n    dW = {dW}\n    db = {db}\n    dA_prev = {dA_prev}\n    return dA_prev, dW, db")


def activation_backward(relu="relu_backward(dA, activation_cache)", sigmoid="sigmoid_backward(dA, activation_cache)",
                        names=('"relu"', '"sigmoid"'), linear="linear_backward(dZ, linear_cache)"):
    return ("def linear_activation_backward(dA, cache, activation):\n"
            "    linear_cache, activation_cache = cache\n"
            f"    if activation == {names[0]}:\n        dZ = {relu}\n"
            f"    elif activation == {names[1]}:\n        dZ = {sigmoid}\n"
            f"    dA_prev, dW, db = {linear}\n    return dA_prev, dW, db")


def model_backward(L="len(caches)", dAL="-(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))", last="caches[L - 1]",
                   last_activation="'sigmoid'", layers="reversed(range(L - 1))", incoming="grads['dA' + str(l + 1)]",
                   hidden="'relu'", dA_key="'dA' + str(L - 1)"):
    return ("def L_model_backward(AL, Y, caches):\n"
            f"    grads = {{}}\n    L = {L}\n    Y = Y.reshape(AL.shape)\n    dAL = {dAL}\n"
            f"    dA_prev, dW, db = linear_activation_backward(dAL, {last}, {last_activation})\n"
            f"    grads[{dA_key}], grads['dW' + str(L)], grads['db' + str(L)] = dA_prev, dW, db\n"
            f"    for l in {layers}:\n"
            f"        dA_prev, dW, db = linear_activation_backward({incoming}, caches[l], {hidden})\n"
            "        grads['dA' + str(l)], grads['dW' + str(l + 1)], grads['db' + str(l + 1)] = dA_prev, dW, db\n"
            "    return grads")


def deep_update(copy="params.copy()", L="len(parameters) // 2", layers="range(L)", key="str(l + 1)",
                rate="learning_rate", assign="="):
    return ("def update_parameters(params, grads, learning_rate):\n"
            f"    parameters = {copy}\n    L = {L}\n"
            f"    for l in {layers}:\n"
            + "".join(f"        parameters['{p}' + {key}] {assign} "
                      + (f"{rate} * grads['d{p}' + {key}]" if assign == "-=" else
                         f"params['{p}' + {key}] - {rate} * grads['d{p}' + {key}]") + "\n" for p in "Wb")
            + "    return parameters")


ONE_LAYER = "for a network of 1 layer(s)"

MISTAKES = {
    "initialize_parameters_tests": {
        "no seed": (initialize(first=""), "Call np.random.seed(1) first, inside the function"),
        "seed of initialize_parameters_deep": (initialize(first="    np.random.seed(3)\n"),
                                               'initialize_parameters(3, 2, 1)["W1"] has wrong values'),
        "randn given a tuple, as np.zeros takes it": (initialize(W1="np.random.randn((n_h, n_x)) * 0.01"),
                                                      "np.random.randn takes the dimensions as separate arguments"),
        "zeros given two numbers, as randn takes them": (initialize(b1="np.zeros(n_h, 1)"),
                                                         "np.zeros takes the shape as one tuple"),
        "uniform rand": (initialize(W1="np.random.rand(n_h, n_x) * 0.01", W2="np.random.rand(n_y, n_h) * 0.01"),
                         '["W1"] has wrong values'),
        "transposed weights": (initialize(W1="np.random.randn(n_x, n_h) * 0.01"),
                               '["W1"] has shape (3, 2) but should have shape (2, 3)'),
        "seeded between the two draws": (
            initialize(first="", W2="(np.random.seed(1), np.random.randn(n_y, n_h) * 0.01)[1]"),
            '["W1"] has wrong values'),
    },
    "initialize_parameters_deep_tests": {
        "the last layer left out": (initialize_deep(layers="range(1, len(layer_dims) - 1)"),
                                    "is missing the key(s) ['W2', 'b2']"),
        "layers from 0": (initialize_deep(layers="range(len(layer_dims))"), "it should return exactly"),
        "transposed weights": (initialize_deep(W="np.random.randn(layer_dims[l - 1], layer_dims[l]) * 0.01"),
                               "Wl has shape (layer_dims[l], layer_dims[l-1])"),
        "biases of one dimension": (initialize_deep(b="np.zeros(layer_dims[l])"),
                                    '["b1"] has shape (4,) but should have shape (4, 1)'),
        "He scaling before its time": (
            initialize_deep(W="np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])"),
            '["W1"] has wrong values'),
        "seed line removed": (initialize_deep(seed=""), "Keep np.random.seed(3) first"),
        "randn given a tuple": (initialize_deep(W="np.random.randn((layer_dims[l], layer_dims[l - 1])) * 0.01"),
                                "np.random.randn takes the dimensions as separate arguments"),
    },
    "linear_forward_tests": {
        "without + b": (linear(Z="np.dot(W, A)"), "it lacks the bias"),
        "A times W": (linear(Z="np.dot(A, W) + b"), "np.dot(W, A), in this order"),
        "elementwise product": (linear(Z="W * A + b"), "* multiplies elementwise"),
        "Z in the cache": (linear(cache="(A, W, b, Z)"), "should be the tuple (A, W, b)"),
        "W first in the cache": (linear(cache="(W, A, b)"), "should be the tuple (A, W, b)"),
        "Z alone": (linear(result="Z"), "Return the pair Z, cache"),
    },
    "linear_activation_forward_tests": {
        "activations swapped": (activation_forward(sigmoid="relu(Z)", relu="sigmoid(Z)"),
                                'A from linear_activation_forward(A_prev, W, b, activation="sigmoid") has wrong '
                                "values"),
        "the pair of sigmoid kept as A": (
            activation_forward().replace("A, activation_cache = sigmoid(Z)",
                                         "A = sigmoid(Z)\n        activation_cache = Z"),
            "Unpack them: A, activation_cache = sigmoid(Z)"),
        "capitalised activations": (activation_forward(names=('"Sigmoid"', '"ReLU"')), "in lower case"),
        "caches in the other order": (activation_forward(cache="(activation_cache, linear_cache)"),
                                      "should be (linear_cache, activation_cache)"),
        "linear_forward's arguments in another order": (
            activation_forward(linear="linear_forward(W, A_prev, b)"),
            "should call linear_forward(A_prev, W, b) with its own arguments"),
        "always relu": (activation_forward(sigmoid="relu(Z)"), 'activation="sigmoid") has wrong values'),
    },
    "L_model_forward_tests": {
        "L = len(parameters)": (model_forward(L="len(parameters)"), "L = len(parameters) // 2 is the number of layers"),
        "three layers hard-coded": (model_forward(L="3"), 'layer 1 of 1 should use activation="sigmoid"'),
        "sigmoid everywhere": (model_forward(hidden="'sigmoid'"), 'layer 1 of 3 should use activation="relu"'),
        "relu at the output": (model_forward(last="'relu'"), 'layer 3 of 3 should use activation="sigmoid"'),
        "X into every layer": (model_forward(A_prev="X"), "A_prev should be the output A of layer 1"),
        "the last cache forgotten": (model_forward(keep_last=""), "should hold one cache per layer, 3, but hold 2"),
        "one layer too many": (model_forward(layers="range(1, L + 1)"), 'layer 3 of 3 should use activation="sigmoid"'),
        "layers from 0": (model_forward(layers="range(L - 1)"), "the number of layers is len(parameters) // 2"),
    },
    "compute_cost_tests": {
        "1x1 array": (deep_cost(cost="-(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m", squeeze=False),
                      "Use np.squeeze(cost) to turn a 1x1 array into a number"),
        "np.dot of two rows": (deep_cost(cost="-(np.dot(Y, np.log(AL)) + np.dot(1 - Y, np.log(1 - AL))) / m"),
                               "np.dot of two rows of shape (1, m) does not align"),
        "minus sign forgotten": (deep_cost(cost="np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m"),
                                 "compute_cost(AL, Y) has wrong values"),
        "no 1/m": (deep_cost(m="1"), "compute_cost(AL, Y) has wrong values"),
        "m from the rows of Y": (deep_cost(m="Y.shape[0]"), "m is the number of examples, Y.shape[1]"),
        "only the first term": (deep_cost(cost="-np.sum(Y * np.log(AL)) / m"), "compute_cost(AL, Y) has wrong values"),
    },
    "linear_backward_tests": {
        "keepdims forgotten": (linear_back(db="np.sum(dZ, axis=1) / m"), "keepdims=True"),
        "sum over the other axis": (linear_back(db="np.sum(dZ, axis=0, keepdims=True) / m"),
                                    "db from linear_backward(dZ, cache) has shape (1, 4) but should have shape (3, 1)"),
        "no 1/m in dW": (linear_back(dW="np.dot(dZ, A_prev.T)"), "dW from linear_backward(dZ, cache) has wrong values"),
        "A_prev.T first": (linear_back(dW="np.dot(A_prev.T, dZ) / m"), "dW = dZ A_prev.T / m has the shape of W"),
        "W not transposed": (linear_back(dA_prev="np.dot(W, dZ)"), "dA_prev = W.T dZ has the shape of A_prev"),
        "m from the rows of A_prev": (linear_back(m="A_prev.shape[0]"), "has wrong values"),
        "db of every entry": (linear_back(db="np.sum(dZ) / m"),
                              "db from linear_backward(dZ, cache) is a single number"),
    },
    "linear_activation_backward_tests": {
        "linear_backward given dA": (activation_backward(linear="linear_backward(dA, linear_cache)"),
                                     "linear_backward should receive dZ = sigmoid_backward(dA, activation_cache)"),
        "activations swapped": (activation_backward(relu="sigmoid_backward(dA, activation_cache)",
                                                    sigmoid="relu_backward(dA, activation_cache)"),
                                "linear_backward should receive dZ = sigmoid_backward(dA, activation_cache)"),
        "the whole cache to the activation": (activation_backward(relu="relu_backward(dA, cache)",
                                                                  sigmoid="sigmoid_backward(dA, cache)"),
                                              "take the activation_cache, the second item of the cache"),
        "the whole cache to linear_backward": (activation_backward(linear="linear_backward(dZ, cache)"),
                                               "linear_backward should receive the linear_cache"),
        "capitalised activations": (activation_backward(names=('"ReLU"', '"Sigmoid"')), "in lower case"),
    },
    "L_model_backward_tests": {
        "dAL with the wrong sign": (model_backward(dAL="np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)"),
                                    "dA should be dAL = -(Y / AL - (1 - Y) / (1 - AL))"),
        "dAL as dZ": (model_backward(dAL="AL - Y"), "dA should be dAL"),
        "relu at the output": (model_backward(last_activation="'relu'"),
                               'layer 2 of 2 should be run backward with activation="sigmoid"'),
        "the last cache off by one": (model_backward(last="caches[L]"), "layer l's cache is caches[l - 1]"),
        "loop not reversed": (model_backward(layers="range(L - 1)"), "run the layers from L down to 1"),
        "dA key off by one": (model_backward(dA_key="'dA' + str(L)"), "grads holds the gradients stored so far"),
        "two layers hard-coded": (model_backward(L="2"), ONE_LAYER),
        "the gradient of the same layer fed back": (
            model_backward(incoming="dA_prev if l == L - 2 else grads['dA' + str(l)]"),
            "grads holds the gradients stored so far"),
    },
    "update_parameters_tests": {
        "shallow copy, then -=": (deep_update(assign="-="), "params.copy() copies the dictionary, not its arrays"),
        "L = len(parameters)": (deep_update(L="len(parameters)"), "the number of layers is len(params) // 2"),
        "layers from 0": (deep_update(key="str(l)"), "the number of layers is len(params) // 2"),
        "only the first layer": (deep_update(layers="range(1)"),
                                 '["W2"] from update_parameters(params, grads, 0.1) has wrong values'),
        "adds the gradient": (deep_update().replace("] - learning_rate", "] + learning_rate"), "has wrong values"),
    },
}

# Wrong versions of the grader's table that are usual mistakes too, and words of the visible test's message.
MISTAKES["initialize_parameters_deep_tests"]["only two layers"] = (
    WRONG["initialize_parameters_deep_tests"]["only two layers"][0], "do not assume a number of layers")

# Versions fitted to the worked example (its number of layers, m, learning rate, values): the visible
# test's networks of other depths and sizes catch them.
HARD_CODED = {
    "initialize_parameters_tests": {"the printed weights": initialize(
        W1="np.array([[0.01624345, -0.00611756, -0.00528172], [-0.01072969, 0.00865408, -0.02301539]])",
        W2="np.array([[0.01744812, -0.00761207]])")},
    "initialize_parameters_deep_tests": {"three layer sizes": initialize_deep(layers="range(1, 3)")},
    "linear_backward_tests": {"the example's m": linear_back(m="4")},
    "compute_cost_tests": {"the example's m": deep_cost(m="3")},
    "L_model_backward_tests": {"the example's two layers": model_backward(L="2")},
    "update_parameters_tests": {"the example's two layers": deep_update(L="2"),
                                "the example's learning rate": deep_update(rate="0.1")},
}
