"""Parity: the ore chart's Vega expressions, evaluated by VegaFusion at several slider positions,
equal the Python model (widgets.ore.model)."""
from __future__ import annotations

import pandas as pd
import pytest

from widgets.charts import ore as ore_chart
from widgets.ore import model as ore

DEPOSITS = pd.DataFrame([
    # a stated grade, and an estimate with ore and oxide only (grade implied: 12.5 / 694 · 100 = 1.801 %)
    {"estimate_id": "a", "deposit_name": "A", "estimate_kind": "mineral_resource", "category": "measured",
     "ore_mt": 20.0, "grade_treo_pct": 7.2, "contained_treo_mt": None, "source_id": "s", "confidence": "primary"},
    {"estimate_id": "b", "deposit_name": "B", "estimate_kind": "government_claim", "category": "claim",
     "ore_mt": 694.0, "grade_treo_pct": None, "contained_treo_mt": 12.5, "source_id": "s", "confidence": "weak"},
])

POSITIONS = [
    ore_chart.OreSliders(100, 70, 20, 60, 0.5, 300, 2),
    ore_chart.OreSliders(35, 90, 15.7, 110, 0.1, 800, 1),
    ore_chart.OreSliders(250, 40, 30, 150, 2.0, 1500, 5),
]


def layer_frames(chart):
    return chart.transformed_data()


@pytest.mark.parametrize("sliders", POSITIONS)
def test_chart_matches_model(sliders):
    curve, basket, breakeven, _text, points = layer_frames(ore_chart.ore_cost_chart(DEPOSITS, sliders))
    model_curve = ore.cost_curve_usd_per_kg_treo(curve["grade_treo_pct"], sliders.recovery_pct,
                                                 sliders.opex_usd_per_t_ore)
    assert curve["cost_usd_per_kg_treo"].tolist() == pytest.approx(model_curve, rel=1e-9)
    economics = ore.ore_economics(1.0, 5.0, sliders.recovery_pct, sliders.ndpr_share_of_treo_pct,
                                  sliders.dytb_share_of_treo_pct, sliders.ndpr_oxide_price_usd_per_kg,
                                  sliders.dytb_oxide_price_usd_per_kg, sliders.other_oxide_price_usd_per_kg,
                                  sliders.opex_usd_per_t_ore, 0.1, 0.0)
    assert basket["basket_value_usd_per_kg_treo"].iloc[0] == pytest.approx(economics.basket_value_usd_per_kg_treo)
    assert breakeven["breakeven_grade_treo_pct"].iloc[0] == pytest.approx(economics.breakeven_grade_treo_pct)
    expected_points = ore.cost_curve_usd_per_kg_treo(points["grade_treo_pct"], sliders.recovery_pct,
                                                     sliders.opex_usd_per_t_ore)
    assert points["cost_usd_per_kg_treo"].tolist() == pytest.approx(expected_points)


def test_implied_grade_is_plotted_for_oxide_only_estimates():
    points = ore_chart.deposit_points(DEPOSITS)
    implied = points.set_index("estimate").loc["b"]
    assert implied["grade_basis"] == "implied"
    assert implied["grade_treo_pct"] == pytest.approx(12.5 / 694 * 100)  # = 1.8012 %


def test_chart_has_title_description_and_bound_sliders():
    spec = ore_chart.ore_cost_chart(DEPOSITS, POSITIONS[0]).to_dict()
    assert spec["title"]["text"] and spec["description"]
    bound = [p for p in spec.get("params", []) if "bind" in p]
    assert {p["name"] for p in bound} == {
        "opex_usd_per_t_ore", "recovery_pct", "ndpr_share_of_treo_pct", "ndpr_oxide_price_usd_per_kg",
        "dytb_share_of_treo_pct", "dytb_oxide_price_usd_per_kg", "other_oxide_price_usd_per_kg"}
