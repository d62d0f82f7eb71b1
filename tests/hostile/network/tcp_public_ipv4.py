"""Public addresses over IPv4."""
import socket

from prelude import TARGETS, attack, first


def tcp_public_ipv4():
    return first([tuple(a) for a in TARGETS["public_ipv4"]], lambda a: socket.create_connection(a, timeout=1))


attack(tcp_public_ipv4)
