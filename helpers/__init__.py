"""Course utilities for *Neural Networks from Scratch*.

Modules
-------
checks        student-facing checking functions used by the test cells
dnn_utils     the activation functions (and their backward versions) handed to students
datasets      the datasets of the assignments, generated deterministically
planar_utils  the planar datasets of assignment 2
plotting      the figures of the assignments
testCases     the inputs of the worked examples and other test cases, and their expected outputs
public_tests  the visible test of each graded function
images        the student's own digit of assignment 4, turned into 8x8 pixels

The grading code is not part of what students install (`make student-bundle`).

Importing this package has no side effects: no seeding, no rcParams, no I/O.
"""
