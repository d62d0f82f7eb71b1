"""
What the grader hands to the student's kernel: run the student's functions on
the grader's cases, and hand the results back as plain data.

At grading time the hidden part of each test cell is replaced by a call of
``hand_in`` with this module's source and the cell's cases (see
grader/preprocessors.py). It calls the student's function on each case and
publishes the results as a display output of MIME type ``MIME``: JSON, with
arrays as raw bytes, never pickle. Nothing here judges anything: the grader
decodes the results in its own process and compares them with the reference.
Student code can change what this hands out, but not what the grader expects.

The module uses only the standard library and NumPy, and is also imported by
the grader to decode results and to run the reference the same way.
"""
import base64
import contextlib
import hashlib
import io
import json
import signal
import warnings

import numpy as np

MIME = "application/vnd.nn-from-scratch.results+json"


class Opaque:
    """A value the kernel could not hand out as data: only its type name and a short repr."""

    def __init__(self, repr_text=""):
        self.repr_text = repr_text

    def __repr__(self):
        return self.repr_text


def encode(value, depth=0):
    """Plain JSON-able data for a value: arrays as bytes with dtype and shape, containers kept apart."""
    if depth > 20:
        return {"__opaque__": "deeply nested value", "repr": ""}
    if value is None or isinstance(value, (bool, str)):
        return value
    if type(value) is int:
        return value
    if type(value) is float:
        return {"__float__": repr(value)}
    if isinstance(value, np.ndarray):
        array = np.array(value, order="C")  # a plain, contiguous copy; 0-d stays 0-d
        if array.dtype.hasobject:
            return {"__objarray__": [encode(v, depth + 1) for v in array.ravel().tolist()],
                    "shape": list(array.shape)}
        return {"__ndarray__": base64.b64encode(array.tobytes()).decode("ascii"),
                "dtype": array.dtype.str, "shape": list(array.shape)}
    if isinstance(value, np.generic):
        return {"__npscalar__": base64.b64encode(np.asarray(value).tobytes()).decode("ascii"),
                "dtype": np.asarray(value).dtype.str}
    if type(value) is tuple:
        return {"__tuple__": [encode(v, depth + 1) for v in value]}
    if type(value) is list:
        return [encode(v, depth + 1) for v in value]
    if type(value) is dict and all(isinstance(k, str) for k in value):
        return {"__dict__": {k: encode(v, depth + 1) for k, v in value.items()}}
    try:
        text = repr(value)[:200]
    except Exception:  # a repr that raises is still a value of some type
        text = ""
    return {"__opaque__": type(value).__name__, "repr": text}


def decode(data):
    """The value that ``encode`` described; unknown objects become instances of a class named after their type."""
    if isinstance(data, list):
        return [decode(v) for v in data]
    if not isinstance(data, dict):
        return data
    if "__float__" in data:
        return float(data["__float__"])
    if "__ndarray__" in data:
        raw = base64.b64decode(data["__ndarray__"])
        return np.frombuffer(raw, dtype=np.dtype(data["dtype"])).reshape(tuple(data["shape"])).copy()
    if "__objarray__" in data:
        array = np.empty(len(data["__objarray__"]), dtype=object)
        array[:] = [decode(v) for v in data["__objarray__"]]
        return array.reshape(tuple(data["shape"]))
    if "__npscalar__" in data:
        raw = base64.b64decode(data["__npscalar__"])
        return np.frombuffer(raw, dtype=np.dtype(data["dtype"]))[0]
    if "__tuple__" in data:
        return tuple(decode(v) for v in data["__tuple__"])
    if "__dict__" in data:
        return {k: decode(v) for k, v in data["__dict__"].items()}
    if "__opaque__" in data:
        return type(str(data["__opaque__"]), (Opaque,), {})(data.get("repr", ""))
    raise ValueError(f"not an encoded value: {sorted(data)}")


def digest(value):
    """A fingerprint of a value's encoding, to tell whether a call changed its inputs."""
    return hashlib.sha256(json.dumps(encode(value), sort_keys=True).encode()).hexdigest()


@contextlib.contextmanager
def _substituted(namespace, replacements):
    """Names of a namespace replaced for a while (helpers.checks.substituted, which this code may not import)."""
    before = {name: namespace[name] for name in replacements if name in namespace}
    namespace.update(replacements)
    try:
        yield
    finally:
        for name in replacements:
            namespace.pop(name, None)
        namespace.update(before)


def run_case(namespace, case, standins):
    """
    Calls the function a case names, in ``namespace``, as the case says; returns the record
    the grader judges: what it returned (or raised), whether it changed its inputs, how
    much it printed.

    case -- dict: call (function name), args, kwargs (encoded), seed (np.random.seed before
            the call, or None), repeat (calls in a row), standins (names replaced by the
            stand-ins in ``standins``), again (call once more with the very same argument
            objects: a function that changed them gives another result, which the grader sees
            whatever the kernel claims about its inputs)
    """
    function = namespace.get(case["call"])
    if not callable(function):
        return {"error": f"NameError: {case['call']} is not defined (run its cell before the tests)"}
    args = decode(case["args"])
    kwargs = decode(case["kwargs"])
    before = digest((args, kwargs))
    printed = io.StringIO()
    replacements = {name: standins[name] for name in case.get("standins", ())}
    state = np.random.get_state()
    record = {}
    try:
        with _substituted(getattr(function, "__globals__", namespace), replacements), \
                contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed), \
                warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            for key in ("value", "again") if case.get("again") else ("value",):
                if case.get("seed") is not None:
                    np.random.seed(case["seed"])
                results = [function(*args, **kwargs) for _ in range(case.get("repeat", 1))]
                record[key] = encode(results[0] if case.get("repeat", 1) == 1 else results)
    except KeyboardInterrupt:
        record["error"] = "interrupted"
        record["interrupted"] = True
    except BaseException as error:  # SystemExit too: a graded function must return
        text = str(error).strip().splitlines()
        record["error"] = f"{type(error).__name__}: {text[0][:300]}" if text else type(error).__name__
    finally:
        np.random.set_state(state)
    record["changed_inputs"] = digest((args, kwargs)) != before
    record["printed"] = len(printed.getvalue())
    return record


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def hand_in(namespace, spec_json, publish=None, case_seconds=None):
    """
    Runs every case of one test cell and publishes the records (``publish(payload)``; by
    default as a display output of the cell). Stops at a keyboard interrupt (the time limit
    of the cell, or ``case_seconds`` for one case where given) and hands in what it has.
    """
    spec = json.loads(spec_json)
    standins = {}
    if spec.get("standins_source"):
        exec(compile(spec["standins_source"], "<stand-ins>", "exec"), standins)
    results = []
    previous = signal.signal(signal.SIGALRM, _interrupt) if case_seconds else None
    try:
        for case in spec["cases"]:
            if case_seconds:
                signal.setitimer(signal.ITIMER_REAL, case_seconds)
            record = run_case(namespace, case, standins)
            results.append(record)
            if record.get("interrupted"):
                break
    finally:
        if case_seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    payload = {"cell": spec["cell"], "token": spec["token"], "results": results}
    if publish is None:
        from IPython.display import publish_display_data

        publish_display_data({MIME: payload, "text/plain": f"[{len(results)} results handed to the grader]"})
    else:
        publish(payload)
    return payload
