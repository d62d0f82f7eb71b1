"""
Versions of the graded functions, one module per assignment: ``CORRECT`` maps a
test cell to versions written differently from the instructor's solution, which
must get full marks and pass the visible test; ``WRONG`` maps it to wrong or
hard-coded versions, each with words that the grader's message must contain;
``MISTAKES`` to the usual mistakes students make, each with words that the visible
test's message must contain; ``HARD_CODED`` to versions fitted to the worked
example. tests/test_graded_cases.py runs the first two through the grader,
tests/variants/test_visible_tests.py all four through the visible tests.
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


# -- the functions of a network with one hidden layer (assignments 1 and 2), written as a student writes
# them, each part replaceable: a mistake is the right function with one part changed.

def initialize(W1="np.random.randn(n_h, n_x) * 0.01", b1="np.zeros((n_h, 1))", W2="np.random.randn(n_y, n_h) * 0.01",
               b2="np.zeros((n_y, 1))", first="", keys=("W1", "b1", "W2", "b2")):
    return ("def initialize_parameters(n_x, n_h, n_y):\n" + first +
            f"    W1 = {W1}\n    b1 = {b1}\n    W2 = {W2}\n    b2 = {b2}\n"
            f"    return {{'{keys[0]}': W1, '{keys[1]}': b1, '{keys[2]}': W2, '{keys[3]}': b2}}")


def forward(hidden, Z1="np.dot(W1, X) + b1", A1=None, Z2="np.dot(W2, A1) + b2", A2="1 / (1 + np.exp(-Z2))",
            check="", cache="{'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}", result="A2, cache"):
    return ("def forward_propagation(X, parameters):\n"
            "    W1, b1 = parameters['W1'], parameters['b1']\n"
            "    W2, b2 = parameters['W2'], parameters['b2']\n"
            f"    Z1 = {Z1}\n    A1 = {A1 or hidden}\n    Z2 = {Z2}\n    A2 = {A2}\n" + check +
            f"    cache = {cache}\n"
            f"    return {result}")


def cost(m="Y.shape[1]", logprobs="Y * np.log(A2) + (1 - Y) * np.log(1 - A2)", total="-np.sum(logprobs) / m"):
    return (f"def compute_cost(A2, Y):\n    m = {m}\n    logprobs = {logprobs}\n"
            f"    return float({total})")


def backward(derivative, m="X.shape[1]", dZ2="A2 - Y", dW2="np.dot(dZ2, A1.T) / m",
             db2="np.sum(dZ2, axis=1, keepdims=True) / m", dZ1=None, dW1="np.dot(dZ1, X.T) / m",
             db1="np.sum(dZ1, axis=1, keepdims=True) / m", first=""):
    return ("def backward_propagation(parameters, cache, X, Y):\n"
            f"    m = {m}\n    W2 = parameters['W2']\n    A1, A2 = cache['A1'], cache['A2']\n" + first +
            f"    dZ2 = {dZ2}\n    dW2 = {dW2}\n    db2 = {db2}\n"
            f"    dZ1 = {dZ1 or 'np.dot(W2.T, dZ2) * ' + derivative}\n    dW1 = {dW1}\n    db1 = {db1}\n"
            "    return {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}")


def update(default, signature=None, W="parameters[k] - learning_rate * grads['d' + k]", body=None):
    return (f"def update_parameters({signature or f'parameters, grads, learning_rate={default}'}):\n"
            + (body or f"    return {{k: {W} for k in ('W1', 'b1', 'W2', 'b2')}}"))


def train(defaults, init="initialize_parameters(n_x, n_h, n_y)", loop="for i in range(num_iterations):",
          forward="forward_propagation(X, parameters)", cost="compute_cost(A2, Y)",
          backward="backward_propagation(parameters, cache, X, Y)",
          update="update_parameters(parameters, grads, learning_rate)", assign="parameters", inside="",
          result="parameters"):
    return (f"def nn_model(X, Y, n_h, {defaults}, print_cost=False):\n"
            "    n_x, _, n_y = layer_sizes(X, Y)\n"
            f"    parameters = {init}\n"
            f"    {loop}\n" + inside +
            f"        A2, cache = {forward}\n        cost = {cost}\n        grads = {backward}\n"
            f"        {assign} = {update}\n"
            "        if print_cost:\n            print('Cost after iteration %i: %f' % (i, cost))\n"
            f"    return {result}")


def predict(signature="X, parameters", forward="forward_propagation(X, parameters)", threshold="A2 > 0.5"):
    return f"def predict({signature}):\n    A2, cache = {forward}\n    return {threshold}"


def training_mistakes(defaults):
    """The usual mistakes in the loop of nn_model (assignments 1 and 2), with words of the visible test's message."""
    return {
        "initialises in every iteration": (
            train(defaults, inside="        parameters = initialize_parameters(n_x, n_h, n_y)\n"),
            "call it once, before the loop"),
        "hidden size from layer_sizes": (train(defaults, init="initialize_parameters(*layer_sizes(X, Y))"),
                                         "n_h is the argument of nn_model"),
        "learning rate left at its default": (train(defaults, update="update_parameters(parameters, grads)"),
                                              "but did not pass it on"),
        "updated parameters dropped": (train(defaults, assign="new_parameters"),
                                       "Pass the parameters that update_parameters returned last"),
    }
