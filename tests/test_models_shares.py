"""Shares from tonnes, hand-checked; stated and computed shares side by side, never averaged; a share is computed
only from a country row and a world row of the same source, year, stage and basis."""
from __future__ import annotations

import pandas as pd
import pytest

from widgets.core.data import load_table
from widgets.shares.model import SHARE_COLUMNS, country_shares, share_pct

T = pd.Timestamp


def _row(year, stage, country, share=None, tonnes=None, basis="t REO", source="src", confidence="primary",
         as_of="2025-01-01"):
    return {"year": year, "stage": stage, "country": country, "share_pct": share, "quantity_t": tonnes,
            "basis": basis, "source_id": source, "as_of": T(as_of), "confidence": confidence, "note": None}


def test_share_pct_hand_checked():
    assert share_pct(270_000, 390_000) == pytest.approx(69.2307692)    # 270 / 390 = 0.6923
    assert share_pct(0, 5) == 0.0 and share_pct(5, 5) == 100.0


@pytest.mark.parametrize("part, total, message", [
    (10, 0, r"Parameter 'total_t' = 0 is outside the allowed range \(0, ∞\) t"),
    (-1, 10, r"Parameter 'part_t' = -1 is outside the allowed range \[0, 10\]"),
    (11, 10, r"Parameter 'part_t' = 11 is outside the allowed range \[0, 10\] t \(at most the world total\)"),
])
def test_share_pct_rejects_impossible_inputs(part, total, message):
    with pytest.raises(ValueError, match=message):
        share_pct(part, total)


def test_stated_and_computed_shares_stay_separate():
    frame = pd.DataFrame([
        _row(2023, "mining", "China", share=62.0, source="iea", confidence="secondary", basis="share"),
        _row(2023, "mining", "China", tonnes=255_000),
        _row(2023, "mining", "World", tonnes=376_000),
        _row(2023, "mining", "Australia", tonnes=16_000),
    ])
    shares = country_shares(frame)
    assert list(shares.columns) == list(SHARE_COLUMNS)
    assert len(shares) == 2                                          # two sources, two bars, no average
    stated = shares[shares["how"] == "stated"].iloc[0]
    computed = shares[shares["how"] == "computed"].iloc[0]
    assert stated["share_pct"] == 62.0 and stated["source_id"] == "iea"
    assert computed["share_pct"] == pytest.approx(67.819149)          # 255,000 / 376,000 · 100
    assert (computed["quantity_t"], computed["world_t"]) == (255_000, 376_000)


def test_no_share_without_a_world_total_of_the_same_source_and_basis():
    frame = pd.DataFrame([
        _row(2024, "mining", "China", tonnes=270_000, source="a"),
        _row(2024, "mining", "World", tonnes=380_000, source="b"),            # another source: not mixed
        _row(2024, "separation", "China", tonnes=254_000, source="a", basis="quota"),
        _row(2024, "separation", "World", tonnes=300_000, source="a", basis="t oxide"),  # another basis
    ])
    assert country_shares(frame).empty


def test_confidence_of_a_computed_share_is_the_weaker_row_and_projections_are_flagged():
    frame = pd.DataFrame([
        _row(2024, "mining", "China", tonnes=100, confidence="primary"),
        _row(2024, "mining", "World", tonnes=400, confidence="weak"),
        _row(2030, "refining", "China", share=77.0, as_of="2024-06-03"),
    ])
    shares = country_shares(frame).set_index("stage")
    assert shares.loc["mining", "confidence"] == "weak" and shares.loc["mining", "share_pct"] == 25.0
    assert bool(shares.loc["refining", "projection"]) and not bool(shares.loc["mining", "projection"])


def test_two_world_totals_for_one_source_are_an_error():
    frame = pd.DataFrame([_row(2024, "mining", "China", tonnes=1), _row(2024, "mining", "World", tonnes=10),
                          _row(2024, "mining", "World", tonnes=11)])
    with pytest.raises(ValueError, match="one world total per source, year, stage and basis"):
        country_shares(frame)


def test_world_is_not_a_country():
    with pytest.raises(ValueError, match="Parameter 'country' = 'World' is not allowed"):
        country_shares(pd.DataFrame([_row(2024, "mining", "World", tonnes=1)]), "World")


def test_computed_shares_in_the_data_package_are_tonnes_over_world_tonnes():
    table = load_table("production_shares")
    shares = country_shares(table)
    computed = shares[shares["how"] == "computed"]
    for row in computed.itertuples():
        same = (table["source_id"] == row.source_id) & (table["year"] == row.year) & (table["stage"] == row.stage)
        china = table.loc[same & (table["country"] == "China"), "quantity_t"].dropna()
        world = table.loc[same & (table["country"] == "World"), "quantity_t"].dropna()
        assert row.share_pct == pytest.approx(china.iloc[0] / world.iloc[0] * 100)
    stages = list(shares["stage"].drop_duplicates())
    assert stages == sorted(stages, key=["mining", "separation", "refining", "magnet_making"].index)
