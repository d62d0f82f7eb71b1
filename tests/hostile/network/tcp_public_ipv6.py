"""A public address over IPv6, and the test's listener on the host's IPv6 loopback."""
import socket

from prelude import TARGETS, attack, connected, first


def tcp_public_ipv6():
    return first([tuple(a) for a in TARGETS["public_ipv6"]],
                 lambda a: connected(socket.AF_INET6, socket.SOCK_STREAM, a))


attack(tcp_public_ipv6)
