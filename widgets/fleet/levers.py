"""The report's "three diversifications" as levers on the fleet model: how much of the fleet goes
magnet-free, how much of the rest uses heavy-rare-earth-free magnets, and how much of each element
group is sourced outside China; plus the fleet size and the base and shock prices.

:func:`fleet_inputs_from_levers` maps the levers to the arguments of
:func:`widgets.fleet.model.fleet_demand`, so the mix always sums to 100 %.
"""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from widgets.core import checks
from widgets.fleet.model import GROUPS

# The three kinds of motor in the fleet portfolio.
ARCHITECTURES = ("pm_standard", "pm_hree_free", "magnet_free")
KG_COLUMNS = ("architecture", "ndpr_kg_per_vehicle", "dytb_kg_per_vehicle")


def kg_mapping(kg_per_vehicle: pd.DataFrame) -> dict[str, dict[str, float]]:
    """The kg-per-vehicle table (columns ``KG_COLUMNS``, one row for each of ``ARCHITECTURES``) as the
    mapping architecture → {ndpr: kg, dytb: kg} that ``fleet_demand`` takes. Values must be ≥ 0 kg."""
    if not isinstance(kg_per_vehicle, pd.DataFrame):
        checks.reject("kg_per_vehicle", type(kg_per_vehicle).__name__, f"a table with columns {', '.join(KG_COLUMNS)}")
    for column in KG_COLUMNS:
        checks.choice("kg_per_vehicle column", column, list(kg_per_vehicle.columns))
    checks.not_empty("kg_per_vehicle", kg_per_vehicle, f"give one row for each of {', '.join(ARCHITECTURES)}")
    kg: dict[str, dict[str, float]] = {}
    for row in kg_per_vehicle.itertuples(index=False):
        arch = row.architecture
        if not isinstance(arch, str):
            checks.reject("kg_per_vehicle.architecture", arch, ", ".join(ARCHITECTURES))
        checks.choice("kg_per_vehicle.architecture", arch, ARCHITECTURES)
        if arch in kg:
            checks.duplicate("kg_per_vehicle.architecture", arch)
        kg[arch] = {group: checks.non_negative(f"kg_per_vehicle[{arch!r}].{group}_kg_per_vehicle",
                                               getattr(row, f"{group}_kg_per_vehicle"), unit="kg")
                    for group in GROUPS}
    for arch in ARCHITECTURES:
        if arch not in kg:
            checks.missing(f"kg_per_vehicle[{arch!r}]", f"give one row for each of {', '.join(ARCHITECTURES)}")
    return kg


def architecture_mix_pct(magnet_free_share_pct: float, hree_free_share_pct: float) -> dict[str, float]:
    """The fleet mix in % from the two architecture levers a (magnet-free share) and b (heavy-rare-earth-free
    share of the remaining permanent-magnet motors):

    magnet_free = a,  pm_hree_free = (100 − a) · b / 100,  pm_standard = (100 − a) · (100 − b) / 100."""
    a = checks.percent("magnet_free_share_pct", magnet_free_share_pct)
    b = checks.percent("hree_free_share_pct", hree_free_share_pct)
    return {"pm_standard": (100 - a) * (100 - b) / 100, "pm_hree_free": (100 - a) * b / 100, "magnet_free": a}


def fleet_inputs_from_levers(*, magnet_free_share_pct: float, hree_free_share_pct: float, ndpr_non_china_pct: float,
                             dytb_non_china_pct: float, annual_vehicles: float, ndpr_price_base: float,
                             dytb_price_base: float, ndpr_price_shock: float, dytb_price_shock: float,
                             kg_per_vehicle: pd.DataFrame | Mapping[str, Mapping[str, float]]) -> dict:
    """The keyword arguments of ``fleet_demand`` for the given levers.

    architecture_mix_pct: see :func:`architecture_mix_pct` (sums to 100 % by construction);
    sourcing_china_pct[g] = 100 − non_china_pct[g]; prices in USD/kg pass through (base and shock);
    kg_per_vehicle: the table of :func:`kg_mapping` (or that mapping already built).
    Each lever is checked here so a message names the lever the reader moved."""
    mix = architecture_mix_pct(magnet_free_share_pct, hree_free_share_pct)
    non_china = {"ndpr": checks.percent("ndpr_non_china_pct", ndpr_non_china_pct),
                 "dytb": checks.percent("dytb_non_china_pct", dytb_non_china_pct)}
    vehicles = checks.positive("annual_vehicles", annual_vehicles, unit="vehicles/yr")
    usd = {name: checks.non_negative(name, value, unit="USD/kg")
           for name, value in (("ndpr_price_base", ndpr_price_base), ("dytb_price_base", dytb_price_base),
                               ("ndpr_price_shock", ndpr_price_shock), ("dytb_price_shock", dytb_price_shock))}
    kg = kg_mapping(kg_per_vehicle) if isinstance(kg_per_vehicle, pd.DataFrame) else kg_per_vehicle
    return {"annual_vehicles": vehicles,
            "architecture_mix_pct": mix,
            "re_kg_per_vehicle": kg,
            "sourcing_china_pct": {group: 100 - non_china[group] for group in GROUPS},
            "prices_base_usd_per_kg": {group: usd[f"{group}_price_base"] for group in GROUPS},
            "prices_shock_usd_per_kg": {group: usd[f"{group}_price_shock"] for group in GROUPS}}
