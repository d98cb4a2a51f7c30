"""Chapter 06 (recommendations: the three diversifications): every figure and short text its prose shows, and
the table of rare earths per vehicle.

Rounding: figures read from the data (capacities, prices, shares, magnet compositions) are shown as their sources
give them; figures the fleet model computes from rough inputs (one magnet mass, one composition, an illustrative
fleet of ``ILLUSTRATIVE_ANNUAL_VEHICLES``) to two significant figures, the NdPr oxide per vehicle of the exercise
to three, so the small difference between the two magnets shows. Words inside figures (counts of claims and
what the sources say of them) come from ``widgets/core/labels.csv``, so the Japanese edition translates them.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from IPython.display import HTML

from widgets.core.data import figure as fig
from widgets.core.data import load_table, row
from widgets.core.labels import label
from widgets.fleet import start as scenarios
from widgets.fleet.levers import KG_COLUMNS
from widgets.magnets.start import TRACTION_MAGNET_ID, traction_magnet_composition
from widgets.pages import appendix as tables
from widgets.core.sourced import parameter
from widgets.pages.common import Numbers
from widgets.pages.workshops import add_slot

#: The report's heading for its recommendations, quoted in Japanese in both editions.
THREE_DIVERSIFICATIONS_JA = "「3つの分散」"
#: The report's sections that describe Japan's "cards" (materials, supply, motors): the claims the ledger checks.
CARD_SECTIONS = ("3.1", "3.2", "5.1", "6.1", "6.2", "6.3")
#: Columns of the rare-earths-per-vehicle table, in order (headers: labels ``rec.kg.<column>``).
KG_TABLE_COLUMNS = ("architecture", "magnet_kg_per_vehicle", "nd_wt_pct", "dy_wt_pct", "ndpr_kg_per_vehicle",
                    "dytb_kg_per_vehicle", "source_ids")

# Formats the prose uses for figures computed in loops (one per case, price, lever or end of the Dy range).
CASE_FORMATS = {"china_t": ",.0f", "share": ".0f", "shock_musd": ",.0f", "increase_musd": ",.0f",
                "ndpr_t": ",.0f", "dytb_t": ",.0f"}
DY_KG_FORMATS = {"low": ".3f", "high": ".2f"}
PER_POINT_FORMATS = {"t_per_point": {"sources": ",.1f", "materials": ",.1f", "architectures": ",.1f"},
                     "musd_per_point": {"sources": ",.1f", "materials": ",.2f", "architectures": ",.1f"}}
#: The lever each diversification moves, for the exercise's "per point of lever moved".
MOVED_LEVER = {"sources": "ndpr_non_china_pct", "materials": "hree_free_share_pct",
               "architectures": "magnet_free_share_pct"}


def counted(key: str, count: int) -> str:
    """A count with its words, from label ``recommendations.<key>.one`` (count 1) or ``.many``:
    '1 checkable claim', '23 checkable claims', '1 is confirmed by the sources'."""
    count = int(count)
    return label(f"recommendations.{key}.{'one' if count == 1 else 'many'}", count=f"{count:,}")


def card_counts(claims: pd.DataFrame, sections: Iterable[str] = CARD_SECTIONS) -> dict[str, int]:
    """How the ledger judges the claims of ``sections``: 'total', 'confirmed', 'company' (company-claim) and
    'other' (differs, contradicted or unverified)."""
    cards = claims[claims["section"].astype(str).isin(list(sections))]
    confirmed = int((cards["verdict"] == "confirmed").sum())
    company = int((cards["verdict"] == "company-claim").sum())
    return {"total": len(cards), "confirmed": confirmed, "company": company,
            "other": len(cards) - confirmed - company}


def cut_pct(before: float, after: float) -> float:
    """How much a quantity falls, in % of where it started: (1 − after/before) × 100."""
    if before == 0:
        raise ValueError("Parameter 'before' is zero; a cut needs a quantity to start from.")
    return (1 - after / before) * 100


def per_point(before: float, after: float, moved: float) -> float:
    """What one point of a lever buys: (before − after) / moved, for a lever moved by ``moved`` points."""
    if moved == 0:
        raise ValueError("Parameter 'moved' is zero; the lever did not move.")
    return (before - after) / moved


def non_china_pct_needed(target_china_t: float, total_t: float) -> float:
    """The share (%) sourced outside China, the same for both element groups, at which the China-dependent tonnes
    of a fleet using ``total_t`` of oxide fall to ``target_china_t``: 100 − target/total × 100."""
    if total_t <= 0:
        raise ValueError(f"Parameter 'total_t' = {total_t} must be above 0.")
    return 100 - target_china_t / total_t * 100


def switch_saving_per_vehicle_usd(kg: pd.DataFrame, dytb_price: float, ndpr_price: float) -> float:
    """What switching one vehicle from a standard to a heavy-rare-earth-free magnet saves (US$): its Dy oxide at
    ``dytb_price`` less the extra NdPr oxide the new magnet needs at ``ndpr_price``. ``kg`` is indexed by
    architecture (rows pm_standard and pm_hree_free, columns ndpr_kg_per_vehicle and dytb_kg_per_vehicle)."""
    standard, free = kg.loc["pm_standard"], kg.loc["pm_hree_free"]
    return (standard["dytb_kg_per_vehicle"] * dytb_price
            - (free["ndpr_kg_per_vehicle"] - standard["ndpr_kg_per_vehicle"]) * ndpr_price)


def latest_quarters(output: pd.DataFrame, facility_id: str, count: int = 2) -> pd.DataFrame:
    """A facility's ``count`` latest reported periods of data/facility_output.csv, oldest first."""
    own = output[output["facility_id"] == facility_id].sort_values("period_end")
    if own.empty:
        raise ValueError(f"No output reported for facility {facility_id!r} in facility_output.")
    return own.tail(count)


