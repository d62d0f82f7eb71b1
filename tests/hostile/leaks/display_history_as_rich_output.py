"""The inputs shown as HTML and as text."""
from IPython import get_ipython
from IPython.display import HTML, display
from prelude import attack


def display_history_as_rich_output():
    history = get_ipython().user_ns["_ih"]
    display(HTML("<pre>" + "\n".join(history) + "</pre>"))
    display({"text/plain": repr(history)}, raw=True)
    return "HTML and text/plain"


attack(display_history_as_rich_output, "PRINTED")
