"""A .pth file in the environment's site-packages: code that every Python of the grader would run."""
import os
import sysconfig

from prelude import TARGETS, attack


def plant_venv_pth():
    site = TARGETS.get("site") or sysconfig.get_paths()["purelib"]
    path = f"{site}/zz_{TARGETS['mark']}.pth"
    open(path, "w").write(f"import os; os.system('touch /tmp/{TARGETS['mark']}')\n")
    os.remove(path)
    return path


attack(plant_venv_pth)
