"""
The course's late policy, one of nbgrader's LateSubmissionPlugin family
(``c.AssignLatePenalties.plugin_class`` in nbgrader_config.py).

nbgrader works out a notebook's penalty when it autogrades it, from its
automatic score at that moment, and keeps it until the next autograding. Its own
plugin offers no penalty or ``zero`` (the whole score). A zero taken from the
automatic score goes wrong as soon as a manual grade raises the score: the
penalty stays the old score and the student keeps the points added by hand. A
fixed number of points per day late does not depend on the score, so it stays
right after manual grades, and a day late costs a tenth of a 100-point notebook,
not all of it.
"""
import math

from nbgrader.plugins import LateSubmissionPlugin
from traitlets import Float

DAY = 24 * 3600


class PointsPerDayLate(LateSubmissionPlugin):
    """`points_per_day` points off a notebook for each day, or part of a day, past the due date."""

    points_per_day = Float(10.0, help="points taken off per day (or part of a day) late").tag(config=True)

    def late_submission_penalty(self, student_id, score, total_seconds_late):
        # nbgrader itself caps the penalty at the score.
        return math.ceil(total_seconds_late / DAY) * self.points_per_day
