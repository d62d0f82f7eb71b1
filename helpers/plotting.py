"""Figures of the assignments, drawn with matplotlib (no remote images)."""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib import colors

CLASS_COLORS = colors.ListedColormap(["blue", "red"])


def plot_xor_motivation():
    """
    Four points in two classes that no single line separates, and two lines that do
    it together.

    Returns:
    ax -- the matplotlib Axes of the figure
    """
    fig, ax = plt.subplots()
    xmin, xmax = -0.2, 1.4
    x_line = np.arange(xmin, xmax, 0.1)
    ax.scatter([0, 1], [0, 1], color="r")
    ax.scatter([0, 1], [1, 0], color="b")
    ax.set_xlim([xmin, xmax])
    ax.set_ylim([-0.1, 1.1])
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    # Two lines that, taken together, separate the classes.
    ax.plot(x_line, -1 * x_line + 1.5, color="black")
    ax.plot(x_line, -1 * x_line + 0.5, color="black")
    return ax


def draw_two_layer_network(n_x=2, n_h=2, hidden_activation="sigmoid"):
    """
    Draws a network with one hidden layer: an input layer of n_x nodes, a hidden
    layer of n_h units with the given activation, and one sigmoid output node.

    Returns:
    ax -- the matplotlib Axes of the figure
    """
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.set_axis_off()

    def column(x, n):
        ys = np.linspace(0.8, 0.2, n) if n > 1 else np.array([0.5])
        return [(x, y) for y in ys]

    inputs = column(0.1, n_x)
    hidden = column(0.45, n_h)
    output = column(0.8, 1)[0]
    for (x0, y0) in inputs:
        for (x1, y1) in hidden:
            ax.annotate("", xy=(x1 - 0.045, y1), xytext=(x0 + 0.04, y0),
                        arrowprops=dict(arrowstyle="->", color="gray"))
    for (x1, y1) in hidden:
        ax.annotate("", xy=(output[0] - 0.045, output[1]), xytext=(x1 + 0.045, y1),
                    arrowprops=dict(arrowstyle="->", color="gray"))
    ax.annotate("", xy=(0.97, 0.5), xytext=(output[0] + 0.045, 0.5),
                arrowprops=dict(arrowstyle="->", color="gray"))
    for i, (x, y) in enumerate(inputs, start=1):
        ax.add_patch(plt.Circle((x, y), 0.04, color="#9ecae1"))
        ax.text(x, y, f"$x_{i}$", ha="center", va="center", fontsize=13)
    for i, (x, y) in enumerate(hidden, start=1):
        ax.add_patch(plt.Circle((x, y), 0.045, color="#fdd0a2"))
        ax.text(x, y, f"$a^{{[1]}}_{i}$", ha="center", va="center", fontsize=12)
    ax.add_patch(plt.Circle(output, 0.045, color="#c7e9c0"))
    ax.text(*output, "$a^{[2]}$", ha="center", va="center", fontsize=12)
    ax.text(1.0, 0.5, r"$\hat{y}$", ha="left", va="center", fontsize=14)
    ax.text(0.1, 0.02, "input layer\n$n_x = %d$" % n_x, ha="center", fontsize=10)
    ax.text(0.45, 0.02, "hidden layer\n$n_h = %d$, %s" % (n_h, hidden_activation), ha="center", fontsize=10)
    ax.text(0.8, 0.02, "output layer\n$n_y = 1$, sigmoid", ha="center", fontsize=10)
    ax.text(0.275, 0.93, r"$W^{[1]}, b^{[1]}$", ha="center", fontsize=12)
    ax.text(0.625, 0.93, r"$W^{[2]}, b^{[2]}$", ha="center", fontsize=12)
    ax.set_xlim(0, 1.05)
    ax.set_ylim(0, 1)
    ax.set_aspect("equal")
    return ax


def plot_dataset(X, Y, ax=None):
    """Scatter plot of a two-feature dataset, coloured by label (0: blue, 1: red)."""
    ax = ax or plt.gca()
    ax.scatter(X[0, :], X[1, :], c=np.ravel(Y), cmap=CLASS_COLORS, s=12)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    return ax


def plot_decision_boundary(model, X, Y, ax=None):
    """
    Colours the plane by the class the model predicts, and draws the data on top
    (0: blue, 1: red, as plot_dataset does).

    Arguments:
    model -- function taking an array of shape (k, 2), one point per row, and returning the
             k predicted labels (0/1 or boolean, of any shape): e.g. lambda x: predict(x.T, parameters)
    X -- data of shape (2, m)
    Y -- labels of shape (1, m)

    Returns:
    ax -- the matplotlib Axes of the figure
    """
    ax = ax or plt.gca()
    xx, yy = np.meshgrid(np.linspace(X[0, :].min() - 1, X[0, :].max() + 1, 400),
                         np.linspace(X[1, :].min() - 1, X[1, :].max() + 1, 400))
    zz = np.asarray(model(np.c_[xx.ravel(), yy.ravel()]), dtype=float).reshape(xx.shape)
    ax.contourf(xx, yy, zz, cmap=plt.cm.Spectral.reversed())
    plot_dataset(X, Y, ax=ax)
    return ax


