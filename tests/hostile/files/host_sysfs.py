"""The host's /sys."""
import os

from prelude import TARGETS, attack


def host_sysfs():
    return os.listdir(TARGETS["sysfs"])


attack(host_sysfs)
