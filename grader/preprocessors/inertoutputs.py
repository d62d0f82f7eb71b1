"""InertOutputs: what a student wrote or printed is stored and shown as inert content."""
import nbformat
from nbconvert.preprocessors.sanitize import SanitizeHTML
from nbgrader.coursedir import CourseDirectory
from traitlets import Bool, List, Unicode

# Tables and images as the notebooks' own outputs and markdown use them; never script or event handlers.
TAGS = ["a", "abbr", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
        "img", "li", "ol", "p", "pre", "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr",
        "ul"]


class InertOutputs(SanitizeHTML):
    """
    nbconvert's SanitizeHTML (bleach) on everything a student could have written or made
    a kernel print: every output of a code cell (script removed, HTML and markdown reduced
    to harmless tags, SVG and widget views dropped) and every markdown or raw cell that is
    not word for word one of the release's own. Formgrader's submission view and the
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
        return super().preprocess_cell(cell, resources, cell_index)

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
