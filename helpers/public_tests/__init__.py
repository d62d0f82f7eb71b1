"""The visible tests of the graded functions, one module per assignment."""
