"""Ore grade–tonnage–cost: what a deposit contains, what a year of mining yields, what a kilogram of
rare-earth oxide (TREO) costs along the whole chain (mine to separated oxide), and what the TREO basket is worth.

The cost input is a WHOLE-CHAIN operating cost per tonne of ore: everything from mining to separated oxides,
spread over the tonnes of ore treated. No published rare-earth project gives that figure directly; the kit
derives it from a project's cost per kg of product (:func:`whole_chain_opex_usd_per_t_ore`), e.g. Arafura's
Nolans cost per kg of NdPr oxide, which covers mining, beneficiation, extraction and separation at one project.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from widgets.core import checks

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

    ``opex_usd_per_t_ore`` is a whole-chain operating cost (mine to separated oxides) per tonne of ore, and
    ``recovery_pct`` the share of the oxide in the ore that ends up sold; so ``cost_usd_per_kg_treo`` is the
    whole-chain cost of a kg of recovered oxide and the breakeven grade is the grade at which the whole-chain
    cost of a tonne of ore equals the value of the separated oxides that tonne yields.

    Assumptions: constant grade, recovery and opex over the mine life; the whole-chain cost is proportional to
    tonnes of ore (in a real plant the chemical stages scale with the concentrate, so far from the grade the
    cost was derived at the cost per kg is rough); all recovered TREO sells at the basket price; no capex,
    royalties or discounting.
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
    """Whole-chain cost per kg TREO at each grade:  cost = opex / (grade/100 · recovery/100 · 1000).

    Same assumptions as ``ore_economics``: one recovery and one opex per tonne of ore for every grade."""
    if isinstance(grades_treo_pct, (str, bytes)) or not isinstance(grades_treo_pct, Iterable):
        checks.reject("grades_treo_pct", grades_treo_pct, "a list of grades in %")
    grades = list(grades_treo_pct)
    checks.not_empty("grades_treo_pct", grades, "give at least one grade in %")
    grades = [checks.percent(f"grades_treo_pct[{i}]", g, min_exclusive=True) for i, g in enumerate(grades)]
    recovery = checks.percent("recovery_pct", recovery_pct, min_exclusive=True)
    opex = checks.non_negative("opex_usd_per_t_ore", opex_usd_per_t_ore, unit="USD/t")
    return [_cost_usd_per_kg_treo(g, recovery, opex) for g in grades]


def whole_chain_opex_usd_per_t_ore(cost_usd_per_kg_product: float, product_t_per_yr: float,
                                   ore_mt_per_yr: float) -> float:
    """A whole-chain operating cost per tonne of ore, from a project's cost per kg of its product:

        opex_usd_per_t_ore = cost_usd_per_kg_product · product_t_per_yr · 1000 / (ore_mt_per_yr · 1e6)

    i.e. the project's annual operating cost (cost per kg times kg of product a year) spread over the tonnes of
    ore it treats a year. Nolans (DFS 2019): US$25.94/kg NdPr oxide × 4,357 t/yr / 1.0 Mt/yr ore ≈ US$113 per
    tonne of ore. The result covers whatever the per-kg cost covers (for Nolans: mining, beneficiation,
    extraction and separation, net of the phosphoric-acid credit) and is charged to the ore, not to the oxide.
    If the plant treats less ore than ``ore_mt_per_yr`` (an 'up to' figure), the cost per tonne is higher."""
    cost = checks.non_negative("cost_usd_per_kg_product", cost_usd_per_kg_product, unit="USD/kg")
    product = checks.non_negative("product_t_per_yr", product_t_per_yr, unit="t/yr")
    ore = checks.positive("ore_mt_per_yr", ore_mt_per_yr, unit="Mt/yr")
    return cost * product * KG_PER_T / (ore * T_PER_MT)


def annual_rate_from_quarters_t(quarterly_t: Iterable[float]) -> float:
    """Annual rate implied by reported quarterly outputs:  rate = mean(quarterly_t) · 4  (t/yr).

    Averaging several quarters smooths work in progress carried from one quarter into the next."""
    if isinstance(quarterly_t, (str, bytes)) or not isinstance(quarterly_t, Iterable):
        checks.reject("quarterly_t", quarterly_t, "a list of quarterly outputs in t")
    quarters = list(quarterly_t)
    checks.not_empty("quarterly_t", quarters, "give at least one quarterly output in t")
    values = [checks.non_negative(f"quarterly_t[{i}]", q, unit="t") for i, q in enumerate(quarters)]
    return sum(values) / len(values) * 4


@dataclass(frozen=True)
class OreSliders:
    """Initial slider positions (taken from data by the caller)."""

    opex_usd_per_t_ore: float
    recovery_pct: float
    ndpr_share_of_treo_pct: float
    ndpr_oxide_price_usd_per_kg: float
    dytb_share_of_treo_pct: float
    dytb_oxide_price_usd_per_kg: float
    other_oxide_price_usd_per_kg: float


@dataclass(frozen=True)
class OreDeposit:
    """Starting deposit inputs (from data)."""

    ore_mt: float
    grade_treo_pct: float
    throughput_mt_ore_per_yr: float
    tho2_grade_pct: float
