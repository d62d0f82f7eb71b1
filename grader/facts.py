"""
What the grading steps observed about a notebook, handed from step to step.

Each step of the pipeline that observes something a report or a record needs
(a cell put back, a cell interrupted, the kernel stopping) notes it here, in
the notebook's metadata, as data: ``note(nb, kind, **details)``. The notes
travel from nbgrader's sanitizing pass to its autograding pass with the
notebook itself, and the last step (RecordProvenance) moves them into the
student's provenance record. A submission cannot plant notes: the first step
that reads it (grader.exporter) starts them afresh.

Kinds, with their details:

unreadable         reason: the file was not a notebook; the blank release was graded
kernel_name        named: the kernel the notebook asked for (it ran in the course's kernel)
cells_unknown      cells: grade_ids the release does not have; those cells were graded as ordinary cells
metadata_repaired  cells: cells whose nbgrader metadata was edited, graded as the release defines them
test_cells_restored  cells: deleted test cells, put back and run
test_cells_replaced  cells: edited test cells, replaced by the originals
kernel_stopped     cell, disabled: the cell during which the kernel stopped, the cell disabled for the next attempt
notebook_time_limit  seconds, retry_cell: the notebook ran past its limit and was graded again with shorter limits
interrupted        cells: cells stopped at the time limit per cell
output_limited     cells: cells whose output went over the limits and was cut
sandbox_denied     what: what the errors of the notebook say the sandbox denied (student text: informs only)
not_graded         reason: grading gave up on this notebook
"""
KEY = "nnfs_grading"


def start(nb, **about):
    """Starts a notebook's notes afresh (a submission's own are not the grader's), with facts ``about`` it."""
    nb.metadata[KEY] = {"notes": [], **about}


def note(nb, kind, **details):
    """Adds a note to the notebook."""
    nb.metadata.setdefault(KEY, {"notes": []})["notes"].append({"kind": kind, **details})


def notes(nb):
    """The notes of a notebook, in the order they were made."""
    return list(nb.metadata.get(KEY, {}).get("notes", []))


def take(nb):
    """What was noted of a notebook ({"notes": [...], and the facts given to ``start``}), removed from it."""
    return dict({"notes": []}, **nb.metadata.pop(KEY, {}))
