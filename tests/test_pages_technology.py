"""Appendix A's page module: the claims the report's table links to, the verdict counts in words, the rows
shown in the report's order, and figures that are non-empty text with the date read as a date."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from widgets.pages import appendix, technology

TECH = pd.DataFrame({"row_order": [2, 1, 3], "name_en": ["Second", "First", "Third"],
                     "claim_ids": ["c3;c1", "c1", float("nan")]})
CLAIMS = pd.DataFrame({"claim_id": ["c1", "c2", "c3", "c4"],
                       "verdict": ["differs", "confirmed", "confirmed", "contradicted"]})


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("KIT_LANG", "en")


def test_linked_claims_are_each_claim_once_sorted():
    assert technology.linked_claims(TECH) == ["c1", "c3"]


def test_verdict_counts_follow_the_ledgers_order_and_leave_out_zeros():
    counts = technology.verdict_counts(["c4", "c1", "c3", "c2"], CLAIMS)
    assert list(counts.items()) == [("confirmed", 2), ("differs", 1), ("contradicted", 1)]
    assert technology.verdict_counts(["c1"], CLAIMS) == {"differs": 1}


def test_verdicts_in_words():
    assert technology.verdicts_text({"unverified": 1}) == "1 unverified"
    assert technology.verdicts_text({"confirmed": 3, "differs": 1}) == "3 confirmed and 1 differing from the sources"
    assert technology.verdicts_text({"confirmed": 1, "company-claim": 2, "contradicted": 1}) == (
        "1 confirmed, 2 resting on a company's claim only and 1 contradicted")


def test_lists_and_counts_in_words(monkeypatch):
    assert technology.list_text(["a"]) == "a"
    assert technology.list_text(["a", "b", "c"]) == "a, b and c"
    with pytest.raises(ValueError, match="parts"):
        technology.list_text([])
    assert technology.count_text("technology.rows", 1) == "1 technology"
    assert technology.count_text("technology.rows", 6) == "6 technologies"
    assert technology.count_text("technology.confirmed", 1) == "1 is"
    assert technology.count_text("technology.confirmed", 4) == "4 are"
    monkeypatch.setenv("KIT_LANG", "ja")
    assert technology.list_text(["a", "b", "c"]) == "a、b、c"
    assert technology.count_text("technology.claims", 8) == "8件の主張"


def test_row_by_row_shows_every_row_in_the_reports_order(monkeypatch):
    shown = []
    monkeypatch.setattr(appendix, "technology_detail", lambda row, claims: row["name_en"])
    monkeypatch.setattr(technology, "display", shown.append)
    technology.row_by_row(TECH, CLAIMS)
    assert shown == ["First", "Second", "Third"]


def test_every_figure_is_text_and_the_date_reads_as_a_date():
    numbers = technology.numbers()
    for name, value in numbers.items():
        assert isinstance(value, str) and value.strip(), name
        assert not hasattr(value, "_repr_markdown_"), f"{name}: an inline value is plain text"
    assert not re.fullmatch(r"\d{4}-\d{2}-\d{2}", numbers.tech_reuters_date)
    assert re.search(r"\d{4}", numbers.tech_reuters_date)
