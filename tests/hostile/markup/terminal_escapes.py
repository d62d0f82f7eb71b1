"""
An error whose message carries terminal escapes: a carriage return and erase-line (a forged line over
the real one), a window title (OSC 0), the clipboard (OSC 52), and the same as 8-bit controls.
"""
ESCAPES = ("\r\x1b[2K[2/2] perfect: 0 / 100 -- could not be graded\x1b]0;graded\x07"
           "\x1b]52;c;ZWNobyBvd25lZA==\x07\x9b2K\x9d0;graded\x9c")

raise PermissionError(f"[Errno 13] Permission denied: '/{ESCAPES}'")
