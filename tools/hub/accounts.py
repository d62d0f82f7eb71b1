"""
Who may do what on the class server: a Unix account and group membership for each student and
instructor, the course directory given to the instructors and closed to everyone else, and the
Jupyter configuration of the users' servers (the exchange for all; formgrader for instructors).
"""
import grp
import json
import os
import pwd
import secrets
import stat

from tools.hub import INSTRUCTORS_ONLY_LAB, INSTRUCTORS_ONLY_SERVER, HubError, run

# Accounts below this uid are the system's own (UID_MIN of login.defs): the Hub serves none of them.
UID_MIN = 1000


def _group(name):
    try:
        return grp.getgrnam(name)
    except KeyError:
        run(["groupadd", name])
        return grp.getgrnam(name)


def make_accounts(settings, students):
    """Accounts and groups for the students and instructors; the passwords of the new accounts, {name: password}."""
    new = {}
    for group, names in ((settings.students_group, students), (settings.instructors_group, settings.instructors)):
        members = _group(group).gr_mem
        for name in names:
            try:
                account = pwd.getpwnam(name)
            except KeyError:
                run(["useradd", "--create-home", "--shell", "/bin/bash", "--groups", group, name])
                new[name] = secrets.token_urlsafe(9)
                run(["chpasswd"], input=f"{name}:{new[name]}\n")
                account = pwd.getpwnam(name)
            else:
                if account.pw_uid < UID_MIN:
                    raise HubError(f"{name} is a system account (uid {account.pw_uid}): the Hub serves none")
                if name not in members:
                    run(["usermod", "--append", "--groups", group, name])
            if group == settings.students_group:
                os.chmod(account.pw_dir, 0o700)
    if new:
        passwords = settings.state / "passwords.csv"
        fresh = not passwords.exists()
        with open(os.open(passwords, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "w") as out:
            out.write("id,password\n" * fresh + "".join(f"{name},{password}\n" for name, password in new.items()))
    return new


def _reachable(folder):
    """HubError unless every folder above `folder` lets other accounts through (the instructors go in there)."""
    for parent in folder.parents:
        if not os.stat(parent).st_mode & stat.S_IXOTH:
            raise HubError(f"the instructors cannot reach {folder}: {parent} is closed to other accounts; "
                           f"put the course directory where every account can pass, e.g. /srv/nn-from-scratch/course")


def _share(path, gid, bits):
    status = os.lstat(path)
    if status.st_gid != gid:
        os.chown(path, -1, gid, follow_symlinks=False)
    if stat.S_IMODE(status.st_mode) | bits != stat.S_IMODE(status.st_mode):
        os.chmod(path, stat.S_IMODE(status.st_mode) | bits)


def close_course(settings, course):
    """The course directory made the instructors' and closed to everyone else; where the gradebook is."""
    _reachable(course.root)
    with course.gradebook():  # made now if it is missing, so that it gets the modes below
        pass
    gid = grp.getgrnam(settings.instructors_group).gr_gid
    for folder, _, files in os.walk(course.root):
        _share(folder, gid, stat.S_ISGID | stat.S_IRWXG)
        for name in files:
            path = os.path.join(folder, name)
            if not os.path.islink(path):  # a link's mode is its target's, which may lie outside the course
                owner_runs = os.lstat(path).st_mode & stat.S_IXUSR
                _share(path, gid, stat.S_IRGRP | stat.S_IWGRP | (stat.S_IXGRP if owner_runs else 0))
    os.chmod(course.root, 0o2770)
    gradebook = course.db_url.removeprefix("sqlite:///")
    if gradebook != course.db_url:
        os.chmod(gradebook, 0o660)
    return gradebook


def write_user_config(settings, course):
    """The Jupyter configuration of every user's server (the exchange), and the instructors' (formgrader)."""
    everyone, instructors = settings.state / "jupyter" / "class", settings.state / "jupyter" / "instructors"
    for folder in (everyone, instructors / "jupyter_server_config.d", instructors / "labconfig"):
        folder.mkdir(parents=True, exist_ok=True)
    (everyone / "nbgrader_config.py").write_text(
        "# Written by `make hub`: where every user's nbgrader finds the course's exchange.\n"
        "c = get_config()  # noqa: F821\n" + course.student_config())
    (instructors / "jupyter_server_config.d" / "nnfs-instructors.json").write_text(json.dumps(
        {"ServerApp": {"jpserver_extensions": {name: True for name in INSTRUCTORS_ONLY_SERVER}}}, indent=2))
    (instructors / "labconfig" / "page_config.json").write_text(json.dumps(
        {"disabledExtensions": {name: False for name in INSTRUCTORS_ONLY_LAB}}, indent=2))
    return {"class": str(everyone), "instructors": str(instructors)}
