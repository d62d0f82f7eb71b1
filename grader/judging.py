"""
How graded cases are drawn, handed to the kernel and judged.

The cases themselves live in ``grader/cases/<assignment>.py`` (see
``grader.cases``). At grading time the grader draws a test cell's cases from a
seed fixed per assignment, test cell and student (``draw``), hands them to the
student's kernel (``spec``), and judges the records it gets back here, in its
own process (``judge``): the expected results come from the instructor's
solutions in ``source/`` run the same way (``Reference``), and the comparison
uses the course's checks (``helpers.checks``). A test cell passes when every
case passes.

A case that replaces the graded functions a composite function calls by
stand-ins (``standins``) is also run with the student's own functions; it passes
when either run is right, so a composite function is graded on its own, and one
that computes the right result without calling its helpers is right too.

Judging never raises for what a student handed in: a check that cannot be
applied, a record that cannot be read or a forged one costs the case it claims
to answer, and the rest of the cell is judged.
"""
import contextlib
import hashlib
import json
import numbers
import os
import pathlib
import sys
from dataclasses import dataclass, field

import nbformat
import numpy as np

from grader import kernel_side
from helpers.checks import (check_close, check_keys, check_predictions, check_scalar, check_shape, check_type,
                            fail)

STANDINS = pathlib.Path(__file__).resolve().with_name("standins.py")
UNCHANGED_HINT = ("Compute new arrays (W1 = W1 - ...) instead of changing them in place (W1 -= ...), "
                  "and do not modify the dictionaries or lists you are given.")


@dataclass
class Case:
    """
    One call of a student's function, and how its result is judged.

    call -- the function's name
    args, kwargs -- its arguments (arrays, numbers, dicts, lists, tuples)
    label -- the call as a student reads it in a message, e.g. "sigmoid(z) for z of shape (3, 4)"
    seed -- np.random.seed(seed) right before the call (None: the random state is left alone)
    repeat -- calls in a row; the result is then the list of their results
    standins -- graded functions the call sees replaced by the stand-ins of grader/standins.py
    check -- check(got, expected, case): raises AssertionError with a message; by default the
             result must equal the reference's within rtol and atol (``same``)
    unchanged -- the call must leave its arguments as they were
    may_print -- the case asks the function to print (print_cost=True): printing is no slip
    """
    call: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    label: str = ""
    seed: int = None
    repeat: int = 1
    standins: tuple = ()
    check: object = None
    rtol: float = 1e-7
    atol: float = 1e-12
    unchanged: bool = True
    may_print: bool = False

    def __post_init__(self):
        self.label = self.label or f"{self.call}(...)"

    def wire(self, own=False):
        """The case as the kernel runs it: plain data."""
        return {"call": self.call, "args": kernel_side.encode(tuple(self.args)),
                "kwargs": kernel_side.encode(dict(self.kwargs)), "seed": self.seed, "repeat": self.repeat,
                "standins": [] if own else list(self.standins), "again": self.unchanged}

    def judge(self, got, expected):
        """Raises AssertionError with the check's message unless ``got`` is right."""
        __tracebackhide__ = True
        (self.check or same)(got, expected, self)


def same(got, expected, case, name=None):
    """The default check: ``got`` has the type, shape and (within tolerances) values of ``expected``."""
    __tracebackhide__ = True
    name = name or case.label
    if got is None and expected is not None:
        fail(f"{name} is None: the function returned nothing. Is its `return` statement missing?")
    if isinstance(expected, np.ndarray):
        flat = (expected.ndim == 2 and expected.shape[1] == 1 and isinstance(got, np.ndarray)
                and got.shape == expected.shape[:1])
        check_shape(got, expected.shape, name, "Sum with keepdims=True (np.sum(..., axis=1, keepdims=True)) "
                                               "to keep the column." if flat else "")
        if expected.dtype == bool:
            check_predictions(got, expected, name)
        else:
            check_close(got, expected, name, rtol=case.rtol, atol=case.atol)
    elif isinstance(expected, dict):
        check_keys(got, tuple(expected), name)
        for key, value in expected.items():
            same(got[key], value, case, f'{name}["{key}"]')
    elif isinstance(expected, (tuple, list)):
        check_type(got, (tuple, list), name)
        if len(got) != len(expected):
            fail(f"{name} should hold {len(expected)} values but holds {len(got)}.")
        for index, (g, e) in enumerate(zip(got, expected)):
            same(g, e, case, f"{name}[{index}]")
    elif isinstance(expected, (numbers.Number, np.number)) and not isinstance(expected, (bool, np.bool_)):
        check_scalar(got, name)
        check_close(got, expected, name, rtol=case.rtol, atol=case.atol)
    elif got != expected:
        fail(f"{name} is {got!r} but should be {expected!r}.")


def seed_for(assignment, grade_id, student):
    """
    The seed of one test cell's cases for one student: the same on every run, different
    between students (so that a table of one student's hidden results helps nobody else).
    """
    text = f"nn-from-scratch/{assignment}/{grade_id}/{student}"
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")


def random_seed(rng):
    """A seed for np.random.seed, drawn from a case generator's ``rng``."""
    return int(rng.integers(0, 2**31))


def draw(tests, assignment, grade_id, student):
    """The cases of one test cell for one student, in order (tests: the assignment's TESTS)."""
    rng = np.random.default_rng(seed_for(assignment, grade_id, student))
    return list(tests[grade_id](rng))


def spec(grade_id, cases, token):
    """What the kernel receives for one test cell: the cases (each with an own-functions twin when it uses stand-ins)."""
    wired = []
    for case in cases:
        wired.append(case.wire())
        if case.standins:
            wired.append(case.wire(own=True))
    return json.dumps({"cell": grade_id, "token": token, "cases": wired,
                       "standins_source": STANDINS.read_text() if any(c.standins for c in cases) else ""})