def plot_costs(costs, title="Cost during training", per=1):
    """
    Plots the costs of a training: a list of costs, one every ``per`` iterations, or a
    dict that maps a label to such a list (one curve each, with a legend).

    Returns:
    ax -- the matplotlib Axes of the figure
    """
    fig, ax = plt.subplots()
    curves = costs if isinstance(costs, dict) else {None: costs}
    for label, values in curves.items():
        ax.plot(np.arange(len(values)), np.array(values, dtype=float).reshape(len(values)), label=label)
    if isinstance(costs, dict):
        ax.legend()
    ax.set_xlabel({1: "iteration", 100: "iterations (per hundreds)"}.get(per, f"iterations (per {per})"))
    ax.set_ylabel("cost")
    ax.set_title(title)
    return ax


def draw_forward_backward(L=3):
    """
    The block diagram of an L-layer network: the forward pass (purple) runs
    [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID and stores a cache in each block;
    the backward pass (red) runs the blocks in reverse, using the caches.

    Returns:
    ax -- the matplotlib Axes of the figure
    """
    fig, ax = plt.subplots(figsize=(2.6 * (L + 1), 3.6))
    ax.set_axis_off()
    width, gap = 1.8, 0.8
    xs = [0.8 + i * (width + gap) for i in range(L)]
    for l, x in enumerate(xs, start=1):
        name = "LINEAR\n-> SIGMOID" if l == L else "LINEAR\n-> RELU"
        ax.add_patch(plt.Rectangle((x, 2.0), width, 1.0, color="#c9b3e6"))
        ax.text(x + width / 2, 2.5, f"layer {l}\n{name}", ha="center", va="center", fontsize=9)
        ax.add_patch(plt.Rectangle((x, 0.2), width, 1.0, color="#f4b6b6"))
        ax.text(x + width / 2, 0.7, f"layer {l}\nbackward", ha="center", va="center", fontsize=9)
        ax.annotate("", xy=(x + width / 2, 1.25), xytext=(x + width / 2, 1.95),
                    arrowprops=dict(arrowstyle="->", color="gray", linestyle="--"))
        ax.text(x + width / 2 + 0.08, 1.6, f"cache {l}", fontsize=8, color="gray")
    for l, x in enumerate(xs):
        left = "X" if l == 0 else f"$A^{{[{l}]}}$"
        ax.annotate("", xy=(x, 2.5), xytext=(x - gap, 2.5), arrowprops=dict(arrowstyle="->", color="#6a3d9a"))
        ax.text(x - gap / 2, 2.65, left, ha="center", fontsize=10)
        back = "" if l == 0 else f"$dA^{{[{l}]}}$"
        ax.annotate("", xy=(x - gap, 0.7), xytext=(x, 0.7), arrowprops=dict(arrowstyle="->", color="#e31a1c"))
        ax.text(x - gap / 2, 0.85, back, ha="center", fontsize=10)
    end = xs[-1] + width
    ax.annotate("", xy=(end + gap, 2.5), xytext=(end, 2.5), arrowprops=dict(arrowstyle="->", color="#6a3d9a"))
    ax.text(end + gap + 0.1, 2.45, r"$A^{[L]} = \hat{Y}$ -> cost", fontsize=10)
    ax.annotate("", xy=(end, 0.7), xytext=(end + gap, 0.7), arrowprops=dict(arrowstyle="->", color="#e31a1c"))
    ax.text(end + gap + 0.1, 0.65, "$dA^{[L]}$", fontsize=10)
    for l, x in enumerate(xs, start=1):
        ax.text(x + width / 2, -0.15, f"$dW^{{[{l}]}}, db^{{[{l}]}}$", ha="center", fontsize=9, color="#e31a1c")
    ax.set_xlim(0, end + gap + 2.2)
    ax.set_ylim(-0.4, 3.3)
    return ax


def show_images(images, titles, columns=8):
    """
    Shows small grayscale images (ink as high values) in a grid, each with its title.

    Arguments:
    images -- array of shape (k, height, width)
    titles -- k strings
    columns -- images per row

    Returns:
    fig -- the matplotlib Figure
    """
    k = max(len(images), 1)
    rows = (k + columns - 1) // columns
    fig, axes = plt.subplots(rows, columns, figsize=(1.6 * columns, 1.9 * rows), squeeze=False)
    for ax in axes.ravel():
        ax.set_axis_off()
    for ax, image, title in zip(axes.ravel(), images, titles):
        ax.imshow(image, cmap="gray_r", interpolation="nearest")
        ax.set_title(title, fontsize=8)
    return fig
