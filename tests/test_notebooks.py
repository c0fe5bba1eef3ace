"""Every notebook executes top to bottom in a fresh kernel; one test per notebook.

nbclient raises CellExecutionError at the first cell that fails (allow_errors is off), so
a notebook that executes has no error output."""

from pathlib import Path

import jupytext
import pytest
import yaml
from nbclient import NotebookClient

from support import REPO

pytestmark = pytest.mark.build

NOTEBOOK_FOLDERS = ("chapters", "exercises", "instructor")


def is_notebook(path: Path) -> bool:
    """A .ipynb file, or a MyST-markdown file with a jupytext header and a kernel."""
    if path.suffix == ".ipynb":
        return True
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return False
    header = yaml.safe_load(text.split("\n---", 2)[0][4:]) or {}
    return "jupytext" in header and "kernelspec" in header


NOTEBOOKS = sorted(
    path.relative_to(REPO)
    for folder in NOTEBOOK_FOLDERS
    for path in (REPO / folder).glob("*")
    if path.suffix in {".md", ".ipynb"} and is_notebook(path)
)


def test_the_book_has_notebooks():
    assert any(str(path).startswith("chapters") for path in NOTEBOOKS)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=str)
def test_notebook_executes(notebook):
    path = REPO / notebook
    nb = jupytext.read(path)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    outputs = [output for cell in nb.cells if cell.cell_type == "code" for output in cell.outputs]
    assert outputs, f"{notebook} ran but produced no output"
