"""
What a graded notebook's errors say the sandbox denied: "tried to use the network", say.

A report line tells the instructor that a submission reached for something
outside its sandbox. It is read from the error outputs of the student's cells,
text the student's code can write, so it only informs: nothing the grader
decides depends on it, and the report escapes it.
"""
import re

from grader.sandbox import HOME


def denial(output):
    """What an error output says the sandbox denied, in a few words, or None."""
    ename = str(output.get("ename", ""))
    text = f"{ename}: {output.get('evalue', '')}"
    path = re.search(r"(?:: |\b)'(/[^']*|\.\.[^']*)'", text)
    where = f" {path.group(1)[:80]}" if path else ""
    if ename == "MemoryError":
        return "ran into the memory limit"
    if any(s in text for s in ("Network is unreachable", "Temporary failure in name resolution",
                               "Name or service not known")):
        return "tried to use the network: denied"
    if "Resource temporarily unavailable" in text and ename in ("BlockingIOError", "OSError"):
        return "ran into the process limit"
    if any(s in text for s in ("File too large", "No space left on device", "Disk quota")):
        return "ran into the disk limit"
    if "unable to open database file" in text:
        return "tried to open a database outside its folder: not in the sandbox"
    if ename in ("FileNotFoundError", "PermissionError", "OSError", "IsADirectoryError") and (
            "Read-only file system" in text or "Permission denied" in text
            or (path and (path.group(1).startswith("..") or not path.group(1).startswith(HOME)))):
        return f"tried to reach{where}: not in the sandbox"
    return None


def denials(nb):
    """The sandbox's denials in a notebook's error outputs, each once, in order."""
    found = (denial(o) for cell in nb.cells for o in cell.get("outputs", []) if o.get("output_type") == "error")
    return list(dict.fromkeys(d for d in found if d))
