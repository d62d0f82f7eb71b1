"""
The course's settings as nbgrader reads them from nbgrader_config.py (course id,
gradebook, exchange), and the exchange folder, made once: ``make exchange``.

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
import sys
from dataclasses import dataclass, field

# Everyone may create entries; only an entry's owner may remove or rename it.
EXCHANGE_MODE = 0o1777


@dataclass(frozen=True)
class Settings:
    """What nbgrader reads from the course's configuration."""
    course_dir: pathlib.Path
    course_id: str
    db_url: str
    exchange_root: pathlib.Path
    config: object = field(repr=False, compare=False)  # the whole configuration (a traitlets Config)

    def gradebook(self):
        """The course's gradebook (nbgrader's Gradebook; use it as a context manager)."""
        from nbgrader.api import Gradebook

        return Gradebook(self.db_url, self.course_id)

    def student_config(self):
        """The lines of a students' nbgrader_config.py that find this course's exchange."""
        return (f"c.Exchange.root = {str(self.exchange_root)!r}\n"
                f"c.CourseDirectory.course_id = {self.course_id!r}\n")


class CourseError(Exception):
    """What keeps a command from the course or its exchange, in one line for the instructor."""


def settings(course_dir="."):
    """The settings of the course in `course_dir`, with nbgrader's defaults for what it leaves out."""
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default import Exchange
    from traitlets.config.loader import PyFileConfigLoader

    course_dir = pathlib.Path(course_dir).resolve()
    if not (course_dir / "nbgrader_config.py").is_file():
        raise CourseError(f"{course_dir} has no nbgrader_config.py: run this in the course directory "
                          f"(or give --course)")
    path = list(sys.path)  # the configuration puts its course on sys.path, for nbgrader's processes
    try:
        config = PyFileConfigLoader("nbgrader_config.py", path=str(course_dir)).load_config()
    finally:
        sys.path[:] = path
    coursedir = CourseDirectory(config=config)
    return Settings(course_dir, coursedir.course_id, coursedir.db_url, pathlib.Path(Exchange(config=config).root),
                    config)


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
