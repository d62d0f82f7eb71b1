"""Five thousand outputs from one cell."""
from IPython.display import display

for i in range(5000):
    display({"text/plain": f"output {i}"}, raw=True)
