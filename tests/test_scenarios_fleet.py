"""The fleet-portfolio starting values: kg of oxide per vehicle from the data (hand-checked arithmetic),
today's non-China shares, prices, presets and the five portfolio cases."""
from __future__ import annotations

import pytest

from widgets.models.fleet_levers import KG_COLUMNS, fleet_inputs_from_levers
from widgets.scenarios import fleet as scenarios

# Nd2O3: 2 × 144.242 / (2 × 144.242 + 3 × 15.999) = 0.857356; Dy2O3: 2 × 162.5 / (2 × 162.5 + 3 × 15.999) = 0.871321
F_ND, F_DY = 0.857356, 0.871321
# data: 2.0 kg magnet per motor (MP/GM), N42SH Nd 29–32.5 % (mid 30.75), Dy 3–10 %
NDPR_KG = 2.0 * 0.3075 / F_ND          # 0.717322 kg NdPr oxide per vehicle
DYTB_KG_LOW = 2.0 * 0.03 / F_DY        # 0.068861 kg Dy oxide
DYTB_KG_HIGH = 2.0 * 0.10 / F_DY       # 0.229537 kg


def test_kg_workings_hand_checked():
    work = scenarios.kg_workings().set_index("architecture")
    std, free, none = work.loc["pm_standard"], work.loc["pm_hree_free"], work.loc["magnet_free"]
    assert std["magnet_kg_per_vehicle"] == 2.0 and std["nd_wt_pct"] == 30.75 and std["dy_wt_pct"] == 3.0
    assert std["nd_element_kg"] == pytest.approx(0.615) and std["dy_element_kg"] == pytest.approx(0.06)
    assert std["ndpr_kg_per_vehicle"] == pytest.approx(NDPR_KG, rel=1e-5)
    assert std["dytb_kg_per_vehicle"] == pytest.approx(DYTB_KG_LOW, rel=1e-5)
    assert free["ndpr_kg_per_vehicle"] == pytest.approx(NDPR_KG, rel=1e-5) and free["dytb_kg_per_vehicle"] == 0
    assert none[["ndpr_kg_per_vehicle", "dytb_kg_per_vehicle", "magnet_kg_per_vehicle"]].tolist() == [0, 0, 0]
    assert std["source_ids"] == "mp2022gm, couragemagnet_faq, nikkeixtech2012dy"
    assert free["source_ids"] == "mp2022gm, couragemagnet_faq, khb2025proterial"


def test_points_of_the_ranges():
    high = scenarios.kg_per_vehicle(dy_point="high").set_index("architecture")
    assert high.loc["pm_standard", "dytb_kg_per_vehicle"] == pytest.approx(DYTB_KG_HIGH, rel=1e-5)
    low_nd = scenarios.kg_per_vehicle(nd_point="low").set_index("architecture")
    assert low_nd.loc["pm_standard", "ndpr_kg_per_vehicle"] == pytest.approx(2.0 * 0.29 / F_ND, rel=1e-5)
    with pytest.raises(ValueError, match="'point' = 'middle' is not allowed"):
        scenarios.kg_per_vehicle(nd_point="middle")


def test_kg_table_has_the_models_columns():
    kg = scenarios.kg_per_vehicle()
    assert list(kg.columns) == list(KG_COLUMNS)
    assert list(kg["architecture"]) == ["pm_standard", "pm_hree_free", "magnet_free"]


def test_status_quo_from_data():
    # China's share of global separation: 91 % (IEA commentary) → 9 % outside China for both groups
    shares = scenarios.status_quo_non_china_pct()
    assert shares["ndpr_non_china_pct"].value == 9 and shares["dytb_non_china_pct"].value == 9
    assert shares["ndpr_non_china_pct"].source_id == "iea2025commentary"
    assert scenarios.status_quo_levers() == {"magnet_free_share_pct": 0, "hree_free_share_pct": 0,
                                             "ndpr_non_china_pct": 9, "dytb_non_china_pct": 9}
    sliders = scenarios.fleet_sliders()
    assert (sliders.ndpr_price_base, sliders.ndpr_price_shock, sliders.dytb_price_base, sliders.dytb_price_shock) == (
        51, 88, 260, 700)
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


def test_portfolio_cases_hand_checked():
    cases = scenarios.portfolio_cases()
    sq = cases["status_quo"]
    # 1,000,000 vehicles × 0.717322 kg / 1000 = 717.322 t NdPr oxide; × 0.068861 kg → 68.861 t Dy oxide
    assert sq.demand_t == pytest.approx({"ndpr": 717.322, "dytb": 68.861}, rel=1e-5)
    # 91 % China-dependent: (717.322 + 68.861) × 0.91 = 715.43 t
    assert sq.china_dependent_total_t == pytest.approx(715.43, rel=1e-4)
    # shock: 717,322 kg × 88 + 68,861 kg × 700 = 63.12 M + 48.20 M = 111.33 M US$
    assert sq.cost_shock_usd / 1e6 == pytest.approx(111.33, rel=1e-4)
    # sources only: same cost, 60 % China-dependent
    assert cases["sources"].cost_shock_usd == pytest.approx(sq.cost_shock_usd)
    assert cases["sources"].china_dependent_share_pct == pytest.approx(60)
    # materials only: half the magnet motors lose their Dy
    assert cases["materials"].demand_t["dytb"] == pytest.approx(sq.demand_t["dytb"] / 2)
    assert cases["materials"].demand_t["ndpr"] == pytest.approx(sq.demand_t["ndpr"])
    # all three: mix 25 % magnet-free, 37.5 % HREE-free, 37.5 % standard; NdPr 0.75 × 717.322 = 537.99 t,
    # Dy 0.375 × 68.861 = 25.823 t; 60 % China-dependent → (537.991 + 25.823) × 0.6 = 338.29 t
    assert cases["all_three"].demand_t == pytest.approx({"ndpr": 537.991, "dytb": 25.823}, rel=1e-4)
    assert cases["all_three"].china_dependent_total_t == pytest.approx(338.29, rel=1e-4)


def test_cases_scale_with_the_fleet():
    sliders = scenarios.fleet_sliders(annual_vehicles=250_000)
    small = scenarios.portfolio_cases(sliders)["all_three"]
    assert small.china_dependent_total_t == pytest.approx(338.29 / 4, rel=1e-4)


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
