"""Datasets of the assignments, generated deterministically (nothing is downloaded)."""
import numpy as np
from sklearn.datasets import make_blobs

# The four cluster centres of assignment 1.
BLOB_CENTERS = ([2.5, 3], [6.7, 7.9], [2.1, 7.9], [7.4, 2.8])


def load_blobs(m=2000):
    """
    The dataset of assignment 1: four Gaussian clusters, two per class, placed so
    that no straight line separates the classes (an XOR-like layout).

    Arguments:
    m -- number of examples

    Returns:
    X -- float array of shape (2, m), one example per column
    Y -- integer labels of shape (1, m): 1 (red) for the clusters at (2.5, 3) and
         (6.7, 7.9), 0 (blue) for the two others
    """
    samples, labels = make_blobs(n_samples=m, centers=BLOB_CENTERS,
                                 cluster_std=1.1, random_state=0)
    labels[(labels == 0) | (labels == 1)] = 1
    labels[(labels == 2) | (labels == 3)] = 0
    X = np.transpose(samples)
    Y = labels.reshape((1, m))
    return X, Y


def load_other_blobs(m=2000):
    """
    The optional dataset of assignment 1: the same four clusters, but only the
    cluster at (2.5, 3) is labelled 0; the other three are labelled 1.

    Arguments:
    m -- number of examples

    Returns:
    X -- float array of shape (2, m)
    Y -- integer labels of shape (1, m)
    """
    samples, labels = make_blobs(n_samples=m, centers=BLOB_CENTERS,
                                 cluster_std=1.1, random_state=0)
    labels[(labels == 2) | (labels == 3)] = 1
    X = np.transpose(samples)
    Y = labels.reshape((1, m))
    return X, Y
