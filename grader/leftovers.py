"""
What a killed grading run leaves behind, told apart by the process that made it.

Kernels' folders and cgroups, and scratch courses, are named ``<prefix><pid>-...``
after the grading process that made them. A run that was killed (SIGKILL, a
machine that stopped) cannot clean up after itself; the next run removes what
belongs to processes that no longer run.
"""
import os
import pathlib
import re
import shutil
import tempfile


def pid_alive(pid):
    """Whether a process runs with this id."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def owner_alive(name, prefix):
    """Whether the process named in ``<prefix><pid>-...`` still runs (True for names of another form)."""
    match = re.match(rf"{re.escape(prefix)}(\d+)-", name)
    return match is None or pid_alive(int(match.group(1)))


def remove_stale_folders(prefix):
    """Removes the folders ``<prefix><pid>-...`` in the temporary directory whose process no longer runs."""
    for folder in pathlib.Path(tempfile.gettempdir()).glob(f"{prefix}*"):
        if folder.is_dir() and not owner_alive(folder.name, prefix):
            shutil.rmtree(folder, ignore_errors=True)
