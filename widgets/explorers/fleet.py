"""Live fleet-portfolio explorer: move the three diversification levers (or start from a scenario)
and read the fleet mix, annual NdPr and Dy+Tb demand, the China-dependent tonnes and share, and the
cost of the rare earths at base and shock prices."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict

import ipywidgets as ipw
import pandas as pd

from widgets.charts.fleet import fleet_chart
from widgets.fleet.model import FleetSliders
from widgets.explorers.common import Explorer, ParamChart, STYLE_WIDE, number_input, results_table, show_error, slider
from widgets.core.labels import label
from widgets.core import checks
from widgets.fleet.model import fleet_demand
from widgets.fleet.levers import architecture_mix_pct, fleet_inputs_from_levers

# The share levers are sliders (they cannot leave 0–100 %); fleet size and prices are typed, so a bad
# value reaches the model and its message.
PERCENT_LEVERS = ("magnet_free_share_pct", "hree_free_share_pct", "ndpr_non_china_pct", "dytb_non_china_pct")


def fleet_results(kg_per_vehicle: pd.DataFrame, values: dict) -> list[tuple[str, str]]:
    """The model's outputs for the explorer's lever values, formatted with their units."""
    inputs = fleet_inputs_from_levers(**values, kg_per_vehicle=kg_per_vehicle)
    result = fleet_demand(**inputs)
    mix = architecture_mix_pct(values["magnet_free_share_pct"], values["hree_free_share_pct"])
    return [
        (label("fleet.out.mix_pm_standard"), label("unit.pct", value=f"{mix['pm_standard']:,.1f}")),
        (label("fleet.out.mix_pm_hree_free"), label("unit.pct", value=f"{mix['pm_hree_free']:,.1f}")),
        (label("fleet.out.mix_magnet_free"), label("unit.pct", value=f"{mix['magnet_free']:,.1f}")),
        (label("fleet.out.demand_ndpr"), label("unit.t_per_yr", value=f"{result.demand_t['ndpr']:,.1f}")),
        (label("fleet.out.demand_dytb"), label("unit.t_per_yr", value=f"{result.demand_t['dytb']:,.1f}")),
        (label("fleet.out.china_ndpr"), label("unit.t_per_yr", value=f"{result.china_dependent_t['ndpr']:,.1f}")),
        (label("fleet.out.china_dytb"), label("unit.t_per_yr", value=f"{result.china_dependent_t['dytb']:,.1f}")),
        (label("fleet.out.china_share"), label("unit.pct", value=f"{result.china_dependent_share_pct:,.1f}")),
        (label("fleet.out.cost_base"), label("unit.usd_million_per_yr", value=f"{result.cost_base_usd / 1e6:,.1f}")),
        (label("fleet.out.cost_shock"), label("unit.usd_million_per_yr", value=f"{result.cost_shock_usd / 1e6:,.1f}")),
        (label("fleet.out.cost_increase"), label("unit.usd_million_per_yr", value=f"{result.cost_increase_usd / 1e6:,.1f}")),
    ]


#: The preset drop-down's first choice: the levers as the reader set them.
CUSTOM = "custom"


def fleet_explorer(kg_per_vehicle: pd.DataFrame, sliders: FleetSliders,
                   presets: Mapping[str, Mapping[str, float]] | None = None) -> Explorer:
    """The live explorer; its ``.widget`` is the ipywidgets box to display.

    ``presets`` maps a scenario's display label to lever values (any subset of ``FleetSliders``' fields);
    picking one sets those levers. A preset with an unknown lever or a value the model rejects is not
    applied: its message shows in place."""
    inputs: dict[str, ipw.ValueWidget] = {}
    for name, value in asdict(sliders).items():
        key = f"fleet.slider.{name}"
        if name in PERCENT_LEVERS:
            inputs[name] = slider(key, value, 0, 100, 1)
        else:
            inputs[name] = number_input(key, value, step=10_000 if name == "annual_vehicles" else 5)
    presets = dict(presets or {})
    # the first choice keeps the levers as they are (a real value: ipywidgets shows a None value as an empty box)
    picker = ipw.Dropdown(options=[(label("fleet.input.custom"), CUSTOM)] + [(name, name) for name in presets],
                          value=CUSTOM, description=label("fleet.input.preset"), style=STYLE_WIDE,
                          layout=ipw.Layout(width="40rem"))

    chart = ParamChart(lambda slider_values: fleet_chart(kg_per_vehicle, FleetSliders(**slider_values)))

    def update(values: dict):
        rows = fleet_results(kg_per_vehicle, values)
        return results_table(rows), chart(values)

    explorer = Explorer(inputs, update, extra_controls=[picker])

    def pick(change):
        if change["new"] == CUSTOM:
            return
        preset = presets[change["new"]]
        try:  # check the whole preset first: a slider would silently clamp an out-of-range value
            for name in preset:
                checks.choice("preset lever", name, list(inputs))
            fleet_inputs_from_levers(**{**explorer.values(), **preset}, kg_per_vehicle=kg_per_vehicle)
        except ValueError as error:
            explorer.last_error = str(error)
            show_error(explorer.message, error)
            return
        for name, value in preset.items():
            inputs[name].value = value

    picker.observe(pick, names="value")
    return explorer
