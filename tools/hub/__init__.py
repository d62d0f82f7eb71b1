"""
The class server: ``make hub`` (as root) serves the course through JupyterHub on this machine to
the students of the roster and the instructors of hub/hub.toml; ``make hub-stop`` stops it and
everything it started; ``make hub-lock`` locks its environments (hub/constraints.txt).

``make hub`` can be run again at any time: it adds the roster's new students and changes nothing
else. In order, it
  1. installs what is missing or out of date, under the prefix of hub.toml: JupyterHub in an
     environment of its own (hub/requirements.txt, locked in hub/constraints.txt),
     configurable-http-proxy with npm (hub/package-lock.json), and the class environment that
     every user's server runs in: the course's packages (requirements.txt), the helpers wheel of
     the student bundle and JupyterHub's single-user server, made from a Python every account can
     run. Nothing of the course directory is in it; formgrader is off there, and on again for
     instructors only (their servers read a configuration of their own first).
  2. makes a Unix account for each student and instructor who has none, with a random password
     that it adds to <state>/passwords.csv (root only) for the instructor to hand out, and puts
     each in the group that may log in; students' homes are closed to everyone else.
  3. gives the course directory to the instructors' group (setgid, so that what they make keeps
     it) and closes it to everyone else: mode 2770, the gradebook 0660.
  4. makes nbgrader's exchange (make exchange) and the configuration that finds it.
  5. starts JupyterHub (hub/jupyterhub_config.py) in the background, its pid and log in the state
     folder, and waits until it answers through the proxy.

``make hub-stop`` stops JupyterHub, which stops the proxy and every user's server; what any of
them started and is still running then (a kernel, a terminal, a student's stray process) is
ended with them.

The modules, from the command down:
  __main__   ``python -m tools.hub up|down|lock``, as the Makefile runs it: the steps above, in order
  processes  JupyterHub started in the background, found by its record, stopped with all it started
  install    the Hub's environment, the proxy and the class environment (1); their lock (hub-lock)
  accounts   the accounts and groups (2), the course directory closed (3), the users' configuration (4)
  settings   hub.toml and the roster's students, checked

Shared below all (here): where hub/ is, the error that stops the server, commands that must
succeed, and what only instructors' servers have.
"""
import pathlib
import subprocess

from tools import ROOT

HUB = ROOT / "hub"
# What students' servers leave out (instructors' servers put them back): formgrader, the course list, and the
# toolbar that turns a notebook into an assignment.
INSTRUCTORS_ONLY_SERVER = ("nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.course_list")
INSTRUCTORS_ONLY_LAB = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:course-list",
                        "@jupyter/nbgrader:create-assignment")


class HubError(Exception):
    """What keeps the class server from starting or stopping, in one line."""


def run(command, **kwargs):
    """Runs a command; HubError with its last lines when it fails."""
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True, **kwargs)
    if done.returncode:
        said = (done.stdout + done.stderr).strip()[-1500:]
        raise HubError(f"{pathlib.Path(str(command[0])).name} {' '.join(map(str, command[1:3]))} failed: {said}")
    return done.stdout
