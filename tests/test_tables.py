"""Accessible HTML tables and the appendix summaries built from the data package."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from widgets.pages import appendix as tables
from widgets.core.data import enum_of, load_table

FRAME = pd.DataFrame({"name": ["a<b", "Fe & Ni"], "ja": ["磁石", None], "value": [2.0, 1234.5],
                      "link": ['<a href="x.html">x</a>', ""], "key": ["r-1", "r-2"]})



@pytest.fixture(autouse=True)
def in_the_book(monkeypatch):
    """These tables are written as the book's build writes them (links to .html pages)."""
    monkeypatch.setenv("KIT_OUTPUT", "book")

def render(**kwargs) -> str:
    args = dict(frame=FRAME, columns=["name", "ja", "value", "link"], caption="Caption & <more>")
    return tables.html_table(**{**args, **kwargs}).data


def test_structure_caption_headers_and_escaping():
    out = render(headers={"name": "Name", "value": "Value (kg)"}, row_header="name", raw_html=["link"],
                 lang={"ja": "ja"}, row_id="key")
    assert '<caption>Caption &amp; &lt;more&gt;</caption>' in out
    assert re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', out) == ["Name", "ja", "Value (kg)", "link"]
    assert '<th scope="col">ja</th>' in out
    assert '<tr id="r-1"><th scope="row">a&lt;b</th><td lang="ja">磁石</td><td>2</td>' in out
    assert '<td><a href="x.html">x</a></td>' in out                    # raw HTML kept
    assert '<th scope="row">Fe &amp; Ni</th><td lang="ja"></td><td>1234.5</td>' in out  # missing → empty
    assert out.count("<tr") == 3 and "<thead>" in out and "<tbody>" in out
    assert 'role="region" aria-label="Caption &amp; &lt;more&gt;" tabindex="0"' in out


def test_raw_html_is_escaped_unless_declared():
    assert "&lt;a href=&quot;x.html&quot;&gt;x&lt;/a&gt;" in render()


def test_formats():
    assert "<td>1,234.5</td>" in render(formats={"value": "{:,.1f}"}) and "<td>2.0</td>" in render(
        formats={"value": "{:,.1f}"})


@pytest.mark.parametrize("kwargs, message", [
    ({"columns": ["name", "nope"]}, "'frame' lacks the columns nope"),
    ({"columns": []}, "'columns' is empty"),
    ({"caption": " "}, "'caption' is missing"),
    ({"row_header": "missing"}, "'frame' lacks the columns missing"),
    ({"frame": [1, 2]}, "'frame' = 'list' is not allowed"),
])
def test_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        render(**kwargs)


def test_verdict_links_point_to_ledger_rows():
    links = tables.verdict_links("c079;c083")
    assert links == ('<a href="a2_claim_ledger.html#claim-c079">c079 · differs</a><br>'
                     '<a href="a2_claim_ledger.html#claim-c083">c083 · confirmed</a>')
    with pytest.raises(ValueError, match="'claim id' = 'c999' is not allowed"):
        tables.verdict_links("c999")


def test_verdict_table_hand_checked():
    claims = pd.DataFrame({"topic": ["a", "b", "a", "a"], "verdict": ["confirmed", "differs", "differs", "differs"]})
    counts = tables.verdict_table(claims, "topic").set_index("topic")
    assert counts.loc["a"].to_dict() == {"confirmed": 1, "company-claim": 0, "differs": 2, "unverified": 0,
                                         "contradicted": 0, "total": 3}
    assert counts.loc["total"].to_dict() == {"confirmed": 1, "company-claim": 0, "differs": 3,
                                             "unverified": 0, "contradicted": 0, "total": 4}


def test_ledger_table_has_every_claim_with_an_anchor_and_bibliography_links(monkeypatch):
    monkeypatch.setenv("KIT_OUTPUT", "book")
    out = tables.ledger_table().data
    claims = load_table("claims")
    assert len(re.findall(r'<tr id="claim-c\d{3}">', out)) == len(claims)
    assert '<a href="a5_bibliography.html"><code>meti2023jare</code></a>' in out
    assert '<td lang="ja">' in out


def test_constraints_in_words():
    field = {"name": "x", "constraints": {"required": True, "enum": ["a", "b"], "minimum": 0, "maximum": 100.0},
             "x-separator": ";"}
    assert tables.constraints_text(field) == 'required; one of: a, b; ≥ 0; ≤ 100; list separated by ";"'


def test_table_summary_hand_checked():
    # technologies.csv: six rows copied from the report, all from one source, dated 2025-11-21, all 'weak'
    summary = tables.table_summary("technologies")
    assert (summary["rows"], summary["sources"], summary["as_of_min"], summary["as_of_max"]) == (
        6, 1, "2025-11-21", "2025-11-21")
    assert summary["confidence"] == {"weak": 6}
    gaps = tables.table_summary("gaps")
    assert gaps["sources"] is None and gaps["confidence"] is None and gaps["rows"] == len(load_table("gaps"))


def test_table_markdown_has_download_role_and_schema_rows():
    text = tables.table_markdown("technologies").data
    assert "{download}`Download technologies.csv <../data/technologies.csv>`" in text
    assert text.startswith("### The report's technology comparison table")
    schema = tables.schema_frame("claims").set_index("field")
    assert schema.loc["verdict", "constraints"] == "required; one of: " + ", ".join(enum_of("claims", "verdict"))
    assert schema.loc["claim_id", "type"] == "string"


def test_glossary_sorted_with_chapter_links(monkeypatch):
    monkeypatch.setenv("KIT_OUTPUT", "book")
    frame = tables.glossary_frame()
    terms = list(frame["term_en"])
    assert terms == sorted(terms, key=str.casefold)
    link = frame.set_index("term_id").loc["separation", "chapter_link"]
    assert link.startswith('<a href="04_supply.html" title="Supply outside China') and link.endswith(">Chapter 4</a>")
    assert tables.chapter_page("04")[0] == "04_supply.html"
    with pytest.raises(ValueError, match="'chapter' = '99' is not allowed"):
        tables.chapter_page("99")


def test_links_point_at_the_chapter_sources_in_jupyterlab(monkeypatch):
    """Outside the book's build (JupyterLab), a link opens the chapter's source as a notebook: no .html there."""
    monkeypatch.delenv("KIT_OUTPUT", raising=False)
    assert tables.chapter_page("04")[0] == "04_supply.md"
    assert tables.claim_link("c001").startswith('<a href="a2_claim_ledger.md#claim-c001"')
    out = tables.ledger_table().data
    assert ".html" not in out and 'href="a5_bibliography.md"' in out


def test_technology_detail_side_by_side():
    tech = load_table("technologies")
    out = tables.technology_detail(tech[tech["technology_id"] == "srm"].iloc[0]).data
    assert '<td lang="ja">構造単純、堅牢、極めて安価</td><td lang="en">Simple structure; robust; extremely cheap</td>' in out
    assert 'a2_claim_ledger.html#claim-c084' in out and "Row 6 of the report" in out


def test_column_widths():
    out = render(widths={"name": "30%", "value": "10%"})
    assert '<colgroup><col style="width:30%"><col><col style="width:10%"><col></colgroup>' in out
    assert '<table class="table kit-table kit-table-fixed">' in out
    assert "kit-table-fixed" not in render()
    with pytest.raises(ValueError, match="'widths column' = 'key' is not allowed"):
        render(widths={"key": "5%"})
