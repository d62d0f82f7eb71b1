"""
The steps the course adds to nbgrader's pipelines, one per module, configured in nbgrader_config.py.

Autograding, sanitizing pass (before nbgrader's OverwriteCells):
  RepairTestCells   cells' nbgrader metadata made what the release defines

Autograding, autograding pass, in order:
  InjectCases       each test cell becomes the call that hands the grader's cases to the student's functions
  SandboxedExecute  nbgrader's Execute in the sandboxed course kernel, within the calibrated limits
  JudgeCases        the records judged against the instructor's solutions, the verdicts written
  InertOutputs      student output and edited markdown made inert (no script anywhere it is shown)
  LimitOutputBytes  each stored output capped in size (after nbgrader's LimitOutput)
  RecordProvenance  the provenance record (last)

Feedback:
  ScrubHiddenTests  no line of a hidden test or of the grader's code in what students get back

How a submission is read (grader/exporter.py) is not a step but nbgrader's exporter class.
"""
from grader.preprocessors.injectcases import InjectCases
from grader.preprocessors.inertoutputs import InertOutputs
from grader.preprocessors.judgecases import JudgeCases
from grader.preprocessors.limitoutputbytes import LimitOutputBytes
from grader.preprocessors.recordprovenance import RecordProvenance
from grader.preprocessors.repairtestcells import RepairTestCells
from grader.preprocessors.sandboxedexecute import SandboxedExecute
from grader.preprocessors.scrubhiddentests import ScrubHiddenTests

__all__ = ["InjectCases", "InertOutputs", "JudgeCases", "LimitOutputBytes", "RecordProvenance", "RepairTestCells",
           "SandboxedExecute", "ScrubHiddenTests"]
