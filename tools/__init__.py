"""
The course's tools (``python -m tools.<name>``), and what they share: where the
course is, and how its notebooks' solutions are read and run.
"""
import os
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def code(cell):
    """The Python of a code cell: its source without IPython magics (%) and shell escapes (!)."""
    return "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!")))


def solutions(nb):
    """The code of each solution cell of a notebook, by grade_id, without its BEGIN/END SOLUTION lines."""
    return {cell.metadata.nbgrader["grade_id"]: re.sub(r"^\s*### (BEGIN|END) SOLUTION\n", "", cell.source, flags=re.M)
            for cell in nb.cells if cell.metadata.get("nbgrader", {}).get("solution")}


def run_solutions(nb, namespace=None):
    """
    Runs the set-up cell of a notebook (grade_id "imports") and then each of its solution
    cells, as a student's notebook defines them; returns the namespace they ran in.
    """
    namespace = {} if namespace is None else namespace
    setup = next(cell for cell in nb.cells if cell.metadata.get("nbgrader", {}).get("grade_id") == "imports")
    exec(compile(code(setup), "<imports>", "exec"), namespace)
    for grade_id, source in solutions(nb).items():
        exec(compile(source, f"<{grade_id}>", "exec"), namespace)
    return namespace


def execute(nb, folder, kernel_name="python3", **start):
    """
    Runs a notebook from top to bottom in a fresh kernel started in ``folder``, as a student
    runs it (``start``: how the kernel is started, e.g. env=...); returns it with its outputs.
    """
    from nbclient import NotebookClient

    NotebookClient(nb, timeout=120, kernel_name=kernel_name,
                   resources={"metadata": {"path": str(folder)}}).execute(**start)
    return nb


def nbgrader_env():
    """The environment to run nbgrader in: it calls alembic, which lives next to the Python that runs it."""
    return dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))


def nbgrader(args, course_dir):
    """Runs ``nbgrader <args>`` in a course directory; raises with nbgrader's last lines if it fails."""
    completed = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course_dir, capture_output=True,
                               text=True, stdin=subprocess.DEVNULL, env=nbgrader_env())
    if completed.returncode != 0 or "| ERROR]" in completed.stderr:
        raise RuntimeError(f"nbgrader {args[0]} failed:\n{completed.stderr[-2000:]}")
    return completed
