"""Outputs that would run script wherever the graded notebook or its feedback is shown."""
from IPython.display import HTML, SVG, Javascript, Markdown, display


def ran(name):
    """Script that leaves a mark on the page it runs in."""
    return f"document.documentElement.setAttribute('data-nnfs-ran-{name}', '1')"


display(HTML(f"<script>{ran('html-script')}</script>"))
display(HTML(f'<img src="x" onerror="{ran("html-img")}">'))
display(HTML(f'<iframe srcdoc="<script>parent.{ran("html-iframe")}</script>"></iframe>'))
display(Javascript(ran("javascript")))
display(SVG(f'<svg xmlns="http://www.w3.org/2000/svg" onload="{ran("svg")}"><rect width="1" height="1"/></svg>'))
display(Markdown(f"[a link](javascript:{ran('markdown-link')})"))
display({"text/html": f"<script>{ran('raw-html')}</script>", "application/javascript": ran("raw-javascript"),
         "text/plain": "a raw bundle"}, raw=True)
HTML(f"<b onmouseover=\"{ran('execute-result')}\">the cell's result</b><script>{ran('execute-result')}</script>")
