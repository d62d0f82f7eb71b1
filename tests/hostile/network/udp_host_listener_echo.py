"""A datagram to the test's UDP echo service on the host's loopback, and its answer."""
import socket

from prelude import TARGETS, attack


def udp_host_listener_echo():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(1)
    s.sendto(b"ping " + TARGETS["mark"].encode(), ("127.0.0.1", TARGETS["udp_port"]))
    return s.recvfrom(100)


attack(udp_host_listener_echo)
