"""A shell under nohup, in a new session, that sleeps for a minute."""
import subprocess

from prelude import TARGETS, attack


def nohup_sleep():
    subprocess.Popen(["nohup", "sh", "-c", f"sleep 61 # {TARGETS['mark']}"], stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True)
    return "nohup sh -c sleep 61"


attack(nohup_sleep, "STARTED")
