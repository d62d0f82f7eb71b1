"""The feedback pages' Content-Security-Policy (grader/feedback.py): the template's scripts may run, nothing else."""
import re

from nbformat.v4 import new_code_cell, new_notebook, new_output

from grader.feedback import SCRIPT, FeedbackExporter, _sha256


def test_only_the_templates_own_scripts_may_run():
    cell = new_code_cell("x", outputs=[new_output("display_data", data={
        "text/html": "<script>window.top.pwned = 1</script><img src=x onerror='pwned()'>", "text/plain": "x"})])
    page, _ = FeedbackExporter().from_notebook_node(new_notebook(cells=[cell]))
    (policy,) = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert page.index("Content-Security-Policy") < page.index("<script")
    allowed = re.search(r"script-src ([^;]+);", policy).group(1).split()
    assert f"'sha256-{_sha256('window.top.pwned = 1')}'" not in allowed and "'unsafe-inline'" not in allowed
    own = [body for attributes, body in SCRIPT.findall(page) if "src=" not in attributes and body.strip()
           and "pwned" not in body]
    assert own and all(f"'sha256-{_sha256(body)}'" in allowed for body in own)
    assert "default-src 'none'" in policy and "frame-src 'none'" in policy
