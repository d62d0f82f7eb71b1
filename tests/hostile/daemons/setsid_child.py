"""A shell in a new session that sleeps for a minute."""
import subprocess

from prelude import TARGETS, attack


def setsid_child():
    subprocess.Popen(["setsid", "sh", "-c", f"sleep 60; : {TARGETS['mark']}"], start_new_session=True)
    return "setsid sh -c sleep 60"


attack(setsid_child, "STARTED")
