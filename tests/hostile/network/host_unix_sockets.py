"""The host's Unix sockets: D-Bus, Docker, systemd, X, and the test's own."""
import socket

from prelude import TARGETS, attack, connected, first


def host_unix_sockets():
    return first(TARGETS["unix_sockets"], lambda path: connected(socket.AF_UNIX, socket.SOCK_STREAM, path))


attack(host_unix_sockets)
