"""
The step-by-step functions of assignment 3, solved, for assignment 4.

This file ships with assignment 4 only (nbgrader copies it into that release),
so the answers of assignment 3 are not readable before assignment 4 is out.
One change from assignment 3: initialize_parameters_deep scales the random
weights by 1 / sqrt(n[l-1]) instead of 0.01: with 0.01 the signal fades away
through the layers and a network of four layers barely learns.
"""
import numpy as np

from helpers.dnn_utils import relu, relu_backward, sigmoid, sigmoid_backward


def initialize_parameters(n_x, n_h, n_y):
    """Parameters of a LINEAR -> RELU -> LINEAR -> SIGMOID network: W = randn * 0.01, b = 0, after np.random.seed(1)."""
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def initialize_parameters_deep(layer_dims):
    """Parameters of an L-layer network: Wl = randn / sqrt(n[l-1]), bl = 0, after np.random.seed(1)."""
    np.random.seed(1)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def linear_forward(A, W, b):
    """Z = W A + b; cache = (A, W, b)."""
    Z = W.dot(A) + b
    return Z, (A, W, b)


def linear_activation_forward(A_prev, W, b, activation):
    """A = g(W A_prev + b) with g "sigmoid" or "relu"; cache = (linear_cache, activation_cache)."""
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        A, activation_cache = relu(Z)
    else:
        raise ValueError(f'activation should be "sigmoid" or "relu", not {activation!r}')
    return A, (linear_cache, activation_cache)


def L_model_forward(X, parameters):
    """[LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID; returns AL and the list of caches."""
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


def compute_cost(AL, Y):
    """The cross-entropy cost, a number."""
    m = Y.shape[1]
    cost = -1 / m * np.sum(np.multiply(Y, np.log(AL)) + np.multiply(1 - Y, np.log(1 - AL)))
    return float(np.squeeze(cost))


def linear_backward(dZ, cache):
    """dA_prev, dW, db from dZ and the linear cache (A_prev, W, b)."""
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    """dA_prev, dW, db of a LINEAR -> ACTIVATION layer."""
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    else:
        raise ValueError(f'activation should be "relu" or "sigmoid", not {activation!r}')
    return linear_backward(dZ, linear_cache)


def L_model_backward(AL, Y, caches):
    """The gradients dA{l}, dW{l+1}, db{l+1} of the whole network."""
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads


def update_parameters(params, grads, learning_rate):
    """
    One step of gradient descent; returns new parameters and leaves params unchanged.

    grads must hold "dW1", "db1", ..., "dWL", "dbL": a "d" in front of each key of params.
    """
    parameters = params.copy()
    for l in range(len(parameters) // 2):
        parameters["W" + str(l + 1)] = params["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = params["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
    return parameters


def predict(X, parameters):
    """0/1 predictions of an L-layer network (a two-layer one included), shape (1, m)."""
    AL, _ = L_model_forward(X, parameters)
    return (AL > 0.5).astype(int)
