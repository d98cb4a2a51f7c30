"""Appendix D (glossary): the two figures its prose shows and the glossary table.

The figures are counts of ``data/glossary.csv``: its terms, and the chapters of first use they link to (the
appendices count as one). The table is ``widgets.pages.appendix.glossary_frame`` as an accessible HTML table.
"""
from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from widgets.core.labels import label
from widgets.pages import appendix
from widgets.pages.common import Numbers

#: The table's columns and their widths (the definition, in the reader's language, gets the most room).
COLUMNS = {"term_en": "16%", "term_ja": "14%", "reading_ja": "16%", "definition": "32%", "chapter_link": "9%",
           "source_id": "13%"}
#: Each column's header label under ``appendix.glossary`` (the definition keeps its label key ``definition_en``).
HEADERS = {"term_en": "term_en", "term_ja": "term_ja", "reading_ja": "reading_ja", "definition": "definition_en",
           "chapter_link": "chapter", "source_id": "source_id"}


def numbers() -> Numbers:
    """How many terms the glossary lists, and in how many chapters they are first used."""
    n = Numbers("a4_glossary")
    glossary = appendix.glossary_frame()
    n.number("gl_terms", ".0f", len(glossary))
    n.number("gl_chapters", ".0f", glossary["chapter"].nunique())
    return n


def glossary_table(glossary: pd.DataFrame | None = None) -> HTML:
    """The glossary (``data/glossary.csv`` unless given) sorted by English term, with its Japanese term and
    reading, definition (Japanese in the Japanese edition), a link to the chapter of first use and the source key."""
    frame = appendix.glossary_frame(glossary)
    columns = list(COLUMNS)
    headers = {column: label(f"appendix.glossary.{HEADERS[column]}") for column in columns}
    return appendix.html_table(frame, columns, label("appendix.glossary.caption"), headers=headers,
                               row_header="term_en", raw_html=["chapter_link"],
                               lang={"term_en": "en", "term_ja": "ja", "reading_ja": "ja"}, widths=COLUMNS)
