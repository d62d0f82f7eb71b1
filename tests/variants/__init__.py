"""
Versions of the graded functions, one module per assignment: ``CORRECT`` maps a
test cell to versions written differently from the instructor's solution, which
must get full marks; ``WRONG`` maps it to wrong or hard-coded versions, each with
words that the grader's message must contain.
"""
