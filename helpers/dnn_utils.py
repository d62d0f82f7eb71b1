"""Activation functions and their backward versions, as the course hands them to students.

The forward functions return ``(A, cache)`` where ``cache`` is what the matching
backward function needs; the backward functions take ``(dA, cache)`` and return
``dZ``, the gradient of the cost with respect to ``Z``.
"""
import numpy as np


def sigmoid(Z):
    """
    Implements the sigmoid activation in numpy.

    Arguments:
    Z -- numpy array of any shape

    Returns:
    A -- output of sigmoid(Z), same shape as Z
    cache -- returns Z as well, useful during backpropagation
    """
    A = 1 / (1 + np.exp(-Z))
    cache = Z
    return A, cache


def relu(Z):
    """
    Implements the RELU function.

    Arguments:
    Z -- output of the linear layer, of any shape

    Returns:
    A -- post-activation parameter, of the same shape as Z
    cache -- returns Z as well, useful during backpropagation
    """
    A = np.maximum(0, Z)
    cache = Z
    return A, cache


def sigmoid_backward(dA, cache):
    """
    Implements the backward propagation for a single SIGMOID unit.

    Arguments:
    dA -- post-activation gradient, of any shape
    cache -- 'Z' stored during forward propagation

    Returns:
    dZ -- gradient of the cost with respect to Z
    """
    Z = cache
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * s * (1 - s)
    return dZ


def relu_backward(dA, cache):
    """
    Implements the backward propagation for a single RELU unit.

    Arguments:
    dA -- post-activation gradient, of any shape
    cache -- 'Z' stored during forward propagation

    Returns:
    dZ -- gradient of the cost with respect to Z
    """
    Z = cache
    dZ = np.array(dA, copy=True)  # a new array, so that dA is left untouched
    dZ[Z <= 0] = 0
    return dZ


def tanh_backward(dA, cache):
    """
    Implements the backward propagation for a single TANH unit.

    Arguments:
    dA -- post-activation gradient, of any shape
    cache -- 'A' stored during forward propagation

    Returns:
    dZ -- gradient of the cost with respect to Z
    """
    A = cache
    dZ = dA * (1 - np.power(A, 2))
    return dZ
