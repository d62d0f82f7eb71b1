"""
The hostile submissions' code, as files; tests/test_adversarial.py builds the notebooks.

``<group>/<probe>.py`` holds one probe: real Python that imports what probes share from
prelude.py, defines a function named like the file and hands it to ``attack``, which
prints the probe's line. ``edits/`` and the other folders hold cells that are no probes:
solution cells replaced or wrapped, and the payloads of attacks judged from outside.
In a notebook, each file becomes one cell, word for word (a code cell, or a markdown cell
for a .md file), after a cell that defines the module ``prelude`` with the batch's targets.
"""
import json
import pathlib
import re

from nbformat.v4 import new_code_cell, new_markdown_cell

HERE = pathlib.Path(__file__).resolve().parent


def source(relative):
    """The code of one file, e.g. "edits/predict_always_equal.py"."""
    return (HERE / relative).read_text(encoding="utf-8")


def files(group):
    """The files of a folder, in order of their names."""
    return sorted(p.relative_to(HERE).as_posix() for p in (HERE / group).iterdir() if p.suffix in (".py", ".md"))


def cell(relative):
    """The notebook cell of one file."""
    return (new_markdown_cell if relative.endswith(".md") else new_code_cell)(source(relative))


def reports(relative):
    """
    (name, status) of the probe a file hands to ``attack``: status None for a probe that reports
    SUCCEEDED or BLOCKED, else the status it reports; None for a file that is no probe.
    """
    found = re.search(r'^attack\((\w+)(?:, "(\w+)")?\)$', source(relative), re.M)
    return (found.group(1), found.group(2)) if found else None


def prelude_cell(targets):
    """The cell that defines the module ``prelude`` (prelude.py) in the kernel, with these TARGETS."""
    return new_code_cell(
        f"import json, sys, types\n"
        f"prelude = types.ModuleType('prelude')\n"
        f"exec(compile({source('prelude.py')!r}, 'prelude.py', 'exec'), prelude.__dict__)\n"
        f"prelude.TARGETS.update(json.loads({json.dumps(targets)!r}))\n"
        f"sys.modules['prelude'] = prelude\n")
