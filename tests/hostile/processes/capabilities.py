"""Any capability, effective or permitted."""
from prelude import TARGETS, attack


def capabilities():
    caps = [line for line in open(TARGETS["status"]) if line.startswith(("CapEff", "CapPrm"))]
    return any(int(line.split()[1], 16) for line in caps) and caps


attack(capabilities)
