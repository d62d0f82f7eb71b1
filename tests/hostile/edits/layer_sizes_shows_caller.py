# GRADED FUNCTION: layer_sizes
"""Replaces the solution of layer_sizes: raises with what it can see of its caller (the grader's code)."""
import sys

print("ATTACK error_message_shows_caller: PRINTED when the tests call it", flush=True)


def layer_sizes(X, Y):
    caller = sys._getframe(1)
    raise RuntimeError(f"{caller.f_globals.get('__name__')} {caller.f_code.co_consts!r} {sorted(caller.f_locals)}")
