"""
What every hostile probe shares. The notebook defines this module first (as ``prelude``,
see __init__.py), then runs the probes, one cell each.

A probe is a function that tries one thing and returns a truthy description of what it
reached, or something falsy when it reached nothing; ``attack`` runs it and prints one
line whatever happens: ``ATTACK <name>: SUCCEEDED <what>`` or ``ATTACK <name>: BLOCKED
<why>``. Probes whose outcome only the grader's results can tell (a daemon left behind,
a cheat installed, a leak printed) report a status of their own (STARTED, INSTALLED,
PRINTED) instead. Where each probe aims is in ``TARGETS``: the test fills it in, with the
grader's real places for a batch, or with places that do exist and can be reached, to
show that every probe can report SUCCEEDED.
"""
import os
import socket

TARGETS = {}


def attack(probe, status=None):
    """Runs probe() and prints its line."""
    name = probe.__name__
    try:
        result = probe()
    except BaseException as error:  # MemoryError, SystemExit, an interrupt: outcomes too
        print(f"ATTACK {name}: BLOCKED {type(error).__name__}: {str(error)[:120]}", flush=True)
        return
    if status:
        print(f"ATTACK {name}: {status} {str(result or '')[:120]}", flush=True)
    elif result:
        print(f"ATTACK {name}: SUCCEEDED {str(result)[:300]}", flush=True)
    else:
        print(f"ATTACK {name}: BLOCKED nothing reached", flush=True)


def first(targets, opener):
    """'<target>: <what opener returned>' for the first target that opener(target) accepts; None if none does."""
    for target in targets:
        try:
            return f"{target}: {opener(target)!r}"[:300]
        except Exception:
            pass
    return None


def connected(family, kind, address):
    """A socket of that family and kind, connected to address (within a second)."""
    s = socket.socket(family, kind)
    s.settimeout(1)
    s.connect(address)
    return s


def fill(folder, total, chunk=16 * 2**20, per_file=2**40):
    """Writes zeros into folder until an error or ``total`` bytes; returns (bytes written, error), then removes them."""
    written, made, block = 0, [], bytes(chunk)
    try:
        while written < total:
            path = os.path.join(folder, f"fill-{TARGETS['mark']}-{len(made)}")
            made.append(path)
            with open(path, "wb") as f:
                size = 0
                while size < per_file and written < total:
                    f.write(block)
                    f.flush()
                    size += chunk
                    written += chunk
    except OSError as error:
        return written, error
    finally:
        for path in made:
            try:
                os.remove(path)
            except OSError:
                pass
    return written, None


def filled(folder, per_file=48 * 2**20):
    """What it wrote ("2048 MiB") when TARGETS["disk_bytes"] fitted into folder, in files of 48 MiB; else False."""
    written, error = fill(folder, TARGETS["disk_bytes"], chunk=min(16 * 2**20, TARGETS["disk_bytes"]),
                          per_file=per_file)
    print(f"  wrote {written >> 20} MiB into {folder}: {error!r}")
    return written >= TARGETS["disk_bytes"] and f"{written >> 20} MiB"
