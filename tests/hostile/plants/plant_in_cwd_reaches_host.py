"""Files written in the working folder: do they reach the host's copy of the notebook's folder?"""
import os

from prelude import TARGETS, attack


def plant_in_cwd_reaches_host():
    mark = TARGETS["mark"]
    for name in ("nbgrader_config.py", "sitecustomize.py", f"planted-{mark}.py"):
        open(name, "w").write("# " + mark)
    return [n for n in os.listdir(TARGETS["host_folder"]) if mark in n or n.endswith("customize.py")]


attack(plant_in_cwd_reaches_host)
