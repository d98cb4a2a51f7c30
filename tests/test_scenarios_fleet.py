"""The fleet-portfolio starting values: kg of oxide per vehicle from the data (hand-checked arithmetic),
today's non-China shares, prices, presets and the five portfolio cases."""
from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from widgets.pages import book
from widgets.fleet.levers import KG_COLUMNS, fleet_inputs_from_levers
from widgets.fleet import start as scenarios
from widgets.magnets import start as magnet_scenarios
from widgets.magnets.start import traction_magnet_composition

# Nd2O3: 2 × 144.242 / (2 × 144.242 + 3 × 15.999) = 0.857356; Dy2O3: 2 × 162.5 / (2 × 162.5 + 3 × 15.999) = 0.871321
F_ND, F_DY = 0.857356, 0.871321


def _magnet_kg():
    return book.figure("model_parameters", "value", parameter=scenarios.MAGNET_MASS_PARAMETER, scenario="reference")


def test_kg_workings_follow_the_one_composition():
    work = scenarios.kg_workings().set_index("architecture")
    std, free, none = work.loc["pm_standard"], work.loc["pm_hree_free"], work.loc["magnet_free"]
    share = traction_magnet_composition()
    kg = _magnet_kg()
    assert std["magnet_kg_per_vehicle"] == kg
    assert std["nd_element_kg"] == pytest.approx(kg * share.nd_pr_wt_pct.value / 100)
    assert std["dy_element_kg"] == pytest.approx(kg * share.dy_wt_pct.value / 100)
    assert std["ndpr_kg_per_vehicle"] == pytest.approx(std["nd_element_kg"] / F_ND, rel=1e-5)
    assert std["dytb_kg_per_vehicle"] == pytest.approx(std["dy_element_kg"] / F_DY, rel=1e-5)
    # heavy-rare-earth-free: no Dy, and the same rare-earth total, all of it Nd+Pr
    assert free["dytb_kg_per_vehicle"] == 0 and free["nd_wt_pct"] == pytest.approx(share.rare_earth_wt_pct)
    assert free["ndpr_kg_per_vehicle"] > std["ndpr_kg_per_vehicle"]
    assert none[["ndpr_kg_per_vehicle", "dytb_kg_per_vehicle", "magnet_kg_per_vehicle"]].tolist() == [0, 0, 0]
    assert std["source_ids"] == ", ".join([scenarios.parameter(scenarios.MAGNET_MASS_PARAMETER, "reference").source_id,
                                           share.nd_pr_wt_pct.source_id, share.dy_wt_pct.source_id])
    assert "khb2025proterial" in free["source_ids"]


def test_the_two_chapters_use_the_same_traction_magnet():
    """Chapter 03's cost model and chapter 06's fleet model read one composition: equal Dy and Nd(+Pr) shares,
    and equal Dy kg per motor at the same magnet mass."""
    fleet = scenarios.kg_workings().set_index("architecture").loc["pm_standard"]
    sliders, _ = magnet_scenarios.magnet_sliders()
    cost = magnet_scenarios.options(sliders).set_index("magnet_id").loc[magnet_scenarios.BASELINE_MAGNET_ID]
    content = magnet_scenarios.content_per_element().set_index(["magnet_id", "element"])
    traction = magnet_scenarios.TRACTION_MAGNET_ID
    assert magnet_scenarios.BASELINE_MAGNET_ID == traction
    assert fleet["dy_wt_pct"] == content.loc[(traction, "Dy"), "wt_pct_min"] == content.loc[(traction, "Dy"), "wt_pct_max"]
    assert fleet["nd_wt_pct"] == content.loc[(traction, "Nd"), "wt_pct_min"] == content.loc[(traction, "Nd"), "wt_pct_max"]
    assert sliders.baseline_mass_kg == fleet["magnet_kg_per_vehicle"] / scenarios.MOTORS_PER_VEHICLE
    assert cost["re_kg_Dy"] == pytest.approx(fleet["dy_element_kg"] / scenarios.MOTORS_PER_VEHICLE)
    assert cost["re_kg_Nd"] == pytest.approx(fleet["nd_element_kg"] / scenarios.MOTORS_PER_VEHICLE)


def test_points_of_the_dy_range():
    low = scenarios.kg_workings().set_index("architecture").loc["pm_standard"]
    high = scenarios.kg_workings(dy_point="high").set_index("architecture").loc["pm_standard"]
    assert high["dy_wt_pct"] == traction_magnet_composition("high").dy_wt_pct.value > low["dy_wt_pct"]
    assert high["nd_wt_pct"] + high["dy_wt_pct"] == pytest.approx(low["nd_wt_pct"] + low["dy_wt_pct"])
    assert high["dytb_kg_per_vehicle"] == pytest.approx(_magnet_kg() * high["dy_wt_pct"] / 100 / F_DY, rel=1e-5)
    with pytest.raises(ValueError, match="'dy_point' = 'middle' is not allowed"):
        scenarios.kg_per_vehicle(dy_point="middle")


def test_kg_table_has_the_models_columns():
    kg = scenarios.kg_per_vehicle()
    assert list(kg.columns) == list(KG_COLUMNS)
    assert list(kg["architecture"]) == ["pm_standard", "pm_hree_free", "magnet_free"]


