"""The course's grader: instructor code that students never install.

Modules
-------
sandbox        the kernel that runs student code: bubblewrap, limits, no network, nothing left behind
kernel_side    the code handed to that kernel to run the student's functions on the grader's cases
standins       stand-ins for graded functions, so that a composite function is graded on its own
cases          the graded cases of each assignment, judged against the instructor's solutions
preprocessors  the nbgrader preprocessors of the grading pipeline (nbgrader_config.py)
driver         `make autograde`: every submission graded as far as it can be, one line each
parallel       the workers that grade (a Dask cluster, local or not) and the one writer of the gradebook
report         the class summary per exercise: a table, a CSV and a PNG
provenance     a record of how each grade was made, and `make verify-grades`
course         the course's settings as nbgrader reads them, and `make exchange`
roster         students (`make roster`), due dates (due_dates.csv, `make release`), `make extension`
late           the late policy: points per day late, an nbgrader LateSubmissionPlugin
lms            `make export`: grades.csv, and grades-canvas.csv for Canvas's gradebook import
term           the commands of those four (`python -m grader exchange|roster|due-dates|extension|export`)
"""
