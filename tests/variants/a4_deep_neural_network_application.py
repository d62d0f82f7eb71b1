"""Versions of the graded functions of assignment 4 (see tests/variants/__init__.py)."""

TWO_LAYER_HEAD = (
    "def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):\n"
    "    np.random.seed(1)\n"
    "    costs = []\n"
    "    parameters = initialize_parameters(*layers_dims)\n")
TWO_LAYER_STEP = (
    "        A1, c1 = linear_activation_forward(X, parameters['W1'], parameters['b1'], 'relu')\n"
    "        A2, c2 = linear_activation_forward(A1, parameters['W2'], parameters['b2'], 'sigmoid')\n"
    "        cost = compute_cost(A2, Y)\n"
    "        dA1, dW2, db2 = linear_activation_backward(-(Y / A2 - (1 - Y) / (1 - A2)), c2, 'sigmoid')\n"
    "        _, dW1, db1 = linear_activation_backward(dA1, c1, 'relu')\n"
    "        parameters = update_parameters(parameters, {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2},\n"
    "                                       learning_rate)\n")
L_HEAD = (
    "def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):\n"
    "    np.random.seed(1)\n"
    "    costs = []\n"
    "    parameters = initialize_parameters_deep(layers_dims)\n")
L_STEP = (
    "        AL, caches = L_model_forward(X, parameters)\n"
    "        cost = compute_cost(AL, Y)\n"
    "        parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), learning_rate)\n")
RECORD = (
    "        if i % 100 == 0 or i == num_iterations - 1:\n"
    "            costs.append(cost)\n"
    "            if print_cost:\n"
    "                print('Cost after iteration {}: {}'.format(i, cost))\n")
# Prints the last cost even when print_cost is False (operator precedence), and never records
# the last cost (i never reaches num_iterations).
PRECEDENCE_AND_DEAD_BRANCH = (
    "        if print_cost and i % 100 == 0 or i == num_iterations - 1:\n"
    "            print('Cost after iteration {}: {}'.format(i, cost))\n"
    "        if i % 100 == 0 or i == num_iterations:\n"
    "            costs.append(cost)\n")
# Prints the last cost even when print_cost is False, and records the right costs.
PRECEDENCE_ONLY = (
    "        if print_cost and i % 100 == 0 or i == num_iterations - 1:\n"
    "            print('Cost after iteration {}: {}'.format(i, cost))\n"
    "        if i % 100 == 0 or i == num_iterations - 1:\n"
    "            costs.append(cost)\n")
EVERY_COST = "        costs.append(cost)\n"
NO_LAST_COST = "        if i % 100 == 0:\n            costs.append(cost)\n"
RETURN = "    return parameters, costs"


def model(head, step, record=RECORD, loop="    for i in range(num_iterations):\n", end=RETURN):
    return head + loop + step + record + end


def two_layer(step=TWO_LAYER_STEP, **kwargs):
    return model(TWO_LAYER_HEAD, step, **kwargs)


def L_layer(step=L_STEP, **kwargs):
    return model(L_HEAD, step, **kwargs)


# ---------------------------------------------------------------------------------------------
# Correct versions, written differently from the instructor's solution.

CORRECT = {
    "two_layer_model_tests": {
        "dictionary of caches": (
            "def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):\n"
            "    np.random.seed(1)\n"
            "    costs, parameters = [], initialize_parameters(*layers_dims)\n"
            "    for i in range(num_iterations):\n"
            "        A1, c1 = linear_activation_forward(X, parameters['W1'], parameters['b1'], 'relu')\n"
            "        A2, c2 = linear_activation_forward(A1, parameters['W2'], parameters['b2'], 'sigmoid')\n"
            "        cost = compute_cost(A2, Y)\n"
            "        dA1, dW2, db2 = linear_activation_backward(-(Y / A2 - (1 - Y) / (1 - A2)), c2, 'sigmoid')\n"
            "        _, dW1, db1 = linear_activation_backward(dA1, c1, 'relu')\n"
            "        parameters = update_parameters(parameters, dict(dW1=dW1, db1=db1, dW2=dW2, db2=db2), learning_rate)\n"
            "        if print_cost and (i % 100 == 0 or i == num_iterations - 1):\n"
            "            print('Cost after iteration %d: %s' % (i, cost))\n"
            "        if i % 100 == 0 or i == num_iterations - 1:\n"
            "            costs.append(cost)\n"
            "    return parameters, costs"),
        "dA2 from one fraction": two_layer().replace("-(Y / A2 - (1 - Y) / (1 - A2))", "(A2 - Y) / (A2 * (1 - A2))"),
        "while loop": two_layer(loop="    i = -1\n    while i < num_iterations - 1:\n        i += 1\n"),
        # The costs are wrong, but that costs the costs cell only.
        "costs of every iteration": two_layer(record=EVERY_COST),
        # Printing keeps the points: the feedback carries a note.
        "prints the last cost although print_cost=False": two_layer(record=PRECEDENCE_ONLY),
    },
    "two_layer_model_costs_tests": {
        "dictionary of caches": (
            "def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):\n"
            "    np.random.seed(1)\n"
            "    n_x, n_h, n_y = layers_dims\n"
            "    costs, parameters = [], initialize_parameters(n_x, n_h, n_y)\n"
            "    for i in range(num_iterations):\n"
            + TWO_LAYER_STEP +
            "        if i % 100 == 0 or i + 1 == num_iterations:\n"
            "            costs.append(np.squeeze(cost))\n"
            "    return parameters, costs"),
        "costs as a tuple of 1x1 arrays": two_layer(record=RECORD.replace("costs.append(cost)",
                                                                          "costs.append(np.array([[cost]]))"),
                                                    end="    return parameters, tuple(costs)"),
        "prints the last cost although print_cost=False": two_layer(record=PRECEDENCE_ONLY),
    },
    "L_layer_model_tests": {
        "print inside the recording branch": L_layer(),
        "grads named": L_layer().replace(
            "        parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), learning_rate)\n",
            "        grads = L_model_backward(AL, Y, caches)\n"
            "        parameters = update_parameters(parameters, grads, learning_rate=learning_rate)\n"),
        # Prints by operator precedence and loses the last cost: the parameters are right all the same.
        "precedence and a dead branch": L_layer(record=PRECEDENCE_AND_DEAD_BRANCH),
        "costs of every iteration": L_layer(record=EVERY_COST),
    },
    "L_layer_model_costs_tests": {
        "print inside the recording branch": L_layer(),
        "recorded before the update": L_layer(step=(
            "        AL, caches = L_model_forward(X, parameters)\n"
            "        cost = compute_cost(AL, Y)\n"
            "        if i % 100 == 0 or i == num_iterations - 1:\n"
            "            costs.append(cost)\n"
            "        parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), learning_rate)\n"),
            record=""),
        # Printing keeps the points: the feedback carries a note.
        "prints every cost": L_layer(record=RECORD + "        print(i, cost)\n"),
        "prints the last cost although print_cost=False": L_layer(record=PRECEDENCE_ONLY),
    },
}

