"""The kit's one HTML table renderer, for the book's appendices and the live explorers alike. Styling comes
from ``_assets/static/kit.css`` (classes ``kit-table``, ``kit-table-wrap``, ``kit-table-long``,
``kit-table-fixed``, ``kit-number``); the only inline style is a column's width where the caller asks for one."""
from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence

from widgets.core import checks
from widgets.core.labels import label

LONG_TABLE_ROWS = 40   # from this many rows a table is laid out only when it nears the screen (kit.css)


def html_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, caption: str = "",
               row_header: int | None = None, raw: Iterable[int] = (), lang: Mapping[int, str] | None = None,
               row_ids: Sequence[str] | None = None, widths: Mapping[int, str] | None = None,
               numeric: Iterable[int] = (), caption_note: str = "") -> str:
    """An accessible HTML table: a caption (and a scrollable, focusable region named by it), header cells with
    ``scope="col"``, the ``row_header`` column's cells as ``<th scope="row">``.

    Cells are escaped, except the columns in ``raw`` (the caller escapes what it puts there); ``lang`` gives a
    column's language (e.g. ``{2: "ja"}``); ``row_ids`` an ``id`` per row; ``widths`` a CSS width per column
    (the table then has a fixed layout at full width, so long words wrap); ``numeric`` columns align right."""
    checks.not_empty("header", list(header), "name at least one column")
    width = len(header)
    for index, row in enumerate(rows):
        if len(row) != width:
            checks.reject(f"rows[{index}]", f"{len(row)} cells", f"{width} cells, one per header")
    if row_ids is not None and len(row_ids) != len(rows):
        checks.reject("row_ids", f"{len(row_ids)} ids", f"one per row ({len(rows)})")
    raw, numeric, lang, widths = set(raw), set(numeric), dict(lang or {}), dict(widths or {})

    def attrs(column: int, heading: bool = False) -> str:
        # a column's language is its cells'; its heading is a label in the page's own language
        out = f' lang="{html.escape(lang[column])}"' if column in lang and not heading else ""
        return out + (' class="kit-number"' if column in numeric else "")

    head = "".join(f'<th scope="col"{attrs(c, heading=True)}>{html.escape(text)}</th>' for c, text in enumerate(header))
    body = []
    for index, row in enumerate(rows):
        cells = []
        for column, value in enumerate(row):
            text = str(value) if column in raw else html.escape(str(value))
            tag, scope = ("th", ' scope="row"') if column == row_header else ("td", "")
            cells.append(f"<{tag}{scope}{attrs(column)}>{text}</{tag}>")
        rid = f' id="{html.escape(row_ids[index])}"' if row_ids is not None else ""
        body.append(f"<tr{rid}>{''.join(cells)}</tr>")
    cols = ("<colgroup>" + "".join(f'<col style="width:{html.escape(widths[c])}">' if c in widths else "<col>"
                                   for c in range(width)) + "</colgroup>") if widths else ""
    classes = "table kit-table" + (" kit-table-fixed" if widths else "")
    note = f" <small>{html.escape(caption_note)}</small>" if caption_note else ""
    cap = f"<caption>{html.escape(caption)}{note}</caption>" if caption else ""
    table = (f'<table class="{classes}">{cap}{cols}<thead><tr>{head}</tr></thead>'
             f"<tbody>{''.join(body)}</tbody></table>")
    wrap = "kit-table-wrap" + (" kit-table-long" if len(rows) >= LONG_TABLE_ROWS else "")
    if not caption:
        return f'<div class="{wrap}">{table}</div>'
    return f'<div class="{wrap}" role="region" aria-label="{html.escape(caption)}" tabindex="0">{table}</div>'


def pairs_table(rows: Iterable[tuple[str, str]], *, caption: str = "") -> str:
    """A two-column table of (name, formatted value) pairs, the names as row headers, the values right-aligned."""
    items = [[name, value] for name, value in rows]
    return html_table([label("table.measure"), label("table.value")], items, caption=caption, row_header=0,
                      numeric=(1,))
