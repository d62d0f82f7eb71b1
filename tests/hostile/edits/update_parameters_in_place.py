# GRADED FUNCTION: update_parameters
"""Replaces the solution of update_parameters: the right values, but the caller's arrays changed in place."""


def update_parameters(parameters, grads, learning_rate=1.2):
    for key in ("W1", "b1", "W2", "b2"):
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters
