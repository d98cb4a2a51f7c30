"""Hand-checked ore grade–tonnage–cost arithmetic."""
import math
import re

import pytest

from widgets.ore.model import (annual_rate_from_quarters_t, cost_curve_usd_per_kg_treo, implied_grade_treo_pct,
                                ore_economics, whole_chain_opex_usd_per_t_ore)

BASE = dict(ore_mt=10, grade_treo_pct=2, recovery_pct=80, ndpr_share_of_treo_pct=20, dytb_share_of_treo_pct=1,
            ndpr_oxide_price_usd_per_kg=60, dytb_oxide_price_usd_per_kg=400, other_oxide_price_usd_per_kg=2,
            opex_usd_per_t_ore=40, throughput_mt_ore_per_yr=0.5, tho2_grade_pct=0.1)


def _with(**changes):
    return {**BASE, **changes}


def test_ore_economics_hand_checked():
    r = ore_economics(**BASE)
    assert r.contained_treo_t == pytest.approx(200_000)          # 10 Mt × 1e6 t/Mt × 2 % = 200,000 t
    assert r.recoverable_treo_t == pytest.approx(160_000)        # 200,000 t × 80 % = 160,000 t
    assert r.annual_treo_t == pytest.approx(8_000)               # 0.5 Mt/yr × 1e6 × 2 % × 80 % = 8,000 t/yr
    assert r.mine_life_yr == pytest.approx(20)                   # 10 Mt / 0.5 Mt/yr = 20 yr
    assert r.cost_usd_per_kg_treo == pytest.approx(2.5)          # 40 USD/t / (0.02 × 0.8 × 1000 kg/t = 16 kg/t)
    assert r.basket_value_usd_per_kg_treo == pytest.approx(17.58)  # 0.20×60 + 0.01×400 + 0.79×2 = 12 + 4 + 1.58
    assert r.margin_usd_per_kg_treo == pytest.approx(15.08)      # 17.58 − 2.5
    assert r.breakeven_grade_treo_pct == pytest.approx(0.284414, rel=1e-5)  # 40 / (0.8 × 1000 × 17.58) × 100
    assert r.annual_tho2_t == pytest.approx(500)                 # 0.5 Mt × 1e6 × 0.1 % = 500 t/yr


def test_breakeven_grade_makes_cost_equal_basket():
    r = ore_economics(**BASE)
    [cost] = cost_curve_usd_per_kg_treo([r.breakeven_grade_treo_pct], 80, 40)
    assert cost == pytest.approx(r.basket_value_usd_per_kg_treo)  # by definition of break-even


def test_shares_may_sum_to_exactly_100():
    r = ore_economics(**_with(ndpr_share_of_treo_pct=90, dytb_share_of_treo_pct=10))
    assert r.basket_value_usd_per_kg_treo == pytest.approx(94)   # 0.9×60 + 0.1×400 + 0×2 = 54 + 40


