"""
The class server's settings: a hub.toml (hub/hub.toml unless another is named), and the
students of its roster, each checked to be fit for a Unix account on the Hub.
"""
import pathlib
import re
import tomllib
from dataclasses import dataclass

from grader.roster import InputError, read_roster
from tools.hub import HUB, HubError

CONFIG = HUB / "hub.toml"
KEYS = ("course", "roster", "instructors", "ip", "port", "students_group", "instructors_group", "state", "prefix",
        "python")
# JupyterHub lower-cases the name a user logs in with; an account name must survive that, and useradd.
ACCOUNT = re.compile(r"[a-z_][a-z0-9_.-]{0,31}")


@dataclass(frozen=True)
class Settings:
    """hub.toml, its paths made absolute (relative ones are relative to the file's folder)."""
    course: pathlib.Path
    roster: pathlib.Path
    instructors: tuple
    ip: str
    port: int
    students_group: str
    instructors_group: str
    state: pathlib.Path
    prefix: pathlib.Path
    python: str

    @property
    def hub_env(self):
        return self.prefix / "hub-env"

    @property
    def class_env(self):
        return self.prefix / "class-env"

    @property
    def proxy(self):
        return self.prefix / "proxy"

    @property
    def url(self):
        return f"http://{self.ip}:{self.port}"


def read_settings(path=CONFIG, port=None):
    """The settings of a hub.toml (the port: `port` if given); HubError at the first mistake."""
    path = pathlib.Path(path).resolve()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise HubError(f"{path}: cannot be read ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise HubError(f"{path}: {error}") from None
    if sorted(raw) != sorted(KEYS):
        wrong = sorted(set(raw) ^ set(KEYS))
        raise HubError(f"{path.name}: {', '.join(wrong)}: the settings are {', '.join(KEYS)}")
    instructors = raw["instructors"]
    if not isinstance(instructors, list) or not instructors:
        raise HubError(f"{path.name}: instructors must list at least one account")
    for name in [*instructors, raw["students_group"], raw["instructors_group"]]:
        _account_name(name, path.name)
    port = raw["port"] if port is None else port
    if not str(port).isdigit() or not 0 < int(port) < 65536:
        raise HubError(f"{path.name}: {port!r} is not a port")
    here = path.parent
    return Settings(course=(here / raw["course"]).resolve(), roster=(here / raw["roster"]).resolve(),
                    instructors=tuple(instructors), ip=raw["ip"], port=int(port),
                    students_group=raw["students_group"], instructors_group=raw["instructors_group"],
                    state=(here / raw["state"]).resolve(), prefix=(here / raw["prefix"]).resolve(),
                    python=raw["python"])


def _account_name(name, where):
    if not isinstance(name, str) or not ACCOUNT.fullmatch(name):
        raise HubError(f"{where}: {name!r} cannot be a Unix account on the Hub (lower-case letters, digits, . _ -; "
                       f"at most 32, not starting with a digit, . or -)")


def read_students(settings):
    """The ids of the roster's students, each fit to be an account; HubError at the first that is not."""
    try:
        students = [student.id for student in read_roster(settings.roster)]
    except InputError as error:
        raise HubError(str(error)) from None
    for student in students:
        _account_name(student, settings.roster.name)
        if student in settings.instructors:
            raise HubError(f"{settings.roster.name}: {student} is an instructor of the Hub, not a student")
    return students
