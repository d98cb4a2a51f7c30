"""Ore grade–tonnage–cost chart: whole-chain cost per kg of oxide (mine to separated oxide) against head
grade, with the breakeven grade moving as the reader drags the sliders, and the published deposit estimates
placed on the curve. The cost slider is a whole-chain operating cost per tonne of ore (see
:func:`widgets.ore.model.whole_chain_opex_usd_per_t_ore` for how the starting value is derived).

The Vega expressions below restate :mod:`widgets.ore.model`'s equations; the parity test
(``tests/test_charts_ore.py``) evaluates the chart at several slider positions and compares.
"""
from __future__ import annotations


import altair as alt
import numpy as np
import pandas as pd

from widgets.charts.style import HEIGHT_PX, OKABE_ITO, WIDTH_PX, finish, slider
from widgets.core.labels import label, localized
from widgets.ore import model as ore
from widgets.ore.model import OreSliders

GRADE_GRID_PCT = np.round(np.geomspace(0.5, 15.0, 120), 4)


# Vega expressions (param names are the model's argument names).
COST_EXPR = "opex_usd_per_t_ore / (datum.grade_treo_pct / 100 * recovery_pct / 100 * 1000)"
BASKET_EXPR = ("ndpr_share_of_treo_pct / 100 * ndpr_oxide_price_usd_per_kg"
               " + dytb_share_of_treo_pct / 100 * dytb_oxide_price_usd_per_kg"
               " + (1 - ndpr_share_of_treo_pct / 100 - dytb_share_of_treo_pct / 100) * other_oxide_price_usd_per_kg")
BREAKEVEN_EXPR = f"opex_usd_per_t_ore / (recovery_pct / 100 * 1000 * ({BASKET_EXPR})) * 100"


def deposit_points(deposits: pd.DataFrame) -> pd.DataFrame:
    """One point per published estimate with a grade: the stated grade, or the grade implied by
    ore and contained oxide (``ore.implied_grade_treo_pct``) when only those are given."""
    rows = []
    for _, row in deposits.iterrows():
        grade, how = row["grade_treo_pct"], label("ore.basis.stated")
        if pd.isna(grade) and pd.notna(row["ore_mt"]) and pd.notna(row["contained_treo_mt"]):
            grade, how = (ore.implied_grade_treo_pct(row["ore_mt"], row["contained_treo_mt"]),
                          label("ore.basis.implied"))
        if pd.isna(grade) or grade <= 0:
            continue
        rows.append({"deposit": localized(row, "deposit_name"), "estimate": row["estimate_id"],
                     "kind": row["estimate_kind"], "category": row["category"],
                     "grade_treo_pct": float(grade), "grade_basis": how,
                     "ore_mt": None if pd.isna(row["ore_mt"]) else float(row["ore_mt"]),
                     "source": row["source_id"], "confidence": row["confidence"]})
    return pd.DataFrame(rows)


