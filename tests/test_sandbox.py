"""The sandboxed kernel itself: what student code in it can reach, and what is left when it ends."""
import ast
import os
import pathlib
import shutil
import tempfile
import time

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT
from grader import sandbox

MARKER = "nnfs-test-daemon-7c1f"

CELLS = {
    "files": ("import os\n"
              f"print(sorted(p for p in {[str(ROOT / 'gradebook.db'), str(ROOT / 'source'), str(ROOT / 'submitted'), str(ROOT / 'nbgrader_config.py'), str(ROOT / 'grader'), '/etc/shadow', '/etc/passwd']!r}"
              " if os.path.exists(p)))"),
    # The parents of the read-only Python environment exist, and hold nothing else.
    "course root": f"import os\nprint(sorted(os.listdir({str(ROOT)!r})))",
    "own folder": "import os\nprint(os.getcwd(), sorted(os.listdir('.')))",
    "write outside": ("import os\nblocked = []\nfor p in ('/usr/x', '/opt/nnfs/folder/x', '/x'):\n"
                      "    try:\n        open(p, 'w').write('x')\n    except OSError as e:\n"
                      "        blocked.append(type(e).__name__)\nprint(blocked)"),
    "network": ("import socket\ntry:\n    socket.create_connection(('1.1.1.1', 80), timeout=1)\n    print('connected')\n"
                "except OSError as e:\n    print('no network:', e.errno)"),
    "memory": "try:\n    block = bytearray(5 * 1024**3)\n    print('allocated')\nexcept MemoryError:\n    print('MemoryError')",
    "exit": "exit()",
    "alive": "print('alive')",
    "daemon": ("import os, subprocess\nsubprocess.Popen(['/bin/sh', '-c', 'sleep 60 # " + MARKER + "'], "
               "start_new_session=True)\nprint('started')"),
    "threads": "import os\nprint(os.environ.get('OPENBLAS_NUM_THREADS'), os.getuid())",
}


def _daemons():
    found = []
    for proc in pathlib.Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and MARKER in (proc / "cmdline").read_bytes().decode(errors="replace"):
                found.append(proc.name)
        except OSError:
            pass
    return found


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    if sandbox.probe():
        pytest.fail(sandbox.probe())
    folder = tmp_path_factory.mktemp("folder")
    (folder / "data.txt").write_text("release file")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code) for code in CELLS.values()])
    NotebookClient(nb, timeout=30, allow_errors=True, kernel_manager_class=sandbox.SandboxKernelManager,
                   resources={"metadata": {"path": str(folder)}}).execute()
    texts = {name: "".join(o.get("text", "") for o in cell.outputs) for name, cell in zip(CELLS, nb.cells)}
    texts["folder after"] = sorted(os.listdir(folder))
    return texts


def test_student_code_sees_neither_the_course_nor_the_graders_files(outputs):
    assert outputs["files"].strip() == "[]"
    assert set(ast.literal_eval(outputs["course root"])) <= {".venv", "helpers"}, outputs["course root"]
    assert outputs["own folder"].strip() == "/home/student/notebook ['data.txt']"


def test_student_code_can_write_only_its_private_copy(outputs):
    assert outputs["write outside"].count("Error") == 3, outputs["write outside"]
    assert outputs["folder after"] == ["data.txt"]


def test_student_code_has_no_network(outputs):
    assert outputs["network"].startswith("no network"), outputs["network"]


def test_memory_is_capped_with_a_memory_error(outputs):
    assert outputs["memory"].strip() == "MemoryError"


def test_exit_does_not_end_the_kernel(outputs):
    assert "do nothing while grading" in outputs["exit"] and outputs["alive"].strip() == "alive"


def test_kernels_run_unprivileged_with_one_blas_thread(outputs):
    assert outputs["threads"].split() == ["1", "65534"]


def test_nothing_is_left_running_when_the_kernel_ends(outputs):
    assert outputs["daemon"].strip() == "started"
    for _ in range(50):
        if not _daemons():
            break
        time.sleep(0.1)
    assert _daemons() == []


def test_grading_refuses_without_a_sandbox_and_says_what_to_install():
    with pytest.raises(sandbox.SandboxUnavailable, match="apt-get install -y bubblewrap"):
        sandbox.isolation(executable="no-such-bwrap")
    assert sandbox.isolation(unsandboxed=True) == "UNSANDBOXED"
    assert sandbox.isolation().startswith("sandboxed")


@pytest.mark.parametrize("temporary", ["/dev/shm", "/tmp"])
def test_the_kernel_starts_wherever_the_temporary_directory_is(temporary, tmp_path, monkeypatch):
    """TMPDIR under a folder the sandbox lays a tmpfs over (/dev/shm, /tmp) still holds the kernel's sockets."""
    base = pathlib.Path(tempfile.mkdtemp(prefix="nnfs-test-tmpdir-", dir=temporary))
    try:
        monkeypatch.setattr(tempfile, "tempdir", str(base))
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(CELLS["alive"])])
        NotebookClient(nb, timeout=30, startup_timeout=30, kernel_manager_class=sandbox.SandboxKernelManager,
                       resources={"metadata": {"path": str(tmp_path)}}).execute()
        assert nb.cells[0].outputs[0]["text"] == "alive\n"
        assert list(base.iterdir()) == []
    finally:
        shutil.rmtree(base, ignore_errors=True)
