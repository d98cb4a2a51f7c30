"""Every chart of the book at its starting values, one call each: ``show.ore_cost()``.

A chapter cell (and a participant in JupyterLab) writes one line; the starting values come from the topics'
``start`` modules, each with its source, so the cell needs no wiring. Each function returns a ``ChartSpec``,
which JupyterLab and the book draw with the vendored Vega-Lite 6 (no global renderer switch needed).
The charts' sliders work in the published page without a kernel.
"""
from __future__ import annotations

from widgets.charts.architecture import architecture_ranking_chart, architecture_score_matrix
from widgets.charts.exposure import value_rule_chart
from widgets.charts.fleet import fleet_chart
from widgets.charts.ledger import ledger_chart
from widgets.charts.magnets import magnet_cost_chart, magnet_property_map
from widgets.charts.motors import motor_programmes_chart
from widgets.charts.ore import ore_cost_chart
from widgets.charts.portfolio import PortfolioSliders, case_rows, portfolio_chart
from widgets.charts.shares import shares_chart
from widgets.charts.timeline import regulation_timeline_chart
from widgets.core.data import load_table
from widgets.charts.spec import ChartSpec
from widgets.exposure import start as exposure_start
from widgets.fleet import start as fleet_start
from widgets.magnets import start as magnet_start
from widgets.motors import start as motor_start
from widgets.ore import start as ore_start
from widgets.pages.regulation import exposure_timeline as regulation_exposure_timeline
from widgets.pages.regulation import value_rule_chart_inputs
from widgets.timeline.model import day_index


def _spec(chart) -> ChartSpec:
    return ChartSpec(chart.to_dict())


def regulation_timeline() -> ChartSpec:
    """China's rare-earth rules on a time line, its slider on the day the book is built (chapter 01)."""
    return _spec(regulation_timeline_chart(load_table("regulations"), day_index(exposure_start.assessment_date())))


def production_shares() -> ChartSpec:
    """China's share of each stage of the chain, by source and year (chapter 01)."""
    return _spec(shares_chart(load_table("production_shares")))


def value_rule() -> ChartSpec:
    """When a magnet's Chinese dysprosium or terbium crosses No. 61's value threshold (chapter 02)."""
    return _spec(value_rule_chart(value_rule_chart_inputs()))


def exposure_timeline() -> ChartSpec:
    """Four teaching items, month by month: which need a Chinese licence, under which rules (chapter 02)."""
    return _spec(regulation_exposure_timeline().chart)


def magnet_map() -> ChartSpec:
    """Remanence against coercivity for every magnet material with a profile (chapter 03)."""
    return _spec(magnet_property_map(magnet_start.map_table()))


def magnet_cost() -> ChartSpec:
    """The mass and rare-earth cost of replacing one motor's magnets, material by material (chapter 03)."""
    sliders, _ = magnet_start.magnet_sliders()
    return _spec(magnet_cost_chart(magnet_start.per_kg_table(), sliders))


def ore_cost() -> ChartSpec:
    """Grade, tonnage and whole-chain cost of the deposits in the data, with the breakeven grade (chapter 04)."""
    sliders, _ = ore_start.ore_sliders()
    return _spec(ore_cost_chart(ore_start.deposits(), sliders))


def motor_programmes() -> ChartSpec:
    """Carmakers' motor programmes by year, power and architecture (chapter 05)."""
    motors = load_table("motors")
    return _spec(motor_programmes_chart(motors, year_to=int(motors["year"].max())))


def architecture_scores() -> ChartSpec:
    """The architectures' one-to-five scores, sourced or judgement (chapter 05)."""
    return _spec(architecture_score_matrix(motor_start.scores()))


def architecture_ranking() -> ChartSpec:
    """The architectures ranked by your weights, equal weights to start (chapter 05)."""
    sliders, _ = motor_start.architecture_sliders()
    return _spec(architecture_ranking_chart(motor_start.scores(), sliders))


def portfolio() -> ChartSpec:
    """The five cases of the three diversifications: China-dependent tonnes and the shock bill (chapter 06)."""
    sliders = fleet_start.fleet_sliders()
    rows = case_rows(fleet_start.portfolio_cases(sliders), sliders.annual_vehicles)
    return _spec(portfolio_chart(rows, PortfolioSliders(sliders.annual_vehicles, sliders.ndpr_price_shock,
                                                        sliders.dytb_price_shock)))


def fleet() -> ChartSpec:
    """A fleet's rare-earth demand and bill, starting from all three diversifications (chapter 06)."""
    return _spec(fleet_chart(fleet_start.kg_per_vehicle(), fleet_start.fleet_sliders(levers=fleet_start.case_levers("all_three"))))


def claim_ledger() -> ChartSpec:
    """The report's claims by section and verdict (claim ledger)."""
    return _spec(ledger_chart(load_table("claims")))
