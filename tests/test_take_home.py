"""Notebooks to take home: the chapter's source with the book run's outputs and {eval} values, and a zip of the
data tables it read. Unit tests on notebooks the test writes; then the built site (every chapter page offers
both, and the files are there)."""
from __future__ import annotations

import json
import zipfile

import nbformat
import pytest
from bs4 import BeautifulSoup

from conftest import MYST_FRONT_MATTER, toc_files
from widgets.build.eval_reader import TABLES_KEY, glue_name, read_chapter
from widgets.build.take_home import tables_of, take_home_notebook, write_data_zip

SOURCE = MYST_FRONT_MATTER + """
# A chapter

```{code-cell} ipython3
x = "1,234.5"
```

About {eval}`x` Mt {eval}`cite.p("lynas2024resource")`.

```{code-cell} ipython3
print(x)
```
"""


def _executed(source: str) -> nbformat.NotebookNode:
    """What the book's run leaves: the reader's notebook, with outputs in the chapter's own code cells."""
    notebook = read_chapter(source)
    for cell in notebook.cells:
        if cell.cell_type == "code" and cell.source.startswith("print"):
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="1,234.5\n")]
            cell.execution_count = 2
    return notebook


def test_the_notebook_is_the_source_with_outputs_and_eval_values(tmp_path):
    path = tmp_path / "chapter.md"
    path.write_text(SOURCE, encoding="utf-8")
    glued = {glue_name("x"): {"data": {"text/markdown": "1,234.5", "text/plain": "<Markdown>"}}}
    notebook = take_home_notebook(path, _executed(SOURCE), glued)
    kinds = [cell.cell_type for cell in notebook.cells]
    assert kinds == ["markdown", "code", "markdown", "code"]        # no cell the book's reader added
    markdown = notebook.cells[2]
    assert "{eval}`x`" in markdown.source                            # the source form, for JupyterLab
    values = {e["expression"]: e["result"]["data"]["text/plain"] for e in markdown.metadata["user_expressions"]}
    assert values == {"x": repr("1,234.5"), 'cite.p("lynas2024resource")': repr("[Lynas Rare Earths Ltd, 2024]")}
    assert notebook.cells[3].outputs[0]["text"] == "1,234.5\n" and notebook.cells[3].execution_count == 2


def test_a_run_that_does_not_match_the_source_is_an_error(tmp_path):
    path = tmp_path / "chapter.md"
    path.write_text(SOURCE, encoding="utf-8")
    shorter = _executed(SOURCE)
    shorter.cells = [c for c in shorter.cells if not c.source.startswith("print")]
    with pytest.raises(ValueError, match="code cells"):
        take_home_notebook(path, shorter, {})


def test_tables_come_from_the_record_and_go_into_the_zip(tmp_path):
    assert tables_of({}) == []
    record = {TABLES_KEY: {"data": {"text/plain": repr("deposits;facilities")}}}
    assert tables_of(record) == ["deposits", "facilities"]
    archive = write_data_zip(tmp_path / "x.zip", ["deposits"])
    names = zipfile.ZipFile(archive).namelist()
    assert "data/deposits.csv" in names and "data/datapackage.json" in names and "data/references.bib" in names
    assert not any(name.endswith("facilities.csv") for name in names)


CHAPTERS = [name for name in toc_files() if name.startswith("chapters/")]


@pytest.mark.parametrize("name", CHAPTERS)
def test_each_chapter_page_offers_its_notebook_and_data(built_site, name):
    page = BeautifulSoup((built_site / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
    notebook_link = page.select_one(".btn-download-notebook-button")
    if notebook_link is None:      # a page without code (the bibliography) has no notebook
        assert "{eval}" not in (built_site / "_sources" / f"{name}.md").read_text(encoding="utf-8")
        return
    notebook = nbformat.read(built_site / "_sources" / f"{name}.ipynb", 4)
    assert any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    evals = sum(cell.source.count("{eval}") for cell in notebook.cells if cell.cell_type == "markdown")
    stored = sum(len(cell.metadata.get("user_expressions", [])) for cell in notebook.cells)
    assert stored == evals
    data_link = page.select_one(".btn-download-data-button")
    archive = (built_site / f"{name}.html").parent / data_link["href"]
    names = zipfile.ZipFile(archive.resolve()).namelist()
    assert "data/datapackage.json" in names
    json.loads(zipfile.ZipFile(archive.resolve()).read("data/datapackage.json"))
