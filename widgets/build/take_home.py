"""Notebooks to take home: each chapter page offers the chapter as ``.ipynb`` and the data it read as a ``.zip``.

The notebook is the chapter's own source (``{eval}`` roles and all, as a participant sees it in JupyterLab),
converted by jupytext, with the outputs of the book's run copied into its code cells; each Markdown cell also
carries the values of its ``{eval}`` roles in the metadata jupyterlab-myst reads (``user_expressions``), so
the figures show before anyone runs a cell. The zip holds the CSV files of the tables the chapter read (the
chapter records them, ``widgets.build.eval_reader.TABLES_KEY``), with the data package's schema, README and
bibliography.

Files: ``_sources/chapters/<stem>.ipynb`` (the theme's download menu links it as ".ipynb") and
``_downloads/kit/<stem>-data.zip`` (added to the same menu).
"""
from __future__ import annotations

import ast
import json
import re
import zipfile
from pathlib import Path

import jupytext
import nbformat

from widgets.build.eval_reader import EVAL_ROLE, TABLES_KEY, cite_role, glue_name
from widgets.core.data import DATA_DIR, resource
from widgets.core.labels import label
from widgets.pages.book import cite

ZIP_FOLDER = "_downloads/kit"
DATA_EXTRAS = ("datapackage.json", "README.md", "references.bib")
_ESCAPED = re.compile(r"\\([\\`*_\[\]<>$~|{}])")
_INSERTED = ("from myst_nb import glue as _kit_glue",)


def _is_inserted(cell) -> bool:
    """A cell the book's reader added (glue of {eval} values, the tables record): not in the chapter's source."""
    return cell.cell_type == "code" and cell.source.startswith(_INSERTED)


def _plain(data: dict) -> str:
    """The text of a glued {eval} value (the book escaped it for Markdown)."""
    return _ESCAPED.sub(r"\1", data.get("text/markdown", data.get("text/plain", "")))


def expression_result(expression: str, glued: dict) -> dict | None:
    """jupyterlab-myst's stored result for one ``{eval}`` expression, from the book's run (None if unknown)."""
    role = cite_role(expression)
    if role:
        kind = role[len("{cite:"):role.index("}")]
        keys = role[role.index("`") + 1:-1].split(",")
        text = cite.text(kind, keys)
    elif glue_name(expression) in glued:
        text = _plain(glued[glue_name(expression)]["data"])
    else:
        return None
    return {"status": "ok", "data": {"text/plain": repr(text)}, "metadata": {}}


def take_home_notebook(source_md: Path, executed: nbformat.NotebookNode, glued: dict,
                       catalog=None) -> nbformat.NotebookNode:
    """The chapter's source as a notebook, with the executed run's outputs and its {eval} values; with a
    ``catalog`` (:class:`widgets.build.lab_ja.Catalog`, the Japanese edition) its prose in that catalog's language."""
    notebook = jupytext.read(source_md)
    if catalog is not None:
        from widgets.build.lab_ja import translate_markdown
        for cell in notebook.cells:
            if cell.cell_type == "markdown":
                cell.source = translate_markdown(cell.source, catalog)
    ran = [cell for cell in executed.cells if cell.cell_type == "code" and not _is_inserted(cell)]
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    if len(ran) != len(code):
        raise ValueError(f"{source_md.name}: {len(code)} code cells in the source, {len(ran)} in the book's run")
    for mine, theirs in zip(code, ran):
        mine.outputs = theirs.get("outputs", [])
        mine.execution_count = theirs.get("execution_count")
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        results = []
        for expression in EVAL_ROLE.findall(cell.source):
            result = expression_result(expression, glued)
            if result is not None:
                results.append({"expression": expression, "result": result})
        if results:
            cell.metadata["user_expressions"] = results
    return notebook


def tables_of(glued: dict) -> list[str]:
    """The data tables a chapter's run recorded (empty when it recorded none)."""
    record = glued.get(TABLES_KEY)
    if not record:
        return []
    text = ast.literal_eval(record["data"]["text/plain"])
    return [name for name in text.split(";") if name]


def write_data_zip(path: Path, tables: list[str], data_dir: Path = DATA_DIR) -> Path:
    """A zip of the tables' CSV files plus the data package's schema, README and bibliography."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in tables:
            csv = data_dir / resource(name, data_dir)["path"]
            archive.write(csv, f"data/{csv.name}")
        for extra in DATA_EXTRAS:
            if (data_dir / extra).exists():
                archive.write(data_dir / extra, f"data/{extra}")
    return path


def _chapter_docnames(app) -> list[str]:
    return sorted(doc for doc in app.env.found_docs if doc.startswith("chapters/"))


def _zip_name(docname: str) -> str:
    return f"{Path(docname).name}-data.zip"


def _has_code(path: Path) -> bool:
    """Whether an executed notebook has any code cell (a page of prose only is offered no notebook)."""
    return path.exists() and any(cell.cell_type == "code" for cell in nbformat.read(path, 4).cells)


def offer_notebook(app, pagename, templatename, context, doctree) -> None:
    """Before the theme builds its download menu: this page has a take-home notebook."""
    if pagename in _chapter_docnames(app) and _has_code(_executed(app, pagename)):
        context["ipynb_source"] = f"{pagename}.ipynb"


def offer_data(app, pagename, templatename, context, doctree) -> None:
    """After the theme built its download menu: add the chapter's data."""
    if not context.get("ipynb_source"):
        return
    for button in context.get("header_buttons", []):
        if button.get("label") == "download-buttons":
            button["buttons"].insert(1, {
                "type": "link", "url": f"{context['pathto'](ZIP_FOLDER, 1)}/{_zip_name(pagename)}",
                "text": label("book.download_data"), "tooltip": label("book.download_data_tooltip"),
                "icon": "fas fa-table", "label": "download-data-button"})


def _executed(app, docname: str) -> Path:
    return Path(app.env.mystnb_config.output_folder) / f"{docname}.ipynb"


def write_take_home(app, exception) -> None:
    """After the build: write each chapter's notebook and data zip next to the pages."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for docname in _chapter_docnames(app):
        executed_path = _executed(app, docname)
        if not _has_code(executed_path):
            continue
        glue_path = executed_path.with_suffix(".glue.json")
        glued = json.loads(glue_path.read_text(encoding="utf-8")) if glue_path.exists() else {}
        catalog = None
        if app.config.language and app.config.language != "en":   # the Japanese edition's notebooks speak Japanese
            from widgets.build.lab_ja import Catalog
            catalog = Catalog(Path(app.srcdir) / "locales" / app.config.language / "LC_MESSAGES" / f"{docname}.po")
        notebook = take_home_notebook(Path(app.srcdir) / f"{docname}.md", nbformat.read(executed_path, 4), glued,
                                      catalog)
        target = outdir / "_sources" / f"{docname}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, target)
        write_data_zip(outdir / ZIP_FOLDER / _zip_name(docname), tables_of(glued))


def setup(app) -> dict:
    app.connect("html-page-context", offer_notebook, priority=400)   # before the theme's menu (501)
    app.connect("html-page-context", offer_data, priority=600)       # after it
    app.connect("build-finished", write_take_home)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
