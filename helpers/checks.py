"""Checking functions used by the test cells.

Each check asserts one property and, when it fails, raises an ``AssertionError``
whose message names the variable, says what was expected and what was found,
and how to fix it when that is known. Checks run in the order type, shape,
values, and the first failure stops the test. Checks set ``__tracebackhide__``
so that IPython (and pytest) show the message without the checking code.
"""
import contextlib
import copy
import numbers
import warnings

import numpy as np


def fail(message):
    """Fails a test with a message for the student (kept short: IPython shows this frame)."""
    raise AssertionError(message)


@contextlib.contextmanager
def quiet():
    """Silences NumPy floating-point warnings, which nbgrader would count as a failure."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        yield


def _fmt(value, limit=200, precision=8):
    """A short printable form of a value, for messages."""
    if isinstance(value, np.ndarray):
        with np.printoptions(precision=precision, threshold=20, edgeitems=3):
            text = np.array2string(value, separator=", ")
    else:
        text = repr(value)
    return text if len(text) <= limit else text[:limit] + " ..."


def check_type(value, expected_type, name, hint=""):
    """Asserts that ``value`` is an instance of ``expected_type`` (a type or a tuple of types)."""
    __tracebackhide__ = True
    if not isinstance(value, expected_type):
        names = (expected_type,) if isinstance(expected_type, type) else expected_type
        wanted = " or ".join(t.__name__ for t in names)
        fail(
            f"{name} should be of type {wanted} but is of type {type(value).__name__}."
            + (f" {hint}" if hint else ""))


def check_array(value, name):
    """Asserts that ``value`` is a NumPy array."""
    __tracebackhide__ = True
    check_type(value, np.ndarray, name,
               "Build it with NumPy operations (np.dot, np.sum, ...), not Python lists.")


def check_shape(value, expected_shape, name, hint=""):
    """Asserts that the array ``value`` has shape ``expected_shape``."""
    __tracebackhide__ = True
    if isinstance(value, (numbers.Number, np.number)) and tuple(expected_shape):
        fail(f"{name} is a single number but should be an array of shape {tuple(expected_shape)}."
             + (f" {hint}" if hint else ""))
    check_array(value, name)
    if value.shape != tuple(expected_shape):
        fail(
            f"{name} has shape {value.shape} but should have shape {tuple(expected_shape)}."
            + (f" {hint}" if hint else ""))


def check_keys(mapping, expected_keys, name):
    """Asserts that the dictionary ``mapping`` holds every key of ``expected_keys``."""
    __tracebackhide__ = True
    check_type(mapping, dict, name)
    missing = [k for k in expected_keys if k not in mapping]
    if missing:
        fail(
            f"{name} is missing the key(s) {missing}; it has {sorted(mapping)} "
            f"and should have {list(expected_keys)}.")


def check_returns(result, names, call):
    """Asserts that ``result``, what ``call`` returned, is a tuple (or list) of as many values as ``names`` has."""
    __tracebackhide__ = True
    what = ", ".join(names)
    check_type(result, (tuple, list), f"the result of {call}",
               f"Return {'the pair ' if len(names) == 2 else ''}{what}.")
    if len(result) != len(names):
        fail(f"{call} should return {len(names)} values ({what}) but returned {len(result)}.")


def check_scalar(value, name, hint=""):
    """Asserts that ``value`` is one real number (a float, np.float64 or 0-d array), not an array of them."""
    __tracebackhide__ = True
    if isinstance(value, np.ndarray) and value.ndim > 0:
        fail(
            f"{name} should be a single number but is an array of shape {value.shape}."
            + (f" {hint}" if hint else " Use np.sum(...) or float(...) to turn it into a number."))
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.ndarray, np.number)):
        fail(f"{name} should be a number but is of type {type(value).__name__}.")


def check_close(got, expected, name, rtol=1e-7, atol=1e-12, hint=""):
    """
    Asserts that ``got`` equals ``expected`` within tolerances, elementwise.

    The message gives both values (abridged) and the largest absolute difference.
    """
    __tracebackhide__ = True
    if got is None:
        fail(f"{name} is None: the function returned None instead of numbers. Is its `return` statement missing?")
    got_a = np.asarray(got, dtype=float) if not isinstance(got, np.ndarray) else got
    exp_a = np.asarray(expected, dtype=float)
    if np.shape(got_a) != exp_a.shape:
        fail(
            f"{name} has shape {np.shape(got_a)} but should have shape {exp_a.shape}."
            + (f" {hint}" if hint else ""))
    try:
        got_f = got_a.astype(float)
    except (TypeError, ValueError):
        got_f = None
    if got_f is None:
        fail(f"{name} should hold numbers but holds {got_a.dtype} values.")
    if not np.all(np.isfinite(got_f)) and np.all(np.isfinite(exp_a)):
        fail(f"{name} holds nan or inf values: {_fmt(got_f)}."
                             + (f" {hint}" if hint else ""))
    if not np.allclose(got_f, exp_a, rtol=rtol, atol=atol):
        diff = float(np.max(np.abs(got_f - exp_a)))
        # Enough digits to see the difference, however small it is.
        digits = 8 if diff >= 1e-7 else 16
        fail(
            f"{name} has wrong values.\n  expected: {_fmt(exp_a, precision=digits)}\n"
            f"  got:      {_fmt(got_f, precision=digits)}\n"
            f"  largest absolute difference: {diff:.3g}" + (f"\n  {hint}" if hint else ""))


def snapshot(value):
    """A deep copy of a value (arrays, dicts, lists), to be compared later with check_unchanged."""
    return copy.deepcopy(value)


def check_unchanged(before, after, name, hint=""):
    """Asserts that an input is the same after a call as the snapshot taken before it."""
    __tracebackhide__ = True
    def same(a, b):
        if isinstance(a, dict):
            return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
        if isinstance(a, (list, tuple)):
            return isinstance(b, (list, tuple)) and len(a) == len(b) and all(map(same, a, b))
        if isinstance(a, np.ndarray):
            return isinstance(b, np.ndarray) and a.shape == b.shape and np.array_equal(a, b)
        return a == b
    if not same(before, after):
        fail(
            f"The function changed its input {name}. Compute new arrays "
            f"(W1 = W1 - ...) instead of changing them in place (W1 -= ...), "
            f"and do not modify the dictionaries you are given." + (f" {hint}" if hint else ""))


# Exceptions that the usual slips raise, and what they mean (for ``explained``).
RANDN_DIMENSIONS = (TypeError, "'tuple' object cannot be interpreted as an integer",
                    "np.random.randn takes the dimensions as separate arguments: np.random.randn(a, b), "
                    "not np.random.randn((a, b)).")
ZEROS_SHAPE = (TypeError, "as a data type",
               "np.zeros takes the shape as one tuple: np.zeros((a, b)), not np.zeros(a, b).")
EXP_OF_ARRAYS = (TypeError, "converted to Python scalars",
                 "math.exp takes one number at a time: use np.exp, which works elementwise on arrays.")
DOT_OF_ROWS = (ValueError, "not aligned", "np.dot of two rows of shape (1, m) does not align: multiply elementwise "
                                          "and sum (np.sum(Y * np.log(...))), or transpose one of them.")


class explained:
    """
    A context that fails the test with a hint when the code run inside raises an exception that
    a hint explains. Each hint is (exception type, words of its message, what it most often means);
    the message names ``call`` and keeps the exception's own words, and the student's traceback is
    shown above it. Any other exception goes through unchanged.
    """

    def __init__(self, call, *hints):
        self.call, self.hints = call, hints

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        __tracebackhide__ = True
        for expected, words, hint in self.hints:
            if isinstance(error, expected) and words in str(error):
                raise AssertionError(f"{self.call} raised {kind.__name__}: {error}\n{hint}") from error
        return False


def check_predictions(got, expected, name):
    """Asserts that 0/1 or boolean predictions equal the expected ones."""
    __tracebackhide__ = True
    check_array(got, name)
    if got.shape != np.shape(expected):
        fail(f"{name} has shape {got.shape} but should have shape {np.shape(expected)}.")
    if got.dtype != bool and not np.all(np.isin(got, (0, 1))):
        fail(f"{name} should hold only 0/1 or True/False values but holds {_fmt(got)}.")
    wrong = int(np.sum(got.astype(bool) != np.asarray(expected, dtype=bool)))
    if wrong:
        fail(
            f"{name} has {wrong} wrong prediction(s) out of {got.size}.\n"
            f"  expected: {_fmt(np.asarray(expected, dtype=int))}\n  got:      {_fmt(got.astype(int))}")


def numerical_gradient(f, array, eps=1e-6):
    """
    Central finite-difference gradient of the scalar function ``f()`` with respect to
    ``array``, which ``f`` reads and which is perturbed in place and restored.
    """
    grad = np.zeros_like(array, dtype=float)
    it = np.nditer(array, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        old = array[i]
        array[i] = old + eps
        plus = f()
        array[i] = old - eps
        minus = f()
        array[i] = old
        grad[i] = (plus - minus) / (2 * eps)
    return grad


def relative_error(got, numerical, floor=1e-3):
    """
    The relative error ||g - n|| / max(||g|| + ||n||, floor) of a gradient ``got`` against its
    finite-difference estimate ``numerical``. The floor keeps the rounding error of finite
    differences (about 1e-10) from making gradients that are themselves tiny look wrong.
    """
    return float(np.linalg.norm(got - numerical) / max(np.linalg.norm(got) + np.linalg.norm(numerical), floor))


def check_gradients(grads, numerical, name, tol=1e-6, floor=1e-3):
    """
    Asserts that each analytic gradient agrees with its finite-difference estimate:
    the relative error (``relative_error``) must be below ``tol``.

    Arguments:
    grads -- dict of analytic gradients, e.g. {"dW1": ..., "db1": ...}
    numerical -- dict with the same keys holding finite-difference estimates
    name -- the function whose gradients are checked
    """
    __tracebackhide__ = True
    for key, num in numerical.items():
        got = grads[key]
        check_shape(got, num.shape, f'{name}: grads["{key}"]')
        rel = relative_error(got, num, floor)
        if not rel < tol:
            fail(
                f'{name}: grads["{key}"] disagrees with the finite-difference gradient '
                f"of the cost (relative error {rel:.2e}, should be below {tol:.0e}).\n"
                f"  finite differences: {_fmt(num)}\n  got:                {_fmt(got)}")


@contextlib.contextmanager
def substituted(function, **replacements):
    """
    Temporarily replaces names in the global namespace of ``function``, so that a test
    can check one function (nn_model, predict) independently of the others it calls.
    """
    namespace = function.__globals__
    missing = object()
    saved = {name: namespace.get(name, missing) for name in replacements}
    namespace.update(replacements)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is missing:
                namespace.pop(name, None)
            else:
                namespace[name] = value


def passed(name):
    """Reports that all tests of a function passed."""
    print(f"\033[92mAll tests passed for {name}.\033[0m")


@contextlib.contextmanager
def preserved_random_state():
    """Restores NumPy's global random state afterwards, so that a test leaves the notebook's seeded results alone."""
    state = np.random.get_state()
    try:
        yield
    finally:
        np.random.set_state(state)
