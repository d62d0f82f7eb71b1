"""The instructor's notebook in the repository's own source/."""
import os

from prelude import TARGETS, attack, first


def read_repo_source():
    name = TARGETS["assignment"]
    folder = f"{TARGETS['repo']}/source"
    return first([f"{folder}/{name}/{name}.ipynb", folder],
                 lambda path: open(path).read(20) if path.endswith(".ipynb") else os.listdir(path))


attack(read_repo_source)
