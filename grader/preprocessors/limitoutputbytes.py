"""LimitOutputBytes: every stored output of a code cell, capped in size."""
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Integer

from grader import facts
from grader.cells import grade_id


def shorten(text, cap):
    """The head and the tail of a text longer than ``cap`` characters, with a note of what was removed."""
    if cap < 0 or len(text) <= cap:
        return text
    keep = cap // 2
    return text[:keep] + f"\n... {len(text) - 2 * keep} characters of output removed ...\n" + text[-keep:]


class LimitOutputBytes(NbGraderPreprocessor):
    """
    Caps the size of every output of a code cell.

    nbgrader's LimitOutput counts lines, so a single enormous line (print of a
    50 MB string) passes through it and bloats the graded notebook and its
    feedback. This keeps the head and the tail of each text output, and replaces
    a rich output (an image, a page) larger than ``max_rich_bytes`` by a note.
    What a cell may output in all is limited while it runs (SandboxedExecute).
    """

    max_bytes = Integer(20000, help="characters kept of each text output (-1: no limit)").tag(config=True)
    max_rich_bytes = Integer(2 * 2**20, help="characters of each image or page kept whole (-1: no limit)"
                             ).tag(config=True)

    def preprocess(self, nb, resources):
        self._shortened = []
        nb, resources = super().preprocess(nb, resources)
        if self._shortened:
            facts.note(nb, "output_limited", cells=self._shortened)
        return nb, resources

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type != "code":
            return cell, resources
        sizes = [_length(o) for o in cell.outputs]
        for output in cell.outputs:
            if output.output_type == "stream":
                output.text = shorten(output.text, self.max_bytes)
            elif output.output_type == "error":
                output.evalue = shorten(output.evalue, self.max_bytes)
                output.traceback = [shorten(line, self.max_bytes) for line in output.traceback]
            elif output.output_type in ("execute_result", "display_data"):
                data = output.get("data", {})
                for mime in list(data):
                    value = data[mime]
                    if not isinstance(value, str):
                        continue
                    if mime == "text/plain":
                        data[mime] = shorten(value, self.max_bytes)
                    elif 0 <= self.max_rich_bytes < len(value):
                        del data[mime]
                        data.setdefault("text/plain", f"[{mime} output of {len(value)} characters removed]")
        if sizes != [_length(o) for o in cell.outputs]:
            self._shortened.append(grade_id(cell) or f"cell {cell_index + 1}")
        return cell, resources


def _length(output):
    """The characters of an output's texts (what shortening changes)."""
    texts = [output.get("text", ""), output.get("evalue", "")] + list(output.get("traceback", []))
    texts += [v for v in output.get("data", {}).values() if isinstance(v, str)]
    return sum(len(t) for t in texts) + len(output.get("data", {}))
