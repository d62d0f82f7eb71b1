"""A TCP service the test listens with on the host's loopback."""
import socket

from prelude import TARGETS, attack


def tcp_host_listener():
    return socket.create_connection(("127.0.0.1", TARGETS["tcp_port"]), timeout=1)


attack(tcp_host_listener)
