"""
FeedbackExporter: the feedback pages, with a Content-Security-Policy that lets only the page's own scripts run.

Set as ``c.GenerateFeedback.exporter_class``. nbgrader renders feedback with
nbconvert's HTMLExporter and its feedback template; the template brings scripts
of its own (MathJax, for the equations). Student output is made inert before it is
stored (grader/preprocessors/inertoutputs.py); as a second wall, each page says in
a ``<meta>`` Content-Security-Policy that scripts may run only if they are the
template's own: its inline scripts by their sha256 (found by rendering an empty
notebook with the same template) and its external scripts by their origin. A
script that reached the page any other way, an event handler or a
``javascript:`` link, is refused by the browser.
"""
import base64
import hashlib
import re
import urllib.parse

from nbconvert.exporters import HTMLExporter
from nbformat.v4 import new_notebook

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
SOURCE = re.compile(r"""\bsrc\s*=\s*["']([^"']+)["']""", re.I)


def _sha256(text):
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def policy(template_page):
    """The Content-Security-Policy of pages whose only scripts are those of ``template_page``."""
    hashes, origins = set(), set()
    for attributes, body in SCRIPT.findall(template_page):
        source = SOURCE.search(attributes)
        if source:
            url = urllib.parse.urlsplit(source.group(1))
            origins.add(f"{url.scheme}://{url.netloc}" if url.netloc else "'self'")
        elif body.strip():
            hashes.add(f"'sha256-{_sha256(body)}'")
    scripts = " ".join(sorted(hashes | origins)) or "'none'"
    return (f"default-src 'none'; script-src {scripts}; style-src 'unsafe-inline' https:; "
            f"img-src data: https:; font-src data: https:; base-uri 'none'; form-action 'none'; "
            f"object-src 'none'; frame-src 'none'")


class FeedbackExporter(HTMLExporter):
    """nbgrader's feedback pages (HTMLExporter), each with a Content-Security-Policy (see the module)."""

    def from_notebook_node(self, nb, resources=None, **kw):
        output, resources = super().from_notebook_node(nb, resources, **kw)
        return _with_policy(output, self._policy(resources)), resources

    def _policy(self, resources):
        if not hasattr(self, "_cached_policy"):
            empty = {k: v for k, v in (resources or {}).items() if k in ("nbgrader", "metadata")}
            page, _ = super().from_notebook_node(new_notebook(), dict(empty))
            self._cached_policy = policy(page)
        return self._cached_policy


def _with_policy(page, content):
    """The page with the policy as the first element of its head, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    head = re.search(r"<head[^>]*>", page, re.I)
    return page[:head.end()] + "\n" + meta + page[head.end():] if head else meta + page
