"""Chapter 04 (supply outside China): every figure and short text its prose shows.

Rounding: figures read from the data are shown as their sources give them; figures the ore model computes from
rough inputs (a cost derived from one feasibility study, a flotation recovery) to two significant figures.
"""
from __future__ import annotations

from widgets.core.data import figure as fig
from widgets.core.data import row
from widgets.charts.words import month_name as month_text
from widgets.core.labels import label
from widgets.ore import model as ore
from widgets.ore import start as scenarios
from widgets.pages.common import Numbers
from widgets.pages.workshops import add_slot

#: The side of a breakeven grade a deposit's grade is on, within this relative margin "about level with" it.
LEVEL_MARGIN = 0.05


def param(name: str, scenario: str = "reference") -> float:
    """A value of data/model_parameters.csv."""
    return fig("model_parameters", "value", parameter=name, scenario=scenario)


def side_of(grade_pct: float, breakeven_pct: float) -> str:
    """Where a grade sits against a breakeven grade, as a code: 'level', 'above' or 'below'."""
    if abs(grade_pct / breakeven_pct - 1) < LEVEL_MARGIN:
        return "level"
    return "above" if grade_pct > breakeven_pct else "below"


def numbers() -> Numbers:
    n = Numbers("04_supply")
    add_slot(n, "04_supply")
    n.number("mtweld_resource_mt", ",.1f", fig("deposits", "ore_mt", estimate_id="mt-weld-2024-resource-total"))
    n.number("mtweld_resource_grade", ".2f", fig("deposits", "grade_treo_pct", estimate_id="mt-weld-2024-resource-total"))
    n.number("mtweld_resource_treo_mt", ".2f", fig("deposits", "contained_treo_mt", estimate_id="mt-weld-2024-resource-total"))
    n.number("mtweld_reserve_mt", ",.1f", fig("deposits", "ore_mt", estimate_id="mt-weld-2024-reserve-total"))
    n.number("mtweld_reserve_grade", ".2f", fig("deposits", "grade_treo_pct", estimate_id="mt-weld-2024-reserve-total"))
    n.number("lynas_segh_t", ",.0f", fig("facilities", "capacity_t_per_yr", facility_id="lynas-malaysia-hre"))
    new_hre = row("facilities", facility_id="lynas-malaysia-hre-2025-expansion")
    n.number("lynas_new_hre_t", ",.0f", new_hre["capacity_t_per_yr"]); n.date("lynas_new_hre_date", new_hre["as_of"])
    dytb = lambda start: row("facility_output", facility_id="lynas-malaysia-hre", period_start=start,
                                  product="Dy and Tb oxides (separated; combined)")
    sep_q, dec_q = dytb("2025-07-01"), dytb("2025-10-01")
    n.number("lynas_dytb_sep_t", ",.0f", sep_q["quantity_t"]); n.text("lynas_dytb_sep_q", month_text(sep_q["period_end"]))
    n.number("lynas_dytb_dec_t", ",.0f", dec_q["quantity_t"]); n.text("lynas_dytb_dec_q", month_text(dec_q["period_end"]))
    n.number("jare_dytb_pct", ".0f", param("jare_dytb_priority_share_pct"))

    claim = row("deposits", estimate_id="beylikova-2025-reo-claim")
    n.number("bey_ore_mt", ",.0f", claim["ore_mt"]); n.number("bey_reo_mt", ".1f", claim["contained_treo_mt"])
    n.number("bey_implied_grade", ".2f", ore.implied_grade_treo_pct(claim["ore_mt"], claim["contained_treo_mt"]))
    n.number("bey_hist_grade", ".2f", fig("deposits", "grade_treo_pct", estimate_id="beylikova-kizilcaoren-kaplan1977"))
    n.number("bey_hist_reo_mt", ".2f", fig("deposits", "contained_treo_mt", estimate_id="beylikova-kizilcaoren-kaplan1977"))
    n.number("bey_alt_grade", ".2f", fig("deposits", "grade_treo_pct", estimate_id="beylikova-kizilcaoren-alt"))
    n.number("bey_eti_grade", ".2f", fig("deposits", "grade_treo_pct", estimate_id="beylikova-2025-grade-etimaden"))
    n.number("bey_tho2_pct", ".1f", fig("deposits", "tho2_grade_pct", estimate_id="beylikova-thorium-ministry"))
    n.number("bey_pilot_t", ",.0f", fig("facilities", "capacity_t_per_yr", facility_id="beylikova-pilot"))
    n.number("bey_plant_mt", ".2f", fig("facilities", "capacity_t_per_yr", facility_id="beylikova-plant") / 1e6)
    n.number("bey_reo_announced_t", ",.0f", param("beylikova_reo_output_t_per_yr"))
    n.number("bey_th_announced_t", ",.0f", param("beylikova_thorium_output_t_per_yr"))

    n.number("mp_treo_t", ",.0f", fig("facilities", "capacity_t_per_yr", facility_id="mp-mountain-pass"))
    n.number("mp_ndpr_t", ",.0f", fig("facilities", "capacity_t_per_yr", facility_id="mp-mountain-pass-ndpr"))
    n.number("mp_magnet_t", ",.0f", fig("facilities", "capacity_t_per_yr", facility_id="mp-independence"))
    n.number("mp_10x_t", ",.0f", fig("facilities", "capacity_t_per_yr", facility_id="mp-10x"))
    n.number("mp_floor", ",.0f", fig("model_parameters", "value", parameter="ndpr_price_floor_usd_per_kg", scenario="reference"))
    n.number("neo_t", ",.0f", fig("facilities", "capacity_t_per_yr", facility_id="neo-narva"))
    n.number("neo_phase2_t", ",.0f", fig("facilities", "capacity_t_per_yr", facility_id="neo-narva-phase2"))

    deposit, deposit_from = scenarios.beylikova_deposit()
    sliders, sliders_from = scenarios.ore_sliders()
    start = ore.ore_economics(**vars(deposit), **vars(sliders))
    nolans_usd = param(scenarios.NOLANS_COST, "base")
    n.number("nolans_aud_gross", ".2f", param("nolans_opex_aud_per_kg_ndpr_gross")); n.number("nolans_aud_net", ".2f", param("nolans_opex_aud_per_kg_ndpr_net"))
    n.number("nolans_usd", ".2f", nolans_usd); n.rounded("nolans_margin", ",.0f", sliders.ndpr_oxide_price_usd_per_kg - nolans_usd)
    n.number("nolans_ndpr_t", ",.0f", param(scenarios.NOLANS_OUTPUT)); n.number("nolans_ore_mt", ",.0f", param(scenarios.NOLANS_THROUGHPUT))
    n.number("nolans_grade", ".1f", fig("deposits", "grade_treo_pct", estimate_id="nolans-2019-reserve"))
    n.number("bear_lodge_opex", ",.0f", param("opex_usd_per_t_ore_bear_lodge_2012"))
    for name, fmt in (("opex_usd_per_t_ore", ",.0f"), ("recovery_pct", ".0f"), ("ndpr_share_of_treo_pct", ".1f"),
                      ("ndpr_oxide_price_usd_per_kg", ",.0f")):
        n.starting(f"start_{name}", fmt, sliders_from[name])
        n.source(f"start_{name}_source", sliders_from[name])   # the citation, or the workshop's note
    n.rounded("bey_cost", ",.1f", start.cost_usd_per_kg_treo); n.rounded("bey_basket", ",.1f", start.basket_value_usd_per_kg_treo)
    n.rounded("bey_breakeven", ".1f", start.breakeven_grade_treo_pct); n.rounded("bey_annual_t", ",.0f", start.annual_treo_t)
    # the breakeven grade is below the deposit's grade when the deposit's grade is above it
    n.text("bey_vs_breakeven", label("supply.side." + side_of(start.breakeven_grade_treo_pct, deposit.grade_treo_pct)))
    n.rounded("bey_recovery_needed", ".0f", param("beylikova_reo_output_t_per_yr") / (start.annual_treo_t / sliders.recovery_pct))
    n.rounded("bey_tho2_t", ",.0f", start.annual_tho2_t); n.rounded("bey_th_ratio_pct", ".0f", param("beylikova_thorium_output_t_per_yr") / start.annual_tho2_t * 100)

    hist = ore.ore_economics(**{**vars(deposit), "grade_treo_pct": fig("deposits", "grade_treo_pct", estimate_id="beylikova-kizilcaoren-kaplan1977")}, **vars(sliders))
    n.rounded("ex_hist_cost", ",.1f", hist.cost_usd_per_kg_treo); n.rounded("ex_cost_ratio", ".1f", start.cost_usd_per_kg_treo / hist.cost_usd_per_kg_treo)
    n.rounded("ex_life_yr", ",.0f", start.mine_life_yr)
    bear = ore.ore_economics(**vars(deposit), **{**vars(sliders), "opex_usd_per_t_ore": param("opex_usd_per_t_ore_bear_lodge_2012")})
    n.rounded("ex_bear_breakeven", ".1f", bear.breakeven_grade_treo_pct)
    hist_grade = fig("deposits", "grade_treo_pct", estimate_id="beylikova-kizilcaoren-kaplan1977")
    n.text("ex_bear_bey", label("supply.side." + side_of(deposit.grade_treo_pct, bear.breakeven_grade_treo_pct)))
    n.text("ex_bear_hist", label("supply.side." + side_of(hist_grade, bear.breakeven_grade_treo_pct)))
    flips = (deposit.grade_treo_pct > bear.breakeven_grade_treo_pct) != (deposit.grade_treo_pct > start.breakeven_grade_treo_pct)
    n.text("ex_bear_verdict", label("supply.bear_verdict." + ("opposite" if flips else "moved")))
    rate_two = ore.annual_rate_from_quarters_t([sep_q["quantity_t"], dec_q["quantity_t"]])
    rate_dec = ore.annual_rate_from_quarters_t([dec_q["quantity_t"]])
    n.rounded("ex_dytb_rate_two", ",.0f", rate_two); n.rounded("ex_dytb_rate_dec", ",.0f", rate_dec)
    n.rounded("ex_dytb_japan", ",.0f", rate_two * param("jare_dytb_priority_share_pct") / 100)
    return n
