"""Every sha256 digest the same: a record would then never say that a call changed its inputs."""
import hashlib

from prelude import attack


def hashlib_hides_changed_inputs():
    class Same:
        def __init__(self, *a, **k):
            pass

        def update(self, *a):
            pass

        def hexdigest(self):
            return "0" * 64

    hashlib.sha256 = Same


attack(hashlib_hides_changed_inputs, "INSTALLED")
