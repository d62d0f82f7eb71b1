"""As many programs as the sandbox allows processes in all."""
import subprocess
import time

from prelude import TARGETS, attack


def subprocess_bomb():
    wanted = TARGETS["processes"]
    children, started, error = [], time.monotonic(), None
    try:
        while len(children) < wanted and time.monotonic() - started < 10:
            children.append(subprocess.Popen(["sleep", "5"]))
    except OSError as e:
        error = e
    finally:
        for child in children:
            child.kill()
            child.wait()
    print(f"  started {len(children)} subprocesses before {error!r}")
    return len(children) >= wanted and f"{len(children)} subprocesses"


attack(subprocess_bomb)
