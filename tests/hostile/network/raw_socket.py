"""A raw packet socket: every frame on the host's interfaces."""
import socket

from prelude import TARGETS, attack


def raw_socket():
    family, kind = (getattr(socket, name) for name in TARGETS["raw_socket"])
    return socket.socket(family, kind)


attack(raw_socket)