class Reference:
    """
    The instructor's solutions of one assignment, run in the grader's process: the set-up
    cell and every solution cell of source/<id>/<id>.ipynb, executed in one namespace.
    """

    _loaded = {}

    def __init__(self, course_dir, assignment):
        self.folder = pathlib.Path(course_dir).resolve() / "source" / assignment
        self.namespace = {"__name__": f"reference_{assignment}"}
        nb = nbformat.read(self.folder / f"{assignment}.ipynb", as_version=4)
        with self.inside():
            for cell in nb.cells:
                meta = cell.metadata.get("nbgrader", {})
                if cell.cell_type == "code" and (meta.get("grade_id") == "imports" or meta.get("solution")):
                    code = "\n".join(line for line in cell.source.splitlines()
                                     if not line.lstrip().startswith(("%", "!")))
                    exec(compile(code, f"<{assignment} {meta.get('grade_id')}>", "exec"), self.namespace)
        self.standins = {}
        exec(compile(STANDINS.read_text(), str(STANDINS), "exec"), self.standins)

    @classmethod
    def of(cls, course_dir, assignment):
        """The reference of an assignment, built once per process and course."""
        key = (str(pathlib.Path(course_dir).resolve()), assignment)
        if key not in cls._loaded:
            cls._loaded[key] = cls(course_dir, assignment)
        return cls._loaded[key]

    @contextlib.contextmanager
    def inside(self):
        """The assignment's folder as working directory and on sys.path (its data and modules)."""
        cwd = os.getcwd()
        os.chdir(self.folder)
        sys.path.insert(0, str(self.folder))
        try:
            yield
        finally:
            sys.path.remove(str(self.folder))
            os.chdir(cwd)

    def record(self, wired_case):
        """The reference's record of a case, run exactly as the kernel runs the student's function."""
        with self.inside():
            return kernel_side.run_case(self.namespace, wired_case, self.standins)


def _value(record, key):
    """The decoded value a record holds under ``key``; raises ValueError when it cannot be read."""
    try:
        return kernel_side.decode(record[key])
    except Exception as error:  # a forged or damaged record: any reason it does not decode
        raise ValueError(type(error).__name__) from None


def _describe(value):
    """A value as a message names it: its type, and its shape for an array."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    return "None" if value is None else f"a value of type {type(value).__name__}"


def _checked(case, got, expected):
    """None if ``got`` passes the case's check, else its message; a check that cannot be applied fails the case."""
    try:
        case.judge(got, expected)
    except AssertionError as error:
        return str(error)
    except Exception as error:  # a check meeting a value of a type it never expected
        return (f"{case.label} returned {_describe(got)}, which the grader could not check "
                f"({type(error).__name__}: {str(error)[:120]}).")
    return None


def verdict(case, record, expected_record):
    """None if the record passes the case, else the message."""
    if not isinstance(record, dict):
        return f"{case.label} did not run." if record is None else \
            f"The result handed in for {case.label} could not be read."
    if record.get("interrupted"):
        return f"{case.label} did not finish within the time limit of the cell."
    if "error" in record:
        return f"{case.label} raised {str(record['error'])[:400]}"
    if "error" in expected_record:
        raise RuntimeError(f"the reference raised on {case.label}: {expected_record['error']}")
    try:
        got = _value(record, "value")
        again = _value(record, "again") if case.unchanged else None
    except (KeyError, ValueError):
        return f"The result handed in for {case.label} could not be read."
    message = _checked(case, got, _value(expected_record, "value"))
    if message is not None:
        return message
    if case.unchanged and record.get("changed_inputs") is True:
        return f"{case.label} changed its inputs. {UNCHANGED_HINT}"
    if case.unchanged and _checked(case, again, _value(expected_record, "again")) is not None:
        return (f"{case.label} gave another result when called a second time with the same arguments: "
                f"either it changed its inputs ({UNCHANGED_HINT}) or it keeps state from one call to the next "
                f"(a global variable, a default argument that is changed).")
    return None


@dataclass
class CellVerdict:
    """The grader's verdict on one test cell."""
    passed: bool
    message: str = ""
    cases: int = 0
    printed: int = 0


def judge(reference, cases, payload):
    """The verdict on one test cell, from the records the kernel handed in (payload, or None)."""
    if payload is None:
        return CellVerdict(False, "The tests of this cell did not run: the cell handed nothing to the grader "
                                  "(it was interrupted, or an earlier cell stopped the kernel).", len(cases))
    results = payload.get("results") if isinstance(payload, dict) else None
    records = list(results) if isinstance(results, list) else []
    printed = 0
    index = 0
    for number, case in enumerate(cases, start=1):
        runs = [case.wire()] + ([case.wire(own=True)] if case.standins else [])
        got = records[index:index + len(runs)]
        index += len(runs)
        got += [None] * (len(runs) - len(got))
        messages = []
        for wired, record in zip(runs, got):
            message = verdict(case, record, reference.record(wired))
            if message is None:
                break
            messages.append(message)
        else:
            note = (f"\n(graded with stand-ins for {', '.join(case.standins)}: {case.call} must call them "
                    f"with the right arguments and use what they return)" if case.standins else "")
            return CellVerdict(False, f"{messages[0]}{note}\n[case {number} of {len(cases)}]", len(cases), printed)
        if not case.may_print:
            printed += sum(r.get("printed", 0) for r in got
                           if isinstance(r, dict) and isinstance(r.get("printed", 0), int))
    return CellVerdict(True, "", len(cases), printed)
