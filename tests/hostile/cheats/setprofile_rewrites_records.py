"""A profile function that rewrites every record on its way out."""
import sys

from prelude import attack


def setprofile_rewrites_records():
    def profiler(frame, event, arg):
        if event == "return" and frame.f_code.co_name == "run_case" and isinstance(arg, dict):
            arg.pop("error", None)
            arg.setdefault("value", {"__tuple__": [2, 2, 1]})

    sys.setprofile(profiler)


attack(setprofile_rewrites_records, "INSTALLED")
