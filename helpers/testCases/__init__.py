"""Test-case inputs and reference outputs, one module per assignment."""
