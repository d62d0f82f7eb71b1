"""nbgrader configuration for Neural Networks from Scratch.

The repository root is the course directory: nbgrader reads source/, writes
release/, and grades submitted/ into autograded/ and feedback/.
"""
import os
import sys

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.CourseDirectory.course_id = "nn-from-scratch"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
# The grader's package lives in the course directory (it is not installed with helpers).
sys.path.insert(0, c.CourseDirectory.root)

# The gradebook: nbgrader's embedded SQLite database, next to this file.
# To use PostgreSQL instead, change this one line, e.g.
#   c.CourseDirectory.db_url = "postgresql://nbgrader:secret@localhost/nn_from_scratch"
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(c.CourseDirectory.root, "gradebook.db")

# nbgrader's exchange: the one folder of the machine through which assignments go out to
# students and come back (release_assignment, fetch_assignment, submit, collect,
# release_feedback). `make exchange`, as root, makes it writable by all with the sticky bit.
# Another folder: set NBGRADER_EXCHANGE, or change the default here. Students' nbgrader
# needs the same folder and course id: `make exchange` prints the two lines.
c.Exchange.root = os.environ.get("NBGRADER_EXCHANGE", "/srv/nbgrader/exchange")

# Late work: 10 points off a notebook per day, or part of a day, past its due date
# (due_dates.csv; `make extension` moves one student's), never more than its score.
# grader/late.py says why this and not nbgrader's own plugin.
c.AssignLatePenalties.plugin_class = "grader.late.PointsPerDayLate"
c.PointsPerDayLate.points_per_day = 10

# What students see in place of a solution.
c.ClearSolutions.code_stub = {
    "python": '# YOUR CODE HERE\nraise NotImplementedError("Replace this line with your code.")',
}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Time limits: calibrated per assignment from the solutions' own run in the sandbox (grader/calibration.py,
# cached in calibration/), by this policy; every provenance record holds it. c.Execute.timeout is the
# limit of plain notebook runs outside grading.
c.TimeLimits.factor = 10           # each limit is this many times what the solutions needed ...
c.TimeLimits.cell_floor = 10       # ... and at least this many seconds per cell
c.TimeLimits.notebook_floor = 120  # ... and per notebook
c.TimeLimits.retry_factor = 3      # a notebook that ran past its limit is graded again with 3x the slowest cell per cell
c.TimeLimits.attempts = 5          # attempts at a notebook, at most (the kernel stopped, it ran past its limit) ...
c.TimeLimits.budget_factor = 3     # ... taking at most 3x the limit per notebook together
c.Execute.timeout = 30
c.Execute.interrupt_on_timeout = True

# Output limits: nbgrader counts lines; LimitOutputBytes caps the characters of each stored output,
# and SandboxedExecute what a cell and a notebook may output in all, while they run.
c.LimitOutput.max_lines = 200
c.LimitOutput.max_traceback = 60
c.LimitOutputBytes.max_bytes = 20000
c.SandboxedExecute.max_outputs_per_cell = 1000
c.SandboxedExecute.max_output_bytes_per_cell = 4 * 2**20
c.SandboxedExecute.max_output_bytes = 32 * 2**20

# A submission that deletes or edits a test cell gains nothing: edited cells are
# overwritten from the gradebook, deleted ones are put back and run.
c.OverwriteCells.add_missing_cells = True

# Warnings a submission emits (an overflow in np.exp, say) go to stderr. The
# grader writes the outputs of test cells itself, so they cost nothing; this
# keeps them out of the other cells of the graded notebook too.
c.IgnorePattern.pattern = r"\w+Warning: "

# Grading: student code runs in the course's kernel in a sandbox (grader/sandbox.py); the hidden
# part of each test cell hands the grader's cases to the student's functions, and the grader
# judges the results in its own process. The same pipeline serves `make autograde`, plain
# `nbgrader autograde` and formgrader's Autograde button (grader/preprocessors/__init__.py).
# UNSANDBOXED grading (make autograde UNSANDBOXED=1) sets this to False.
c.SandboxKernelManager.enabled = True
c.CourseCases.course_dir = c.CourseDirectory.root

from nbgrader.converters.autograde import Autograde  # noqa: E402
from nbgrader.converters.generate_feedback import GenerateFeedback  # noqa: E402
from nbgrader.preprocessors import Execute, LimitOutput, OverwriteCells  # noqa: E402
from grader.preprocessors import (InertOutputs, InjectCases, JudgeCases, LimitOutputBytes,  # noqa: E402
                                  RecordProvenance, RepairTestCells, SandboxedExecute, ScrubHiddenTests)

c.Autograde.exporter_class = "grader.exporter.SubmissionExporter"
_sanitize = list(Autograde.class_traits()["sanitize_preprocessors"].default())
_sanitize.insert(_sanitize.index(OverwriteCells), RepairTestCells)
c.Autograde.sanitize_preprocessors = _sanitize
_autograde = list(Autograde.class_traits()["autograde_preprocessors"].default())
_autograde[_autograde.index(Execute):_autograde.index(Execute) + 1] = [InjectCases, SandboxedExecute, JudgeCases,
                                                                       InertOutputs]
_autograde.insert(_autograde.index(LimitOutput) + 1, LimitOutputBytes)
c.Autograde.autograde_preprocessors = _autograde + [RecordProvenance]

# Feedback shows the verdicts, never a line of a hidden test, and nothing in it runs: student output is
# inert, and each page lets only its template's own scripts run (a Content-Security-Policy).
c.GenerateFeedback.exporter_class = "grader.feedback.FeedbackExporter"
c.GenerateFeedback.preprocessors = list(GenerateFeedback.class_traits()["preprocessors"].default()) + [
    ScrubHiddenTests, InertOutputs]
