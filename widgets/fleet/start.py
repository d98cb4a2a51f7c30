"""Starting values for the fleet portfolio of chapter 06 (the report's "three diversifications"), from
the data package, with the arithmetic shown.

* :func:`kg_workings` / :func:`kg_per_vehicle`: kg of NdPr and of Dy+Tb per vehicle for the three motor
  architectures, as oxide (the basis the prices are quoted on):

      element_kg = magnet_kg_per_motor · motors_per_vehicle · wt %/100
      oxide_kg   = element_kg / f_oxide     (f = element mass fraction of Nd2O3 or Dy2O3, stoichiometry)

  - pm_standard: the ONE traction-magnet composition of the kit,
    :func:`widgets.magnets.start.traction_magnet_composition` (the N42SH grade; the same shares chapter 03's
    cost model uses): Dy at the low end of its range by default, Nd+Pr the rest of the rare-earth total, because
    Dy replaces Nd in the crystal rather than adding to it;
  - pm_hree_free: no Dy or Tb (the heavy-rare-earth-free sintered grade's rows, Proterial); its Nd content is
    not disclosed, so it is ASSUMED to keep the traction composition's rare-earth total, all of it Nd+Pr (the
    sites Dy held go back to Nd): a heavy-rare-earth-free magnet uses a little more NdPr, not less;
  - magnet_free: 0 kg of both (EESM, SRM, induction).
  The NdPr group is converted with the Nd2O3 fraction (Pr is treated as Nd: a small approximation); the Dy+Tb
  group with Dy2O3 and priced at the Dy oxide price (the composition records Dy; Tb costs more).
* :func:`prices`: base and shock prices (US$/kg oxide) from ``model_parameters``.
* :func:`status_quo_non_china_pct`: today's share sourced outside China = 100 − China's share of global
  SEPARATION (production_shares, IEA commentary): separation, not mining, decides who supplies oxide. The
  data hold no separate share for heavy rare earths, so the same share is used for Dy+Tb (generous:
  Lynas is the only commercial separator of heavy rare earths outside China, since 2025).
* ``ILLUSTRATIVE_ANNUAL_VEHICLES``: a round scenario size, not a fact about any carmaker.
* ``STATUS_QUO`` and ``THREE_DIVERSIFICATIONS``: the two presets; :func:`portfolio_cases` runs
  ``fleet_demand`` for the status quo, each diversification alone and all three together.
"""
from __future__ import annotations

import pandas as pd

from widgets.core.data import row
from widgets.fleet.model import FleetSliders
from widgets.core import checks
from widgets.core.labels import label
from widgets.fleet.model import FleetResult, fleet_demand
from widgets.fleet.levers import KG_COLUMNS, fleet_inputs_from_levers
from widgets.core.stoichiometry import element_mass_fraction_in_oxide, oxide_formula
from widgets.core.sourced import Provenance, parameter
from widgets.magnets.start import DY_POINT, traction_magnet_composition

#: A round, illustrative fleet size (vehicles a year, each with one traction motor). Not a fact: the reader
#: sets it; every tonne and dollar in the portfolio scales with it.
ILLUSTRATIVE_ANNUAL_VEHICLES = 1_000_000
#: One traction motor per vehicle (an assumption: many all-wheel-drive cars have two).
MOTORS_PER_VEHICLE = 1

MAGNET_MASS_PARAMETER = "ndfeb_magnet_mass_per_motor_kg_mp"
HREE_FREE_MAGNET_ID = "ndfeb-hree-free-sintered"

#: Status quo: no magnet-free motors, no heavy-rare-earth-free magnets; the sourcing levers are filled in
#: from data by :func:`status_quo_levers` (today's non-China shares).
STATUS_QUO = {"magnet_free_share_pct": 0.0, "hree_free_share_pct": 0.0}

