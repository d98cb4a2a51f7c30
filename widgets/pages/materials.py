"""Chapter 03 (magnet materials): every figure and short text its prose shows, its list of the materials the
model cannot size or cost, and its source checks.

Rounding: figures read from the data (datasheet values, prices, capacities) are shown as their sources give
them; figures the magnet model computes from rough inputs (a magnet mass per motor implied by one company
statement, oxide prices, a first-order sizing rule) to two significant figures.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import pandas as pd
from IPython.display import display

from widgets.charts.magnets import unbound_price_sliders
from widgets.charts.words import magnet_reason
from widgets.core.data import figure as fig
from widgets.core.data import load_table, row
from widgets.core.labels import label, localized
from widgets.core.sourced import Provenance
from widgets.core.stoichiometry import oxide_kg_for_element_kg
from widgets.core.workshop import WorkshopValue
from widgets.magnets import start as scenarios
from widgets.pages import book
from widgets.pages.common import Numbers
from widgets.pages.workshops import add_slot

#: Verdicts shown together in one compact table; every other verdict gets its own box, so the eye goes to it.
TABLE_VERDICTS = ("confirmed", "company-claim")


def magnet(magnet_id: str, source_id: str, column: str) -> float:
    """A value of data/magnets.csv: one material as one source gives it."""
    return fig("magnets", column, magnet_id=magnet_id, source_id=source_id)


def param(name: str, scenario: str = "reference") -> float:
    """A value of data/model_parameters.csv."""
    return fig("model_parameters", "value", parameter=name, scenario=scenario)


def dy_content(magnet_id: str, source_id: str, column: str) -> float:
    """A dysprosium share (% of the magnet's mass) of data/magnet_rare_earth_content.csv."""
    return fig("magnet_rare_earth_content", column, magnet_id=magnet_id, element="Dy", source_id=source_id)


def start_value(provenance: Provenance) -> float:
    """A slider's starting value as a figure: a value a workshop set stays marked as the instructor's
    (a ``WorkshopValue``, which ``Numbers.number`` shows as '110 (workshop assumption)')."""
    return WorkshopValue(provenance.value, provenance.how) if provenance.workshop_assumption else provenance.value


def count_text(key: str, count: int) -> str:
    """A count with its words from the labels ``<key>.one`` (count 1) or ``<key>.other``: '12 materials'."""
    return label(f"{key}.{'one' if count == 1 else 'other'}", count=f"{count:,}")


def check_layout(claim_ids: Iterable[str], claims: pd.DataFrame | None = None) -> tuple[list[str], list[str]]:
    """How a run of source checks is shown: (the claims in one compact table, the claims each in its own box),
    both in the order given. Confirmed and company-claim verdicts go in the table, every other verdict in a box.
    ``claims`` is data/claims.csv unless given; an unknown claim id raises ``KeyError``."""
    ids = list(claim_ids)
    if not ids:
        raise ValueError("Parameter 'claim_ids' is empty; name at least one claim of data/claims.csv.")
    verdicts = (load_table("claims") if claims is None else claims).set_index("claim_id")["verdict"]
    unknown = [claim_id for claim_id in ids if claim_id not in verdicts.index]
    if unknown:
        raise KeyError(f"claims not in data/claims.csv: {', '.join(unknown)}")
    in_table = [claim_id for claim_id in ids if verdicts[claim_id] in TABLE_VERDICTS]
    return in_table, [claim_id for claim_id in ids if claim_id not in in_table]


def source_checks(*claim_ids: str, claims: pd.DataFrame | None = None) -> None:
    """Source checks for several claims: the confirmed and company-claim ones in one compact table
    (``book.source_checks_table``), then every other one in its own box (``book.source_check``); the layout is
    :func:`check_layout`'s (verdicts from ``claims``, data/claims.csv unless given)."""
    in_table, in_boxes = check_layout(claim_ids, claims)
    if in_table:
        display(book.source_checks_table(in_table))
    for claim_id in in_boxes:
        display(book.source_check(claim_id))


def gap_list(gaps: pd.DataFrame) -> str:
    """The materials the model cannot size or cost as a Markdown bullet list, each with the model's reason
    (``widgets.charts.words.magnet_reason``): '- **Name**: reason.'"""
    return "\n".join(f"- **{book.escape_markdown(r['name_en'])}**: {magnet_reason(r)}." for _, r in gaps.iterrows())


def quoted_names(names: Iterable[str]) -> str:
    """Names in quotation marks, joined with 'and': '“A” and “B”' (「A」と「B」 in Japanese)."""
    return label("reason.and").join(label("materials.quoted", name=name) for name in names)


def numbers() -> Numbers:
    """Every figure and short text chapter 03 shows, formatted, with its instructor-notes slot."""
    n = Numbers("03_materials")
    add_slot(n, "03_materials")

    # four numbers on a datasheet: N42 and C12 ferrite
    for column, name, fmt in (("br_t_min", "br_lo", ".2f"), ("br_t_max", "br_hi", ".2f"),
                              ("hcj_ka_per_m_min", "hcj", ",.0f"), ("bhmax_kj_per_m3_min", "bh_lo", ",.0f"),
                              ("bhmax_kj_per_m3_max", "bh_hi", ",.0f"), ("max_operating_temp_c", "temp", ",.0f")):
        n.number(f"mat_n42_{name}", fmt, magnet("ndfeb-n42", "vormag_ndfeb_grades", column))
    for column, name, fmt in (("br_t_min", "br", ".2f"), ("hcj_ka_per_m_min", "hcj", ",.0f"),
                              ("bhmax_kj_per_m3_min", "bh", ",.0f"), ("max_operating_temp_c", "temp", ",.0f"),
                              ("density_g_per_cm3", "density", ".1f")):
        n.number(f"mat_c12_{name}", fmt, magnet("ferrite-c12", "jingxin_ferrite", column))
    n.number("mat_n42_density", ".1f", magnet("ndfeb-n42", "shanghaimagnet_ndfeb_params", "density_g_per_cm3"))
    n42_bh = (magnet("ndfeb-n42", "vormag_ndfeb_grades", "bhmax_kj_per_m3_min")
              + magnet("ndfeb-n42", "vormag_ndfeb_grades", "bhmax_kj_per_m3_max")) / 2
    n.number("mat_bh_ratio", ".0f", n42_bh / magnet("ferrite-c12", "jingxin_ferrite", "bhmax_kj_per_m3_min"))

    # heavy rare earths: coercivity at temperature, the traction magnet, grain boundary diffusion
    n.number("mat_sh_hcj", ",.0f", magnet("ndfeb-n42sh", "mainrich_n42sh", "hcj_ka_per_m_min"))
    n.number("mat_sh_temp", ",.0f", magnet("ndfeb-n42sh", "mainrich_n42sh", "max_operating_temp_c"))
    n.number("mat_uh_hcj", ",.0f", magnet("ndfeb-n42uh", "kjmagnetics_ndfeb_specs", "hcj_ka_per_m_min"))
    n.number("mat_uh_temp", ",.0f", magnet("ndfeb-n42uh", "orodian_ndfeb_properties", "max_operating_temp_c"))
    n.number("mat_dy_typ_lo", ".1f", dy_content("ndfeb-sintered", "couragemagnet_faq", "wt_pct_min"))
    n.number("mat_dy_typ_hi", ".1f", dy_content("ndfeb-sintered", "couragemagnet_faq", "wt_pct_max"))
    traction_dy = row("magnet_rare_earth_content", magnet_id=scenarios.TRACTION_MAGNET_ID, element="Dy")
    n.number("mat_dy_trac_lo", ".0f", traction_dy["wt_pct_min"]); n.number("mat_dy_trac_hi", ".0f", traction_dy["wt_pct_max"])
    share = scenarios.traction_magnet_composition()
    n.number("mat_comp_total", ".1f", share.rare_earth_wt_pct); n.number("mat_comp_dy", ".0f", share.dy_wt_pct.value)
    n.number("mat_comp_ndpr", ".1f", share.nd_pr_wt_pct.value)
    n.number("mat_sh_premium_lo", ".0f", param("n42sh_premium_over_n42_pct_low"))
    n.number("mat_sh_premium_hi", ".0f", param("n42sh_premium_over_n42_pct_high"))
    n.number("mat_dy_2011", ",.0f", fig("prices", "value_low", commodity="dy_oxide", date="2011-07-01",
                                        market="Market (Nikkei xTech)"))
    n.number("mat_hre_bulk", ".0f", param("hre_share_of_magnet_without_gbd_pct"))
    n.number("mat_gbd_nbaem", ".0f", param("gbd_hre_reduction_pct_nbaem"))
    n.number("mat_gbd_rovjok", ".0f", param("gbd_dy_reduction_pct_rovjok"))

    # ferrite, heavy-rare-earth-free NdFeB, iron–nickel
    n.number("mat_ferrite_cost_lo", ".1f", param("ferrite_to_ndfeb_cost_ratio_low"))
    n.number("mat_ferrite_cost_hi", ".1f", param("ferrite_to_ndfeb_cost_ratio_high"))
    n.number("mat_shinetsu_vn_t", ",.0f", fig("facilities", "capacity_t_per_yr", facility_id="shin-etsu-vietnam"))
    n.number("mat_shinetsu_vn2_t", ",.0f", fig("facilities", "capacity_t_per_yr", facility_id="shin-etsu-vietnam-expansion"))
    feni = row("magnets", magnet_id="feni-l10", source_id="goto2017nite")
    n.number("mat_feni_hcj", ",.0f", feni["hcj_ka_per_m_min"]); n.text("mat_feni_grade", feni["grade"])
    n.number("mat_feni_bh_theory", ",.0f", magnet("feni-l10", "makino2015cosmic", "bhmax_kj_per_m3_max"))
    nd2fe14b_bh = magnet("ndfeb-nd2fe14b-theoretical", "chinamagnet2018ndfeb", "bhmax_kj_per_m3_max")
    n.number("mat_nd2fe14b_bh", ",.0f", nd2fe14b_bh)
    n.number("mat_y30_hcj", ",.0f", magnet("ferrite-y30", "metalmat_hard_ferrite", "hcj_ka_per_m_min"))
    n.number("mat_n42_over_feni", ".0f", magnet("ndfeb-n42", "vormag_ndfeb_grades", "hcj_ka_per_m_min") / feni["hcj_ka_per_m_min"])

    # iron nitride: Niron
    n.number("mat_fen_bh_lo", ",.0f", magnet("fe16n2-niron", "atechmagnet_niron", "bhmax_kj_per_m3_min"))
    n.number("mat_fen_bh_hi", ",.0f", magnet("fe16n2-niron", "atechmagnet_niron", "bhmax_kj_per_m3_max"))
    n.number("mat_fen_vs_ndfeb", ".0f", magnet("fe16n2-niron", "atechmagnet_niron", "bhmax_kj_per_m3_min") / nd2fe14b_bh)
    n.number("mat_niron_br", ".1f", magnet("fe16n2-niron", "bbc2024niron", "br_t_min"))
    n.number("mat_foil_bh", ",.0f", magnet("fe16n2-niron", "lifeboat2016fe16n2", "bhmax_kj_per_m3_max"))
    sartell = row("facilities", facility_id="niron-sartell")
    n.number("mat_sartell_t", ",.0f", sartell["capacity_t_per_yr"]); n.number("mat_sartell_year", ".0f", sartell["start_year"])
    n.text("mat_sartell_backers", localized(sartell, "backers"))
    n.number("mat_rbtfl_t", ",.0f", fig("facilities", "capacity_t_per_yr", facility_id="niron-sartell-rbtfl"))

    # samarium–cobalt
    n.number("mat_smco5_temp", ",.0f", magnet("smco-1-5", "magnetsales_smco_props", "max_operating_temp_c"))
    n.number("mat_sm2co17_temp", ",.0f", magnet("smco-2-17", "magnetsales_smco_props", "max_operating_temp_c"))
    n.number("mat_sm2co17_bh_lo", ",.0f", magnet("smco-2-17", "femm_smco_properties", "bhmax_kj_per_m3_min"))
    n.number("mat_sm2co17_bh_hi", ",.0f", magnet("smco-2-17", "femm_smco_properties", "bhmax_kj_per_m3_max"))
    n.number("mat_sm2co17_sm", ".1f", fig("magnet_rare_earth_content", "wt_pct_min", magnet_id="smco-2-17", element="Sm"))

    # sizing and costing one motor's magnets, at the chart's starting values
    sliders, provenance = scenarios.magnet_sliders()
    for name, fmt in (("required_temp_c", ",.0f"), ("baseline_mass_kg", ".1f"), ("ndpr_oxide_price_usd_per_kg", ",.0f"),
                      ("dy_oxide_price_usd_per_kg", ",.0f"), ("tb_oxide_price_usd_per_kg", ",.0f"),
                      ("other_re_oxide_price_usd_per_kg", ",.0f")):
        n.number(f"mat_start_{name}", fmt, start_value(provenance[name]))
    for name in ("baseline_mass_kg", "ndpr_oxide_price_usd_per_kg", "dy_oxide_price_usd_per_kg",
                 "tb_oxide_price_usd_per_kg", "other_re_oxide_price_usd_per_kg"):
        n.source(f"mat_start_{name}_source", provenance[name])   # the citation, or the workshop's note
    base = scenarios.options(sliders).set_index("magnet_id")
    base_cost = base.loc["ndfeb-n42sh", "material_cost_usd_per_motor"]
    n.rounded("mat_sh_cost", ",.0f", base_cost); n.rounded("mat_sh_dy_kg", ".2f", base.loc["ndfeb-n42sh", "re_kg_Dy"])
    n.rounded("mat_c12_mass", ",.0f", base.loc["ferrite-c12", "mass_needed_kg"])
    n.rounded("mat_sm2co17_mass", ",.1f", base.loc["smco-2-17", "mass_needed_kg"])
    n.rounded("mat_sm2co17_sm_kg", ".1f", base.loc["smco-2-17", "re_kg_Sm"])
    n.rounded("mat_n42_cost", ",.0f", base.loc["ndfeb-n42", "material_cost_usd_per_motor"])
    gaps = scenarios.data_gaps(sliders)
    n.number("mat_gap_count", ",.0f", len(gaps)); n.text("mat_material_count", count_text("materials.material_count", len(base)))
    n.text("mat_idle_sliders", quoted_names(label(f"magnets.slider.{name}")
                                            for name in unbound_price_sliders(scenarios.per_kg_table())))
    n.markdown("mat_gap_list", gap_list(gaps))

    # exercises: the price shock, a hotter motor, Niron's plant
    shock_sliders, shock_provenance = scenarios.magnet_sliders("shock")
    shock = scenarios.options(shock_sliders).set_index("magnet_id").loc["ndfeb-n42sh"]
    for name in ("ndpr", "dy", "tb"):
        n.number(f"mat_shock_{name}", ",.0f", start_value(shock_provenance[f"{name}_oxide_price_usd_per_kg"]))
    shock_cost = shock["material_cost_usd_per_motor"]
    n.rounded("mat_shock_cost", ",.0f", shock_cost); n.rounded("mat_shock_ratio", ".1f", shock_cost / base_cost)
    dy_cost = oxide_kg_for_element_kg("Dy", shock["re_kg_Dy"]) * shock_sliders.dy_oxide_price_usd_per_kg
    n.rounded("mat_shock_dy_share", ".0f", dy_cost / shock_cost * 100)
    n.rounded("mat_shock_without_dy", ",.0f", shock_cost - dy_cost)

    uh = scenarios.trusted_row("ndfeb-n42uh", "max_operating_temp_c")
    n.number("mat_hot_temp", ",.0f", uh["max_operating_temp_c"])
    hot = scenarios.options(dataclasses.replace(sliders, required_temp_c=float(uh["max_operating_temp_c"])))
    ok = hot[hot["meets_temperature"] & hot["mass_needed_kg"].notna()]
    n.text("mat_hot_list", "; ".join(ok["name_en"]))
    n.text("mat_hot_count", count_text("materials.hot_count", len(ok)))

    n.rounded("mat_niron_motors", ",.0f", sartell["capacity_t_per_yr"] * 1000 / sliders.baseline_mass_kg)
    return n
