"""A sitecustomize or usercustomize module in the environment's site-packages."""
import os
import sysconfig

from prelude import TARGETS, attack, first


def plant_venv_sitecustomize():
    site = TARGETS.get("site") or sysconfig.get_paths()["purelib"]
    return first([site + "/sitecustomize.py", site + "/usercustomize.py"],
                 lambda path: os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND))


attack(plant_venv_sitecustomize)
