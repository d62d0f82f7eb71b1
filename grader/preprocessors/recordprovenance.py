"""RecordProvenance: the last step of autograding writes the notebook's provenance record."""
from nbgrader.api import Gradebook
from nbgrader.preprocessors import NbGraderPreprocessor

from grader import facts, provenance
from grader.denials import denials
from grader.sandbox import SandboxKernelManager


class RecordProvenance(NbGraderPreprocessor):
    """
    Moves what the grading steps noted out of the notebook and into the student's
    provenance record (grader/provenance.py), with the automatic scores SaveAutoGrades
    wrote and the sha256 of the notebook exactly as nbgrader is about to write it.
    It runs last, on every road that autogrades (make autograde, nbgrader autograde, formgrader).
    """

    def preprocess(self, nb, resources):
        meta = resources["nbgrader"]
        noted = facts.take(nb)
        denied = denials(nb) if SandboxKernelManager(config=self.config).enabled else []
        if denied:
            noted["notes"].append({"kind": "sandbox_denied", "what": denied[:5]})
        with Gradebook(meta["db_url"]) as gb:
            grades = gb.find_submission_notebook(meta["notebook"], meta["assignment"], meta["student"]).grades
            scores = {g.name: g.auto_score for g in grades}
            needs_manual = [g.name for g in grades if g.needs_manual_grade]
        entry = provenance.notebook_entry(nb, noted, scores, needs_manual)
        provenance.record_notebook(self.config, resources, entry, resources.get("nnfs", {}).get("limits"))
        return nb, resources
