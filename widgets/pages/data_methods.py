"""Appendix C (data and methods): every figure and short text its prose shows, and the tables it displays.

The appendix calls :func:`numbers` once, in its hidden first cell (``n = data_methods.numbers()``), and writes
``{eval}`n.tables``` where a figure goes; each table it shows is one call (``data_methods.gaps_table()``).

Rounding: none. Every figure is a count of the data package as it is on the day the page is built (tables, rows,
fields, sources, gaps) or a setting of the kit (how old a row may be before it is flagged), shown whole.
"""
from __future__ import annotations

import pandas as pd
from IPython.display import HTML, display

from widgets.core.data import bibliography_keys, datapackage, load_table
from widgets.core.labels import label, localized
from widgets.pages import appendix, freshness
from widgets.pages.common import Numbers

#: The columns of the known-gaps table, with their CSS widths.
GAP_COLUMNS = {"gap_id": "16%", "topic": "10%", "what_is_missing": "28%", "consequence_for_the_book": "28%",
               "searched_in": "18%"}
#: The gaps table's free-text columns, each with a Japanese column (``<column>_ja``).
GAP_TEXT_COLUMNS = ("what_is_missing", "consequence_for_the_book", "searched_in")
#: The columns of each table's schema, with their CSS widths.
SCHEMA_COLUMNS = {"field": "20%", "type": "10%", "unit": "9%", "constraints": "28%", "description": "33%"}


def package_counts(names: list[str]) -> dict[str, int]:
    """How big the data package is: its tables, their rows and fields in all, the bibliography's sources and
    the known gaps (``names``: the tables to count, in package order)."""
    return {"tables": len(names),
            "rows": sum(appendix.table_summary(name)["rows"] for name in names),
            "fields": sum(len(appendix.schema_frame(name)) for name in names),
            "sources": len(bibliography_keys()),
            "gaps": len(load_table("gaps"))}


def numbers() -> Numbers:
    """Every figure and short text of appendix C, formatted as the reader sees it."""
    n = Numbers("a3_data_methods")
    for name, count in package_counts(appendix.data_tables()).items():
        n.number(name, ",d", count)
    n.number("max_age_regulations", ",d", freshness.MAX_AGE_DAYS["regulations"])
    n.number("max_age_prices", ",d", freshness.MAX_AGE_DAYS["prices"])
    licence = datapackage()["licenses"][0]
    n.text("licence", licence["title"])
    n.text("licence_name", licence["name"])
    n.text("licence_path", licence["path"])
    return n


def schema_table(name: str) -> HTML:
    """The schema of table ``name`` as an accessible HTML table: field, type, unit, constraints, description."""
    headers = {column: label(f"appendix.data.{column}") for column in SCHEMA_COLUMNS}
    return appendix.html_table(appendix.schema_frame(name), list(SCHEMA_COLUMNS),
                               label("appendix.data.schema_caption", name=name), headers=headers,
                               row_header="field", widths=SCHEMA_COLUMNS)


def table_descriptions() -> None:
    """Displays, for every table of the data package in package order, its summary (purpose, size, sources,
    ``as_of`` range, confidence mix, download link) and then its schema."""
    for name in appendix.data_tables():
        display(appendix.table_markdown(name))
        display(schema_table(name))


def gaps_frame() -> pd.DataFrame:
    """``data/gaps.csv`` with its free-text columns (what is missing, the consequence, where it was sought) in the
    reader's language: the ``_ja`` cell in Japanese where it is not empty."""
    frame = load_table("gaps")
    for column in GAP_TEXT_COLUMNS:
        frame[column] = [localized(gap, column) for _, gap in frame.iterrows()]
    return frame


def gaps_table() -> HTML:
    """The known gaps of ``data/gaps.csv``: what is missing, its consequence for the book, where it was sought."""
    columns = list(GAP_COLUMNS)
    return appendix.html_table(gaps_frame(), columns, label("appendix.data.gaps_caption"),
                               headers={column: label(f"appendix.data.{column}") for column in columns},
                               row_header="gap_id", widths=GAP_COLUMNS)


def rows_to_reverify():
    """The regulations and prices older than their maximum age today, oldest first, as a MyST table
    (``widgets.pages.freshness.stale_markdown``; ``make freshness`` prints the same list)."""
    return freshness.stale_markdown()


def workshop_values() -> HTML:
    """The values the workshop being built sets, next to the published ones: parameter, scenario, the published
    value and its source, the workshop's value and the instructor's note. In the full kit: a sentence saying so."""
    from widgets.core.workshop import active, overrides
    name = active()
    if not name or not overrides(name):
        return HTML(f"<p>{label('data.workshop.none')}</p>")
    published = load_table("model_parameters", workshop_values=False).set_index(["parameter", "scenario"])
    rows = []
    for override in overrides(name):
        row = published.loc[(override.parameter, override.scenario)]
        rows.append({"parameter": override.parameter, "scenario": override.scenario,
                     "published": f"{row['value']:g} {row['unit']}", "source": row["source_id"],
                     "workshop": f"{override.value:g} {row['unit']}", "note": override.note})
    columns = ["parameter", "scenario", "published", "source", "workshop", "note"]
    return appendix.html_table(pd.DataFrame(rows), columns, label("data.workshop.caption", name=name),
                               headers={c: label(f"data.workshop.{c}") for c in columns}, row_header="parameter")
