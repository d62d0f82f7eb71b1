"""
Judging (grader/judging.py) on made-up cases: a verdict for every case whatever the kernel
handed in, and messages that say what was observed.
"""
import types

import numpy as np
import pytest

from grader import judging, kernel_side


def square(x):
    return x * x


def reference_of(function):
    """A reference whose records come from ``function``, run as the kernel runs the student's."""
    return types.SimpleNamespace(record=lambda wired: kernel_side.run_case({wired["call"]: function}, wired, {}))


CASES = [judging.Case("square", (np.arange(3.0),), label="square(np.arange(3.0))"),
         judging.Case("square", (2.0,), label="square(2.0)")]


def hand_in(function, cases=CASES):
    return kernel_side.hand_in({"square": function}, judging.spec("square_tests", cases, "t"), publish=lambda p: p)


def test_a_right_function_passes_every_case():
    verdict = judging.judge(reference_of(square), CASES, hand_in(lambda x: x ** 2))
    assert verdict.passed and verdict.cases == 2


def test_a_value_of_a_type_the_check_never_expected_fails_its_case_with_a_message():
    def check(got, expected, case):
        assert got["W1"].shape == expected["W1"].shape  # raises TypeError on None, KeyError on a list
    case = judging.Case("square", (2.0,), label="square(2.0)", check=check)
    verdict = judging.judge(reference_of(lambda x: {"W1": np.zeros(2)}), [case], hand_in(lambda x: None, [case]))
    assert not verdict.passed and "square(2.0) returned None, which the grader could not check (TypeError" in \
        verdict.message


@pytest.mark.parametrize("record", ["x", 7, None, {"value": {"__ndarray__": "AAAA", "dtype": "|O", "shape": [1]}},
                                    {"value": {"__tuple__": "not a list"}}, {"printed": 0}])
def test_a_forged_or_damaged_record_costs_only_its_case(record):
    payload = hand_in(square)
    payload["results"][0] = record
    verdict = judging.judge(reference_of(square), CASES, payload)
    assert not verdict.passed and verdict.message.endswith("[case 1 of 2]")
    assert "could not be read" in verdict.message or "did not run" in verdict.message


def test_a_record_nested_beyond_reason_is_not_read():
    nested = value = {}
    for _ in range(200_000):
        value["__tuple__"] = [{}]
        value = value["__tuple__"][0]
    payload = hand_in(square)
    payload["results"][1] = {"value": nested, "again": nested}
    verdict = judging.judge(reference_of(square), CASES, payload)
    assert not verdict.passed and "square(2.0)" in verdict.message


@pytest.mark.parametrize("payload", [None, "x", {"results": "x"}, {"results": [1, 2, 3]}])
def test_a_payload_that_is_not_a_record_set_fails_the_cell(payload):
    assert not judging.judge(reference_of(square), CASES, payload).passed


def test_a_function_that_keeps_state_is_told_what_was_observed():
    calls = []

    def counting(x):
        calls.append(1)
        return x * x + len(calls) - 1
    verdict = judging.judge(reference_of(square), CASES[1:], hand_in(counting, CASES[1:]))
    assert not verdict.passed
    assert "gave another result when called a second time with the same arguments" in verdict.message
    assert "keeps state" in verdict.message
