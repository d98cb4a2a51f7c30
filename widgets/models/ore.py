"""Ore grade–tonnage–cost: what a deposit contains, what a year of mining yields, what a kilogram of
rare-earth oxide (TREO) costs to mine and concentrate, and what the TREO basket is worth."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from widgets.labels import label
from widgets.models import checks

T_PER_MT = 1e6
KG_PER_T = 1000.0


@dataclass(frozen=True)
class OreEconomics:
    contained_treo_t: float
    recoverable_treo_t: float
    annual_treo_t: float
    mine_life_yr: float
    cost_usd_per_kg_treo: float
    basket_value_usd_per_kg_treo: float
    margin_usd_per_kg_treo: float
    breakeven_grade_treo_pct: float
    annual_tho2_t: float


def _cost_usd_per_kg_treo(grade_treo_pct: float, recovery_pct: float, opex_usd_per_t_ore: float) -> float:
    return opex_usd_per_t_ore / (grade_treo_pct / 100 * recovery_pct / 100 * KG_PER_T)


def ore_economics(ore_mt: float, grade_treo_pct: float, recovery_pct: float, ndpr_share_of_treo_pct: float,
                  dytb_share_of_treo_pct: float, ndpr_oxide_price_usd_per_kg: float,
                  dytb_oxide_price_usd_per_kg: float, other_oxide_price_usd_per_kg: float,
                  opex_usd_per_t_ore: float, throughput_mt_ore_per_yr: float, tho2_grade_pct: float) -> OreEconomics:
    """Grade–tonnage–cost of one deposit.

    contained_treo_t   = ore_mt·1e6 · grade/100
    recoverable_treo_t = contained_treo_t · recovery/100
    annual_treo_t      = throughput·1e6 · grade/100 · recovery/100
    mine_life_yr       = ore_mt / throughput
    cost_usd_per_kg_treo = opex / (grade/100 · recovery/100 · 1000)
    basket_value       = s_NdPr/100·p_NdPr + s_DyTb/100·p_DyTb + (1 − s_NdPr/100 − s_DyTb/100)·p_other
    margin             = basket_value − cost
    breakeven_grade_treo_pct = opex / (recovery/100 · 1000 · basket_value) · 100   (may exceed 100 %: no grade pays)
    annual_tho2_t      = throughput·1e6 · ThO2/100

    Assumptions: constant grade, recovery and opex over the mine life; opex covers mining and beneficiation
    per tonne of ore; all recovered TREO sells at the basket price; no capex, royalties or discounting.
    """
    ore = checks.positive("ore_mt", ore_mt, unit="Mt")
    grade = checks.percent("grade_treo_pct", grade_treo_pct, min_exclusive=True)
    recovery = checks.percent("recovery_pct", recovery_pct, min_exclusive=True)
    ndpr_share = checks.percent("ndpr_share_of_treo_pct", ndpr_share_of_treo_pct)
    dytb_share = checks.percent("dytb_share_of_treo_pct", dytb_share_of_treo_pct)
    checks.number("ndpr_share_of_treo_pct + dytb_share_of_treo_pct", ndpr_share + dytb_share,
                  minimum=0.0, maximum=100.0, unit="%")
    ndpr_price = checks.non_negative("ndpr_oxide_price_usd_per_kg", ndpr_oxide_price_usd_per_kg, unit="USD/kg")
    dytb_price = checks.non_negative("dytb_oxide_price_usd_per_kg", dytb_oxide_price_usd_per_kg, unit="USD/kg")
    other_price = checks.non_negative("other_oxide_price_usd_per_kg", other_oxide_price_usd_per_kg, unit="USD/kg")
    opex = checks.non_negative("opex_usd_per_t_ore", opex_usd_per_t_ore, unit="USD/t")
    throughput = checks.positive("throughput_mt_ore_per_yr", throughput_mt_ore_per_yr, unit="Mt/yr")
    tho2 = checks.percent("tho2_grade_pct", tho2_grade_pct)

    basket = (ndpr_share / 100 * ndpr_price + dytb_share / 100 * dytb_price
              + (1 - ndpr_share / 100 - dytb_share / 100) * other_price)
    checks.positive("basket_value_usd_per_kg_treo (from the shares and oxide prices)", basket, unit="USD/kg")
    cost = _cost_usd_per_kg_treo(grade, recovery, opex)
    contained = ore * T_PER_MT * grade / 100
    return OreEconomics(
        contained_treo_t=contained,
        recoverable_treo_t=contained * recovery / 100,
        annual_treo_t=throughput * T_PER_MT * grade / 100 * recovery / 100,
        mine_life_yr=ore / throughput,
        cost_usd_per_kg_treo=cost,
        basket_value_usd_per_kg_treo=basket,
        margin_usd_per_kg_treo=basket - cost,
        breakeven_grade_treo_pct=opex / (recovery / 100 * KG_PER_T * basket) * 100,
        annual_tho2_t=throughput * T_PER_MT * tho2 / 100,
    )


def implied_grade_treo_pct(ore_mt: float, contained_treo_mt: float) -> float:
    """Average grade implied by a resource statement:  grade = contained / ore · 100
    (e.g. 12.5 Mt REO in 694 Mt ore → 1.80 %). Assumes both figures describe the same resource."""
    ore = checks.positive("ore_mt", ore_mt, unit="Mt")
    contained = checks.number("contained_treo_mt", contained_treo_mt, minimum=0.0, maximum=ore, unit="Mt")
    return contained / ore * 100


def cost_curve_usd_per_kg_treo(grades_treo_pct: Iterable[float], recovery_pct: float,
                               opex_usd_per_t_ore: float) -> list[float]:
    """Mining-and-concentration cost per kg TREO at each grade:  cost = opex / (grade/100 · recovery/100 · 1000).

    Same assumptions as ``ore_economics``: one recovery and one opex per tonne of ore for every grade."""
    if isinstance(grades_treo_pct, (str, bytes)) or not isinstance(grades_treo_pct, Iterable):
        raise ValueError(label("error.not_allowed", name="grades_treo_pct", value=grades_treo_pct,
                               allowed="a list of grades in %"))
    grades = list(grades_treo_pct)
    checks.not_empty("grades_treo_pct", grades, "give at least one grade in %")
    grades = [checks.percent(f"grades_treo_pct[{i}]", g, min_exclusive=True) for i, g in enumerate(grades)]
    recovery = checks.percent("recovery_pct", recovery_pct, min_exclusive=True)
    opex = checks.non_negative("opex_usd_per_t_ore", opex_usd_per_t_ore, unit="USD/t")
    return [_cost_usd_per_kg_treo(g, recovery, opex) for g in grades]
