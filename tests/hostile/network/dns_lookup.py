"""Names resolved: public ones, and the host's own."""
import socket

from prelude import TARGETS, attack, first


def dns_lookup():
    return first(TARGETS["dns_names"], lambda name: socket.getaddrinfo(name, 80))


attack(dns_lookup)