def test_status_quo_from_data():
    # what is outside China is what China's share of global separation (a sourced row) leaves, for both groups
    shares = scenarios.status_quo_non_china_pct()
    outside = shares["ndpr_non_china_pct"].value
    assert 0 <= outside <= 100 and shares["dytb_non_china_pct"].value == outside
    assert shares["ndpr_non_china_pct"].source_id in set(book.load_table("production_shares")["source_id"])
    assert scenarios.status_quo_levers() == {"magnet_free_share_pct": 0, "hree_free_share_pct": 0,
                                             "ndpr_non_china_pct": outside, "dytb_non_china_pct": outside}
    sliders = scenarios.fleet_sliders()
    price = {(name, scenario): book.figure("model_parameters", "value", parameter=f"{name}_oxide_price_usd_per_kg",
                                           scenario=scenario) for name in ("ndpr", "dy") for scenario in ("base", "shock")}
    assert (sliders.ndpr_price_base, sliders.ndpr_price_shock, sliders.dytb_price_base, sliders.dytb_price_shock) == (
        price["ndpr", "base"], price["ndpr", "shock"], price["dy", "base"], price["dy", "shock"])
    assert sliders.annual_vehicles == scenarios.ILLUSTRATIVE_ANNUAL_VEHICLES


def test_case_levers_move_only_their_levers():
    div = scenarios.THREE_DIVERSIFICATIONS
    assert scenarios.case_levers("sources") == {"magnet_free_share_pct": 0, "hree_free_share_pct": 0,
                                                "ndpr_non_china_pct": div["ndpr_non_china_pct"],
                                                "dytb_non_china_pct": div["dytb_non_china_pct"]}
    assert scenarios.case_levers("materials")["hree_free_share_pct"] == div["hree_free_share_pct"]
    assert scenarios.case_levers("materials")["magnet_free_share_pct"] == 0
    assert scenarios.case_levers("architectures") == {**scenarios.status_quo_levers(),
                                                      "magnet_free_share_pct": div["magnet_free_share_pct"]}
    assert scenarios.case_levers("all_three") == div
    with pytest.raises(ValueError, match="'case' = 'everything' is not allowed"):
        scenarios.case_levers("everything")


# A kg table and prices the test writes itself (oxide kg per vehicle; US$/kg)
KG = pd.DataFrame({"architecture": ["pm_standard", "pm_hree_free", "magnet_free"],
                   "ndpr_kg_per_vehicle": [0.7, 0.8, 0.0], "dytb_kg_per_vehicle": [0.07, 0.0, 0.0]})


def _sliders(vehicles=1_000_000):
    return dataclasses.replace(scenarios.fleet_sliders(), annual_vehicles=vehicles, ndpr_price_base=50,
                               dytb_price_base=250, ndpr_price_shock=100, dytb_price_shock=1000)


def test_portfolio_cases_hand_checked():
    cases = scenarios.portfolio_cases(_sliders(), KG)
    sq = cases["status_quo"]
    china = 1 - scenarios.status_quo_levers()["ndpr_non_china_pct"] / 100
    # 1,000,000 vehicles × 0.7 kg / 1000 = 700 t NdPr oxide; × 0.07 kg → 70 t Dy oxide
    assert sq.demand_t == pytest.approx({"ndpr": 700, "dytb": 70})
    assert sq.china_dependent_total_t == pytest.approx(770 * china)
    # shock: 700,000 kg × 100 + 70,000 kg × 1,000 = 70 M + 70 M = 140 M US$
    assert sq.cost_shock_usd / 1e6 == pytest.approx(140)
    # sources only: same cost, 60 % China-dependent
    assert cases["sources"].cost_shock_usd == pytest.approx(sq.cost_shock_usd)
    assert cases["sources"].china_dependent_share_pct == pytest.approx(60)
    # materials only: half the magnet motors lose their Dy and carry 0.8 kg NdPr instead of 0.7
    assert cases["materials"].demand_t == pytest.approx({"ndpr": 750, "dytb": 35})
    # all three: mix 25 % magnet-free, 37.5 % HREE-free, 37.5 % standard;
    # NdPr 1,000 × (0.375 × 0.7 + 0.375 × 0.8) = 562.5 t, Dy 0.375 × 70 = 26.25 t; 60 % China-dependent → 353.25 t
    assert cases["all_three"].demand_t == pytest.approx({"ndpr": 562.5, "dytb": 26.25})
    assert cases["all_three"].china_dependent_total_t == pytest.approx(353.25)


def test_cases_scale_with_the_fleet():
    small = scenarios.portfolio_cases(_sliders(250_000), KG)["all_three"]
    assert small.china_dependent_total_t == pytest.approx(353.25 / 4)


def test_data_cases_dy_falls_and_ndpr_rises_with_heavy_rare_earth_free_magnets():
    cases = scenarios.portfolio_cases()
    sq, materials = cases["status_quo"], cases["materials"]
    assert materials.demand_t["dytb"] == pytest.approx(sq.demand_t["dytb"] / 2)
    assert materials.demand_t["ndpr"] > sq.demand_t["ndpr"]
    assert materials.cost_shock_usd < sq.cost_shock_usd


def test_presets_are_valid_lever_sets():
    presets = scenarios.presets()
    assert len(presets) == 2
    for levers in presets.values():
        fleet_inputs_from_levers(**{**scenarios.fleet_sliders().__dict__, **levers},
                                 kg_per_vehicle=scenarios.kg_per_vehicle())
    for value in scenarios.THREE_DIVERSIFICATIONS.values():
        assert 0 <= value <= 100


def test_sliders_can_start_from_a_case():
    sliders = scenarios.fleet_sliders(levers=scenarios.case_levers("all_three"))
    assert (sliders.magnet_free_share_pct, sliders.hree_free_share_pct, sliders.ndpr_non_china_pct) == (25, 50, 40)
    assert sliders.ndpr_price_shock == 88
