"""The fleet portfolio ("three diversifications"): China-dependent and other tonnes of NdPr and Dy+Tb
for a year's vehicles, and what the rare earths cost at base and shock prices, as the reader moves
the levers.

The Vega expressions below restate :func:`widgets.fleet.levers.fleet_inputs_from_levers` and
:func:`widgets.fleet.model.fleet_demand`; the parity test (``tests/test_charts_fleet.py``) evaluates
the chart at several slider positions and compares.
"""
from __future__ import annotations

import json

import altair as alt
import pandas as pd

from widgets.charts.style import finish, OKABE_ITO, slider, WIDTH_PX
from widgets.core.labels import label
from widgets.fleet.model import GROUPS
from widgets.fleet.levers import ARCHITECTURES, kg_mapping
from widgets.fleet.model import FleetSliders

PANEL_HEIGHT_PX = 130


# Vega expressions (param names are the levers' names).
MIX_EXPR = {
    "pm_standard": "(100 - magnet_free_share_pct) * (100 - hree_free_share_pct) / 100",
    "pm_hree_free": "(100 - magnet_free_share_pct) * hree_free_share_pct / 100",
    "magnet_free": "magnet_free_share_pct",
}
DEMAND_EXPR = ("(" + " + ".join(f"annual_vehicles * ({MIX_EXPR[a]}) / 100 * datum.kg_{a}" for a in ARCHITECTURES)
               + ") / 1000")
NON_CHINA_EXPR = "datum.group == 'ndpr' ? ndpr_non_china_pct : dytb_non_china_pct"
CHINA_EXPR = f"datum.demand_t * (100 - ({NON_CHINA_EXPR})) / 100"
PRICE_BASE_EXPR = "datum.group == 'ndpr' ? ndpr_price_base : dytb_price_base"
PRICE_SHOCK_EXPR = "datum.group == 'ndpr' ? ndpr_price_shock : dytb_price_shock"
COST_BASE_EXPR = f"datum.demand_t * 1000 * ({PRICE_BASE_EXPR}) / 1e6"
COST_SHOCK_EXPR = f"datum.demand_t * 1000 * ({PRICE_SHOCK_EXPR}) / 1e6"


def group_rows(kg_per_vehicle: pd.DataFrame) -> pd.DataFrame:
    """One row per element group with the kg per vehicle of each architecture (``kg_<architecture>``)."""
    kg = kg_mapping(kg_per_vehicle)
    return pd.DataFrame([{"group": group, "group_name": label(f"fleet.group.{group}"),
                          **{f"kg_{arch}": kg[arch][group] for arch in ARCHITECTURES}} for group in GROUPS])


def _with_demand(chart: alt.Chart) -> alt.Chart:
    return chart.transform_calculate(demand_t=DEMAND_EXPR).transform_calculate(
        china_t=CHINA_EXPR, cost_base_musd=COST_BASE_EXPR, cost_shock_musd=COST_SHOCK_EXPR).transform_calculate(
        other_t="datum.demand_t - datum.china_t")


def _choose(field: str, options: dict[str, str]) -> str:
    """A Vega expression mapping the folded key to its label (labels quoted as JSON strings)."""
    first, second = options.items()
    return f"datum.{field} == {json.dumps(first[0])} ? {json.dumps(first[1])} : {json.dumps(second[1])}"


