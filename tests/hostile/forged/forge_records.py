"""
A pre_run_cell hook that publishes a forged record set before the grader's own, in the test cells
that TARGETS["forged"] names, each with one kind of forgery: results that are no list, a value that
is an array of Python objects, or a value nested 200,000 levels deep (sent as raw JSON: no Python
encoder nests that far).
"""
import json
import re

from IPython import get_ipython
from prelude import TARGETS

MIME = "application/vnd.nn-from-scratch" + ".results+json"  # spelt apart: the feedback shows this source
OBJECTS = {"__ndarray__": "AAAAAAAAAAA=", "dtype": "|O", "shape": [1]}
FORGERIES = {
    "not_a_list": '"x"',
    "object_array": json.dumps([{"value": OBJECTS, "again": OBJECTS, "changed_inputs": False, "printed": 0}]),
    "deeply_nested": '[{"value": ' + "[" * 200_000 + "]" * 200_000 + "}]",
}


def forge(info):
    found = re.search(r'"cell": "(\w+)", "token": "(\w+)"', info.raw_cell or "")
    if found is None or found.group(1) not in TARGETS["forged"]:
        return
    cell, token = found.groups()
    results = FORGERIES[TARGETS["forged"][cell]]
    publisher = get_ipython().display_pub
    content = (f'{{"data": {{"{MIME}": {{"cell": "{cell}", "token": "{token}", "results": {results}}}}}, '
               f'"metadata": {{}}, "transient": {{}}}}')
    message = publisher.session.msg("display_data", content.encode(), parent=publisher.parent_header)
    publisher.session.send(publisher.pub_socket, message, ident=publisher.topic)


get_ipython().events.register("pre_run_cell", forge)