#: "Three diversifications": ILLUSTRATIVE lever settings chosen by the kit's authors to show the size of each
#: move, NOT a forecast or a target. A quarter of the fleet on magnet-free motors (EESM and the like), half of
#: the remaining magnet motors on heavy-rare-earth-free magnets, and two fifths of each element group
#: sourced outside China.
THREE_DIVERSIFICATIONS = {"magnet_free_share_pct": 25.0, "hree_free_share_pct": 50.0,
                          "ndpr_non_china_pct": 40.0, "dytb_non_china_pct": 40.0}

#: The lever names each diversification moves.
MOVES = {
    "sources": ("ndpr_non_china_pct", "dytb_non_china_pct"),
    "materials": ("hree_free_share_pct",),
    "architectures": ("magnet_free_share_pct",),
}
CASES = ("status_quo", "sources", "materials", "architectures", "all_three")


def kg_workings(dy_point: str = DY_POINT) -> pd.DataFrame:
    """One row per architecture with every step of the kg-per-vehicle arithmetic and its sources:
    magnet_kg_per_vehicle, nd_wt_pct (Nd with Pr), dy_wt_pct, nd_element_kg, dy_element_kg, then the oxide
    kg in ``KG_COLUMNS`` (ndpr_kg_per_vehicle, dytb_kg_per_vehicle) and the source ids (comma-separated).
    ``dy_point`` picks the point of the traction grade's Dy range (low, mid, high; see
    :func:`traction_magnet_composition`)."""
    mass = parameter(MAGNET_MASS_PARAMETER, "reference")
    magnet_kg = mass.value * MOTORS_PER_VEHICLE
    composition = traction_magnet_composition(dy_point)
    free_dy = row("magnet_rare_earth_content", magnet_id=HREE_FREE_MAGNET_ID, element="Dy")
    free_tb = row("magnet_rare_earth_content", magnet_id=HREE_FREE_MAGNET_ID, element="Tb")
    free_hre = float(free_dy["wt_pct_max"]) + float(free_tb["wt_pct_max"])
    std_sources = [composition.nd_pr_wt_pct.source_id, composition.dy_wt_pct.source_id,
                   composition.tb_wt_pct.source_id]
    cases = (("pm_standard", composition.nd_pr_wt_pct.value,
              composition.dy_wt_pct.value + composition.tb_wt_pct.value, magnet_kg, std_sources),
             ("pm_hree_free", composition.rare_earth_wt_pct - free_hre, free_hre, magnet_kg,
              [composition.nd_pr_wt_pct.source_id, str(free_dy["source_id"])]),
             ("magnet_free", 0.0, 0.0, 0.0, []))
    f_nd, f_dy = element_mass_fraction_in_oxide("Nd"), element_mass_fraction_in_oxide("Dy")
    rows = []
    for arch, nd_pct, dy_pct, kg, sources in cases:
        nd_kg, dy_kg = kg * nd_pct / 100, kg * dy_pct / 100
        rows.append({"architecture": arch, "magnet_kg_per_vehicle": kg, "nd_wt_pct": nd_pct, "dy_wt_pct": dy_pct,
                     "nd_element_kg": nd_kg, "dy_element_kg": dy_kg,
                     "ndpr_kg_per_vehicle": nd_kg / f_nd, "dytb_kg_per_vehicle": dy_kg / f_dy,
                     "source_ids": ", ".join(dict.fromkeys(
                         [mass.source_id] * (kg > 0) + [source for source in sources if source]))})
    return pd.DataFrame(rows)


def kg_per_vehicle(dy_point: str = DY_POINT) -> pd.DataFrame:
    """The table ``fleet_demand`` needs (columns ``KG_COLUMNS``, one row per architecture), oxide basis."""
    return kg_workings(dy_point)[list(KG_COLUMNS)]


def oxide_fractions() -> dict[str, tuple[str, float]]:
    """Oxide formula and element mass fraction used for each group (NdPr as Nd2O3, Dy+Tb as Dy2O3)."""
    return {"ndpr": (oxide_formula("Nd"), element_mass_fraction_in_oxide("Nd")),
            "dytb": (oxide_formula("Dy"), element_mass_fraction_in_oxide("Dy"))}


