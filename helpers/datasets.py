"""
Datasets of the assignments, generated deterministically (nothing is downloaded).

scikit-learn and h5py are imported by the functions that use them: importing
scikit-learn takes seconds, and the other functions do not need it.
"""
import numpy as np

# The four cluster centres of assignment 1.
BLOB_CENTERS = ([2.5, 3], [6.7, 7.9], [2.1, 7.9], [7.4, 2.8])


def _clusters(m):
    """m points of the four clusters of assignment 1, one per column, and the index of each one's cluster."""
    from sklearn.datasets import make_blobs

    samples, clusters = make_blobs(n_samples=m, centers=BLOB_CENTERS, cluster_std=1.1, random_state=0)
    return np.transpose(samples), clusters


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
    X, clusters = _clusters(m)
    Y = np.isin(clusters, (0, 1)).astype(np.int64).reshape((1, m))
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
    X, clusters = _clusters(m)
    Y = (clusters != 0).astype(np.int64).reshape((1, m))
    return X, Y


# The binary task of assignment 4: is a handwritten digit an eight?
DIGIT = 8
DIGIT_CLASSES = (b"not eight", b"eight")


def write_digits_h5(directory, seed=0):
    """
    Writes the dataset of assignment 4 as train_digits.h5 and test_digits.h5, in the
    layout of the original course's cat/non-cat files: train_set_x (m, 8, 8) uint8
    images with pixel values 0 (paper) to 16 (ink), train_set_y (m,) labels (1 for an
    eight, 0 for any other digit), list_classes; the same with test_ for the test set.

    The images are scikit-learn's bundled handwritten digits (1797 of them, 8x8),
    split 70 % / 30 % with a fixed seed, stratified by label; the files are the same
    at every call (no timestamps are stored).

    Returns:
    the paths of the two files
    """
    import pathlib

    import h5py
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    images = digits.images.astype(np.uint8)
    labels = (digits.target == DIGIT).astype(np.uint8)
    train_x, test_x, train_y, test_y = train_test_split(images, labels, test_size=0.3, random_state=seed,
                                                        stratify=labels)
    directory = pathlib.Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for split, x, y in (("train", train_x, train_y), ("test", test_x, test_y)):
        path = directory / f"{split}_digits.h5"
        with h5py.File(path, "w", track_order=False) as f:
            f.create_dataset(f"{split}_set_x", data=x, track_times=False)
            f.create_dataset(f"{split}_set_y", data=y, track_times=False)
            f.create_dataset("list_classes", data=np.array(DIGIT_CLASSES), track_times=False)
        paths.append(path)
    return paths


def load_data(directory="datasets"):
    """
    Reads the dataset of assignment 4 from directory/train_digits.h5 and test_digits.h5.

    Returns:
    train_x_orig -- training images, (m_train, 8, 8), values 0 to 16
    train_y -- training labels, (1, m_train)
    test_x_orig -- test images, (m_test, 8, 8)
    test_y -- test labels, (1, m_test)
    classes -- the names of the classes, as bytes: [b'not eight', b'eight']
    """
    import pathlib

    import h5py

    directory = pathlib.Path(directory)
    with h5py.File(directory / "train_digits.h5", "r") as train:
        train_x_orig = np.array(train["train_set_x"][:])
        train_y = np.array(train["train_set_y"][:]).astype(np.int64)
    with h5py.File(directory / "test_digits.h5", "r") as test:
        test_x_orig = np.array(test["test_set_x"][:])
        test_y = np.array(test["test_set_y"][:]).astype(np.int64)
        classes = np.array(test["list_classes"][:])
    return train_x_orig, train_y.reshape(1, -1), test_x_orig, test_y.reshape(1, -1), classes
