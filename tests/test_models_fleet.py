"""Hand-checked fleet demand, China dependence and price-shock cost."""
import math
import re

import pytest

from widgets.fleet.model import fleet_demand

MIX = {"pmsm": 60, "eesm": 30, "ferrite_pmsm": 10}
KG = {"pmsm": {"ndpr": 1.5, "dytb": 0.1}, "eesm": {"ndpr": 0, "dytb": 0}, "ferrite_pmsm": {"ndpr": 0.2, "dytb": 0}}
CHINA = {"ndpr": 90, "dytb": 99}
BASE = {"ndpr": 60, "dytb": 300}
SHOCK = {"ndpr": 120, "dytb": 900}


def _run(vehicles=1_000_000, mix=MIX, kg=KG, china=CHINA, base=BASE, shock=SHOCK):
    return fleet_demand(vehicles, mix, kg, china, base, shock)


def test_fleet_hand_checked():
    r = _run()
    # ndpr: 1e6 × 60 % × 1.5 kg / 1000 = 900 t  +  1e6 × 10 % × 0.2 kg / 1000 = 20 t  → 920 t
    assert r.demand_t["ndpr"] == pytest.approx(920)
    assert r.demand_t["dytb"] == pytest.approx(60)             # 1e6 × 60 % × 0.1 kg / 1000
    assert r.demand_total_t == pytest.approx(980)              # 920 + 60
    assert r.china_dependent_t["ndpr"] == pytest.approx(828)   # 920 × 90 %
    assert r.china_dependent_t["dytb"] == pytest.approx(59.4)  # 60 × 99 %
    assert r.china_dependent_total_t == pytest.approx(887.4)   # 828 + 59.4
    assert r.china_dependent_share_pct == pytest.approx(90.55102, rel=1e-6)  # 887.4 / 980 × 100
    assert r.cost_base_usd_by_group["ndpr"] == pytest.approx(55.2e6)   # 920,000 kg × 60 USD/kg
    assert r.cost_base_usd == pytest.approx(73.2e6)            # 55.2 M + 60,000 kg × 300 = 55.2 M + 18 M
    assert r.cost_shock_usd == pytest.approx(164.4e6)          # 920,000 × 120 = 110.4 M + 60,000 × 900 = 54 M
    assert r.cost_increase_usd == pytest.approx(91.2e6)        # 164.4 M − 73.2 M


def test_rare_earth_free_fleet_has_zero_share():
    r = _run(mix={"eesm": 100})
    assert r.demand_total_t == 0 and r.china_dependent_share_pct == 0.0  # 0 t demand: share reported as 0


def test_mix_within_tolerance():
    r = _run(mix={"pmsm": 33.333, "eesm": 33.333, "ferrite_pmsm": 33.339})  # sums to 100.005 ≤ 100.01
    assert r.demand_t["dytb"] == pytest.approx(33.333)         # 1e6 × 33.333 % × 0.1 kg / 1000


@pytest.mark.parametrize("kwargs, message", [
    (dict(mix={"pmsm": 60, "eesm": 30}),
     "Parameter 'architecture_mix_pct (sum; must sum to 100 %)' = 90.0 is outside the allowed range [99.99, 100.01] %"),
    (dict(mix={"pmsm": 110, "eesm": -10}), "Parameter 'architecture_mix_pct['pmsm']' = 110 is outside the allowed range [0, 100] %"),
    (dict(mix={"pmsm": math.nan, "eesm": 100}), "Parameter 'architecture_mix_pct['pmsm']' = nan is outside"),
    (dict(mix={}), "Parameter 'architecture_mix_pct' is empty"),
    (dict(mix=[60, 40]), "Parameter 'architecture_mix_pct' = [60, 40] is not allowed"),
    (dict(mix={"pmsm": 50, "srm": 50}),
     "Parameter 're_kg_per_vehicle['srm']' is missing; give kg per vehicle for every architecture in architecture_mix_pct"),
    (dict(kg={**KG, "pmsm": {"ndpr": 1.5}}), "Parameter 're_kg_per_vehicle['pmsm']['dytb']' is missing; give a value for both ndpr and dytb"),
    (dict(kg={**KG, "pmsm": {"ndpr": 1.5, "dytb": 0.1, "ce": 1}}), "Parameter 're_kg_per_vehicle['pmsm'] key' = 'ce' is not allowed"),
    (dict(kg={**KG, "pmsm": {"ndpr": -1.5, "dytb": 0.1}}), "Parameter 're_kg_per_vehicle['pmsm']['ndpr']' = -1.5 is outside the allowed range [0, ∞) kg"),
    (dict(vehicles=0), "Parameter 'annual_vehicles' = 0 is outside the allowed range (0, ∞) vehicles/yr"),
    (dict(vehicles=-5), "Parameter 'annual_vehicles' = -5 is outside"),
    (dict(vehicles="many"), "Parameter 'annual_vehicles' must be a number; got 'many'"),
    (dict(vehicles=True), "Parameter 'annual_vehicles' must be a number; got True"),
    (dict(china={"ndpr": 101, "dytb": 99}), "Parameter 'sourcing_china_pct['ndpr']' = 101 is outside the allowed range [0, 100] %"),
    (dict(base={"ndpr": math.nan, "dytb": 300}), "Parameter 'prices_base_usd_per_kg['ndpr']' = nan is outside"),
    (dict(shock={"ndpr": 120, "dytb": -900}), "Parameter 'prices_shock_usd_per_kg['dytb']' = -900 is outside the allowed range [0, ∞) USD/kg"),
    (dict(shock={"ndpr": 120}), "Parameter 'prices_shock_usd_per_kg['dytb']' is missing"),
])
def test_fleet_bad_inputs(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        _run(**kwargs)
