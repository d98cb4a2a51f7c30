"""Starting values for the ore grade–tonnage–cost chart and explorer, from the data package.

The cost slider starts at a WHOLE-CHAIN operating cost per tonne of ore (mine to separated oxide) derived from
the Nolans feasibility study: its cost per kg of NdPr oxide times its NdPr output, over its ore throughput
(:func:`whole_chain_opex`). To start elsewhere, edit those ``model_parameters`` rows; the Bear Lodge row
(``opex_usd_per_t_ore_bear_lodge_2012``) is a second published per-tonne figure the chapter compares with it.
"""
from __future__ import annotations

import pandas as pd

from widgets.core.data import row
from widgets.core.numbers import round_to
from widgets.ore.model import OreDeposit, OreSliders
from widgets.ore import model as ore
from widgets.core.workshop import ASSUMPTION
from widgets.core.sourced import Provenance, annual_price, parameter


def beylikova_deposit() -> tuple[OreDeposit, dict[str, Provenance]]:
    """Beylikova as announced in 2025: 694 Mt ore holding 12.5 Mt REO (grade implied), planned
    plant throughput and the ministry's ThO2 grade."""
    claim = row("deposits", estimate_id="beylikova-2025-reo-claim")
    grade = ore.implied_grade_treo_pct(float(claim["ore_mt"]), float(claim["contained_treo_mt"]))
    thorium = row("deposits", estimate_id="beylikova-thorium-ministry")
    throughput = parameter("plant_throughput_mt_ore_per_yr_beylikova", "reference")
    provenance = {
        "ore_mt": Provenance(float(claim["ore_mt"]), str(claim["source_id"]), str(claim["confidence"]),
                             "ore tonnage announced with the 2025 oxide figure"),
        "grade_treo_pct": Provenance(grade, str(claim["source_id"]), str(claim["confidence"]),
                                     "[calc] contained oxide / ore tonnage"),
        "throughput_mt_ore_per_yr": throughput,
        "tho2_grade_pct": Provenance(float(thorium["tho2_grade_pct"]), str(thorium["source_id"]),
                                     str(thorium["confidence"]), "ThO2 grade of the ore field"),
    }
    deposit = OreDeposit(**{name: p.value for name, p in provenance.items()})
    return deposit, provenance


NOLANS_COST = "nolans_opex_usd_per_kg_ndpr"
NOLANS_OUTPUT = "nolans_ndpr_output_t_per_yr"
NOLANS_THROUGHPUT = "plant_throughput_mt_ore_per_yr_nolans"


def whole_chain_opex() -> Provenance:
    """Whole-chain operating cost per tonne of ore derived from Nolans (DFS 2019):
    US$ per kg NdPr oxide × t NdPr oxide a year / Mt of ore a year (``ore.whole_chain_opex_usd_per_t_ore``).
    The per-kg cost covers mining, beneficiation, extraction and separation, net of the phosphoric-acid
    credit; the throughput is an 'up to' figure, so the cost per tonne is, if anything, higher."""
    cost = parameter(NOLANS_COST)
    output = parameter(NOLANS_OUTPUT, "reference")
    throughput = parameter(NOLANS_THROUGHPUT, "reference")
    value = round_to(ore.whole_chain_opex_usd_per_t_ore(cost.value, output.value, throughput.value), 3)
    assumed = [p.how for p in (cost, output, throughput) if p.workshop_assumption]
    if assumed:   # derived from a workshop's own value: the workshop's, not Arafura's
        return Provenance(value, "", ASSUMPTION, "; ".join(assumed))
    return Provenance(value, cost.source_id, cost.confidence,
                      "[calc] Nolans whole-chain cost per kg NdPr oxide × NdPr oxide output / ore throughput, "
                      "three significant figures")


def ore_sliders() -> tuple[OreSliders, dict[str, Provenance]]:
    """Cost, recovery and price starting points; the Dy+Tb share starts at zero because no source
    in the data gives it for these deposits (listed in gaps.csv). The recovery starts at a flotation
    recovery (one stage only), which flatters a deposit: the whole chain recovers less."""
    ndpr_share = row("deposits", estimate_id="mountain-pass-composition-10k2021")
    provenance = {
        "opex_usd_per_t_ore": whole_chain_opex(),
        "recovery_pct": parameter("recovery_pct"),
        "ndpr_share_of_treo_pct": Provenance(float(ndpr_share["ndpr_share_of_treo_pct"]),
                                             str(ndpr_share["source_id"]), str(ndpr_share["confidence"]),
                                             "NdPr share of TREO at Mountain Pass"),
        "ndpr_oxide_price_usd_per_kg": parameter("ndpr_oxide_price_usd_per_kg"),
        "dytb_share_of_treo_pct": Provenance(0.0, "", "gap",
                                             "no sourced Dy+Tb share: starts at zero (gap)"),
        "dytb_oxide_price_usd_per_kg": parameter("dy_oxide_price_usd_per_kg"),
        "other_oxide_price_usd_per_kg": annual_price("ce_oxide", 2024),
    }
    return OreSliders(**{name: p.value for name, p in provenance.items()}), provenance


def deposits() -> pd.DataFrame:
    """The deposits table (for charts and explorers)."""
    from widgets.core.data import load_table
    return load_table("deposits")
