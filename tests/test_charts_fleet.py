"""Parity: the fleet chart's Vega expressions, evaluated by VegaFusion at several slider positions,
equal fleet_demand(**fleet_inputs_from_levers(...))."""
from __future__ import annotations

import pytest

from test_models_fleet_levers import KG
from widgets.charts import fleet as fleet_chart
from widgets.fleet.model import FleetSliders
from widgets.core.labels import label
from widgets.fleet.model import fleet_demand
from widgets.fleet.levers import fleet_inputs_from_levers

POSITIONS = [
    FleetSliders(20, 50, 10, 5, 1_000_000, 60, 400, 120, 1200),
    FleetSliders(0, 0, 0, 0, 250_000, 55, 350, 55, 350),          # today's fleet, no shock
    FleetSliders(45, 80, 35, 60, 12_500_000, 90, 800, 300, 4000),
    FleetSliders(100, 30, 50, 50, 2_000_000, 60, 400, 120, 1200),  # all magnet-free: no demand
]


def frames(chart):
    share, tonnes, totals, cost = chart.transformed_data()
    return share, tonnes, totals, cost


@pytest.mark.parametrize("sliders", POSITIONS)
def test_chart_matches_model(sliders):
    share, tonnes, totals, cost = frames(fleet_chart.fleet_chart(KG, sliders))
    model = fleet_demand(**fleet_inputs_from_levers(**sliders.__dict__, kg_per_vehicle=KG))
    demand = totals.set_index("group")["demand_t"]
    assert demand.to_dict() == pytest.approx(model.demand_t, abs=1e-9)
    china = tonnes[tonnes["part"] == "china_t"].set_index("group")["tonnes"]
    other = tonnes[tonnes["part"] == "other_t"].set_index("group")["tonnes"]
    assert china.to_dict() == pytest.approx(model.china_dependent_t, abs=1e-9)
    assert other.to_dict() == pytest.approx({g: model.demand_t[g] - model.china_dependent_t[g] for g in model.demand_t},
                                            abs=1e-9)
    assert share["china_share_pct"].iloc[0] == pytest.approx(model.china_dependent_share_pct, abs=1e-9)
    costs = cost.set_index(["group", "scenario"])["cost_musd"]
    for group in ("ndpr", "dytb"):
        assert costs[(group, "cost_base_musd")] == pytest.approx(model.cost_base_usd_by_group[group] / 1e6, abs=1e-9)
        assert costs[(group, "cost_shock_musd")] == pytest.approx(model.cost_shock_usd_by_group[group] / 1e6, abs=1e-9)


def test_hand_checked_first_position():
    share, tonnes, totals, cost = frames(fleet_chart.fleet_chart(KG, POSITIONS[0]))
    # mix 40 / 40 / 20 % (see test_models_fleet_levers); NdPr 1240 t, Dy+Tb 40 t
    assert totals.set_index("group")["demand_t"].to_dict() == pytest.approx({"ndpr": 1240, "dytb": 40})
    # China-dependent NdPr 1240 × 90 % = 1116 t; share (1116 + 38) / 1280 = 90.16 %, shown to one decimal
    assert share["text"].iloc[0] == "90.2 %"  # under the panel's title, which names the share
    # Dy+Tb shock cost: 40,000 kg × 1200 USD/kg = 48 USD million
    assert cost.set_index(["group", "scenario"]).loc[("dytb", "cost_shock_musd"), "cost_musd"] == pytest.approx(48)


def test_parts_and_scenarios_carry_their_labels():
    _share, tonnes, _totals, cost = frames(fleet_chart.fleet_chart(KG, POSITIONS[2]))
    assert set(tonnes["part_name"]) == {label("fleet.part.china"), label("fleet.part.other")}
    assert set(cost["scenario_name"]) == {label("fleet.scenario.base"), label("fleet.scenario.shock")}
    assert set(tonnes["group_name"]) == {label("fleet.group.ndpr"), label("fleet.group.dytb")}


def test_chart_has_title_description_and_bound_sliders():
    spec = fleet_chart.fleet_chart(KG, POSITIONS[0]).to_dict()
    assert spec["title"]["text"] == label("fleet.title") and spec["description"]
    assert spec["vconcat"][0]["title"]["text"] == label("fleet.text.china_share")
    bound = [p for p in spec.get("params", []) if "bind" in p]
    assert {p["name"] for p in bound} == {
        "magnet_free_share_pct", "hree_free_share_pct", "ndpr_non_china_pct", "dytb_non_china_pct", "annual_vehicles",
        "ndpr_price_base", "dytb_price_base", "ndpr_price_shock", "dytb_price_shock"}
    assert spec["config"]["axis"]["labelAngle"] == 0


def test_bad_kg_table_is_rejected():
    with pytest.raises(ValueError) as error:
        fleet_chart.fleet_chart(KG.iloc[:2], POSITIONS[0])
    assert "'kg_per_vehicle['magnet_free']' is missing" in str(error.value)
