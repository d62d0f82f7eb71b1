"""How a submission is read for grading (grader/exporter.py), on made-up files of a made-up course."""
import json

import nbformat
import pytest

from grader import facts
from grader.exporter import SubmissionExporter
from grader.fingerprints import sha256_bytes
from pipeline_course import A, make_course, release, resources


@pytest.fixture
def submit(tmp_path):
    config = make_course(tmp_path)

    def read(data):
        path = tmp_path / "submitted" / "ann" / A / f"{A}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        output, _ = SubmissionExporter(config=config).from_filename(str(path), resources(tmp_path))
        return nbformat.reads(output, as_version=4)

    return read


def test_a_readable_submission_is_read_as_it_is_with_its_sha256(submit):
    nb = release()
    nb.cells[1].source = "def square(x):\n    return x * x"
    data = nbformat.writes(nb).encode()
    got = submit(data)
    assert got.cells[1].source == "def square(x):\n    return x * x"
    assert got.metadata[facts.KEY]["submitted_sha256"] == sha256_bytes(data)
    assert facts.notes(got) == []


@pytest.mark.parametrize("data,reason", [(b'{"cells": [', "JSON"), (b"\xff\xfe not utf-8", "codec"),
                                         (json.dumps({"cells": "no"}).encode(), "")])
def test_a_file_that_is_not_a_notebook_is_graded_as_the_blank_release(submit, data, reason):
    got = submit(data)
    assert [c.source for c in got.cells] == [c.source for c in release().cells]
    (note,) = facts.notes(got)
    assert note["kind"] == "unreadable" and reason in note["reason"]


def test_a_submission_cannot_plant_the_graders_notes(submit):
    nb = release()
    nb.metadata[facts.KEY] = {"notes": [{"kind": "kernel_stopped", "cell": "x", "disabled": "square"}]}
    assert facts.notes(submit(nbformat.writes(nb).encode())) == []


def test_a_kernel_the_course_does_not_have_is_noted_not_used(submit):
    nb = release()
    nb.metadata["kernelspec"] = {"name": "conda-env-dl-py", "display_name": "Python [conda env:dl]",
                                 "language": "python"}
    assert facts.notes(submit(nbformat.writes(nb).encode())) == [{"kind": "kernel_name", "named": "conda-env-dl-py"}]
