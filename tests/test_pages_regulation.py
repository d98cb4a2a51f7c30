"""Chapter 02's figures: each is the model's result at the scenario's starting values, formatted for reading;
computed figures show just the decimal places their significant figures need; every figure is non-empty text
and dates read as dates. (That every figure the chapter uses is computed is tests/test_chapter_figures.py's job.)"""
from __future__ import annotations

import re

import pytest

from widgets.core.numbers import round_to
from widgets.exposure import start as sc
from widgets.exposure.model import crossing_content_wt_pct, magnet_part_i_share_pct
from widgets.pages import regulation
from widgets.pages.book import number_text


@pytest.mark.parametrize("value, significant, spec, shown", [
    (46.2, 2, ",.0f", "46"), (17_950.0, 2, ",.0f", "18,000"), (6.14, 2, ",.1f", "6.1"), (3.0, 2, ",.1f", "3.0"),
    (0.00649, 2, ",.4f", "0.0065"), (0.002, 2, ",.4f", "0.0020"), (0.1, 1, ",.1f", "0.1"), (520.0, 1, ",.0f", "500"),
    (9.96, 2, ",.0f", "10"),  # rounds up to two figures without a decimal
    (0.0, 2, ",.0f", "0"), (-0.0123, 2, ",.3f", "-0.012"),
])
def test_significant_format_gives_the_places_the_figures_need(value, significant, spec, shown):
    assert regulation.significant_format(value, significant) == spec
    assert format(round_to(value, significant), spec) == shown


def test_shares_and_crossing_contents_are_the_models():
    n = regulation.numbers()
    scenario, provenance = sc.magnet_scenario()
    dy = provenance["value_usd_per_kg_Dy"].value
    share = magnet_part_i_share_pct(scenario.content_wt_pct["Dy"], dy, scenario.magnet_price_usd_per_kg)
    assert n.share == number_text(share, significant=2)
    crossing = crossing_content_wt_pct(sc.value_rule_threshold_pct().value, dy, scenario.magnet_price_usd_per_kg)
    assert n.crossing == number_text(crossing, significant=2)
    assert n.crossing_ppm == number_text(crossing * 1e4, significant=2)


def test_every_figure_is_text_and_dates_read_as_dates():
    numbers = regulation.numbers()
    for name, value in numbers.items():
        assert isinstance(value, str) and value.strip(), name
        assert not re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value), name
    for name in [*regulation.DATES, "today"]:
        assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", numbers[name]), (name, numbers[name])
    assert re.fullmatch(r"[A-Z][a-z]+ \d{4}", numbers.after_month)


def test_value_rule_chart_starts_at_the_scenario():
    inputs = regulation.value_rule_chart_inputs()
    scenario, _ = sc.magnet_scenario()
    assert inputs.magnet_price_usd_per_kg == scenario.magnet_price_usd_per_kg
    assert inputs.traction_dy_wt_pct == scenario.content_wt_pct["Dy"]


def test_exposure_timeline_starts_after_the_suspension():
    timeline = regulation.exposure_timeline()
    start = timeline.months.set_index("month_index").loc[timeline.start_index, "date"]
    assert start > sc.suspension_end()
    assert timeline.start_index == 0 or timeline.months.set_index("month_index").loc[
        timeline.start_index - 1, "date"] <= sc.suspension_end()


def test_annex_table_cites_each_row():
    frame = regulation.annex_table()
    assert len(frame) and frame["source"].str.len().gt(0).all()
    text = regulation.annex_markdown().data
    assert text.count("\n| ") == len(frame) + 1  # header and one line per row
