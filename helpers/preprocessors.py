"""nbgrader preprocessors of the course, configured in nbgrader_config.py."""
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Integer


class LimitOutputBytes(NbGraderPreprocessor):
    """
    Caps the size of every output of a code cell.

    nbgrader's LimitOutput counts lines, so a single enormous line (print of a
    50 MB string) passes through it and bloats the graded notebook and its
    feedback. This keeps the head and the tail of each text output, and drops
    rich outputs (images, HTML) that are larger than the cap.
    """

    max_bytes = Integer(
        20000, help="maximum number of characters kept of each output (-1 means no limit)"
    ).tag(config=True)

    def _shorten(self, text):
        if len(text) <= self.max_bytes:
            return text
        keep = self.max_bytes // 2
        return (text[:keep] + f"\n... {len(text) - 2 * keep} characters of output removed ...\n"
                + text[-keep:])

    def preprocess_cell(self, cell, resources, cell_index):
        if self.max_bytes < 0 or cell.cell_type != "code":
            return cell, resources
        for output in cell.outputs:
            if output.output_type == "stream":
                output.text = self._shorten(output.text)
            elif output.output_type == "error":
                output.evalue = self._shorten(output.evalue)
                output.traceback = [self._shorten(line) for line in output.traceback]
            elif output.output_type in ("execute_result", "display_data"):
                data = output.get("data", {})
                for mime in list(data):
                    value = data[mime]
                    if isinstance(value, str) and len(value) > self.max_bytes:
                        if mime == "text/plain":
                            data[mime] = self._shorten(value)
                        else:
                            # A huge image or page: keep a note in its place.
                            del data[mime]
                            data.setdefault("text/plain", f"[{mime} output of {len(value)} characters removed]")
        return cell, resources
