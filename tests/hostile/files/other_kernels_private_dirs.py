"""Other kernels' private folders (their connection files and keys) in the temporary directory."""
import os
import sys

from prelude import TARGETS, attack


def other_kernels_private_dirs():
    own = os.path.dirname(os.path.abspath(sys.argv[sys.argv.index("-f") + 1]))
    tmp = TARGETS["tmp"]
    return [d for d in os.listdir(tmp) if d.startswith(TARGETS["kernel_prefix"]) and os.path.join(tmp, d) != own]


attack(other_kernels_private_dirs)
