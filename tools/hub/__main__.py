"""
The class server's command, as the Makefile runs it:

    python -m tools.hub up | down | lock  [--config FILE] [--port N]

``make hub``, ``make hub-stop`` and ``make hub-lock``; ``up`` takes the steps of
tools/hub/__init__.py in order.
"""
import argparse
import os
import sys

from grader.course import Course, CourseError
from grader.exchange import make_exchange
from tools import hub
from tools.hub.accounts import close_course, make_accounts, write_user_config
from tools.hub.install import install_class, install_hub, install_proxy, lock
from tools.hub.processes import start, stop
from tools.hub.settings import CONFIG, read_settings, read_students


def up(settings):
    """`make hub`: yields what it does, a line per step."""
    if os.geteuid() != 0:
        raise hub.HubError("`make hub` makes accounts and serves them: run it as root (sudo make hub)")
    os.umask(0o022)  # the environments are read by every account
    students = read_students(settings)
    course = Course.at(settings.course)
    settings.state.mkdir(parents=True, exist_ok=True)
    # Users' servers read their configuration in it; nobody else may list it, and what the Hub writes is root's.
    os.chmod(settings.state, 0o711)
    yield install_hub(settings)
    yield install_proxy(settings)
    yield install_class(settings)
    new = make_accounts(settings, students)
    yield (f"accounts: {len(students)} student(s) in {settings.students_group}, {len(settings.instructors)} "
           f"instructor(s) in {settings.instructors_group}"
           + (f"; {len(new)} new, their passwords in {settings.state / 'passwords.csv'}" if new else ""))
    gradebook = close_course(settings, course)
    yield f"course: {course.root} closed to all but {settings.instructors_group} (2770; {gradebook} 0660)"
    exchange = course.exchange_root
    yield f"exchange: {make_exchange(exchange)}"
    yield start(settings, course, exchange, write_user_config(settings, course))


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tools.hub", description=hub.__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("up", "down", "lock"))
    parser.add_argument("--config", default=str(CONFIG), help="the class server's settings (default: hub/hub.toml)")
    parser.add_argument("--port", help="where the Hub listens, in place of the settings' port")
    args = parser.parse_args(argv)
    try:
        settings = read_settings(args.config, args.port)
        if args.command == "up":
            for line in up(settings):
                print(line, flush=True)
        else:
            print(stop(settings) if args.command == "down" else lock(settings))
    except (hub.HubError, CourseError) as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
