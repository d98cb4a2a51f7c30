"""Explorers move only a chart's params when sliders change (ParamChart): for every explorer chart, that
gives exactly the spec a rebuild at the new values would give."""
from __future__ import annotations

import dataclasses

import pytest

from widgets.charts.architecture import architecture_ranking_chart
from widgets.charts.fleet import fleet_chart
from widgets.charts.magnets import magnet_cost_chart
from widgets.charts.ore import ore_cost_chart
from widgets.explorers.common import ParamChart
from widgets.fleet import start as fleet
from widgets.magnets import start as magnets
from widgets.motors import start as architecture
from widgets.ore import start as ore


def cases():
    ore_sliders, _ = ore.ore_sliders()
    magnet_sliders, _ = magnets.magnet_sliders()
    weights, _ = architecture.architecture_sliders()
    per_kg, scores, kg = magnets.per_kg_table(), architecture.scores(), fleet.kg_per_vehicle()
    return {
        "ore": (lambda v: ore_cost_chart(ore.deposits(), type(ore_sliders)(**v)), ore_sliders),
        "magnets": (lambda v: magnet_cost_chart(per_kg, type(magnet_sliders)(**v)), magnet_sliders),
        "architecture": (lambda v: architecture_ranking_chart(scores, type(weights)(**v)), weights),
        "fleet": (lambda v: fleet_chart(kg, type(fleet.fleet_sliders())(**v)), fleet.fleet_sliders()),
    }


@pytest.mark.parametrize("name", ["ore", "magnets", "architecture", "fleet"])
def test_moving_params_equals_rebuilding(name):
    build, start = cases()[name]
    first = dataclasses.asdict(start)
    moved = {key: value * 1.1 + 1 for key, value in first.items()}   # every slider somewhere else
    chart = ParamChart(build)
    chart(first)
    shown = chart(moved).spec
    rebuilt = build(moved).to_dict()
    # the same chart, except that the params the explorer drives have no slider of their own
    driven = [p for p in rebuilt["params"] if p["name"] in moved]
    assert any("bind" in p for p in driven)
    for param in driven:
        param.pop("bind", None)
    assert shown == rebuilt
