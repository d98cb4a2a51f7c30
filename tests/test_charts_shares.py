"""The shares chart draws exactly the model's shares: one bar per source and year (never averaged), in stage
panels, with source and confidence in the tooltip; a static chart with no slider."""
from __future__ import annotations

import pandas as pd
import pytest

from widgets.charts import shares as shares_chart
from widgets.core.labels import label
from widgets.shares.model import country_shares

T = pd.Timestamp


def production() -> pd.DataFrame:
    rows = [(2023, "mining", "China", 62.0, None, "share", "iea", "2024-06-03", "secondary"),
            (2023, "mining", "China", None, 255_000.0, "t REO", "usgs", "2025-01-01", "primary"),
            (2023, "mining", "World", None, 376_000.0, "t REO", "usgs", "2025-01-01", "primary"),
            (2030, "mining", "China", 54.0, None, "share", "iea", "2024-06-03", "secondary"),
            (2025, "magnet_making", "China", 94.0, None, "share", "iea2", "2025-10-23", "secondary"),
            (2024, "separation", "China", None, 254_000.0, "quota", "quota", "2024-01-01", "secondary")]
    frame = pd.DataFrame(rows, columns=["year", "stage", "country", "share_pct", "quantity_t", "basis", "source_id",
                                        "as_of", "confidence"])
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    frame["note"] = None
    return frame


def test_bars_are_the_model_shares():
    bars = shares_chart.shares_chart(production()).transformed_data()   # the facet's data (bars and labels)
    model = country_shares(production())
    assert len(bars) == len(model) == 4                  # the quota has no world total: no bar
    assert sorted(bars["share_pct"]) == pytest.approx(sorted(model["share_pct"]))
    assert sorted(bars["share_pct"]) == pytest.approx(sorted([62.0, 255_000 / 376_000 * 100, 54.0, 94.0]))
    assert sorted(bars["share_text"]) == ["54 %", "62 %", "68 %", "94 %"]


def test_disagreeing_sources_are_separate_bars_with_marked_estimates():
    bars = shares_chart.share_bars(production())
    mining = bars[bars["stage"] == "mining"]
    assert len(mining) == 3 and mining["source_id"].tolist().count("iea") == 2
    estimates = set(mining["estimate"])
    assert f"2023 · usgs ({label('shares.text.computed')})" in estimates
    assert f"2030 · iea ({label('shares.text.projection')})" in estimates
    assert set(bars["stage_label"]) == {label("shares.stage.mining"), label("shares.stage.magnet_making")}


def test_tooltip_names_source_and_confidence_and_chart_is_static():
    spec = shares_chart.shares_chart(production()).to_dict()
    assert spec["title"]["text"] == label("shares.title")
    assert "from 62 to 68 per cent" in spec["description"]   # projections (54 %) left out of the summary
    assert not [p for p in spec.get("params", []) if "bind" in p]
    fields = {tip["field"] for layer in spec["spec"]["layer"] for tip in layer["encoding"]["tooltip"]}
    assert {"source_id", "confidence", "basis_text", "quantity_t", "world_t"} <= fields
    assert spec["config"]["axis"]["labelAngle"] == 0
