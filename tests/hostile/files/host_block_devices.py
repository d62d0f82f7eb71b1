"""The host's disks, memory and kernel log as devices."""
from prelude import TARGETS, attack, first


def host_block_devices():
    return first(TARGETS["devices"], lambda path: open(path, "rb").read(4))


attack(host_block_devices)
