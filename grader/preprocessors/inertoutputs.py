"""InertOutputs: what a student wrote or printed is stored and shown as inert content."""
import html
import re

import nbformat
from nbconvert.preprocessors.sanitize import SanitizeHTML
from nbgrader.coursedir import CourseDirectory
from traitlets import Bool, List, Unicode

# Tables and images as the notebooks' own outputs and markdown use them; never script or event handlers.
TAGS = ["a", "abbr", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
        "img", "li", "ol", "p", "pre", "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr",
        "ul"]


# A link or image in markdown: [text](url ...), ![alt](url ...), <url>, and [label]: url definitions.
LINK = re.compile(r"(\]\(\s*<?|^\s{0,3}\[[^\]]+\]:\s*<?|<)([^\s)>]+)", re.M)
SAFE_SCHEMES = ("http", "https", "mailto", "attachment")


def _safe(url):
    """Whether a link's target leads nowhere but to a page, an address or an attachment."""
    plain = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url)).lower()
    scheme = re.match(r"([a-z][a-z0-9+.-]*):", plain)
    return scheme is None or scheme.group(1) in SAFE_SCHEMES


def safe_links(markdown):
    """Markdown whose links and images lead to no script: a ``javascript:`` target (or any scheme not known safe)
    becomes ``#``."""
    return LINK.sub(lambda m: m.group(1) + (m.group(2) if _safe(m.group(2)) else "#"), markdown)


class InertOutputs(SanitizeHTML):
    """
    nbconvert's SanitizeHTML (bleach) on everything a student could have written or made
    a kernel print: every output of a code cell (script removed, HTML and markdown reduced
    to harmless tags, SVG and widget views dropped) and every markdown or raw cell that is
    not word for word one of the release's own (with its links' targets: only pages,
    addresses and attachments). Formgrader's submission view and the
    feedback pages then show the student's work, figures included, and run none of it.
    """

    enabled = Bool(True, help="whether to make outputs and edited markdown inert").tag(config=True)
    tags = List(Unicode(), TAGS, help="the HTML tags kept (others are escaped)").tag(config=True)

    def preprocess(self, nb, resources):
        meta = resources.get("nbgrader", {})
        self._released = self._release_texts(meta.get("assignment"), meta.get("notebook"))
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type in ("markdown", "raw") and cell.source in self._released:
            return cell, resources
        cell, resources = super().preprocess_cell(cell, resources, cell_index)
        if cell.cell_type == "markdown":
            cell.source = safe_links(cell.source)
        return cell, resources

    def _release_texts(self, assignment, notebook):
        """The sources of the release's markdown and raw cells (an instructor's HTML stays as it is)."""
        if not (assignment and notebook):
            return set()
        course = CourseDirectory(config=self.config)
        path = f"{course.format_path(course.release_directory, '.', assignment)}/{notebook}.ipynb"
        try:
            released = nbformat.read(path, as_version=4)
        except OSError:
            return set()
        return {c.source for c in released.cells if c.cell_type in ("markdown", "raw")}
