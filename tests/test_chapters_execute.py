"""Each chapter, read by jupytext as a notebook, executes clean in a fresh kernel (nbclient)."""
from __future__ import annotations

import jupytext
import nbclient
import pytest

from conftest import CHAPTERS, ROOT


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS, ids=[path.stem for path in CHAPTERS])
def test_chapter_executes_without_errors(chapter):
    notebook = jupytext.read(chapter)
    client = nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(ROOT / "chapters")}})
    client.execute()
    errors = [output for cell in notebook.cells if cell.cell_type == "code"
              for output in cell.get("outputs", []) if output.get("output_type") == "error"]
    assert errors == []
