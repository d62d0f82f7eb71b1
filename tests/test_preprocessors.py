"""
The course's steps of nbgrader's pipeline, one by one, on small made-up notebooks
(no kernel, no nbgrader run): what each does to a notebook, and what it notes.
SandboxedExecute, which needs a kernel, is tested in test_sandboxedexecute.py.
"""
import copy

import pytest
from nbformat.v4 import new_markdown_cell, new_output

from grader import facts
from grader.cases import CasesMissing
from grader.preprocessors import InertOutputs, InjectCases, LimitOutputBytes, RepairTestCells, ScrubHiddenTests
from pipeline_course import make_course, release, resources


@pytest.fixture
def course(tmp_path):
    return tmp_path, make_course(tmp_path)


def repaired(course, nb):
    root, config = course
    facts.start(nb)
    nb, _ = RepairTestCells(config=config).preprocess(nb, resources(root))
    return nb, {n["kind"]: n["cells"] for n in facts.notes(nb)}


def test_an_untouched_submission_needs_no_repair(course):
    nb, noted = repaired(course, release())
    assert noted == {}
    assert [(c.source, c.metadata) for c in nb.cells] == [(c.source, c.metadata) for c in release().cells]


def test_a_renamed_grade_id_makes_an_ordinary_cell_and_the_test_cell_is_put_back(course):
    nb = release()
    nb.cells[2].metadata.nbgrader["grade_id"] = "my_tests"
    nb, noted = repaired(course, nb)
    assert "nbgrader" not in nb.cells[2].metadata
    assert noted == {"cells_unknown": ["my_tests"], "test_cells_restored": ["square_tests"]}


def test_test_cell_metadata_edits_are_undone(course):
    nb = release()
    nb.cells[2].metadata.nbgrader.update(points=100, solution=True)  # solution: nbgrader's checksums would fail
    nb.cells[4].metadata.nbgrader["locked"] = False
    nb, noted = repaired(course, nb)
    assert nb.cells[2].metadata.nbgrader == release().cells[2].metadata.nbgrader
    assert nb.cells[4].metadata.nbgrader["locked"] is True
    assert noted == {"metadata_repaired": ["square_tests", "cube_tests"]}


def test_edited_and_deleted_test_cells_are_noted(course):
    nb = release()
    nb.cells[2].source = "pass  # nothing to see"
    del nb.cells[4]
    _, noted = repaired(course, nb)
    assert noted == {"test_cells_replaced": ["square_tests"], "test_cells_restored": ["cube_tests"]}


def test_a_test_cell_without_the_graders_cases_stops_grading(course):
    root, config = course
    with pytest.raises(CasesMissing, match="a0"):
        InjectCases(config=config).preprocess(release(), resources(root))


def test_long_outputs_are_shortened_and_noted():
    nb = release()
    nb.cells[1].outputs = [new_output("stream", name="stdout", text="x" * 10**6),
                           new_output("stream", name="stdout", text="short"),
                           new_output("display_data", data={"image/png": "A" * 10**6, "text/plain": "<Figure>"}),
                           new_output("display_data", data={"image/png": "B" * 5000})]
    nb, _ = LimitOutputBytes(max_bytes=1000, max_rich_bytes=100_000).preprocess(nb, {})
    outputs = nb.cells[1].outputs
    assert len(outputs[0].text) < 1100 and "characters of output removed" in outputs[0].text
    assert outputs[1].text == "short"
    assert "image/png" not in outputs[2].data and outputs[3].data["image/png"] == "B" * 5000
    assert facts.notes(nb) == [{"kind": "output_limited", "cells": ["square"]}]


ACTIVE = ['<script>window.pwned = 1</script>', '<img src=x onerror="window.pwned = 1">',
          '<iframe srcdoc="<script>parent.pwned = 1</script>"></iframe>', '<a href="javascript:pwned()">x</a>']


def test_student_output_and_markdown_are_made_inert_and_the_releases_own_markdown_kept(course):
    root, config = course
    nb = release()
    nb.cells.append(new_markdown_cell("Mine: " + " ".join(ACTIVE) + " [a link](JavaScript:pwned()) "
                                      "[defined]\n\n[defined]: &#106;avascript:pwned() [fine](https://example.org)"))
    nb.cells[1].outputs = [
        new_output("display_data", data={"text/html": " ".join(ACTIVE), "text/plain": "html"}),
        new_output("display_data", data={"application/javascript": "window.pwned = 1", "text/plain": "js"}),
        new_output("display_data", data={"image/svg+xml": "<svg onload='pwned()'/>"}),
        new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})]
    nb, _ = InertOutputs(config=config).preprocess(nb, resources(root))
    stored = str(nb)
    for active in ("<script", "onerror=", "<iframe", "javascript:", "onload", "#106;avascript"):
        assert active not in stored.lower(), active
    assert nb.cells[0].source == release().cells[0].source  # the instructor's <b> stays
    assert "[fine](https://example.org)" in nb.cells[-1].source
    assert nb.cells[1].outputs[3].data["image/png"] == "iVBORw0KGgo="  # figures stay
    assert [sorted(o.data) for o in nb.cells[1].outputs] == [["text/html", "text/plain"], ["text/plain"], [],
                                                            ["image/png", "text/plain"]]


def test_feedback_shows_no_hidden_test_and_no_grader_code():
    nb = release()
    nb.cells[2].source = "assert square(2) == 4\n### BEGIN HIDDEN TESTS\nassert square(3) == 9\n### END HIDDEN TESTS"
    nb.cells[3].outputs = [new_output("stream", name="stdout", text="nnfs_grader was here"),
                           new_output("stream", name="stdout", text="kept")]
    nb, _ = ScrubHiddenTests().preprocess(copy.deepcopy(nb), {})
    assert "square(3)" not in nb.cells[2].source
    assert [o.text for o in nb.cells[3].outputs] == ["kept"]