def prices() -> dict[str, Provenance]:
    """Base and shock prices, US$/kg oxide: NdPr oxide, and Dy oxide for the Dy+Tb group."""
    return {"ndpr_price_base": parameter("ndpr_oxide_price_usd_per_kg", "base"),
            "dytb_price_base": parameter("dy_oxide_price_usd_per_kg", "base"),
            "ndpr_price_shock": parameter("ndpr_oxide_price_usd_per_kg", "shock"),
            "dytb_price_shock": parameter("dy_oxide_price_usd_per_kg", "shock")}


def china_separation_share() -> Provenance:
    """China's share of global rare-earth separation (the latest row of production_shares)."""
    shares = row("production_shares", stage="separation", country="China", year=2025)
    return Provenance(float(shares["share_pct"]), str(shares["source_id"]), str(shares["confidence"]),
                      "China's share of global separation")


def status_quo_non_china_pct() -> dict[str, Provenance]:
    """Today's non-China shares: 100 − China's separation share, for both element groups (see module doc)."""
    china = china_separation_share()
    value = 100 - china.value
    how = "[calc] 100 − China's share of global separation"
    return {"ndpr_non_china_pct": Provenance(value, china.source_id, china.confidence, how),
            "dytb_non_china_pct": Provenance(value, china.source_id, china.confidence,
                                             how + " (no heavy-rare-earth share in the data: same share assumed)")}


def status_quo_levers() -> dict[str, float]:
    """All four share levers of the status quo."""
    return {**STATUS_QUO, **{name: p.value for name, p in status_quo_non_china_pct().items()}}


def fleet_sliders(annual_vehicles: float = ILLUSTRATIVE_ANNUAL_VEHICLES,
                  levers: dict[str, float] | None = None) -> FleetSliders:
    """Starting lever positions: the four share levers of ``levers`` (default: the status quo), the
    illustrative fleet size and the data's prices."""
    return FleetSliders(**(levers or status_quo_levers()), annual_vehicles=annual_vehicles,
                        **{name: p.value for name, p in prices().items()})


def case_levers(case: str) -> dict[str, float]:
    """The four share levers of one case: the status quo with the named move(s) of
    ``THREE_DIVERSIFICATIONS`` applied (``all_three`` applies every move)."""
    if case not in CASES:
        checks.reject("case", case, ", ".join(CASES))
    levers = status_quo_levers()
    moves = MOVES if case == "all_three" else {case: MOVES.get(case, ())}
    for names in moves.values():
        for name in names:
            levers[name] = THREE_DIVERSIFICATIONS[name]
    return levers


SHARED = ("annual_vehicles", "ndpr_price_base", "dytb_price_base", "ndpr_price_shock", "dytb_price_shock")


def run_levers(levers: dict[str, float], sliders: FleetSliders | None = None,
               kg: pd.DataFrame | None = None) -> FleetResult:
    """``fleet_demand`` for the four share levers in ``levers`` at the fleet size and prices of ``sliders``
    (default: :func:`fleet_sliders`) and the kg table ``kg`` (default: :func:`kg_per_vehicle`)."""
    sliders = sliders or fleet_sliders()
    kg = kg_per_vehicle() if kg is None else kg
    shared = {name: getattr(sliders, name) for name in SHARED}
    return fleet_demand(**fleet_inputs_from_levers(**levers, **shared, kg_per_vehicle=kg))


def portfolio_cases(sliders: FleetSliders | None = None,
                    kg: pd.DataFrame | None = None) -> dict[str, FleetResult]:
    """``fleet_demand`` for each case in ``CASES`` at the fleet size and prices of ``sliders``."""
    return {case: run_levers(case_levers(case), sliders, kg) for case in CASES}


def presets() -> dict[str, dict[str, float]]:
    """The explorer's presets, by display label."""
    return {label("rec.preset.status_quo"): status_quo_levers(),
            label("rec.preset.three_diversifications"): case_levers("all_three")}