def kg_table() -> HTML:
    """Rare earths per vehicle by motor architecture: magnet mass, composition and oxide kg, with sources."""
    columns = list(KG_TABLE_COLUMNS)
    shown = scenarios.kg_workings().assign(architecture=lambda f: f["architecture"].map(lambda a: label(f"rec.arch.{a}")))
    return tables.html_table(shown, columns, label("rec.kg.caption"), headers={c: label(f"rec.kg.{c}") for c in columns},
                             row_header="architecture", formats={c: "{:.3f}" for c in columns[4:6]})


def numbers() -> Numbers:
    n = Numbers("06_recommendations")
    add_slot(n, "06_recommendations")
    n.text("rec_three_ja", THREE_DIVERSIFICATIONS_JA)

    # from magnets to tonnes
    work = scenarios.kg_workings().set_index("architecture")
    std, free = work.loc["pm_standard"], work.loc["pm_hree_free"]
    mass = parameter(scenarios.MAGNET_MASS_PARAMETER, "reference")
    n.starting("rec_magnet_kg", ".1f", mass); n.source("rec_magnet_kg_source", mass)
    dy42 = row("magnet_rare_earth_content", magnet_id=TRACTION_MAGNET_ID, element="Dy")
    n.number("rec_re_total", ".1f", traction_magnet_composition().rare_earth_wt_pct)
    n.number("rec_nd_pct", ".1f", std["nd_wt_pct"]); n.number("rec_free_nd_pct", ".1f", free["nd_wt_pct"])
    n.number("rec_dy_min", ".0f", dy42["wt_pct_min"]); n.number("rec_dy_max", ".0f", dy42["wt_pct_max"])
    n.number("rec_dy_pct", ".0f", std["dy_wt_pct"])
    oxides = scenarios.oxide_fractions()
    n.number("rec_f_nd", ".2f", oxides["ndpr"][1] * 100); n.number("rec_f_dy", ".2f", oxides["dytb"][1] * 100)
    n.rounded("rec_std_ndpr_kg", ".2f", std["ndpr_kg_per_vehicle"]); n.rounded("rec_std_dytb_kg", ".3f", std["dytb_kg_per_vehicle"])
    n.rounded("rec_free_ndpr_kg", ".2f", free["ndpr_kg_per_vehicle"])

    # the fleet: every case, prices and today's sourcing
    sliders = scenarios.fleet_sliders()
    cases = scenarios.portfolio_cases(sliders)
    for case, result in cases.items():
        values = {"china_t": result.china_dependent_total_t, "share": result.china_dependent_share_pct,
                  "shock_musd": result.cost_shock_usd / 1e6, "increase_musd": result.cost_increase_usd / 1e6,
                  "ndpr_t": result.demand_t["ndpr"], "dytb_t": result.demand_t["dytb"]}
        for name, value in values.items():
            n.rounded(f"rec_{case}_{name}", CASE_FORMATS[name], value)
    sq = cases["status_quo"]
    n.number("rec_vehicles", ",.0f", sliders.annual_vehicles); n.rounded("rec_status_quo_base_musd", ",.0f", sq.cost_base_usd / 1e6)
    for name, price in scenarios.prices().items():
        n.starting(f"rec_{name}", ",.0f", price); n.source(f"rec_{name}_source", price)
    n.number("rec_china_sep_pct", ".0f", scenarios.china_separation_share().value)
    n.number("rec_non_china_pct", ".0f", sliders.ndpr_non_china_pct)
    n.number("rec_china_mine_pct", ".0f", fig("production_shares", "share_pct", year=2023, stage="mining", country="China", source_id="iea2024gcmo"))
    n.rounded("rec_status_quo_total_t", ",.0f", sq.demand_total_t)
    n.rounded("rec_dy_tonnage_pct", ".0f", sq.demand_t["dytb"] / sq.demand_total_t * 100)
    n.rounded("rec_dy_shock_pct", ".0f", sq.cost_shock_usd_by_group["dytb"] / sq.cost_shock_usd * 100)

    # diversify sources
    for name, value in scenarios.THREE_DIVERSIFICATIONS.items():
        n.number(f"rec_div_{name}", ".0f", value)
    n.number("rec_mp_ndpr_t", ",.0f", fig("facilities", "capacity_t_per_yr", facility_id="mp-mountain-pass-ndpr"))
    n.number("rec_neo_t", ",.0f", fig("facilities", "capacity_t_per_yr", facility_id="neo-narva"))
    n.number("rec_lynas_hre_t", ",.0f", fig("facilities", "capacity_t_per_yr", facility_id="lynas-malaysia-hre"))
    quarters = latest_quarters(load_table("facility_output"), "lynas-malaysia-hre")
    for i, quarter in enumerate(quarters.itertuples()):
        n.number(f"rec_lynas_out{i}_t", ",.0f", quarter.quantity_t); n.date(f"rec_lynas_out{i}_end", quarter.period_end)
    reference = lambda name, scenario="reference": fig("model_parameters", "value", parameter=name, scenario=scenario)
    n.number("rec_floor", ",.0f", reference("ndpr_price_floor_usd_per_kg"))
    n.number("rec_premium_low", ",.0f", reference("ex_china_magnet_premium_usd_per_kg_low"))
    n.number("rec_premium_high", ",.0f", reference("ex_china_magnet_premium_usd_per_kg_high"))
    n.number("rec_eu_ratio", ".0f", reference("europe_vs_china_magnet_price_ratio", "shock"))

    # diversify architectures
    e7a, inhouse = row("motors", motor_id="renault-valeo-e7a"), row("motors", motor_id="renault-e7a-inhouse")
    ibee = row("motors", motor_id="valeo-mahle-ibee")
    n.number("rec_e7a_kw", ",.0f", e7a["peak_power_kw_max"]); n.number("rec_e7a_year", ".0f", e7a["year"])
    n.date("rec_e7a_end", inhouse["as_of"])
    n.number("rec_ibee_kw_lo", ",.0f", ibee["peak_power_kw_min"]); n.number("rec_ibee_kw_hi", ",.0f", ibee["peak_power_kw_max"])

    # all three together
    all_three = cases["all_three"]
    n.rounded("rec_cut_china_pct", ".0f", cut_pct(sq.china_dependent_total_t, all_three.china_dependent_total_t))
    n.rounded("rec_cut_shock_pct", ".0f", cut_pct(sq.cost_shock_usd, all_three.cost_shock_usd))

    # the report's conclusion: the ledger's verdicts on the cards
    cards = card_counts(load_table("claims"))
    n.text("rec_cards_n", counted("cards.total", cards["total"]))
    n.text("rec_cards_confirmed", counted("cards.confirmed", cards["confirmed"]))
    n.text("rec_cards_company", counted("cards.company", cards["company"]))
    n.number("rec_cards_other", ",.0f", cards["other"])

    # exercise: sourcing alone
    need = non_china_pct_needed(all_three.china_dependent_total_t, sq.demand_total_t)
    check = scenarios.run_levers({**scenarios.status_quo_levers(), "ndpr_non_china_pct": need, "dytb_non_china_pct": need}, sliders)
    n.rounded("ex_rec_need_pct", ".0f", need); n.rounded("ex_rec_need_china_t", ",.0f", check.china_dependent_total_t)

    # exercise: kg per vehicle at both ends of the Dy range, and the saving of the materials move
    kg_end = {point: scenarios.kg_workings(dy_point=point).set_index("architecture") for point in ("low", "high")}
    n.number("ex_rec_dy_high_pct", ".0f", kg_end["high"].loc["pm_standard", "dy_wt_pct"])
    n.number("ex_rec_nd_high_pct", ".1f", kg_end["high"].loc["pm_standard", "nd_wt_pct"])
    for point, kg in kg_end.items():
        n.rounded(f"ex_rec_{point}_dy_kg", DY_KG_FORMATS[point], kg.loc["pm_standard", "dytb_kg_per_vehicle"])
        n.rounded(f"ex_rec_{point}_ndpr_kg", ".3f", kg.loc["pm_standard", "ndpr_kg_per_vehicle"], 3)
        n.rounded(f"ex_rec_{point}_per_vehicle", ",.0f",
                  switch_saving_per_vehicle_usd(kg, sliders.dytb_price_shock, sliders.ndpr_price_shock))
        run = scenarios.portfolio_cases(sliders, kg.reset_index()[list(KG_COLUMNS)])
        n.rounded(f"ex_rec_{point}_saving", ",.0f", (run["status_quo"].cost_shock_usd - run["materials"].cost_shock_usd) / 1e6)
    n.rounded("ex_rec_free_ndpr_kg", ".3f", kg_end["low"].loc["pm_hree_free", "ndpr_kg_per_vehicle"], 3)
    n.number("ex_rec_switched", ",.0f", sliders.annual_vehicles * scenarios.THREE_DIVERSIFICATIONS["hree_free_share_pct"] / 100)

    # exercise: what each move buys per point of lever moved
    for case, lever in MOVED_LEVER.items():
        moved = scenarios.THREE_DIVERSIFICATIONS[lever] - scenarios.status_quo_levers()[lever]
        n.number(f"ex_rec_move_{case}", ".0f", moved)
        n.rounded(f"ex_rec_{case}_t_per_point", PER_POINT_FORMATS["t_per_point"][case],
                  per_point(sq.china_dependent_total_t, cases[case].china_dependent_total_t, moved))
        n.rounded(f"ex_rec_{case}_musd_per_point", PER_POINT_FORMATS["musd_per_point"][case],
                  per_point(sq.cost_shock_usd, cases[case].cost_shock_usd, moved) / 1e6)
    return n
