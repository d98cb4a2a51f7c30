"""The fleet portfolio ("three diversifications"): rare-earth demand of a year's vehicles by motor
architecture, how much of it depends on China, and what a price shock costs."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from widgets.core import checks

GROUPS = ("ndpr", "dytb")
KG_PER_T = 1000.0
MIX_TOLERANCE_PCT = 0.01


@dataclass(frozen=True)
class FleetResult:
    demand_t: dict[str, float]
    demand_total_t: float
    china_dependent_t: dict[str, float]
    china_dependent_total_t: float
    china_dependent_share_pct: float
    cost_base_usd_by_group: dict[str, float]
    cost_shock_usd_by_group: dict[str, float]
    cost_base_usd: float
    cost_shock_usd: float
    cost_increase_usd: float


def _mapping(name: str, value: object, allowed: str) -> Mapping:
    if not isinstance(value, Mapping):
        checks.reject(name, value, allowed)
    checks.not_empty(name, value, allowed)
    return value


def _per_group(name: str, value: object, check) -> dict[str, float]:
    """A mapping with exactly the keys 'ndpr' and 'dytb', each value passed through ``check``."""
    _mapping(name, value, "a mapping with keys ndpr and dytb")
    for key in value:
        checks.choice(f"{name} key", key, GROUPS)
    for group in GROUPS:
        if group not in value:
            checks.missing(f"{name}[{group!r}]", "give a value for both ndpr and dytb")
    return {group: check(f"{name}[{group!r}]", value[group]) for group in GROUPS}


def fleet_demand(annual_vehicles: float, architecture_mix_pct: Mapping[str, float],
                 re_kg_per_vehicle: Mapping[str, Mapping[str, float]], sourcing_china_pct: Mapping[str, float],
                 prices_base_usd_per_kg: Mapping[str, float],
                 prices_shock_usd_per_kg: Mapping[str, float]) -> FleetResult:
    """Rare-earth demand, China dependence and price-shock cost of one year's vehicles.

    demand_t[g]          = Σ_a vehicles · mix_a/100 · kg_{a,g} / 1000          (g ∈ {ndpr, dytb})
    china_dependent_t[g] = demand_t[g] · sourcing_china_pct[g] / 100
    china_dependent_share_pct = Σ_g china_dependent_t / Σ_g demand_t · 100     (0 when demand is 0)
    cost_base_usd        = Σ_g demand_t[g] · 1000 · price_base[g];  likewise cost_shock_usd
    cost_increase_usd    = cost_shock_usd − cost_base_usd
    Assumptions: the mix shares must sum to 100 % (± 0.01); kg per vehicle and prices are on the same basis
    (the caller's: metal or oxide); one China share per element group for the whole fleet; no stocks."""
    vehicles = checks.positive("annual_vehicles", annual_vehicles, unit="vehicles/yr")
    _mapping("architecture_mix_pct", architecture_mix_pct, "a mapping architecture → share in %")
    for arch in architecture_mix_pct:
        if not isinstance(arch, str) or not arch.strip():
            checks.reject("architecture_mix_pct key", arch, "a non-empty architecture name")
    mix = {a: checks.percent(f"architecture_mix_pct[{a!r}]", pct) for a, pct in architecture_mix_pct.items()}
    checks.number("architecture_mix_pct (sum; must sum to 100 %)", round(sum(mix.values()), 6),
                  minimum=100 - MIX_TOLERANCE_PCT, maximum=100 + MIX_TOLERANCE_PCT, unit="%")
    _mapping("re_kg_per_vehicle", re_kg_per_vehicle, "a mapping architecture → {ndpr: kg, dytb: kg}")
    kg = {}
    for arch in mix:
        if arch not in re_kg_per_vehicle:
            checks.missing(f"re_kg_per_vehicle[{arch!r}]",
                           "give kg per vehicle for every architecture in architecture_mix_pct")
        kg[arch] = _per_group(f"re_kg_per_vehicle[{arch!r}]", re_kg_per_vehicle[arch],
                              lambda n, v: checks.non_negative(n, v, unit="kg"))
    china = _per_group("sourcing_china_pct", sourcing_china_pct, checks.percent)
    non_negative_usd = lambda n, v: checks.non_negative(n, v, unit="USD/kg")  # noqa: E731
    base = _per_group("prices_base_usd_per_kg", prices_base_usd_per_kg, non_negative_usd)
    shock = _per_group("prices_shock_usd_per_kg", prices_shock_usd_per_kg, non_negative_usd)

    demand = {g: sum(vehicles * mix[a] / 100 * kg[a][g] for a in mix) / KG_PER_T for g in GROUPS}
    dependent = {g: demand[g] * china[g] / 100 for g in GROUPS}
    total, dependent_total = sum(demand.values()), sum(dependent.values())
    cost_base = {g: demand[g] * KG_PER_T * base[g] for g in GROUPS}
    cost_shock = {g: demand[g] * KG_PER_T * shock[g] for g in GROUPS}
    return FleetResult(
        demand_t=demand, demand_total_t=total, china_dependent_t=dependent, china_dependent_total_t=dependent_total,
        china_dependent_share_pct=dependent_total / total * 100 if total > 0 else 0.0,
        cost_base_usd_by_group=cost_base, cost_shock_usd_by_group=cost_shock,
        cost_base_usd=sum(cost_base.values()), cost_shock_usd=sum(cost_shock.values()),
        cost_increase_usd=sum(cost_shock.values()) - sum(cost_base.values()))


@dataclass(frozen=True)
class FleetSliders:
    """Initial lever positions (a preset's values, chosen by the caller)."""

    magnet_free_share_pct: float
    hree_free_share_pct: float
    ndpr_non_china_pct: float
    dytb_non_china_pct: float
    annual_vehicles: float
    ndpr_price_base: float
    dytb_price_base: float
    ndpr_price_shock: float
    dytb_price_shock: float
