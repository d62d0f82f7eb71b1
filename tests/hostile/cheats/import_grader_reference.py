"""The grader's reference solutions, imported and run in the kernel."""
from prelude import TARGETS, attack


def import_grader_reference():
    from grader.judging import Reference

    return Reference.of(TARGETS["course"], TARGETS["assignment"]).namespace


attack(import_grader_reference)
