"""Exposure starting values come from the rows they name; choices are marked as choices; the product value is
derived from the value rule's threshold (no invented motor price); dates come from the regulations and gaps."""
from __future__ import annotations

import pandas as pd
import pytest

from widgets import book
from widgets.data import bibliography_keys, load_table
from widgets.models.exposure import assess_bom
from widgets.scenarios import exposure as start


def test_magnet_mass_and_lowest_price_come_from_the_data():
    motor, provenance = start.sample_motor()
    assert motor.magnet_mass_kg == book.figure("model_parameters", "value",
                                               parameter="ndfeb_magnet_mass_per_motor_kg_mp", scenario="reference")
    prices = load_table("prices")
    magnets = prices[(prices["commodity"] == "ndfeb_magnet") & (prices["unit"] == "usd_per_kg")]
    assert motor.magnet_price_usd_per_kg == magnets["value_low"].min()
    assert provenance["magnet_price_usd_per_kg"].source_id in set(magnets["source_id"])
    assert motor.magnet_value_usd == pytest.approx(motor.magnet_mass_kg * motor.magnet_price_usd_per_kg)


def test_alternative_price_is_another_source():
    chosen, other = start.magnet_price(), start.alternative_magnet_price()
    assert other.source_id != chosen.source_id and other.value > chosen.value


def test_elements_are_the_traction_grade_content_rows_without_added_pr():
    motor, provenance = start.sample_motor()
    content = load_table("magnet_rare_earth_content")
    rows = content[(content["magnet_id"] == "ndfeb-n42sh") & ~content["content_kind"].isin(["zero", "unknown"])]
    assert motor.magnet_elements.split(";") == list(dict.fromkeys(rows["element"]))
    assert "Pr" not in motor.magnet_elements.split(";")
    assert set(provenance["magnet_elements"].source_id.split(";")) <= bibliography_keys()


def test_origin_and_flags_are_marked_as_scenario_choices():
    motor, provenance = start.sample_motor()
    assert (motor.rare_earth_origin, motor.made_in_china, motor.made_with_chinese_technology) == ("china", True, False)
    for name in ("rare_earth_origin", "made_in_china", "made_with_chinese_technology"):
        assert provenance[name].confidence == "scenario" and provenance[name].source_id == ""
        assert "scenario choice" in provenance[name].how
    cited = {p.source_id for p in provenance.values() if p.source_id and ";" not in p.source_id}
    assert cited <= bibliography_keys()


def test_threshold_product_value_hand_checked():
    motor = start.SampleMotor(2.0, 20.0, "Nd;Dy", "china", True, False)      # 40 US$ of magnets
    assert start.value_rule_threshold_pct().value == 0.1
    assert start.threshold_product_value_usd(motor) == pytest.approx(40_000.0)   # 40 / 0.001
    assert start.chart_product_value_usd(motor) == pytest.approx(start.CHART_PRODUCT_FACTOR * 40_000.0)


def test_value_rule_binds_at_the_chart_value_and_not_above_the_threshold():
    motor, _ = start.sample_motor()
    regs, today = start.regulations(), start.assessment_date()
    value = start.chart_product_value_usd(motor)
    assert "cn-mofcom-2025-61-value-rule" in start.rules_that_bind(regs, start.sample_bom(motor, value), today, value)
    above = start.threshold_product_value_usd(motor) * 1.01
    result = assess_bom(regs, start.sample_bom(motor, above), today, above)
    assert result.product_regulation_ids == ()


def test_dates_come_from_regulations_and_gaps():
    assert start.suspension_end() == pd.Timestamp(book.figure("regulations", "suspended_until",
                                                              regulation_id="cn-mofcom-2025-70"))
    assert start.assessment_date() == pd.Timestamp(book.figure("gaps", "as_of", gap_id="no70-after-2026-11-10"))
    assert start.assessment_date() > start.suspension_end()
    months = pd.DataFrame({"month_index": [0, 1, 2], "date": pd.to_datetime(["2026-10-01", "2026-11-01",
                                                                             "2026-12-01"])})
    assert start.first_month_after(months, pd.Timestamp("2026-11-10")) == 2


def test_suspension_and_what_stays_in_force():
    motor, _ = start.sample_motor()
    regs, value = start.regulations(), start.chart_product_value_usd(motor)
    bom = start.sample_bom(motor, value)
    assert start.rules_that_bind(regs, bom, start.suspension_end(), value) == ["cn-mofcom-2025-18"]
    assert start.rules_that_bind(regs, bom, start.assessment_date(), value) == [
        "cn-mofcom-2025-18", "cn-mofcom-2025-61-value-rule"]


def test_controlled_elements_are_the_union_of_the_element_licences():
    elements = start.controlled_elements()
    assert elements[:7] == start.regulation_elements("cn-mofcom-2025-18")
    assert set(elements) == set(start.regulation_elements("cn-mofcom-2025-18")) | set(
        start.regulation_elements("cn-mofcom-2025-57"))
    assert start.rare_earth_count() == len(load_table("elements"))
