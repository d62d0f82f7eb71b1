"""The test's abstract Unix socket on the host (abstract sockets belong to the network namespace)."""
import socket

from prelude import TARGETS, attack, connected


def abstract_unix_socket_of_host():
    return connected(socket.AF_UNIX, socket.SOCK_STREAM, "\0" + TARGETS["abstract_socket"])


attack(abstract_unix_socket_of_host)
