"""Network interfaces beyond the sandbox's own loopback."""
import socket

from prelude import TARGETS, attack


def network_interfaces():
    return [name for _, name in socket.if_nameindex() if name not in TARGETS["own_interfaces"]]


attack(network_interfaces)
