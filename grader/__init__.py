"""
The course's grader: instructor code that students never install.

Every road that autogrades (``make autograde``, plain ``nbgrader autograde``,
formgrader's Autograde button) runs nbgrader with the course's pipeline,
configured in nbgrader_config.py; ``make autograde`` adds a batch around it.

The pipeline (what grades one notebook)
  exporter        how a submission is read: an unreadable file graded as the blank release
  preprocessors/  the steps added to nbgrader's: repair test cells, inject cases, execute in the
                  sandbox, judge, make output inert, cap outputs, record provenance (one per module)
  handin          the hidden part of grading on a whole notebook: cases in, records out, verdicts
  judging         how cases are drawn, handed to the kernel and judged against the reference
  cases/          the graded cases of each assignment (specs only)
  kernel_side     the code handed to the kernel to run the student's functions on the cases
  standins        stand-ins for graded functions, so that a composite function is graded on its own
  sandbox         the course's kernel in a bubblewrap sandbox (kernel_boot starts it inside)
  cgroups         a control group around each kernel: memory, processes, CPU
  calibration     the solutions' own run, cached: what the time limits follow from
  limits          the time-limit policy (configurable) and the limits of an assignment
  facts           what the steps observed, handed from step to step in the notebook's metadata
  provenance      a record of how each grade was made, and `make verify-grades`
  denials         what a notebook's errors say the sandbox denied, for reports

The batch (``make autograde``)
  course          the course directory, its configuration and gradebook
  batch           choose students, hand them to workers, merge results, report
  worker          grading one student in a scratch course through nbgrader's API
  workers         where students are graded: this process, a local Dask cluster, a remote one
  gradebook       private gradebooks of scratch courses, and the merge into the course's
  results         a student's result from the gradebook and its record, in words
  report          the class summary per exercise: a table, a CSV and a PNG

The term around grading (``python -m grader exchange|roster|due-dates|extension|export``, term)
  exchange        nbgrader's exchange folder, made once (`make exchange`)
  roster          students (`make roster`), due dates (due_dates.csv, `make release`), `make extension`
  late            the late policy: points per day late, an nbgrader LateSubmissionPlugin
  lms             `make export`: grades.csv, and grades-canvas.csv for Canvas's gradebook import

Shared below all: cells (nbgrader ids of cells), fingerprints (sha256 of what a grade
depends on), leftovers (what a killed run left behind).
"""
