"""What a reader sees in the built pages: no mathematics inside a Source-check box (a '$' in data text once
opened inline maths there), and no ISO dates or regulation identifiers in running prose."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import toc_files
from widgets.core.data import load_table
from widgets.core.labels import label

CHAPTERS = [name for name in toc_files() if name.startswith("chapters/0")]
ISO_DATE = re.compile(r"\b(19|20)\d\d-\d\d-\d\d\b")


def _soup(site, name):
    return BeautifulSoup((site / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def _prose(soup):
    """Paragraphs and list items of the article, outside tables, code, charts and the bibliography."""
    article = soup.select_one("article") or soup
    for skip in article.select("table, pre, code, figure, .kit-chart, .cell_output .output, .bibliography, "
                               "div.citation, .kit-freshness"):
        skip.decompose()
    return [element.get_text(" ", strip=True) for element in article.select("p, li")]


@pytest.mark.parametrize("name", CHAPTERS)
def test_source_check_boxes_hold_no_mathematics(built_site, name):
    soup = _soup(built_site, name)
    title = label("book.source_check")
    boxes = [box for box in soup.select("div.admonition")
             if box.select_one(".admonition-title") and box.select_one(".admonition-title").get_text().startswith(title)]
    for box in boxes:
        assert not box.select(".math, mjx-container, span.math"), box.get_text()[:200]
        assert "\\(" not in str(box)


@pytest.mark.parametrize("name", CHAPTERS)
def test_running_prose_has_no_iso_dates_or_regulation_ids(built_site, name):
    ids = set(load_table("regulations")["regulation_id"])
    for text in _prose(_soup(built_site, name)):
        assert not ISO_DATE.search(text), text[:200]
        assert not [rid for rid in ids if rid in text], text[:200]


def test_the_check_finds_a_typed_iso_date():
    soup = BeautifulSoup("<article><p>On 2010-09-07 a trawler</p><table><tr><td>2010-09-07</td></tr></table>"
                         "</article>", "html.parser")
    assert [t for t in _prose(soup) if ISO_DATE.search(t)] == ["On 2010-09-07 a trawler"]


RAW_MYST = re.compile(r"\{(?:eval|glue(?::[a-z]+)?|cite(?::[pt])?|ref|numref|doc|eq)\}|:::\{|```\{")


@pytest.mark.parametrize("name", toc_files())
def test_no_raw_myst_in_any_built_page(built_site, name):
    """A role or fence that reached the page unparsed (a citation inside a glued value once did)."""
    soup = _soup(built_site, name)
    article = soup.select_one("article") or soup
    for code in article.select("pre, code, script"):    # the authors' guide shows MyST source on purpose
        code.decompose()
    found = RAW_MYST.findall(article.get_text(" "))
    assert found == [], (name, found[:5])


def test_the_raw_myst_check_finds_an_unparsed_role():
    assert RAW_MYST.findall("supply for GM {cite:p} mp2022gm and {eval}`n.x`") == ["{cite:p}", "{eval}"]
