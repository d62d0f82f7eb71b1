"""Thirty displays with one display id, then one update of 7 MB: a client copies the update into all thirty."""
from IPython.display import display, update_display

for _ in range(30):
    display({"text/plain": "."}, raw=True, display_id="amplified")
update_display({"application/json": {"v": list(range(10**6))}}, raw=True, display_id="amplified")
