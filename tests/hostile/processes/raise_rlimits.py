"""The sandbox's resource limits raised to unlimited."""
import resource

from prelude import attack


def raise_rlimits():
    raised = []
    for name in ("RLIMIT_NPROC", "RLIMIT_AS", "RLIMIT_FSIZE", "RLIMIT_CPU"):
        try:
            resource.setrlimit(getattr(resource, name), (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
            raised.append(name)
        except (ValueError, OSError):
            pass
    return raised


attack(raise_rlimits)
