"""Chapter 02's figures: each is the model's result at the scenario's starting values, formatted for reading;
dates read as dates; every figure the chapter cites exists."""
from __future__ import annotations

import re

from widgets.pages.book import number_text
from widgets.exposure.model import crossing_content_wt_pct, magnet_part_i_share_pct
from widgets.pages import regulation
from widgets.exposure import start as sc

from conftest import ROOT


def test_shares_and_crossing_contents_are_the_models():
    n = regulation.numbers()
    scenario, provenance = sc.magnet_scenario()
    dy = provenance["value_usd_per_kg_Dy"].value
    share = magnet_part_i_share_pct(scenario.content_wt_pct["Dy"], dy, scenario.magnet_price_usd_per_kg)
    assert n.share == number_text(share, significant=2)
    crossing = crossing_content_wt_pct(sc.value_rule_threshold_pct().value, dy, scenario.magnet_price_usd_per_kg)
    assert n.crossing == number_text(crossing, significant=2)


def test_dates_read_as_dates_not_iso():
    for name, value in regulation.numbers().items():
        assert not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), name


def test_every_figure_the_chapter_uses_is_computed():
    text = (ROOT / "chapters" / "02_regulation.md").read_text(encoding="utf-8")
    used = set(re.findall(r"\{glue:md\}`reg_([a-z0-9_]+)`", text))
    assert used and used <= set(regulation.numbers())


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
