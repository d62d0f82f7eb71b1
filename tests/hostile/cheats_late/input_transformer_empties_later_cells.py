"""An input transformer that empties every later cell, the grader's injected ones included."""
from IPython import get_ipython
from prelude import attack


def input_transformer_empties_later_cells():
    get_ipython().input_transformers_cleanup.append(lambda lines: [])


attack(input_transformer_empties_later_cells, "INSTALLED")
