"""Course utilities for *Neural Networks from Scratch*.

Modules
-------
checks        student-facing checking functions used by the test cells
dnn_utils     the activation functions (and their backward versions) handed to students
datasets      the datasets of the assignments, generated deterministically
plotting      the figures of the assignments
testCases     test-case inputs and the reference outputs the documents print
public_tests  the visible test of each graded function
grading       the robust autograding driver used by instructors
preprocessors an nbgrader preprocessor that caps the size of outputs

Importing this package has no side effects: no seeding, no rcParams, no I/O.
"""
