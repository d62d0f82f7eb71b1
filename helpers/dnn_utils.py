"""Activation functions and their backward versions, as the course hands them to students.

The forward functions take ``Z``, of any shape, and return ``(A, cache)``: the
activation, of the shape of ``Z``, and the cache that the matching backward
function needs, which is ``Z`` itself. The backward functions take
``(dA, cache)``, where ``dA`` is the gradient of the cost with respect to ``A``,
and return ``dZ``, the gradient of the cost with respect to ``Z``.
"""
import numpy as np


def sigmoid(Z):
    """The sigmoid activation, elementwise: returns A = 1 / (1 + exp(-Z)) and the cache Z."""
    A = 1 / (1 + np.exp(-Z))
    cache = Z
    return A, cache


def relu(Z):
    """The ReLU activation, elementwise: returns A = max(0, Z) and the cache Z."""
    A = np.maximum(0, Z)
    cache = Z
    return A, cache


def sigmoid_backward(dA, cache):
    """The backward propagation of a sigmoid unit: dZ from dA and the cache Z that sigmoid returned."""
    Z = cache
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * s * (1 - s)
    return dZ


def relu_backward(dA, cache):
    """The backward propagation of a ReLU unit: dZ from dA and the cache Z that relu returned (dA is left as it is)."""
    Z = cache
    dZ = np.array(dA, copy=True)  # a new array, so that dA is left untouched
    dZ[Z <= 0] = 0
    return dZ