def ore_cost_chart(deposits: pd.DataFrame, sliders: OreSliders) -> alt.LayerChart:
    """Whole-chain cost per kg TREO against grade (log–log), breakeven grade and basket value as moving rules,
    deposit estimates as points on the cost curve."""
    params = [
        slider("ore", "opex_usd_per_t_ore", sliders.opex_usd_per_t_ore, 10, 400, 5),
        slider("ore", "recovery_pct", sliders.recovery_pct, 20, 95, 1),
        slider("ore", "ndpr_share_of_treo_pct", sliders.ndpr_share_of_treo_pct, 5, 40, 0.5),
        slider("ore", "ndpr_oxide_price_usd_per_kg", sliders.ndpr_oxide_price_usd_per_kg, 20, 250, 1),
        slider("ore", "dytb_share_of_treo_pct", sliders.dytb_share_of_treo_pct, 0, 5, 0.05),
        slider("ore", "dytb_oxide_price_usd_per_kg", sliders.dytb_oxide_price_usd_per_kg, 100, 2000, 10),
        slider("ore", "other_oxide_price_usd_per_kg", sliders.other_oxide_price_usd_per_kg, 0, 20, 0.5),
    ]
    x_scale = alt.Scale(type="log", domain=[0.5, 15], clamp=True)
    y_scale = alt.Scale(type="log", domain=[0.1, 200], clamp=True)
    x = alt.X("grade_treo_pct:Q", scale=x_scale, title=label("ore.axis.grade"))
    y = alt.Y("cost_usd_per_kg_treo:Q", scale=y_scale, title=label("ore.axis.cost"))
    grid = pd.DataFrame({"grade_treo_pct": GRADE_GRID_PCT})
    curve = (alt.Chart(grid).mark_line(color=OKABE_ITO[0], strokeWidth=2)
             .transform_calculate(cost_usd_per_kg_treo=COST_EXPR).encode(x=x, y=y))
    points = (alt.Chart(deposit_points(deposits)).mark_point(filled=True, size=90, opacity=0.9)
              .transform_calculate(cost_usd_per_kg_treo=COST_EXPR)
              .encode(x=x, y=y,
                      color=alt.Color("deposit:N", title=label("ore.legend.deposit")),
                      shape=alt.Shape("grade_basis:N", title=label("ore.legend.grade_basis")),
                      tooltip=[alt.Tooltip("deposit:N", title=label("ore.tooltip.deposit")),
                               alt.Tooltip("category:N", title=label("ore.tooltip.category")),
                               alt.Tooltip("grade_treo_pct:Q", format=".2f", title=label("ore.axis.grade")),
                               alt.Tooltip("grade_basis:N", title=label("ore.legend.grade_basis")),
                               alt.Tooltip("ore_mt:Q", format=",.1f", title=label("ore.tooltip.ore_mt")),
                               alt.Tooltip("cost_usd_per_kg_treo:Q", format=",.1f", title=label("ore.axis.cost")),
                               alt.Tooltip("source:N", title=label("chart.tooltip.source")),
                               alt.Tooltip("confidence:N", title=label("chart.tooltip.confidence"))]))
    one_row = pd.DataFrame({"row": [0]})
    basket = (alt.Chart(one_row).mark_rule(color=OKABE_ITO[3], strokeDash=[6, 3], strokeWidth=2)
              .transform_calculate(basket_value_usd_per_kg_treo=BASKET_EXPR)
              .encode(y=alt.Y("basket_value_usd_per_kg_treo:Q", scale=y_scale),
                      tooltip=[alt.Tooltip("basket_value_usd_per_kg_treo:Q", format=",.1f",
                                           title=label("ore.tooltip.basket"))]))
    breakeven = (alt.Chart(one_row).mark_rule(color=OKABE_ITO[1], strokeWidth=2)
                 .transform_calculate(breakeven_grade_treo_pct=BREAKEVEN_EXPR)
                 .encode(x=alt.X("breakeven_grade_treo_pct:Q", scale=x_scale),
                         tooltip=[alt.Tooltip("breakeven_grade_treo_pct:Q", format=".2f",
                                              title=label("ore.tooltip.breakeven"))]))
    breakeven_text = (alt.Chart(one_row).mark_text(align="left", dx=4, dy=-6, color="#000000", fontSize=12)
                      .transform_calculate(breakeven_grade_treo_pct=BREAKEVEN_EXPR,
                                           y_top="150",
                                           text=f"'{label('ore.text.breakeven')} ' + round(datum.breakeven_grade_treo_pct * 100) / 100 + ' %'")
                      .encode(x=alt.X("breakeven_grade_treo_pct:Q", scale=x_scale), y="y_top:Q", text="text:N"))
    layered = (alt.layer(curve, basket, breakeven, breakeven_text, points)
               .add_params(*params).properties(width=WIDTH_PX, height=HEIGHT_PX))
    return finish(layered, title=label("ore.title"), subtitle=label("ore.subtitle"),
                  description=label("ore.description"))
