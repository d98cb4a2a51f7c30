"""Chapter 05 (motors that need no magnets): every figure and short text its prose shows.

Rounding: powers, years, scores and magnet masses are shown as their sources or the score table give them;
the weighted scores of the ranking to one decimal, as the chart shows them; the exercise's energy indices are
the reader's assumptions (``EXERCISE_CITY_INDEX``, ``EXERCISE_HIGHWAY_INDEX``), not data. Words inside figures
(counts of programmes, "rest"/"rests", the names of the leading architectures) come from
``widgets/core/labels.csv``, so the Japanese edition translates them.
"""
from __future__ import annotations

import re

from collections.abc import Iterable

import pandas as pd

from widgets.charts.architecture import display_name
from widgets.core.data import figure as fig
from widgets.core.data import load_table, row
from widgets.core.labels import label, localized
from widgets.explorers.architecture import PMSM_BASELINE_INDEX
from widgets.motors import start as scenarios
from widgets.motors.model import criterion_weights, per_vehicle, rank_architectures
from widgets.core.sourced import parameter
from widgets.pages.common import Numbers
from widgets.pages.workshops import add_slot

#: The exercise's assumption (the reader's, not data): an EESM's energy index in town and on the motorway,
#: where the PMSM is ``PMSM_BASELINE_INDEX`` on both.
EXERCISE_CITY_INDEX = 103.0
EXERCISE_HIGHWAY_INDEX = 98.0
#: The exercise's ranking: every weight zero except efficiency, and all of it on the highway.
HIGHWAY_ONLY = {"weight_rare_earth_exposure": 0, "weight_cost": 0, "weight_efficiency": 10, "weight_power_density": 0,
                "weight_nvh": 0, "weight_maturity": 0, "highway_share_pct": 100}


def peak_kw(motor_id: str, end: str = "max") -> float:
    """A programme's stated peak power in kW (``end``: 'max' or 'min' of a stated range), from data/motors.csv."""
    return fig("motors", f"peak_power_kw_{end}", motor_id=motor_id)


def claim(motor_id: str) -> str:
    """What the source claims for a programme (data/motors.csv, ``claim_en``; ``claim_ja`` in Japanese)."""
    return localized(row("motors", motor_id=motor_id), "claim")


def rationale(architecture: str, criterion: str, prefix: str = "") -> str:
    """The rationale of one score of data/motor_architectures.csv, without a leading ``prefix``."""
    text = localized(row("motor_architectures", architecture=architecture, criterion=criterion), "rationale")
    return text.removeprefix(prefix)


def counted(key: str, count: int) -> str:
    """A count with its words, from label ``motors.page.<key>.one`` (count 1) or ``.many``: '1 programme',
    '38 programmes', '12 rest'."""
    count = int(count)
    return label(f"motors.page.{key}.{'one' if count == 1 else 'many'}", count=f"{count:,}")


def and_list(items: Iterable[str]) -> str:
    """Items joined as a reader lists them: 'A', 'A and B', 'A, B and C' (the words from labels)."""
    items = [str(item) for item in items]
    if not items:
        raise ValueError("Parameter 'items' is empty; give at least one item to list.")
    if len(items) == 1:
        return items[0]
    return label("motors.page.list_separator").join(items[:-1]) + label("motors.page.and") + items[-1]


def quoted_names(architectures: Iterable[str]) -> str:
    """Architecture ids as their quoted reader's names, listed: '“Induction” and “Switched reluctance”'."""
    return and_list(label("motors.page.quoted", name=display_name("name", a)) for a in architectures)


def first_place(ranking: pd.DataFrame) -> str:
    """Who comes first in a ranking of ``rank_architectures``, in words: one architecture alone, or how many
    tie and which; the weighted score to one decimal."""
    best = ranking[ranking["rank"] == 1]
    if best.empty:
        raise ValueError("Parameter 'ranking' has no architecture at rank 1; pass a table from rank_architectures.")
    score = f"{best['weighted_score_1_to_5'].iloc[0]:.1f}"
    names = quoted_names(best["architecture"])
    if len(best) > 1:
        return label("motors.page.first.tie", count=len(best), score=score, names=names)
    return label("motors.page.first.alone", score=score, names=names)


def breakeven_highway_share_pct(city_index: float, highway_index: float,
                                baseline: float = PMSM_BASELINE_INDEX) -> float:
    """The highway share (%) at which an architecture's energy index over the mix equals the baseline's:
    h = (city − baseline) / ((city − baseline) + (baseline − highway)) × 100. It needs the architecture worse
    than the baseline on one road and better on the other."""
    worse, better = city_index - baseline, baseline - highway_index
    if worse * better <= 0:
        raise ValueError(f"No break-even highway share: city index {city_index} and highway index {highway_index} "
                         f"are not on opposite sides of the baseline {baseline}.")
    return worse / (worse + better) * 100


