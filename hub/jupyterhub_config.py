"""
JupyterHub for the class, as `make hub` starts it: tools/hub/ writes the settings this reads
(NNFS_HUB_SETTINGS) and the accounts, groups and environments they name.

Users log in with their Unix account and its password (PAM); only the members of the students'
and the instructors' groups may, and the instructors are the Hub's admins. Each user's server
runs as that user, in the class environment: a student's in their home, with nbgrader's
Assignments tab; an instructor's in the course directory, with formgrader as well.
"""
import grp
import json
import os
import pathlib
import pwd

from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid

c = get_config()  # noqa: F821 (provided by JupyterHub when it loads this file)
settings = json.loads(pathlib.Path(os.environ["NNFS_HUB_SETTINGS"]).read_text())
state = pathlib.Path(settings["state"])

# The proxy on the class's address; the Hub and the proxy's API on loopback ports of their own.
c.JupyterHub.bind_url = f"http://{settings['ip']}:{settings['port']}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{settings['hub_port']}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings['proxy_api_port']}"
c.ConfigurableHTTPProxy.command = [settings["proxy"]]
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")

# PAM: the passwords of the Unix accounts, which the instructor sets (`make hub` gives new accounts a
# random one; `passwd` changes it). Group membership is read at each login, so that students whom
# `make hub` adds later may log in without a restart.
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.allowed_groups = {settings["students_group"], settings["instructors_group"]}
c.PAMAuthenticator.admin_groups = {settings["instructors_group"]}


class ClassSpawner(LocalProcessSpawner):
    """A user's server as that Unix user, set up for their part in the class."""

    def teaches(self):
        return self.user.name in grp.getgrnam(settings["instructors_group"]).gr_mem

    def make_preexec_fn(self, name):
        become = set_user_setuid(name, chdir=False)
        # nbgrader reads the course's nbgrader_config.py from the server's working directory, its root.
        folder = settings["course"] if self.teaches() else pwd.getpwnam(name).pw_dir
        # What students make is theirs alone; what instructors make, their group's (the course directory's).
        umask = 0o007 if self.teaches() else 0o077

        def preexec():
            become()
            os.umask(umask)
            os.chdir(folder)

        return preexec

    def get_env(self):
        env = super().get_env()
        config = settings["jupyter_config"]
        # The instructors' configuration comes first and puts formgrader back.
        paths = [config["instructors"], config["class"]] if self.teaches() else [config["class"]]
        env.update(PATH=os.pathsep.join([f"{settings['class_env']}/bin", "/usr/local/bin", "/usr/bin", "/bin"]),
                   LANG="C.UTF-8", JUPYTER_CONFIG_PATH=os.pathsep.join(paths),
                   NBGRADER_EXCHANGE=settings["exchange"])
        return env


c.JupyterHub.spawner_class = ClassSpawner
c.Spawner.cmd = [f"{settings['class_env']}/bin/jupyterhub-singleuser"]
c.Spawner.default_url = "/lab"
# A server on a busy machine may take a while to start; a minute and more is no failure.
c.Spawner.http_timeout = 120
c.Spawner.start_timeout = 180
