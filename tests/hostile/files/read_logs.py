"""The grader's logs of other students."""
import os

from prelude import TARGETS, attack, first


def read_logs():
    return first([TARGETS["course"] + "/logs"],
                 lambda path: [open(f"{path}/{f}").read(20) for f in os.listdir(path)])


attack(read_logs)