# ---------------------------------------------------------------------------------------------
# Wrong versions, and words the failure message must contain.

WRONG = {
    "two_layer_model_tests": {
        "learning rate ignored": (two_layer().replace("                                       learning_rate)",
                                                      "                                       0.0075)"),
                                  "pass learning_rate to update_parameters"),
        "activations swapped": (two_layer().replace("'relu')\n        A2", "'sigmoid')\n        A2")
                                .replace("c2, 'sigmoid')", "c2, 'relu')").replace("c1, 'relu')", "c1, 'sigmoid')")
                                .replace("parameters['b2'], 'sigmoid'", "parameters['b2'], 'relu'"),
                                "has wrong values"),
        "grads without the d": (two_layer().replace("{'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}",
                                                    "{'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}"),
                                "KeyError: 'dW1'"),
        "one iteration short": (two_layer(loop="    for i in range(1, num_iterations):\n"),
                                "Train for exactly num_iterations=250 iterations"),
        "hidden size fixed": (two_layer().replace("initialize_parameters(*layers_dims)",
                                                  "initialize_parameters(layers_dims[0], 7, 1)"),
                              "has shape (7, 5) but should have shape (3, 5). layers_dims gives the shapes"),
        "parameters only": (two_layer(end="    return parameters"), "Return the pair parameters, costs"),
    },
    "two_layer_model_costs_tests": {
        "costs of every iteration": (two_layer(record=EVERY_COST), "recorded the cost of every iteration"),
        "last cost missing": (two_layer(record=NO_LAST_COST), "The cost of the last iteration, 1, is missing"),
        "costs after the update": (two_layer(record=RECORD.replace(
            "costs.append(cost)", "costs.append(compute_cost(linear_activation_forward(linear_activation_forward("
                                  "X, parameters['W1'], parameters['b1'], 'relu')[0], parameters['W2'], "
                                  "parameters['b2'], 'sigmoid')[0], Y))")), "before the update"),
        "the last cost twice": (two_layer(record=RECORD.replace(
            "        if i % 100 == 0 or i == num_iterations - 1:\n            costs.append(cost)\n",
            "        if i % 100 == 0:\n            costs.append(cost)\n"
            "        if i == num_iterations - 1:\n            costs.append(cost)\n")),
            "every 100th from 0, and the last, once"),
        "costs as a 1-d array of arrays": (two_layer(record=RECORD.replace("costs.append(cost)",
                                                                           "costs.append(np.array([cost, cost]))")),
                                           "should be one number"),
    },
    "L_layer_model_tests": {
        "learning rate ignored": (L_layer().replace("caches), learning_rate)", "caches), 0.0075)"),
                                  "pass learning_rate to update_parameters"),
        "fixed architecture": (L_layer().replace("initialize_parameters_deep(layers_dims)",
                                                 "initialize_parameters_deep([5, 4, 3, 1])"),
                               "has shape (4, 5) but should have shape (6, 5). layers_dims gives the shapes"),
        "no update": (L_layer().replace("parameters = update_parameters(", "new_parameters = update_parameters("),
                      "Train for exactly num_iterations=250 iterations"),
        "two-layer initialisation": (L_layer().replace("initialize_parameters_deep(layers_dims)",
                                                       "initialize_parameters(*layers_dims)"),
                                     "start from initialize_parameters_deep(layers_dims)"),
    },
    "L_layer_model_costs_tests": {
        "precedence and a dead branch": (L_layer(record=PRECEDENCE_AND_DEAD_BRANCH),
                                         "The cost of the last iteration, 1, is missing"),
        "costs of every iteration": (L_layer(record=EVERY_COST), "recorded the cost of every iteration"),
        "last cost missing": (L_layer(record=NO_LAST_COST), "is missing: in range(num_iterations) the last i"),
        "costs not returned": (L_layer(end="    return parameters, []"), "returned 0 costs"),
    },
}

