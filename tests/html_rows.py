"""Reading the kit's HTML tables in tests: the cells of the row whose first cell has a given text."""
from __future__ import annotations

import html
import re

CELL = re.compile(r"<t([hd])\b[^>]*>(.*?)</t\1>", re.S)


def row_cells(table_html: str, first: str) -> list[str] | None:
    """The cells after the first of the row whose first cell reads ``first`` (unescaped), or None."""
    for row in re.findall(r"<tr\b[^>]*>(.*?)</tr>", table_html, re.S):
        cells = [html.unescape(text) for _tag, text in CELL.findall(row)]
        if cells and cells[0] == first:
            return cells[1:]
    return None
