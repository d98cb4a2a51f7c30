"""Live ore grade–tonnage–cost explorer: pick a published deposit estimate or type your own deposit,
and read contained and recoverable oxide, annual output, mine life, cost, margin, breakeven grade and
thorium per year."""
from __future__ import annotations

from dataclasses import asdict

import ipywidgets as ipw
import pandas as pd

from widgets.charts.ore import deposit_points, ore_cost_chart
from widgets.explorers.common import Explorer, ParamChart, number_input, results_table
from widgets.core.labels import label
from widgets.ore import model as ore
from widgets.ore.model import OreDeposit, OreSliders


def ore_results(values: dict) -> list[tuple[str, str]]:
    """The model's outputs for the explorer's values, formatted with their units."""
    result = ore.ore_economics(**values)
    return [
        (label("ore.out.contained"), label("unit.mt", value=f"{result.contained_treo_t / 1e6:,.2f}")),
        (label("ore.out.recoverable"), label("unit.mt", value=f"{result.recoverable_treo_t / 1e6:,.2f}")),
        (label("ore.out.annual"), label("unit.t_per_yr", value=f"{result.annual_treo_t:,.0f}")),
        (label("ore.out.life"), label("unit.yr", value=f"{result.mine_life_yr:,.0f}")),
        (label("ore.out.cost"), label("unit.usd_per_kg", value=f"{result.cost_usd_per_kg_treo:,.2f}")),
        (label("ore.out.basket"), label("unit.usd_per_kg", value=f"{result.basket_value_usd_per_kg_treo:,.2f}")),
        (label("ore.out.margin"), label("unit.usd_per_kg", value=f"{result.margin_usd_per_kg_treo:,.2f}")),
        (label("ore.out.breakeven"), label("unit.pct", value=f"{result.breakeven_grade_treo_pct:,.2f}")),
        (label("ore.out.thorium"), label("unit.t_per_yr", value=f"{result.annual_tho2_t:,.0f}")),
    ]


def ore_explorer(deposits: pd.DataFrame, deposit: OreDeposit, sliders: OreSliders) -> Explorer:
    """The live explorer; its ``.widget`` is the ipywidgets box to display."""
    start = {**asdict(deposit), **asdict(sliders)}
    inputs = {name: number_input(f"ore.input.{name}", value) for name, value in start.items()}
    points = deposit_points(deposits)
    choices = [(label("ore.input.custom"), None)] + [
        (f"{row.deposit} · {row.category} · {row.grade_treo_pct:.2f} %", index) for index, row in points.iterrows()]
    picker = ipw.Dropdown(options=choices, value=None, description=label("ore.input.pick"),
                          style={"description_width": "16rem"}, layout=ipw.Layout(width="40rem"))

    def pick(change):
        if change["new"] is None:
            return
        row = points.loc[change["new"]]
        if row["ore_mt"] and pd.notna(row["ore_mt"]):
            inputs["ore_mt"].value = float(row["ore_mt"])
        inputs["grade_treo_pct"].value = round(float(row["grade_treo_pct"]), 4)

    picker.observe(pick, names="value")

    chart = ParamChart(lambda slider_values: ore_cost_chart(deposits, OreSliders(**slider_values)))

    def update(values: dict):
        rows = ore_results(values)
        return results_table(rows), chart({k: values[k] for k in asdict(sliders)})

    return Explorer(inputs, update, extra_controls=[picker])
