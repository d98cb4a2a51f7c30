"""Parity: the portfolio chart's Vega expressions, evaluated by VegaFusion at several slider positions,
equal fleet_demand() run at the same fleet size and shock prices."""
from __future__ import annotations

import pytest

from test_models_fleet_levers import KG
from widgets.fleet.model import FleetSliders
from widgets.charts.portfolio import PortfolioSliders, case_rows, portfolio_chart
from widgets.core.labels import label
from widgets.fleet.model import fleet_demand
from widgets.fleet.levers import fleet_inputs_from_levers

LEVERS = {
    "status_quo": dict(magnet_free_share_pct=0, hree_free_share_pct=0, ndpr_non_china_pct=10, dytb_non_china_pct=5),
    "all_three": dict(magnet_free_share_pct=20, hree_free_share_pct=50, ndpr_non_china_pct=40, dytb_non_china_pct=40),
}
REFERENCE = FleetSliders(0, 0, 0, 0, 1_000_000, 60, 400, 120, 1200)


def results(vehicles: float, ndpr_shock: float, dytb_shock: float) -> dict:
    shared = {**REFERENCE.__dict__, "annual_vehicles": vehicles, "ndpr_price_shock": ndpr_shock,
              "dytb_price_shock": dytb_shock}
    return {case: fleet_demand(**fleet_inputs_from_levers(**{**shared, **levers}, kg_per_vehicle=KG))
            for case, levers in LEVERS.items()}


def frames(sliders: PortfolioSliders):
    rows = case_rows(results(REFERENCE.annual_vehicles, REFERENCE.ndpr_price_shock, REFERENCE.dytb_price_shock),
                     REFERENCE.annual_vehicles)
    return portfolio_chart(rows, sliders).transformed_data()


@pytest.mark.parametrize("sliders", [PortfolioSliders(1_000_000, 120, 1200), PortfolioSliders(250_000, 55, 350),
                                     PortfolioSliders(12_500_000, 300, 4000)])
def test_chart_matches_model(sliders):
    china, china_totals, cost, cost_totals = frames(sliders)
    model = results(sliders.annual_vehicles, sliders.ndpr_price_shock, sliders.dytb_price_shock)
    for case, result in model.items():
        got = china[china["case"] == case].set_index("group")["china_t"]
        assert got.to_dict() == pytest.approx(result.china_dependent_t, rel=1e-9)
        got = cost[cost["case"] == case].set_index("group")["cost_shock_musd"]
        assert got.to_dict() == pytest.approx({g: v / 1e6 for g, v in result.cost_shock_usd_by_group.items()}, rel=1e-9)
        name = label(f"portfolio.case.{case}")
        assert china_totals.set_index("case_name").loc[name, "total_china_t"] == pytest.approx(
            result.china_dependent_total_t, rel=1e-9)
        assert cost_totals.set_index("case_name").loc[name, "total_cost_shock_musd"] == pytest.approx(
            result.cost_shock_usd / 1e6, rel=1e-9)


def test_hand_checked_status_quo():
    china, _, cost, cost_totals = frames(PortfolioSliders(1_000_000, 120, 1200))
    sq = china[china["case"] == "status_quo"].set_index("group")["china_t"]
    # all standard magnets: NdPr 1e6 × 1.5 kg / 1000 = 1500 t, 90 % China → 1350 t; Dy+Tb 100 t × 95 % = 95 t
    assert sq.to_dict() == pytest.approx({"ndpr": 1350, "dytb": 95})
    # shock cost: 1,500,000 kg × 120 + 100,000 kg × 1200 = 180 M + 120 M = 300 US$ million
    assert cost_totals.set_index("case_name").loc[label("portfolio.case.status_quo"),
                                                  "total_cost_shock_musd"] == pytest.approx(300)
    # doubling the fleet doubles everything
    china2, *_ = frames(PortfolioSliders(2_000_000, 120, 1200))
    assert china2[china2["case"] == "status_quo"].set_index("group")["china_t"]["ndpr"] == pytest.approx(2700)


def test_chart_has_title_description_and_bound_sliders():
    rows = case_rows(results(1_000_000, 120, 1200), 1_000_000)
    spec = portfolio_chart(rows, PortfolioSliders(1_000_000, 120, 1200)).to_dict()
    assert spec["title"]["text"] == label("portfolio.title") and spec["description"] == label("portfolio.description")
    assert {p["name"] for p in spec["params"] if "bind" in p} == {"annual_vehicles", "ndpr_price_shock",
                                                                   "dytb_price_shock"}
    assert spec["config"]["axis"]["labelAngle"] == 0
    assert list(rows["case_name"].unique()) == [label("portfolio.case.status_quo"), label("portfolio.case.all_three")]


def test_bad_inputs_are_rejected():
    with pytest.raises(ValueError, match="'reference_vehicles' = 0"):
        case_rows(results(1_000_000, 120, 1200), 0)
    with pytest.raises(ValueError, match="'results' is empty"):
        case_rows({}, 1_000_000)
    with pytest.raises(ValueError, match=r"results\['x'\]"):
        case_rows({"x": 3}, 1_000_000)
    rows = case_rows(results(1_000_000, 120, 1200), 1_000_000)
    with pytest.raises(ValueError, match="'cases column' = 'china_t_ref' is not allowed"):
        portfolio_chart(rows.drop(columns="china_t_ref"), PortfolioSliders(1_000_000, 120, 1200))
