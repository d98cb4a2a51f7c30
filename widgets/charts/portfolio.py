"""What each diversification buys: China-dependent tonnes and the annual cost at shock prices for a few
fleet cases (status quo, each diversification alone, all three), side by side, with sliders for the
fleet size and the two shock prices.

Each case's demand comes from :func:`widgets.fleet.model.fleet_demand` at a reference fleet size; the
model is linear in the number of vehicles and in the prices, so the Vega expressions below rescale it:

    scale          = annual_vehicles / reference_vehicles
    china_t        = china_t_ref · scale
    cost_shock_musd = demand_t_ref · scale · 1000 · price_shock(group) / 1e6

The parity test (``tests/test_charts_portfolio.py``) evaluates the chart at several slider positions and
compares with ``fleet_demand`` run at those values.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import altair as alt
import pandas as pd

from widgets.charts.style import finish, OKABE_ITO, slider, WIDTH_PX
from widgets.core.labels import label
from widgets.core import checks
from widgets.fleet.model import GROUPS, FleetResult

PANEL_HEIGHT_PX = 170
GROUP_COLOURS = {"ndpr": OKABE_ITO[0], "dytb": OKABE_ITO[1]}


@dataclass(frozen=True)
class PortfolioSliders:
    """Initial slider positions (chosen by the caller, from data)."""

    annual_vehicles: float
    ndpr_price_shock: float
    dytb_price_shock: float


SCALE_EXPR = "annual_vehicles / datum.reference_vehicles"
PRICE_SHOCK_EXPR = "datum.group == 'ndpr' ? ndpr_price_shock : dytb_price_shock"
CHINA_EXPR = f"datum.china_t_ref * {SCALE_EXPR}"
COST_EXPR = f"datum.demand_t_ref * {SCALE_EXPR} * 1000 * ({PRICE_SHOCK_EXPR}) / 1e6"


def case_rows(results: Mapping[str, FleetResult], reference_vehicles: float) -> pd.DataFrame:
    """Long table, one row per case and element group, from ``fleet_demand`` results computed for
    ``reference_vehicles`` vehicles. Case display names come from labels ``portfolio.case.<case>``."""
    checks.not_empty("results", results, "give at least one case")
    vehicles = checks.positive("reference_vehicles", reference_vehicles, unit="vehicles/yr")
    rows = []
    for order, (case, result) in enumerate(results.items()):
        if not isinstance(result, FleetResult):
            raise ValueError(label("error.not_allowed", name=f"results[{case!r}]", value=type(result).__name__,
                                   allowed="a FleetResult from fleet_demand"))
        for group in GROUPS:
            rows.append({"case": case, "case_name": label(f"portfolio.case.{case}"), "case_order": order,
                         "group": group, "group_name": label(f"fleet.group.{group}"),
                         "reference_vehicles": vehicles, "demand_t_ref": result.demand_t[group],
                         "china_t_ref": result.china_dependent_t[group]})
    return pd.DataFrame(rows)


def portfolio_chart(cases: pd.DataFrame, sliders: PortfolioSliders) -> alt.VConcatChart:
    """Two panels sharing the case axis: China-dependent tonnes (stacked by element group) and the annual
    cost at shock prices (stacked by element group), with each case's total written at the bar's end."""
    for column in ("case", "case_name", "case_order", "group", "group_name", "reference_vehicles",
                   "demand_t_ref", "china_t_ref"):
        checks.choice("cases column", column, list(cases.columns))
    checks.not_empty("cases", cases, "give at least one case (see case_rows)")
    params = [
        slider("fleet", "annual_vehicles", sliders.annual_vehicles, 10_000, 30_000_000, 10_000),
        slider("fleet", "ndpr_price_shock", sliders.ndpr_price_shock, 0, 1500, 5),
        slider("fleet", "dytb_price_shock", sliders.dytb_price_shock, 0, 10000, 10),
    ]
    order = list(cases.sort_values("case_order")["case_name"].drop_duplicates())
    groups = list(cases.drop_duplicates("group").set_index("group")["group_name"])
    y = alt.Y("case_name:N", sort=order, title=None)
    colour = alt.Color("group_name:N", title=label("fleet.axis.group"),
                       scale=alt.Scale(domain=groups, range=[GROUP_COLOURS[g] for g in GROUPS][:len(groups)]))
    base = alt.Chart(cases).transform_calculate(china_t=CHINA_EXPR, cost_shock_musd=COST_EXPR)

    def panel(field: str, title: str, fmt: str) -> alt.LayerChart:
        tooltip = [alt.Tooltip("case_name:N", title=label("portfolio.tooltip.case")),
                   alt.Tooltip("group_name:N", title=label("fleet.axis.group")),
                   alt.Tooltip(f"{field}:Q", format=fmt, title=title)]
        bars = base.mark_bar().encode(x=alt.X(f"{field}:Q", stack="zero", title=title), y=y, color=colour,
                                      order=alt.Order("group:N", sort="descending"), tooltip=tooltip)
        total = f"total_{field}"  # distinct names: Vega-Lite merges aggregates with equal output names
        totals = (base.transform_aggregate(**{total: f"sum({field})"}, groupby=["case_name"])
                  .mark_text(align="left", dx=4, fontSize=12, color="#000000")
                  .encode(x=f"{total}:Q", y=y, text=alt.Text(f"{total}:Q", format=fmt)))
        return alt.layer(bars, totals).properties(width=WIDTH_PX - 120, height=PANEL_HEIGHT_PX)

    combined = alt.vconcat(panel("china_t", label("portfolio.axis.china_t"), ",.0f"),
                           panel("cost_shock_musd", label("portfolio.axis.cost_shock"), ",.1f"),
                           spacing=18).add_params(*params).resolve_scale(x="independent")
    return finish(combined, title=label("portfolio.title"), subtitle=label("portfolio.subtitle"),
                  description=label("portfolio.description"))
