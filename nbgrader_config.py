"""nbgrader configuration for Neural Networks from Scratch.

The repository root is the course directory: nbgrader reads source/, writes
release/, and grades submitted/ into autograded/ and feedback/.
"""
import os

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.CourseDirectory.course_id = "nn-from-scratch"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))

# The gradebook: nbgrader's embedded SQLite database, next to this file.
# To use PostgreSQL instead, change this one line, e.g.
#   c.CourseDirectory.db_url = "postgresql://nbgrader:secret@localhost/nn_from_scratch"
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(c.CourseDirectory.root, "gradebook.db")

# The assignments, in course order.

# What students see in place of a solution.
c.ClearSolutions.code_stub = {
    "python": '# YOUR CODE HERE\nraise NotImplementedError("Replace this line with your code.")',
}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Execution limits while validating and autograding. The timeout is per cell;
# helpers.grading adds a limit for a whole notebook on top of it.
c.Execute.timeout = 30
c.Execute.interrupt_on_timeout = True

# Output limits: nbgrader counts lines; helpers.preprocessors.LimitOutputBytes
# also caps the bytes of each output, so one enormous line cannot bloat the
# graded notebook and its feedback.
c.LimitOutput.max_lines = 200
c.LimitOutput.max_traceback = 60

# A submission that deletes or edits a test cell gains nothing: edited cells are
# overwritten from the gradebook, deleted ones are put back and run.
c.OverwriteCells.add_missing_cells = True

# Warnings a submission emits (an overflow in np.exp, say) go to stderr, and
# nbgrader scores any test cell with stderr output as zero. The test cells
# silence warnings themselves; this removes any that still get through.
c.IgnorePattern.pattern = r"\w+Warning: "

from nbgrader.converters.autograde import Autograde  # noqa: E402
from nbgrader.preprocessors import LimitOutput  # noqa: E402
from helpers.preprocessors import LimitOutputBytes  # noqa: E402

_preprocessors = list(Autograde.class_traits()["autograde_preprocessors"].default())
_preprocessors.insert(_preprocessors.index(LimitOutput) + 1, LimitOutputBytes)
c.Autograde.autograde_preprocessors = _preprocessors
