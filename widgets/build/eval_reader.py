"""One chapter source for the book and for JupyterLab: the ``{eval}`` inline role, kept in cache mode.

In JupyterLab, jupyterlab-myst evaluates ``{eval}`expr``` in the kernel when its Markdown cell runs and
shows the result. myst-nb has the same role, but only in ``execution_mode: inline``, which bypasses
the execution cache (every rebuild that re-reads a chapter executes it again). This module is the
book's notebook reader for ``.md`` chapters (``nb_custom_formats``): it reads the MyST text notebook as
myst-nb does and

- turns each ``{eval}`expr``` into ``{glue:md}`eval_<hash>:myst``` (so a value's citation role resolves) and
  inserts, right after the Markdown
  cell, a hidden code cell that glues ``expr`` as the Markdown JupyterLab would show (so the value
  is taken at the same point of the run as in Lab, and execution stays in jupyter-cache: a prose
  edit that adds no new expression does not re-execute the chapter);
- turns ``{eval}`cite.p("key")``` / ``{eval}`cite.t("key")``` into ``{cite:p}`key``` /
  ``{cite:t}`key```: sphinxcontrib-bibtex renders the citation in the book (strict build checks the
  key), the kernel's ``widgets.pages.book.cite`` renders the same author–year text in Lab;
- appends a hidden cell that records which data tables the chapter read (``TABLES_KEY``).

What JupyterLab shows for a value (and so what the book shows): an object's ``_repr_markdown_``
as Markdown; a ``str`` as plain text; anything else as its ``repr`` (format numbers in the
expression: ``{eval}`f"{ore_mt:,.1f}"```).
"""
from __future__ import annotations

import hashlib
import re

import nbformat

from myst_nb.core.read import read_myst_markdown_notebook
from myst_parser.config.main import MdParserConfig

EVAL_ROLE = re.compile(r"\{eval\}`([^`]+)`")
CITE_CALL = re.compile(r"""^\s*cite\.(?P<kind>[pt])\(\s*(?P<keys>(?:"[^"]+"|'[^']+')(?:\s*,\s*(?:"[^"]+"|'[^']+'))*)\s*\)\s*$""")
# The book's Markdown extensions (``parse.myst_enable_extensions`` in _config.yml): the chapter is split
# into cells exactly as myst-nb's own reader splits it.
MD_CONFIG = MdParserConfig(enable_extensions={"colon_fence", "dollarmath", "amsmath", "deflist", "substitution"})
GLUE_CELL_TAGS = ["remove-cell"]


def glue_name(expression: str) -> str:
    return "eval_" + hashlib.sha1(expression.strip().encode("utf-8")).hexdigest()[:12]


def cite_role(expression: str) -> str | None:
    """``{cite:p}`a,b``` for ``cite.p("a", "b")`` (or ``cite.t``); None for any other expression."""
    match = CITE_CALL.match(expression)
    if not match:
        return None
    keys = [key.strip()[1:-1] for key in re.findall(r""""[^"]+"|'[^']+'""", match["keys"])]
    return f"{{cite:{match['kind']}}}`{','.join(keys)}`"


def glue_cell(expressions: list[str]) -> nbformat.NotebookNode:
    lines = ["from myst_nb import glue as _kit_glue", "from widgets.pages.book import eval_markdown as _kit_eval_markdown"]
    lines += [f"_kit_glue({glue_name(e)!r}, _kit_eval_markdown({e.strip()}), display=False)" for e in expressions]
    return nbformat.v4.new_code_cell("\n".join(lines), metadata={"tags": list(GLUE_CELL_TAGS)})


def rewrite_evals(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook with its ``{eval}`` roles rewritten and glue cells inserted (in place)."""
    cells, source_map = [], notebook.metadata.get("source_map")
    new_map = [] if source_map is not None else None
    glued: set[str] = set()
    for index, cell in enumerate(notebook.cells):
        cells.append(cell)
        if new_map is not None:
            new_map.append(source_map[index])
        if cell.cell_type != "markdown" or "{eval}" not in cell.source:
            continue
        new_expressions: list[str] = []

        def replace(match: re.Match) -> str:
            expression = match.group(1)
            cited = cite_role(expression)
            if cited:
                return cited
            name = glue_name(expression)
            if name not in glued:
                glued.add(name)
                new_expressions.append(expression)
            return f"{{glue:md}}`{name}:myst`"   # parsed as MyST: a value may carry a citation role

        cell.source = EVAL_ROLE.sub(replace, cell.source)
        if new_expressions:
            cells.append(glue_cell(new_expressions))
            if new_map is not None:
                new_map.append(source_map[index])
    if any(cell.cell_type == "code" for cell in cells):
        cells.append(tables_cell())
        if new_map is not None:
            new_map.append(source_map[-1] if source_map else 0)
    notebook.cells = cells
    if new_map is not None:
        notebook.metadata["source_map"] = new_map
    return notebook


#: The glue key under which a chapter's executed notebook records the data tables it read.
TABLES_KEY = "kit_tables_read"


def tables_cell() -> nbformat.NotebookNode:
    """A last, hidden cell that glues the names of the tables the chapter read (the book offers them for
    download with the chapter, ``widgets.build.take_home``)."""
    source = "\n".join(["from myst_nb import glue as _kit_glue",
                        "from widgets.core.data import tables_read as _kit_tables_read",
                        f"_kit_glue({TABLES_KEY!r}, ';'.join(_kit_tables_read()), display=False)"])
    return nbformat.v4.new_code_cell(source, metadata={"tags": list(GLUE_CELL_TAGS)})


def read_chapter(text: str) -> nbformat.NotebookNode:
    """myst-nb's MyST notebook reader, then :func:`rewrite_evals` (``nb_custom_formats`` entry point)."""
    return rewrite_evals(read_myst_markdown_notebook(text, config=MD_CONFIG, add_source_map=True))
