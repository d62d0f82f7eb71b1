"""A trace function that turns every failed record into the right answer of layer_sizes."""
import sys
import threading

from prelude import attack


def settrace_rewrites_records():
    def local(frame, event, arg):
        if event == "return" and isinstance(arg, dict) and "error" in arg:
            arg.pop("error")
            arg["value"] = {"__tuple__": [2, 2, 1]}
        return local

    def tracer(frame, event, arg):
        return local if frame.f_code.co_name == "run_case" else None

    sys.settrace(tracer)
    threading.settrace(tracer)


attack(settrace_rewrites_records, "INSTALLED")
