"""Hand-checked mapping of the three diversification levers to fleet_demand()'s arguments."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from widgets.fleet.model import fleet_demand
from widgets.fleet.levers import architecture_mix_pct, fleet_inputs_from_levers, kg_mapping

KG = pd.DataFrame({"architecture": ["pm_standard", "pm_hree_free", "magnet_free"],
                   "ndpr_kg_per_vehicle": [1.5, 1.6, 0.0], "dytb_kg_per_vehicle": [0.1, 0.0, 0.0]})
LEVERS = dict(magnet_free_share_pct=20, hree_free_share_pct=50, ndpr_non_china_pct=10, dytb_non_china_pct=5,
              annual_vehicles=1_000_000, ndpr_price_base=60, dytb_price_base=400, ndpr_price_shock=120,
              dytb_price_shock=1200)


def test_mix_hand_checked():
    mix = architecture_mix_pct(20, 50)
    # magnet_free = 20; pm_hree_free = 80 × 50 / 100 = 40; pm_standard = 80 × 50 / 100 = 40
    assert mix == pytest.approx({"magnet_free": 20, "pm_hree_free": 40, "pm_standard": 40})
    mix = architecture_mix_pct(35, 70)
    # pm_hree_free = 65 × 70 / 100 = 45.5; pm_standard = 65 × 30 / 100 = 19.5; 35 + 45.5 + 19.5 = 100
    assert mix == pytest.approx({"magnet_free": 35, "pm_hree_free": 45.5, "pm_standard": 19.5})
    assert sum(architecture_mix_pct(33.3, 12.7).values()) == pytest.approx(100)


def test_inputs_hand_checked():
    inputs = fleet_inputs_from_levers(**LEVERS, kg_per_vehicle=KG)
    assert inputs["sourcing_china_pct"] == {"ndpr": 90, "dytb": 95}  # 100 − 10, 100 − 5
    assert inputs["prices_base_usd_per_kg"] == {"ndpr": 60, "dytb": 400}
    assert inputs["prices_shock_usd_per_kg"] == {"ndpr": 120, "dytb": 1200}
    assert inputs["re_kg_per_vehicle"]["pm_standard"] == {"ndpr": 1.5, "dytb": 0.1}
    result = fleet_demand(**inputs)
    # ndpr: 1e6 × (40 % × 1.5 + 40 % × 1.6) / 1000 = 1e3 × (0.6 + 0.64) = 1240 t; dytb: 1e6 × 40 % × 0.1 / 1000 = 40 t
    assert result.demand_t == pytest.approx({"ndpr": 1240, "dytb": 40})
    # China: 1240 × 90 % = 1116; 40 × 95 % = 38; share (1116 + 38) / 1280 = 90.156 %
    assert result.china_dependent_share_pct == pytest.approx(1154 / 1280 * 100)
    # base cost: 1,240,000 kg × 60 + 40,000 kg × 400 = 74.4 M + 16 M = 90.4 M USD
    assert result.cost_base_usd == pytest.approx(90.4e6)


def test_all_magnet_free_needs_no_rare_earths():
    result = fleet_demand(**fleet_inputs_from_levers(**{**LEVERS, "magnet_free_share_pct": 100}, kg_per_vehicle=KG))
    assert result.demand_total_t == 0 and result.china_dependent_share_pct == 0


def test_a_mapping_is_accepted_as_kg_table():
    inputs = fleet_inputs_from_levers(**LEVERS, kg_per_vehicle=kg_mapping(KG))
    assert inputs["re_kg_per_vehicle"]["pm_hree_free"] == {"ndpr": 1.6, "dytb": 0.0}


@pytest.mark.parametrize("changes, fragment", [
    ({"magnet_free_share_pct": 120}, "Parameter 'magnet_free_share_pct' = 120 is outside the allowed range [0, 100] %"),
    ({"hree_free_share_pct": -1}, "Parameter 'hree_free_share_pct' = -1 is outside the allowed range [0, 100] %"),
    ({"ndpr_non_china_pct": math.nan}, "Parameter 'ndpr_non_china_pct' = nan is outside"),
    ({"dytb_non_china_pct": "half"}, "Parameter 'dytb_non_china_pct' must be a number; got 'half'"),
    ({"annual_vehicles": 0}, "Parameter 'annual_vehicles' = 0 is outside the allowed range (0, ∞) vehicles/yr"),
    ({"ndpr_price_base": -5}, "Parameter 'ndpr_price_base' = -5 is outside the allowed range [0, ∞) USD/kg"),
    ({"dytb_price_shock": math.inf}, "Parameter 'dytb_price_shock' = inf is outside"),
])
def test_bad_levers_are_named(changes, fragment):
    with pytest.raises(ValueError) as error:
        fleet_inputs_from_levers(**{**LEVERS, **changes}, kg_per_vehicle=KG)
    assert fragment in str(error.value)


@pytest.mark.parametrize("table, fragment", [
    (KG.iloc[:2], "Parameter 'kg_per_vehicle['magnet_free']' is missing"),
    (pd.concat([KG, KG.iloc[:1]]), "Parameter 'kg_per_vehicle.architecture' has 'pm_standard' more than once"),
    (KG.assign(architecture=["pm_standard", "pm_hree_free", "eesm"]),
     "Parameter 'kg_per_vehicle.architecture' = 'eesm' is not allowed"),
    (KG.assign(dytb_kg_per_vehicle=[0.1, -0.2, 0]),
     "Parameter 'kg_per_vehicle['pm_hree_free'].dytb_kg_per_vehicle' = -0.2 is outside the allowed range [0, ∞) kg"),
    (KG.drop(columns="ndpr_kg_per_vehicle"), "Parameter 'kg_per_vehicle column' = 'ndpr_kg_per_vehicle' is not allowed"),
    (KG.iloc[:0], "Parameter 'kg_per_vehicle' is empty"),
    ([1, 2], "Parameter 'kg_per_vehicle' = 'list' is not allowed"),
])
def test_bad_kg_table_is_named(table, fragment):
    with pytest.raises(ValueError) as error:
        kg_mapping(table)
    assert fragment in str(error.value)
