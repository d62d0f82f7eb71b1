"""A PostgreSQL server of the tests' own (make test installs Debian's package), for gradebooks by one line."""
import os
import pathlib
import shutil
import subprocess
import tempfile


def postgres_binaries():
    """The folder of Debian's PostgreSQL server programs (make test installs the package)."""
    found = sorted(pathlib.Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    assert found or shutil.which("pg_ctl"), "PostgreSQL is not installed: apt-get install postgresql"
    return found[-1].parent if found else pathlib.Path(shutil.which("pg_ctl")).parent


class PostgresServer:
    """A PostgreSQL server of the test's own, on a Unix socket in a temporary folder."""

    def __init__(self):
        self.bin = postgres_binaries()
        self.folder = pathlib.Path(tempfile.mkdtemp(prefix="nnfs-pg-"))
        self.data = self.folder / "data"
        # The server refuses to run as root: run it as Debian's postgres user then.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.folder, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "nbgrader", "--auth=trust")
        self._run("pg_ctl", "-D", str(self.data), "-w", "-l", str(self.folder / "server.log"), "-o",
                  f"-k {self.folder} -c listen_addresses='' -p 5439", "start")
        self._run("createdb", "-h", str(self.folder), "-p", "5439", "-U", "nbgrader", "nn_from_scratch")
        self.url = f"postgresql://nbgrader@/nn_from_scratch?host={self.folder}&port=5439"

    def _run(self, program, *args):
        subprocess.run(self.as_user + [str(self.bin / program), *args], check=True, capture_output=True,
                       stdin=subprocess.DEVNULL)

    def restart(self):
        """Stops the server at once, as a crash would, and starts it again."""
        self._run("pg_ctl", "-D", str(self.data), "-w", "-m", "immediate", "-l", str(self.folder / "server.log"),
                  "-o", f"-k {self.folder} -c listen_addresses='' -p 5439", "restart")

    def close(self):
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