def steps_behind(score_gap: float, weights: dict[str, float]) -> float:
    """How many one-point steps on one full-weight criterion a gap in weighted score is worth:
    gap · Σw / w_max (a weighted score is Σ w_i s_i / Σ w_i, so one point on a criterion of weight w moves it
    by w / Σw). Weights must not all be zero."""
    total, largest = sum(weights.values()), max(weights.values())
    if total <= 0:
        raise ValueError(f"Parameter 'weights' = {weights!r} has no positive weight.")
    return score_gap * total / largest


def numbers() -> Numbers:
    n = Numbers("05_motors")
    add_slot(n, "05_motors")

    # the baseline: permanent-magnet synchronous motors
    n.text("motors_pm_share", rationale("pmsm-ndfeb", "maturity"))
    n.text("motors_pm_eff", rationale("pmsm-ndfeb", "city_efficiency", "Adamas: "))
    mass_mp = parameter("ndfeb_magnet_mass_per_motor_kg_mp", "reference")
    n.starting("motors_mass_mp", ".1f", mass_mp); n.source("motors_mass_mp_source", mass_mp)
    n.number("motors_mass_100kw", ".1f", fig("model_parameters", "value", parameter="ndfeb_magnet_mass_per_100kw_kg", scenario="reference"))
    n.text("motors_tesla", claim("tesla-model3-du"))

    # wound-field synchronous motors
    n.number("motors_ariya_63", ",.0f", peak_kw("nissan-ariya-eesm-2wd-63kwh")); n.number("motors_ariya_87", ",.0f", peak_kw("nissan-ariya-eesm-2wd-87kwh"))
    n.number("motors_ariya_4wd", ",.0f", peak_kw("nissan-ariya-eesm-e4orce")); n.text("motors_ariya_claim", claim("nissan-ariya-eesm"))
    n.number("motors_zoe", ",.0f", peak_kw("renault-zoe-continental")); n.number("motors_megane", ",.0f", peak_kw("renault-ept-160kw"))
    n.text("motors_renault_study", claim("renault-emotors-gen3"))
    n.number("motors_e7a", ",.0f", peak_kw("renault-valeo-e7a")); n.number("motors_e7a_year", ".0f", fig("motors", "year", motor_id="renault-valeo-e7a"))
    e7a_2025 = row("motors", motor_id="renault-e7a-inhouse")
    n.date("motors_e7a_reuters_date", e7a_2025["as_of"]); n.number("motors_e7a_new_year", ".0f", e7a_2025["year"])
    n.date("motors_report_date", row("technologies", technology_id="eesm")["as_of"])
    n.number("motors_gen5", ",.0f", peak_kw("bmw-gen5-ix3"))
    n.number("motors_gen6_lo", ",.0f", peak_kw("bmw-gen6-eesm", "min")); n.number("motors_gen6_hi", ",.0f", peak_kw("bmw-gen6-eesm"))
    n.text("motors_gen6_claim", claim("bmw-gen6-eesm")); n.text("motors_ind_cost", rationale("induction", "cost", "Adamas: "))
    n.number("motors_asm_lo", ",.0f", peak_kw("bmw-gen6-asm", "min")); n.number("motors_asm_hi", ",.0f", peak_kw("bmw-gen6-asm"))

    # inductive excitation, switched reluctance, in-wheel motors
    n.number("motors_i2sm", ",.0f", peak_kw("zf-i2sm")); n.text("motors_i2sm_claim", claim("zf-i2sm"))
    n.text("motors_mahle_claim", claim("mahle-inductive"))
    n.number("motors_ibee_lo", ",.0f", peak_kw("valeo-mahle-ibee", "min")); n.number("motors_ibee_hi", ",.0f", peak_kw("valeo-mahle-ibee"))
    n.text("motors_srm_nvh", rationale("srm", "nvh"))
    n.number("motors_inwheel_kw", ",.0f", peak_kw("hitachi-inwheel-2021")); n.text("motors_inwheel_claim", claim("hitachi-inwheel-2021"))
    n.text("motors_astemo_claim", claim("astemo-inwheel-2025-12in"))
    n.text("motors_inwheel_magnet", row("motors", motor_id="hitachi-inwheel-2021")["rare_earth_use"])

    # who builds what, and when
    motors = load_table("motors")
    no_power = motors["peak_power_kw_min"].isna() & motors["peak_power_kw_max"].isna()
    n.text("motors_count", counted("programmes", len(motors)))
    n.text("motors_no_power", counted("no_power", int(no_power.sum())))

    # weighing the architectures
    scores, counts = scenarios.scores(), scenarios.basis_counts()
    n.text("arch_n_arch", counted("architectures", scores["architecture"].nunique()))
    n.text("arch_n_crit", counted("criteria", scores["criterion"].nunique()))
    n.text("arch_sourced", counted("sourced", int(counts["sourced"].sum())))
    n.text("arch_judgement", counted("judgement", int(counts["judgement"].sum())))
    sliders, _ = scenarios.architecture_sliders()
    n.number("arch_weight", ".0f", sliders.weight_cost); n.number("arch_highway", ".0f", sliders.highway_share_pct)
    pmsm = scenarios.rare_earth_kg_pmsm()
    n.starting("arch_mass", ".1f", pmsm.magnet_kg_per_motor); n.starting("arch_share", ".0f", pmsm.rare_earth_share_pct)
    n.source("arch_mass_source", pmsm.magnet_kg_per_motor); n.source("arch_share_source", pmsm.rare_earth_share_pct)
    n.number("arch_re_kg", ".2f", pmsm.kg)
    n.number("arch_iea_kg", ".1f", fig("model_parameters", "value", parameter="ree_per_car_kg_iea", scenario="reference"))
    n.text("arch_gap", localized(row("gaps", gap_id="motor-efficiency-independent"), "what_is_missing"))
    ranking = rank_architectures(scores, criterion_weights(**vars(sliders)))
    top = ranking[ranking["rank"] == 1]
    n.text("arch_top", quoted_names(top["architecture"])); n.number("arch_top_score", ".1f", top["weighted_score_1_to_5"].iloc[0])
    pmsm_score = ranking.set_index("architecture").loc["pmsm-ndfeb", "weighted_score_1_to_5"]
    n.number("arch_pmsm_score", ".1f", pmsm_score)
    weights = criterion_weights(**vars(sliders))
    steps = steps_behind(top["weighted_score_1_to_5"].iloc[0] - pmsm_score, weights)
    n.text("arch_gap_words", label("motors.page.gap." + ("less" if steps < 0.95 else "one" if steps <= 1.05 else "more")))

    # exercise: the highway claim
    highway_only = rank_architectures(scores, criterion_weights(**HIGHWAY_ONLY))
    n.text("motors_ex_hw_first", first_place(highway_only))
    for key, architecture in (("eesm", "eesm-brushed"), ("pmsm", "pmsm-ndfeb")):
        score = row("motor_architectures", architecture=architecture, criterion="highway_efficiency")
        n.number(f"motors_ex_hw_{key}_score", ".0f", score["score_1_to_5"])
        n.text(f"motors_ex_hw_{key}_basis", label(f"motors.page.basis.{score['basis']}"))
        n.text(f"motors_ex_hw_{key}_why", re.sub(r"^(Kit authors' judgement: |本キット著者の判断:)", "",
                                                  localized(score, "rationale")))
    n.text("motors_ex_hw_eesm_name", quoted_names(["eesm-brushed"]))
    hw_score = highway_only.set_index("architecture")["weighted_score_1_to_5"]
    ahead = hw_score["eesm-brushed"] > hw_score["pmsm-ndfeb"]
    n.text("motors_ex_hw_eesm_ahead", label(f"motors.page.ahead.{'yes' if ahead else 'no'}"))

    # exercise: rare earths per car
    low = scenarios.rare_earth_kg_pmsm("ndfeb_magnet_mass_per_motor_kg_mp_2024", "rare_earth_share_of_ndfeb_pct_vendor_low")
    high = scenarios.rare_earth_kg_pmsm("ndfeb_magnet_mass_per_motor_kg_neo_high", "rare_earth_share_of_ndfeb_pct_vendor_high")
    two = scenarios.rare_earth_kg_pmsm(motors_per_vehicle=2)
    n.number("motors_ex_re_low", ".2f", low.kg); n.number("motors_ex_re_high", ".2f", high.kg); n.number("motors_ex_re_two", ".1f", two.kg)
    n.number("motors_ex_re_low_mass", ".2f", low.magnet_kg_per_motor.value); n.number("motors_ex_re_low_share", ".0f", low.rare_earth_share_pct.value)
    n.number("motors_ex_re_high_mass", ".1f", high.magnet_kg_per_motor.value); n.number("motors_ex_re_high_share", ".1f", high.rare_earth_share_pct.value)

    # exercise: where an EESM breaks even (the indices are the exercise's assumptions)
    city, highway = EXERCISE_CITY_INDEX, EXERCISE_HIGHWAY_INDEX
    n.number("motors_ex_city", ".0f", city); n.number("motors_ex_hwy", ".0f", highway); n.number("motors_ex_base", ".0f", PMSM_BASELINE_INDEX)
    n.number("motors_ex_mix", ".1f", per_vehicle(sliders.highway_share_pct, city, highway, 0.0).energy_index_pmsm_100)
    breakeven = breakeven_highway_share_pct(city, highway)
    n.number("motors_ex_breakeven", ".0f", breakeven)
    n.number("motors_ex_check", ".1f", per_vehicle(breakeven, city, highway, 0.0).energy_index_pmsm_100)
    return n
