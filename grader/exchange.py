"""
nbgrader's exchange folder, made once: ``make exchange``.

nbgrader's exchange is one folder on the machine that every instructor and
student can write to: ``release_assignment`` puts the release there, students'
``fetch_assignment`` and ``submit`` read and write it, ``collect`` and
``release_feedback`` close the loop. It is made here, by root, writable by all
with the sticky bit (as /tmp is), so that nobody can delete or rename another's
files in it; nbgrader would otherwise make it itself, silently, without that bit.
"""
import os
import pathlib
import stat

from grader.course import CourseError

# Everyone may create entries; only an entry's owner may remove or rename it.
EXCHANGE_MODE = 0o1777


def make_exchange(root):
    """
    Makes the exchange folder `root` (and its parents), mode 1777, or gives an existing one
    that mode; returns what it did, in a few words.
    """
    root = pathlib.Path(root)
    try:
        if root.is_dir():
            if stat.S_IMODE(root.stat().st_mode) == EXCHANGE_MODE:
                return f"{root} is there, mode 1777"
            os.chmod(root, EXCHANGE_MODE)
            return f"{root} is there; its mode set to 1777"
        root.mkdir(parents=True)
        os.chmod(root, EXCHANGE_MODE)  # mkdir's mode is cut by the umask
    except PermissionError:
        raise CourseError(f"cannot make {root} writable by all (permission denied): run `sudo make exchange`, "
                            f"or set NBGRADER_EXCHANGE to a folder of your own") from None
    return f"made {root}, mode 1777"
