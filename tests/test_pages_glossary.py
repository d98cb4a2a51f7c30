"""Appendix D: the glossary table shows every term of the table it is given, sorted, with the chapter linked;
the figures the page shows are present and agree with the table."""
from __future__ import annotations

import pandas as pd

from widgets.pages import appendix, glossary


def test_the_table_shows_each_term_sorted_with_its_chapter_linked(monkeypatch):
    monkeypatch.setenv("KIT_OUTPUT", "book")
    terms = pd.DataFrame({"term_en": ["ore", "Grade"], "term_ja": ["鉱石", "品位"], "reading_ja": ["こうせき", "ひんい"],
                          "definition_en": ["Rock as mined.", "Oxide per tonne of ore."], "chapter": ["04", "04"],
                          "source_id": ["key-a", "key-b"]})
    html = glossary.glossary_table(terms).data
    assert html.index("Grade") < html.index("ore")                 # sorted by English term, case-insensitive
    assert html.count('<th scope="row"') == 2
    assert html.count('href="04_supply.html"') == 2 and 'lang="ja"' in html


def test_figures_agree_with_the_glossary():
    numbers = glossary.numbers()
    frame = appendix.glossary_frame()
    assert numbers["gl_terms"] == str(len(frame))
    assert numbers["gl_chapters"] == str(frame["chapter"].nunique())