# ---------------------------------------------------------------------------------------------
# The usual mistakes, as students make them, and words the visible test's message must contain:
# the test cell warns about each before the grader does.

MISTAKES = {
    "two_layer_model_tests": {
        "learning rate of the worked example": (
            two_layer().replace("                                       learning_rate)",
                                "                                       0.1)"),
            "with learning_rate=0.05: use the arguments"),
        "dA2 with the wrong sign": (two_layer().replace("-(Y / A2 - (1 - Y) / (1 - A2))",
                                                        "Y / A2 - (1 - Y) / (1 - A2)"),
                                    '["W2"] of two_layer_model(X, Y, (5, 4, 1), learning_rate=0.1, num_iterations=250) '
                                    "holds nan or inf values"),
        "learning rate left out": (two_layer().replace(",\n                                       learning_rate)", ")"),
                                   "pass learning_rate to update_parameters"),
        "initialised in every iteration": (two_layer(loop="    for i in range(num_iterations):\n"
                                                          "        parameters = initialize_parameters(*layers_dims)\n"),
                                           "has wrong values"),
        "the deep initialiser": (two_layer().replace("initialize_parameters(*layers_dims)",
                                                     "initialize_parameters_deep(layers_dims)"),
                                 "has wrong values"),
    },
    "two_layer_model_costs_tests": {
        "iteration numbers recorded": (two_layer(record=RECORD.replace("costs.append(cost)", "costs.append(i)")),
                                       "has wrong values"),
        "every 100th from 1": (two_layer(record=RECORD.replace("i % 100 == 0", "i % 100 == 1")), "has wrong values"),
    },
    "L_layer_model_tests": {
        "learning rate left out": (L_layer().replace("caches), learning_rate)", "caches))"),
                                   "pass learning_rate to update_parameters"),
        "AL and Y swapped": (L_layer().replace("L_model_backward(AL, Y, caches)", "L_model_backward(Y, AL, caches)"),
                             "holds nan or inf values"),
        "costs first": (L_layer(end="    return costs, parameters"), "the parameters of L_layer_model"),
    },
    "L_layer_model_costs_tests": {
        "costs after the update": (L_layer(step=L_STEP.replace(
            "        parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), learning_rate)\n",
            "        parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), learning_rate)\n"
            "        cost = compute_cost(L_model_forward(X, parameters)[0], Y)\n")), "before the update"),
    },
}

# Wrong versions of the grader's table that are usual mistakes too, and words of the visible test's message.
for test_id, name, words in (
        ("two_layer_model_tests", "grads without the d", "build grads with the keys of parameters with a d in front"),
        ("two_layer_model_tests", "hidden size fixed", "initialise from layers_dims, not from fixed sizes"),
        ("two_layer_model_tests", "parameters only", "Return the pair parameters, costs"),
        ("two_layer_model_costs_tests", "costs of every iteration", "It recorded the cost of every iteration"),
        ("two_layer_model_costs_tests", "last cost missing", "The cost of the last iteration, 249, is missing"),
        ("two_layer_model_costs_tests", "the last cost twice", "returned 3 costs but should return 2"),
        ("L_layer_model_tests", "fixed architecture", "initialise from layers_dims, not from fixed sizes"),
        ("L_layer_model_tests", "two-layer initialisation", "with initialize_parameters_deep(layers_dims)"),
        ("L_layer_model_tests", "no update", "has wrong values"),
        ("L_layer_model_costs_tests", "precedence and a dead branch", "The cost of the last iteration, 249"),
        ("L_layer_model_costs_tests", "costs of every iteration", "It recorded the cost of every iteration"),
        ("L_layer_model_costs_tests", "costs not returned", "returned 0 costs but should return 4")):
    MISTAKES[test_id][name] = (WRONG[test_id][name][0], words)

# Versions fitted to the worked example (its learning rate, its number of iterations, its layers): the
# visible test's second run, with other layers, learning rate and length, catches them.
HARD_CODED = {
    "two_layer_model_tests": {"the example's 250 iterations": two_layer(loop="    for i in range(250):\n")},
    "L_layer_model_tests": {"the example's 250 iterations": L_layer(loop="    for i in range(250):\n"),
                            "the example's learning rate": L_layer().replace("caches), learning_rate)",
                                                                             "caches), 0.1)")},
    "L_layer_model_costs_tests": {"the example's last iteration": L_layer(record=RECORD.replace(
        "i == num_iterations - 1", "i == 249"))},
}
