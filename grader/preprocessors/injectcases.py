"""InjectCases: each test cell becomes the call that hands the grader's cases to the student's functions."""
from grader import handin
from grader.preprocessors.coursecases import CourseCases


class InjectCases(CourseCases):
    """
    Replaces every test cell by the call that hands its cases to the student's functions
    (grader/handin.py); what JudgeCases needs stays in ``resources["nnfs"]["cells"]``. A test
    cell without cases is an error (grader.cases.CasesMissing): hidden grading never vanishes.
    """

    def preprocess(self, nb, resources):
        assignment, student, _ = self._ids(resources)
        resources.setdefault("nnfs", {})["cells"] = handin.inject(nb, assignment, student)
        return nb, resources
