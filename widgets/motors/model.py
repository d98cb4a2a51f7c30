"""Motor architectures: a weighted multi-criteria ranking, and the per-vehicle energy index of one
architecture over a city/highway mix."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from widgets.core import checks

SCORE_COLUMNS = ("architecture", "criterion", "score_1_to_5")


def score_matrix(scores: pd.DataFrame, required: list[str] | tuple[str, ...] = ()) -> dict[str, dict[str, float]]:
    """The scores as architecture → criterion → score, checked: columns present, names non-empty, each pair once,
    every score in [1, 5], and every criterion in ``required`` scored for every architecture."""
    checks.require_columns("scores", scores, SCORE_COLUMNS)
    checks.not_empty("scores", scores, "give at least one architecture score")
    for column in ("architecture", "criterion"):
        for value in scores[column]:
            if not isinstance(value, str) or not value.strip():
                checks.reject(f"scores.{column}", value, "a non-empty name")
    table: dict[str, dict[str, float]] = {}
    for row in scores.itertuples(index=False):
        where = f"scores (architecture={row.architecture!r}, criterion={row.criterion!r})"
        per_arch = table.setdefault(row.architecture, {})
        if row.criterion in per_arch:
            checks.duplicate("scores (architecture, criterion)", (row.architecture, row.criterion))
        per_arch[row.criterion] = checks.number(f"{where} score_1_to_5", row.score_1_to_5, minimum=1.0, maximum=5.0)
    for arch, per_arch in table.items():
        for criterion in required:
            if criterion not in per_arch:
                checks.missing(f"scores (architecture={arch!r}, criterion={criterion!r})",
                               "score every criterion that has a weight above zero")
    return table


def rank_architectures(scores: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """Rank architectures by weighted score.

    weighted_score_1_to_5(a) = Σ_i w_i · s_{a,i} / Σ_i w_i   over the criteria i in ``weights``
    rank = 1 for the highest weighted score; equal scores share the lowest rank (pandas method 'min').
    Criteria present in ``scores`` but absent from ``weights`` count with weight 0. A criterion with weight 0
    may lack scores; one with weight > 0 must be scored for every architecture. Scores are ordinal
    judgements on 1–5 treated as interval numbers: a teaching simplification.
    Returns columns architecture, weighted_score_1_to_5, rank, sorted by rank then name."""
    checks.require_columns("scores", scores, SCORE_COLUMNS)
    checks.not_empty("scores", scores, "give at least one architecture score")
    if not isinstance(weights, Mapping):
        checks.reject("weights", weights, "a mapping criterion → weight ≥ 0")
    checks.not_empty("weights", weights, "give at least one criterion weight")
    criteria = sorted(set(scores["criterion"]))
    w = {checks.choice("weights (criterion)", c, criteria): checks.non_negative(f"weights[{c!r}]", v)
         for c, v in weights.items()}
    checks.positive("sum of weights", sum(w.values()))
    table = score_matrix(scores, [c for c, weight in w.items() if weight > 0])
    rows = []
    for arch, per_arch in table.items():
        total = sum(weight * per_arch[c] for c, weight in w.items() if weight > 0)
        rows.append({"architecture": arch, "weighted_score_1_to_5": total / sum(w.values())})
    result = pd.DataFrame(rows)
    result["rank"] = result["weighted_score_1_to_5"].rank(ascending=False, method="min").astype(int)
    return result.sort_values(["rank", "architecture"], kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class VehicleResult:
    highway_share_pct: float
    energy_index_pmsm_100: float
    rare_earth_kg_per_vehicle: float


def per_vehicle(highway_share_pct: float, relative_energy_city: float, relative_energy_highway: float,
                rare_earth_kg_per_vehicle: float) -> VehicleResult:
    """Energy index of one architecture over a driving mix, with its rare-earth content.

    energy_index_pmsm_100 = (1 − h/100) · city + h/100 · highway, h = highway share in %.
    ``relative_energy_city``/``relative_energy_highway`` are indices relative to a rare-earth PMSM = 100
    (e.g. 103 = 3 % more energy per km). The model works in indices, not absolute kWh/100 km, because the
    sources give no independent absolute efficiency figures per architecture, only comparisons with a PMSM;
    the index also leaves out the vehicle (mass, drag) so only the motor's difference is shown."""
    h = checks.percent("highway_share_pct", highway_share_pct)
    city = checks.positive("relative_energy_city", relative_energy_city)
    highway = checks.positive("relative_energy_highway", relative_energy_highway)
    kg = checks.non_negative("rare_earth_kg_per_vehicle", rare_earth_kg_per_vehicle, unit="kg")
    return VehicleResult(h, (1 - h / 100) * city + h / 100 * highway, kg)


# The criteria of the score table, in display order; efficiency is split into city and highway.
CRITERIA = ("rare_earth_exposure", "cost", "city_efficiency", "highway_efficiency", "power_density", "nvh",
            "maturity")


# The reader's weights (one per slider); efficiency's weight is shared by city and highway.
WEIGHTED = ("rare_earth_exposure", "cost", "efficiency", "power_density", "nvh", "maturity")


BASES = ("sourced", "judgement")


@dataclass(frozen=True)
class ArchitectureSliders:
    """Initial slider positions (weights 0–10, highway share in %), chosen by the caller."""

    weight_rare_earth_exposure: float
    weight_cost: float
    weight_efficiency: float
    weight_power_density: float
    weight_nvh: float
    weight_maturity: float
    highway_share_pct: float


def criterion_weights(weight_rare_earth_exposure: float, weight_cost: float, weight_efficiency: float,
                      weight_power_density: float, weight_nvh: float, weight_maturity: float,
                      highway_share_pct: float) -> dict[str, float]:
    """The weights per criterion that ``rank_architectures`` takes, from the reader's slider weights.

    city_efficiency = w_efficiency · (1 − h/100), highway_efficiency = w_efficiency · h/100; the other
    weights pass through. Weights must be ≥ 0 and h in [0, 100] %; a ValueError names the input."""
    h = checks.percent("highway_share_pct", highway_share_pct)
    given = {"rare_earth_exposure": weight_rare_earth_exposure, "cost": weight_cost,
             "efficiency": weight_efficiency, "power_density": weight_power_density, "nvh": weight_nvh,
             "maturity": weight_maturity}
    w = {name: checks.non_negative(f"weight_{name}", value) for name, value in given.items()}
    return {"rare_earth_exposure": w["rare_earth_exposure"], "cost": w["cost"],
            "city_efficiency": w["efficiency"] * (1 - h / 100), "highway_efficiency": w["efficiency"] * h / 100,
            "power_density": w["power_density"], "nvh": w["nvh"], "maturity": w["maturity"]}
