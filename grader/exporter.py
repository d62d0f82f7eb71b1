"""
SubmissionExporter: how nbgrader's autograde reads a submitted notebook.

Set as ``c.Autograde.exporter_class``. In nbgrader's sanitizing pass it reads the
file the student submitted, and a file that is not a readable notebook (not
JSON, not UTF-8, not valid nbformat, larger than ``max_bytes``) is graded as the
blank release instead of failing the student's grading: 0 points, and a note
that says why. It also starts the notebook's notes afresh (grader/facts.py),
notes the kernel the notebook named if it is not the course's, and remembers
the sha256 of the file as submitted for the provenance record.

Whatever stops the grading of a notebook, in either pass, it is recorded here
as "not graded" with a one-line reason, never as a zero: the notebook's grades
in the gradebook are marked for manual grading and its provenance record says
why.
"""
import os
import warnings

import nbformat
from nbconvert.exporters import NotebookExporter
from nbgrader.coursedir import CourseDirectory
from traitlets import Integer

from grader import facts, provenance
from grader.fingerprints import sha256_bytes
from grader.preprocessors.sandboxedexecute import NotebookNotGraded
from grader.provenance import now


class SubmissionExporter(NotebookExporter):
    """nbgrader's notebook exporter, reading what a student submitted as far as it can be read."""

    max_bytes = Integer(64 * 2**20, help="a submitted notebook larger than this is not read").tag(config=True)

    def from_filename(self, filename, resources=None, **kw):
        try:
            return self._convert(filename, resources, **kw)
        except Exception as error:
            self._not_graded(filename, resources, error)
            raise

    def _submitted(self, filename):
        """Whether ``filename`` is a submission (nbgrader's sanitizing pass), not the grader's own copy."""
        course = CourseDirectory(config=self.config)
        submitted = os.path.abspath(os.path.join(course.root, course.submitted_directory))
        return os.path.abspath(filename).startswith(submitted + os.sep)

    def _convert(self, filename, resources, **kw):
        if not self._submitted(filename):
            return super().from_filename(filename, resources, **kw)
        course = CourseDirectory(config=self.config)
        with open(filename, "rb") as f:
            data = f.read(self.max_bytes + 1)
        nb, reason = _read(data, self.max_bytes)
        meta = resources["nbgrader"]
        released = nbformat.read(os.path.join(course.format_path(course.release_directory, ".", meta["assignment"]),
                                              f"{meta['notebook']}.ipynb"), as_version=4)
        if nb is None:
            nb = released
        facts.start(nb, submitted_sha256=sha256_bytes(data), started=now())
        if reason:
            facts.note(nb, "unreadable", reason=reason)
        named = nb.metadata.get("kernelspec", {}).get("name")
        if named is not None and named != released.metadata.get("kernelspec", {}).get("name"):
            facts.note(nb, "kernel_name", named=named)
        path, name = os.path.split(filename)
        resources.setdefault("metadata", {}).update(name=os.path.splitext(name)[0], path=path)
        return self.from_notebook_node(nb, resources, **kw)


    def _not_graded(self, filename, resources, error):
        reason = reason_of(error)
        noted = {"notes": []}
        if not self._submitted(filename):  # the autograding pass: the notes of the sanitizing pass
            try:
                noted = facts.take(nbformat.read(filename, as_version=4))
            except Exception:  # a notebook the grader could not write has no notes
                pass
        _mark_not_graded(resources)
        provenance.record_notebook(self.config, resources, provenance.not_graded_entry(noted, reason),
                                   resources.get("nnfs", {}).get("limits"))


def _read(data, max_bytes):
    """The notebook in ``data``, or None and why it cannot be read, in a few words."""
    if len(data) > max_bytes:
        return None, f"larger than {max_bytes // 2**20} MiB"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # nbformat's advice on cells without ids: they get ids later
            nb = nbformat.reads(data.decode("utf-8"), as_version=4)
            nbformat.validate(nb)
    except Exception as error:  # any reason the file cannot be graded as a notebook
        return None, str(error).splitlines()[0][:120] if str(error) else type(error).__name__
    return nb, None


def reason_of(error):
    """An exception as a one-line reason."""
    text = str(error).strip().splitlines()
    return (text[0] if isinstance(error, NotebookNotGraded) else f"{type(error).__name__}: {text[0] if text else ''}")[:300]


def _mark_not_graded(resources):
    """Marks a notebook's grades for manual grading, with no automatic score."""
    from nbgrader.api import Gradebook, MissingEntry

    meta = resources["nbgrader"]
    with Gradebook(meta["db_url"]) as gb:
        try:
            submitted = gb.find_submission_notebook(meta["notebook"], meta["assignment"], meta["student"])
        except MissingEntry:
            return
        for grade in submitted.grades:
            grade.auto_score, grade.needs_manual_grade = None, True
        gb.db.commit()
