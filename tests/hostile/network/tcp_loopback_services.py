"""The usual services on loopback: ssh, web servers, databases, Jupyter."""
import socket

from prelude import TARGETS, attack, first


def tcp_loopback_services():
    return first(TARGETS["loopback_ports"], lambda port: socket.create_connection(("127.0.0.1", port), timeout=1))


attack(tcp_loopback_services)
