"""How old the briefing is: source dates from the bibliography, a chapter's sources (citations and the claims it
checks), the rows to re-verify first (current rows only, oldest first), and the note under each title."""
from __future__ import annotations

import pandas as pd
import pytest

from widgets.pages import freshness
from widgets.core.data import load_table, split_list


def test_source_date_prefers_the_date_field_then_year_and_month():
    bib = freshness.bibliography()
    with_date = next(key for key, fields in bib.items() if fields.get("date"))
    assert freshness.source_date(with_date) == pd.Timestamp(bib[with_date]["date"])
    year_only = next((key for key, fields in bib.items() if not fields.get("date") and fields.get("year", "").isdigit()
                      and not fields.get("month")), None)
    if year_only:
        assert freshness.source_date(year_only) == pd.Timestamp(int(bib[year_only]["year"]), 1, 1)
    assert pd.isna(freshness.source_date("no-such-key"))


def test_chapter_sources_include_citations_and_checked_claims(tmp_path):
    claims = load_table("claims")
    claim = claims.iloc[0]
    page = tmp_path / "page.md"
    page.write_text(f"Text {{cite:p}}`alpha,beta` and {{cite:t}}`gamma`.\n\n```\nbook.source_check(\"{claim.claim_id}\")\n```\n",
                    encoding="utf-8")
    expected = {"alpha", "beta", "gamma", claim.source_id, *split_list(claim.other_source_ids)} - {"imaizumi2025report"}
    assert freshness.chapter_sources(page) == expected


def test_stale_rows_are_current_rows_older_than_the_limit_oldest_first():
    today = pd.Timestamp("2040-01-01")
    stale = freshness.stale_rows(today, {"regulations": 30, "prices": 30})
    current = len(freshness.current_rows("regulations")) + len(freshness.current_rows("prices"))
    assert len(stale) == current                                   # in 2040 everything current is stale
    assert list(stale["as_of"]) == sorted(stale["as_of"])
    assert (stale["age_days"] > stale["max_age_days"]).all()
    assert freshness.stale_rows(pd.Timestamp("2000-01-01")).empty  # nothing is old before the data exist


def test_historical_regulations_and_older_price_points_are_not_current():
    regulations = freshness.current_rows("regulations")
    assert "historical" not in set(regulations["status"])
    prices = freshness.current_rows("prices")
    assert prices["commodity"].is_unique


def test_note_under_a_chapter_title_names_dates_and_the_newest_source(monkeypatch):
    from widgets.pages.book import OUTPUT_ENV
    monkeypatch.setenv(OUTPUT_ENV, "book")  # in the book the newest source is a citation role
    text = freshness.freshness_note("02_regulation", today="2026-12-01").data
    assert text.startswith(":::{admonition}") and "{cite:t}`" in text and "1 December 2026" in text
    monkeypatch.delenv(OUTPUT_ENV)  # in JupyterLab, a link a reader can follow, and no role
    lab = freshness.freshness_note("02_regulation", today="2026-12-01").data
    assert "{cite" not in lab and "](a5_bibliography.md" in lab
