"""Starting values for the motor-architecture ranking chart and explorer.

The weights and the highway share are the READER'S choices, not data: they start equal (every criterion
counts the same) and at an even city/highway split, and the provenance says so. The rare-earth content per
vehicle comes from data for the NdFeB permanent-magnet motor (magnet mass per motor × rare-earth share of
NdFeB, both from ``model_parameters``, one motor per vehicle) and is zero for the magnet-free architectures.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from widgets.motors.model import WEIGHTED, ArchitectureSliders
from widgets.core.data import load_table
from widgets.magnets.profiles import CONFIDENCE_RANK
from widgets.core.sourced import Provenance, parameter

#: Where every weight starts: equal weights are the reader's choice, and only the ratios of the weights matter,
#: so every weight starts at one and the reader raises what matters more (up to ten).
EQUAL_WEIGHT = 1.0
#: Even city/highway split (the reader's choice; no source in the data gives a driving mix).
EVEN_SPLIT_PCT = 50.0
#: Architectures whose rotor has no magnets at all.
MAGNET_FREE = ("eesm-brushed", "eesm-inductive", "srm", "induction")
MASS_PARAMETER = "ndfeb_magnet_mass_per_motor_kg_mp"
SHARE_PARAMETER = "rare_earth_share_of_ndfeb_pct"


def scores() -> pd.DataFrame:
    """The motor_architectures table (scores 1–5 with basis, rationale and source)."""
    return load_table("motor_architectures")


def architecture_sliders() -> tuple[ArchitectureSliders, dict[str, Provenance]]:
    """Equal weights (each at one) and an even highway share, both labelled as the reader's choice."""
    provenance = {f"weight_{name}": Provenance(EQUAL_WEIGHT, "", "choice",
                                               "reader's choice: equal weights, every criterion counts the same")
                  for name in WEIGHTED}
    provenance["highway_share_pct"] = Provenance(EVEN_SPLIT_PCT, "", "choice",
                                                 "reader's choice: an even city/highway split (no source gives a mix)")
    return ArchitectureSliders(**{name: p.value for name, p in provenance.items()}), provenance


@dataclass(frozen=True)
class RareEarthPerVehicle:
    """kg of rare earths per vehicle = magnet mass per motor × rare-earth share / 100 × motors per vehicle."""

    magnet_kg_per_motor: Provenance
    rare_earth_share_pct: Provenance
    motors_per_vehicle: int
    kg: float


def rare_earth_kg_pmsm(mass_parameter: str = MASS_PARAMETER, share_parameter: str = SHARE_PARAMETER,
                       motors_per_vehicle: int = 1) -> RareEarthPerVehicle:
    """Rare earths in the NdFeB magnets of one vehicle, from two ``model_parameters`` rows (reference scenario)."""
    if not isinstance(motors_per_vehicle, int) or motors_per_vehicle < 1:
        raise ValueError(f"motors_per_vehicle must be a whole number ≥ 1, got {motors_per_vehicle!r}")
    mass = parameter(mass_parameter, "reference")
    share = parameter(share_parameter, "reference")
    return RareEarthPerVehicle(mass, share, motors_per_vehicle,
                               mass.value * share.value / 100 * motors_per_vehicle)


def rare_earth_kg_per_vehicle() -> tuple[dict[str, float], dict[str, Provenance]]:
    """Starting rare-earth kg per vehicle for every architecture in the score table, with provenance.

    pmsm-ndfeb: :func:`rare_earth_kg_pmsm` (one motor per vehicle, a choice). Magnet-free architectures: zero.
    pmsm-ferrite: zero Nd, Pr, Dy and Tb; its lanthanum content is not in the data (gap), so it is left out."""
    pmsm = rare_earth_kg_pmsm()
    provenance: dict[str, Provenance] = {}
    for arch in dict.fromkeys(scores()["architecture"]):
        if arch == "pmsm-ndfeb":
            inputs = (pmsm.magnet_kg_per_motor, pmsm.rare_earth_share_pct)
            weakest = max((p.confidence for p in inputs), key=lambda c: CONFIDENCE_RANK.get(c, len(CONFIDENCE_RANK)))
            provenance[arch] = Provenance(pmsm.kg, ";".join(p.source_id for p in inputs), weakest,
                                          "[calc] magnet kg per motor × rare-earth share of NdFeB, one motor")
        elif arch in MAGNET_FREE:
            provenance[arch] = Provenance(0.0, "", "definition", "no magnets in the rotor")
        elif arch == "pmsm-ferrite":
            provenance[arch] = Provenance(0.0, "", "gap", "no Nd, Pr, Dy or Tb; La content of La-Co ferrite "
                                          "not in the data (gap), left out")
        else:
            raise LookupError(f"no rare-earth starting value defined for architecture {arch!r}")
    return {arch: p.value for arch, p in provenance.items()}, provenance


def basis_counts() -> pd.DataFrame:
    """How many scores are sourced and how many are the kit authors' judgement, per criterion."""
    table = scores()
    counts = table.groupby(["criterion", "basis"]).size().unstack("basis", fill_value=0)
    return counts.reindex(columns=["sourced", "judgement"], fill_value=0)
