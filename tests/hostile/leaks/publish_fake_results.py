"""A results output in an ordinary cell, carrying the inputs."""
from IPython import get_ipython
from IPython.display import publish_display_data
from prelude import attack


def publish_fake_results():
    # The MIME type spelt apart: the feedback shows this source.
    publish_display_data({"application/vnd.nn-from-scratch" + ".results+json": {"token": "x", "results": []},
                          "text/plain": repr(get_ipython().user_ns["_ih"])})
    return "a results output in an ordinary cell"


attack(publish_fake_results, "PRINTED")
