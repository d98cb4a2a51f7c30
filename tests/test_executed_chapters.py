"""What the book's run of each chapter left behind (``_build/jupyter_execute``): no error or warning output in any
cell, and nothing printed by a hidden cell (a stray value such as 1217.5438596491229 would show in JupyterLab)."""
from __future__ import annotations

import nbformat
import pytest

from conftest import ROOT, toc_files

EXECUTED = ROOT / "_build" / "jupyter_execute"


@pytest.mark.parametrize("name", toc_files())
def test_the_run_left_no_error_and_hidden_cells_print_nothing(built_site, name):
    path = EXECUTED / f"{name}.ipynb"
    if not path.exists():      # a page without code is not executed
        assert "```{code-cell}" not in (ROOT / f"{name}.md").read_text(encoding="utf-8")
        return
    notebook = nbformat.read(path, 4)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        outputs = cell.get("outputs", [])
        assert not [o for o in outputs if o["output_type"] == "error"], (name, index, cell.source[:200])
        assert not [o for o in outputs if o["output_type"] == "stream" and o.get("name") == "stderr"], \
            (name, index, cell.source[:200])
        if "remove-cell" in cell.metadata.get("tags", []):
            shown = [o for o in outputs if o["output_type"] in ("execute_result", "stream", "display_data")
                     and "scrapbook" not in o.get("metadata", {})]
            assert shown == [], (name, index, cell.source[:200])
