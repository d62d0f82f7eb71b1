"""JudgeCases: the records each test cell handed in, judged in the grader's process."""
from grader import handin
from grader.judging import Reference
from grader.preprocessors.coursecases import CourseCases


class JudgeCases(CourseCases):
    """
    Judges the records each test cell handed in against the instructor's solutions, and writes
    the verdict where nbgrader's SaveAutoGrades scores it (grader/handin.py).
    """

    def preprocess(self, nb, resources):
        injected = resources.get("nnfs", {}).get("cells", {})
        assignment, _, _ = self._ids(resources)
        reference = Reference.of(self._course(), assignment)
        resources["nnfs"]["verdicts"] = handin.judge_notebook(nb, injected, reference)
        return nb, resources