@pytest.mark.parametrize("changes, message", [
    (dict(ore_mt=-1), "Parameter 'ore_mt' = -1 is outside the allowed range (0, ∞) Mt"),
    (dict(ore_mt=0), "Parameter 'ore_mt' = 0 is outside the allowed range (0, ∞) Mt"),
    (dict(grade_treo_pct=0), "Parameter 'grade_treo_pct' = 0 is outside the allowed range (0, 100] %"),
    (dict(grade_treo_pct=math.nan), "Parameter 'grade_treo_pct' = nan is outside"),
    (dict(recovery_pct=120), "Parameter 'recovery_pct' = 120 is outside the allowed range (0, 100] %"),
    (dict(recovery_pct=0), "Parameter 'recovery_pct' = 0 is outside"),
    (dict(ndpr_share_of_treo_pct=101), "Parameter 'ndpr_share_of_treo_pct' = 101 is outside the allowed range [0, 100] %"),
    (dict(ndpr_share_of_treo_pct=60, dytb_share_of_treo_pct=50),
     "Parameter 'ndpr_share_of_treo_pct + dytb_share_of_treo_pct' = 110.0 is outside the allowed range [0, 100] %"),
    (dict(dytb_oxide_price_usd_per_kg=-5), "Parameter 'dytb_oxide_price_usd_per_kg' = -5 is outside"),
    (dict(ndpr_oxide_price_usd_per_kg="60"), "Parameter 'ndpr_oxide_price_usd_per_kg' must be a number; got '60'"),
    (dict(other_oxide_price_usd_per_kg=math.inf), "Parameter 'other_oxide_price_usd_per_kg' = inf is outside"),
    (dict(opex_usd_per_t_ore=True), "Parameter 'opex_usd_per_t_ore' must be a number; got True"),
    (dict(throughput_mt_ore_per_yr=0), "Parameter 'throughput_mt_ore_per_yr' = 0 is outside the allowed range (0, ∞) Mt/yr"),
    (dict(tho2_grade_pct=-0.1), "Parameter 'tho2_grade_pct' = -0.1 is outside the allowed range [0, 100] %"),
    (dict(tho2_grade_pct=None), "Parameter 'tho2_grade_pct' must be a number; got None"),
])
def test_ore_economics_bad_inputs(changes, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        ore_economics(**_with(**changes))


def test_zero_basket_is_a_clear_error():
    with pytest.raises(ValueError, match=re.escape("Parameter 'basket_value_usd_per_kg_treo (from the shares and "
                                                   "oxide prices)' = 0.0 is outside the allowed range (0, ∞)")):
        ore_economics(**_with(ndpr_oxide_price_usd_per_kg=0, dytb_oxide_price_usd_per_kg=0,
                              other_oxide_price_usd_per_kg=0))


def test_implied_grade_beylikova():
    assert implied_grade_treo_pct(694, 12.5) == pytest.approx(1.80, abs=0.005)  # 12.5 / 694 × 100 = 1.8012 %
    assert implied_grade_treo_pct(100, 0) == 0.0


@pytest.mark.parametrize("ore, contained, message", [
    (0, 1, "Parameter 'ore_mt' = 0 is outside the allowed range (0, ∞) Mt"),
    (-694, 12.5, "Parameter 'ore_mt' = -694 is outside"),
    (694, -1, "Parameter 'contained_treo_mt' = -1 is outside the allowed range [0, 694] Mt"),
    (10, 11, "Parameter 'contained_treo_mt' = 11 is outside the allowed range [0, 10] Mt"),  # > 100 % grade
    (694, math.nan, "Parameter 'contained_treo_mt' = nan is outside"),
    ("694", 12.5, "Parameter 'ore_mt' must be a number; got '694'"),
])
def test_implied_grade_bad_inputs(ore, contained, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        implied_grade_treo_pct(ore, contained)


def test_cost_curve_hand_checked():
    # 30 USD/t / (g/100 × 0.5 × 1000): g = 1 → 30/5 = 6; g = 2 → 30/10 = 3; g = 4 → 30/20 = 1.5
    assert cost_curve_usd_per_kg_treo([1, 2, 4], 50, 30) == pytest.approx([6.0, 3.0, 1.5])
    assert isinstance(cost_curve_usd_per_kg_treo((1,), 50, 30), list)


@pytest.mark.parametrize("grades, recovery, opex, message", [
    ([], 50, 30, "Parameter 'grades_treo_pct' is empty; give at least one grade in %"),
    ([1, 0], 50, 30, "Parameter 'grades_treo_pct[1]' = 0 is outside the allowed range (0, 100] %"),
    ([1, 101], 50, 30, "Parameter 'grades_treo_pct[1]' = 101 is outside"),
    ([math.nan], 50, 30, "Parameter 'grades_treo_pct[0]' = nan is outside"),
    (["2"], 50, 30, "Parameter 'grades_treo_pct[0]' must be a number; got '2'"),
    ("abc", 50, 30, "Parameter 'grades_treo_pct' = 'abc' is not allowed; allowed: a list of grades in %"),
    (2.0, 50, 30, "Parameter 'grades_treo_pct' = 2.0 is not allowed"),
    ([1], 0, 30, "Parameter 'recovery_pct' = 0 is outside the allowed range (0, 100] %"),
    ([1], 50, -30, "Parameter 'opex_usd_per_t_ore' = -30 is outside the allowed range [0, ∞) USD/t"),
])
def test_cost_curve_bad_inputs(grades, recovery, opex, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        cost_curve_usd_per_kg_treo(grades, recovery, opex)


def test_whole_chain_opex_per_tonne_of_ore_hand_checked():
    # US$20/kg × 5,000 t/yr = US$100 M/yr; over 2 Mt of ore a year = US$50 per tonne of ore
    assert whole_chain_opex_usd_per_t_ore(20, 5_000, 2) == pytest.approx(50.0)
    # halving the ore treated doubles the cost per tonne ('up to' throughputs make the result a floor)
    assert whole_chain_opex_usd_per_t_ore(20, 5_000, 1) == pytest.approx(100.0)
    assert whole_chain_opex_usd_per_t_ore(0, 5_000, 1) == 0.0


def test_whole_chain_opex_feeds_the_breakeven_rule():
    # a per-tonne cost derived from a per-kg cost: at the grade where cost per kg TREO equals the basket,
    # the ore's cost equals the value of the oxide it yields
    opex = whole_chain_opex_usd_per_t_ore(20, 5_000, 2)  # US$50/t ore
    r = ore_economics(**_with(opex_usd_per_t_ore=opex))
    assert r.breakeven_grade_treo_pct / 100 * 0.8 * 1000 * r.basket_value_usd_per_kg_treo == pytest.approx(opex)


@pytest.mark.parametrize("args, message", [
    ((-1, 5_000, 2), "Parameter 'cost_usd_per_kg_product' = -1 is outside the allowed range [0, ∞) USD/kg"),
    ((20, -5, 2), "Parameter 'product_t_per_yr' = -5 is outside the allowed range [0, ∞) t/yr"),
    ((20, 5_000, 0), "Parameter 'ore_mt_per_yr' = 0 is outside the allowed range (0, ∞) Mt/yr"),
    ((20, "5000", 2), "Parameter 'product_t_per_yr' must be a number; got '5000'"),
])
def test_whole_chain_opex_bad_inputs(args, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        whole_chain_opex_usd_per_t_ore(*args)


def test_annual_rate_from_quarters_hand_checked():
    assert annual_rate_from_quarters_t([10, 30]) == pytest.approx(80.0)  # mean 20 t a quarter × 4
    assert annual_rate_from_quarters_t((5,)) == pytest.approx(20.0)


@pytest.mark.parametrize("quarters, message", [
    ([], "Parameter 'quarterly_t' is empty; give at least one quarterly output in t"),
    ([3, -1], "Parameter 'quarterly_t[1]' = -1 is outside the allowed range [0, ∞) t"),
    ("9", "Parameter 'quarterly_t' = '9' is not allowed; allowed: a list of quarterly outputs in t"),
    (9, "Parameter 'quarterly_t' = 9 is not allowed"),
])
def test_annual_rate_from_quarters_bad_inputs(quarters, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        annual_rate_from_quarters_t(quarters)
