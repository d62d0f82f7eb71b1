"""
Planar datasets of assignment 2 (planar data classification with one hidden layer).

Every dataset is generated from its own seeded random generator, so loading one
never touches NumPy's global random state and always gives the same data.
"""
import numpy as np


def load_planar_dataset(m=400, seed=2030):
    """
    The "flower": two classes of points along the petals of a rose curve r = 4 sin(4t).

    Arguments:
    m -- number of examples (half of them in each class)
    seed -- seed of the generator (2030 reproduces the course's dataset)

    Returns:
    X -- float array of shape (2, m), one example per column
    Y -- labels of shape (1, m): 0 (blue) or 1 (red), as int64. (Not uint8, where
         -Y wraps around to 255 and np.dot of two uint8 arrays adds up in uint8
         and overflows.)
    """
    rng = np.random.RandomState(seed)
    N = m // 2  # number of points per class
    X = np.zeros((m, 2))
    Y = np.zeros((m, 1), dtype=np.int64)
    a = 4  # maximum ray of the flower
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + rng.randn(N) * 0.2  # theta
        r = a * np.sin(4 * t) + rng.randn(N) * 0.2  # radius
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T, Y.T


def load_extra_datasets(N=200):
    """
    Four other planar datasets, each with a fixed seed: noisy circles, noisy moons,
    blobs (six clusters) and Gaussian quantiles.

    Returns:
    a dict name -> (X, Y) with X of shape (2, N) and int64 labels Y of shape (1, N);
    the six blob clusters are labelled by parity, giving two classes.
    """
    import sklearn.datasets  # imported here: it takes seconds, and the flower does not need it

    circles = sklearn.datasets.make_circles(n_samples=N, factor=.5, noise=.3, random_state=1)
    moons = sklearn.datasets.make_moons(n_samples=N, noise=.2, random_state=2)
    blobs = sklearn.datasets.make_blobs(n_samples=N, random_state=5, n_features=2, centers=6)
    quantiles = sklearn.datasets.make_gaussian_quantiles(mean=None, cov=0.5, n_samples=N, n_features=2,
                                                         n_classes=2, shuffle=True, random_state=3)
    datasets = {}
    for name, (samples, labels) in (("noisy_circles", circles), ("noisy_moons", moons),
                                    ("blobs", blobs), ("gaussian_quantiles", quantiles)):
        labels = labels % 2 if name == "blobs" else labels
        datasets[name] = (samples.T, labels.reshape(1, -1).astype(np.int64))
    return datasets
