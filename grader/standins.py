"""
Stand-ins for the graded functions that composite functions call.

A composite function (nn_model, predict, L_model_forward, ...) is graded with
these in place of the student's own functions, so that a mistake in one of
those costs that exercise only. They are deliberately NOT the right functions:
each is a different, deterministic function of all its inputs, of the right
shapes, so that the composite's result tells exactly whether it called each one
with the right arguments, in the right order, and used what it returned. The
grader computes the expected result with the instructor's composite calling the
same stand-ins. Their defaults differ from the real ones, so that a composite
that leaves out an argument it was given (learning_rate, say) is caught.

This file runs both in the grader and, at grading time, in the student's kernel;
it needs NumPy only.
"""
import numpy as np


def _squash(z):
    return 0.05 + 0.9 / (1 + np.exp(-z))


# -- networks with one hidden layer (assignments 1 and 2) ---------------------------------------

def layer_sizes(X, Y):
    return (X.shape[0], 7, Y.shape[0])


def initialize_parameters(n_x, n_h, n_y):
    # Draws from NumPy's global generator, as the real one does, so that seeding is observable.
    return {"W1": np.random.uniform(-1, 1, size=(n_h, n_x)), "b1": np.random.uniform(-0.5, 0.5, size=(n_h, 1)),
            "W2": np.random.uniform(-1, 1, size=(n_y, n_h)), "b2": np.random.uniform(-0.5, 0.5, size=(n_y, 1))}


def forward_propagation(X, parameters):
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.cos(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2 = _squash(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def compute_cost(A2, Y):
    # Also stands in for assignment 3's compute_cost(AL, Y).
    return float(np.mean((A2 - Y) ** 2) + 0.25)


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    dZ2 = cache["A2"] - 0.8 * Y
    dZ1 = (parameters["W2"].T @ dZ2) * np.sin(cache["Z1"])
    return {"dW1": dZ1 @ X.T / m + 0.01, "db1": dZ1.sum(axis=1, keepdims=True) / (2 * m),
            "dW2": dZ2 @ cache["A1"].T / m - 0.01, "db2": dZ2.sum(axis=1, keepdims=True) / (3 * m)}


def update_parameters(parameters, grads, learning_rate=0.321):
    # Works for any number of layers (assignment 3's update_parameters too).
    return {key: value - learning_rate * (0.5 * grads["d" + key] + 0.01) for key, value in parameters.items()}


# -- deep networks (assignment 3) ----------------------------------------------------------------

def linear_forward(A, W, b):
    Z = W @ A + 2 * b + 0.1
    return Z, (A, W, b)


def linear_activation_forward(A_prev, W, b, activation):
    Z = W @ A_prev + b
    if activation == "relu":
        A = np.tanh(Z) + 0.2
    elif activation == "sigmoid":
        A = _squash(1.5 * Z)
    else:
        raise ValueError(f"activation should be 'relu' or 'sigmoid', not {activation!r}")
    return A, ((A_prev, W, b), Z)


def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ + 0.05, 0.7 * (dZ @ A_prev.T) / m, 0.3 * dZ.sum(axis=1, keepdims=True) / m


def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "relu":
        dZ = dA * np.cos(Z)
    elif activation == "sigmoid":
        dZ = 0.5 * dA - 0.1 * Z
    else:
        raise ValueError(f"activation should be 'relu' or 'sigmoid', not {activation!r}")
    m = A_prev.shape[1]
    return W.T @ dZ - 0.05, 0.9 * (dZ @ A_prev.T) / m, dZ.sum(axis=1, keepdims=True) / (2 * m)