def fleet_chart(kg_per_vehicle: pd.DataFrame, sliders: FleetSliders) -> alt.VConcatChart:
    """Top: stacked horizontal bars of China-dependent and other tonnes per element group, with the
    China-dependent share of all demand in words above. Bottom: the annual cost at base and at shock
    prices per element group (US$ million)."""
    params = [
        slider("fleet", "magnet_free_share_pct", sliders.magnet_free_share_pct, 0, 100, 1),
        slider("fleet", "hree_free_share_pct", sliders.hree_free_share_pct, 0, 100, 1),
        slider("fleet", "ndpr_non_china_pct", sliders.ndpr_non_china_pct, 0, 100, 1),
        slider("fleet", "dytb_non_china_pct", sliders.dytb_non_china_pct, 0, 100, 1),
        slider("fleet", "annual_vehicles", sliders.annual_vehicles, 10_000, 30_000_000, 10_000),
        slider("fleet", "ndpr_price_base", sliders.ndpr_price_base, 0, 500, 5),
        slider("fleet", "dytb_price_base", sliders.dytb_price_base, 0, 5000, 10),
        slider("fleet", "ndpr_price_shock", sliders.ndpr_price_shock, 0, 1500, 5),
        slider("fleet", "dytb_price_shock", sliders.dytb_price_shock, 0, 10000, 10),
    ]
    rows = group_rows(kg_per_vehicle)
    group_order = list(rows["group_name"])
    y = alt.Y("group_name:N", sort=group_order, title=label("fleet.axis.group"))
    china, other = label("fleet.part.china"), label("fleet.part.other")
    tonnes = (_with_demand(alt.Chart(rows))
              .transform_fold(["china_t", "other_t"], as_=["part", "tonnes"])
              .transform_calculate(part_name=_choose("part", {"china_t": china, "other_t": other}),
                                   part_order="datum.part == 'china_t' ? 0 : 1")
              .mark_bar()
              .encode(x=alt.X("tonnes:Q", stack="zero", title=label("fleet.axis.tonnes")), y=y,
                      color=alt.Color("part_name:N", title=label("fleet.legend.part"),
                                      scale=alt.Scale(domain=[china, other], range=[OKABE_ITO[3], OKABE_ITO[0]])),
                      order=alt.Order("part_order:Q"),
                      tooltip=[alt.Tooltip("group_name:N", title=label("fleet.axis.group")),
                               alt.Tooltip("part_name:N", title=label("fleet.legend.part")),
                               alt.Tooltip("tonnes:Q", format=",.1f", title=label("fleet.axis.tonnes")),
                               alt.Tooltip("demand_t:Q", format=",.1f", title=label("fleet.tooltip.demand"))])
              )
    totals = (_with_demand(alt.Chart(rows)).mark_text(align="left", dx=4, fontSize=12, color="#000000")
              .encode(x="demand_t:Q", y=y, text=alt.Text("demand_t:Q", format=",.0f")))
    tonnes = alt.layer(tonnes, totals).properties(width=WIDTH_PX, height=PANEL_HEIGHT_PX)
    share = (_with_demand(alt.Chart(rows))
             .transform_aggregate(demand_total_t="sum(demand_t)", china_total_t="sum(china_t)")
             .transform_calculate(
                 china_share_pct="datum.demand_total_t > 0 ? datum.china_total_t / datum.demand_total_t * 100 : 0")
             .transform_calculate(text="round(datum.china_share_pct * 10) / 10 + ' %'")
             .mark_text(align="left", baseline="middle", x=0, y=10, fontSize=13, fontWeight="bold", color="#000000")
             .encode(text="text:N")
             .properties(width=WIDTH_PX, height=20,
                         title=alt.TitleParams(label("fleet.text.china_share"), anchor="start", fontSize=13)))
    base, shock = label("fleet.scenario.base"), label("fleet.scenario.shock")
    cost = (_with_demand(alt.Chart(rows))
            .transform_fold(["cost_base_musd", "cost_shock_musd"], as_=["scenario", "cost_musd"])
            .transform_calculate(scenario_name=_choose("scenario", {"cost_base_musd": base, "cost_shock_musd": shock}))
            .mark_bar()
            .encode(x=alt.X("cost_musd:Q", title=label("fleet.axis.cost")), y=y,
                    yOffset=alt.YOffset("scenario_name:N", sort=[base, shock]),
                    color=alt.Color("scenario_name:N", title=label("fleet.legend.scenario"),
                                    scale=alt.Scale(domain=[base, shock], range=[OKABE_ITO[7], OKABE_ITO[1]])),
                    tooltip=[alt.Tooltip("group_name:N", title=label("fleet.axis.group")),
                             alt.Tooltip("scenario_name:N", title=label("fleet.legend.scenario")),
                             alt.Tooltip("cost_musd:Q", format=",.1f", title=label("fleet.axis.cost"))])
            .properties(width=WIDTH_PX, height=PANEL_HEIGHT_PX))
    combined = (alt.vconcat(share, tonnes, cost, spacing=16).add_params(*params)
                .resolve_scale(color="independent"))
    return finish(combined, title=label("fleet.title"), subtitle=label("fleet.subtitle"),
                  description=label("fleet.description"))
