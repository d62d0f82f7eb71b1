"""Follows the solution of sigmoid: the same results, and the stack of every call kept to print later."""
import traceback

stacks = []
solved_sigmoid = globals()["sigmoid"]  # the solution, which the cell above defines


def sigmoid(z):
    stacks.append("".join(traceback.format_stack()))
    return solved_sigmoid(z)
