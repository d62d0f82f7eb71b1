"""
Versions of the graded functions, one module per assignment: ``CORRECT`` maps a
test cell to versions written differently from the instructor's solution, which
must get full marks; ``WRONG`` maps it to wrong or hard-coded versions, each with
words that the grader's message must contain.
"""

# The training loop of nn_model (assignments 1 and 2) in versions that print the cost at every
# iteration, whatever print_cost says.
PRINTING_TRAINING_LOOP = (
    "    for i in range(num_iterations):\n"
    "        A2, cache = forward_propagation(X, parameters)\n"
    "        print('Cost after iteration %i: %f' % (i, compute_cost(A2, Y)))\n"
    "        parameters = update_parameters(parameters, backward_propagation(parameters, cache, X, Y),\n"
    "                                       learning_rate)\n"
    "    return parameters")
