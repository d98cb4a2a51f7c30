"""Chapter 06's figures: the helpers on inputs written here, with hand-checked values; every figure the chapter
uses is computed, non-empty, and dates read as dates; the per-vehicle table renders. No figure of today's data
is pinned."""
from __future__ import annotations

import re
from html import escape

import pandas as pd
import pytest

from conftest import ROOT
from widgets.core.labels import label
from widgets.pages import recommendations as rec


def test_counted_picks_the_singular_for_one_and_the_plural_otherwise(monkeypatch):
    monkeypatch.setenv("KIT_LANG", "en")
    assert rec.counted("cards.total", 1) == "1 checkable claim"
    assert rec.counted("cards.total", 40) == "40 checkable claims"
    assert rec.counted("cards.confirmed", 1) == "1 is confirmed by the sources"
    assert rec.counted("cards.company", 7) == "7 rest only on a company's word about itself"
    assert rec.counted("cards.total", 1200) == label("recommendations.cards.total.many", count="1,200")


def test_card_counts_take_only_the_card_sections():
    claims = pd.DataFrame({"section": ["3.1", "3.1", "5.1", "6.3", "6.3", "4.1", "7"],
                           "verdict": ["confirmed", "company-claim", "differs", "confirmed", "unverified",
                                       "confirmed", "contradicted"]})
    assert rec.card_counts(claims) == {"total": 5, "confirmed": 2, "company": 1, "other": 2}
    assert rec.card_counts(claims, ["4.1"]) == {"total": 1, "confirmed": 1, "company": 0, "other": 0}


def test_cut_and_per_point_by_hand():
    assert rec.cut_pct(800, 200) == pytest.approx(75.0)
    assert rec.cut_pct(100, 100) == pytest.approx(0.0)
    assert rec.per_point(700, 400, 30) == pytest.approx(10.0)
    with pytest.raises(ValueError, match="before"):
        rec.cut_pct(0, 1)
    with pytest.raises(ValueError, match="moved"):
        rec.per_point(1, 1, 0)


def test_share_needed_outside_china_by_hand():
    # 1,000 t of oxide, 250 t may depend on China: 75 % must come from elsewhere
    assert rec.non_china_pct_needed(250, 1000) == pytest.approx(75.0)
    assert rec.non_china_pct_needed(1000, 1000) == pytest.approx(0.0)
    with pytest.raises(ValueError, match="total_t"):
        rec.non_china_pct_needed(1, 0)


def test_switch_saving_per_vehicle_by_hand():
    kg = pd.DataFrame({"ndpr_kg_per_vehicle": [0.6, 0.7], "dytb_kg_per_vehicle": [0.1, 0.0]},
                      index=pd.Index(["pm_standard", "pm_hree_free"], name="architecture"))
    # 0.1 kg Dy oxide × 500 − (0.7 − 0.6) kg NdPr oxide × 100 = 50 − 10 = 40
    assert rec.switch_saving_per_vehicle_usd(kg, dytb_price=500, ndpr_price=100) == pytest.approx(40.0)


def test_latest_quarters_are_the_newest_of_that_facility_oldest_first():
    output = pd.DataFrame({"facility_id": ["a", "a", "a", "b"],
                           "period_end": pd.to_datetime(["2025-06-30", "2025-12-31", "2025-09-30", "2026-03-31"]),
                           "quantity_t": [1.0, 3.0, 2.0, 9.0]})
    latest = rec.latest_quarters(output, "a")
    assert list(latest["quantity_t"]) == [2.0, 3.0]
    with pytest.raises(ValueError, match="no-such"):
        rec.latest_quarters(output, "no-such")


def test_every_figure_the_chapter_uses_is_computed_and_reads_as_text():
    text = (ROOT / "chapters" / "06_recommendations.md").read_text(encoding="utf-8")
    used = set(re.findall(r"\{eval\}`n\.([a-z0-9_]+)`", text))
    numbers = rec.numbers()
    assert used and used <= set(numbers)
    for name, value in numbers.items():
        assert isinstance(value, str) and value.strip(), name
        assert not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), f"{name} reads as an ISO date: {value}"
        assert "\\$" not in value, f"{name} escapes a dollar sign; inline values are plain text"


def test_the_sourcing_exercise_lands_on_all_three():
    n = rec.numbers()
    assert n.ex_rec_need_china_t == n.rec_all_three_china_t


def test_kg_table_has_a_caption_and_a_row_per_architecture():
    table = rec.kg_table().data
    assert escape(label("rec.kg.caption")) in table
    for architecture in ("pm_standard", "pm_hree_free", "magnet_free"):
        assert escape(label(f"rec.arch.{architecture}")) in table
