"""The grader's home: anything in it but the way down to the Python environment that the kernel runs."""
import os
import sys

from prelude import TARGETS, attack


def grader_home():
    pythons = {os.path.realpath(p) for p in (sys.prefix, sys.base_prefix)}

    def beside_python(folder):
        found = []
        for entry in os.listdir(folder):
            path = os.path.join(folder, entry)
            if not any(p == path or p.startswith(path + "/") for p in pythons):
                found.append(path)
            elif path not in pythons:
                found += beside_python(path)
        return found

    return beside_python(os.path.realpath(TARGETS["home"]))


attack(grader_home)
