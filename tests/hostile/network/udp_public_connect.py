"""A route to a public address over UDP (no datagram is sent)."""
import socket

from prelude import TARGETS, attack, connected


def udp_public_connect():
    return connected(socket.AF_INET, socket.SOCK_DGRAM, tuple(TARGETS["udp_route"])).getsockname()


attack(udp_public_connect)
