"""Exposure timeline chart: the verdict the month slider selects equals assess_bom for that month, and the
grid's cells follow the timeline. The regulations frame mirrors the real structure: April 2025 element licences,
October 2025 announcements (elements from 2025-11-08, value-share 0.1 % and technology rules from 2025-12-01)
suspended from 2025-11-07 until 2026-11-10."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from conftest import small_regulations

from widgets.charts import exposure as exposure_chart
from widgets.labels import label
from widgets.models.exposure import assess_bom
from widgets.models.sample_bom import sample_motor_bom

T, NAT, NAN = pd.Timestamp, pd.NaT, np.nan


def regulations() -> pd.DataFrame:
    return small_regulations()


PRODUCT_VALUE_USD = 3_000.0


def motor_bom(**changes) -> pd.DataFrame:
    """Magnets 2.0 kg × 60 US$/kg = 120 US$ of Nd;Pr;Dy from China, made in China; motor worth 3,000 US$."""
    args = dict(magnet_mass_kg=2.0, magnet_price_usd_per_kg=60.0, magnet_elements="Nd;Pr;Dy",
                rare_earth_origin="china", made_in_china=True, made_with_chinese_technology=False,
                product_value_usd=PRODUCT_VALUE_USD)
    return sample_motor_bom(**{**args, **changes})


def _chart(bom=None, start_index=0):
    bom = motor_bom() if bom is None else bom
    frame = exposure_chart.exposure_timeline(regulations(), bom, PRODUCT_VALUE_USD)
    months = exposure_chart.monthly_assessments(regulations(), bom, PRODUCT_VALUE_USD)
    return exposure_chart.exposure_timeline_chart(frame, months, start_index), frame, months


# month_index counts from 2023-01: 28 → 2025-05, 35 → 2025-12, 46 → 2026-11, 47 → 2026-12, 59 → 2027-12
@pytest.mark.parametrize("index, month, licence", [
    (0, "2023-01", False),     # before every rule
    (28, "2025-05", True),     # April 2025 licence in force; magnets made in China contain Dy
    (35, "2025-12", True),     # value-share rule announced but suspended: still only the April licence
    (47, "2026-12", True),     # after the suspension: April licence and the value-share rule
    (59, "2027-12", True),
])
def test_selected_verdict_equals_assess_bom(index, month, licence):
    chart, _frame, _months = _chart(start_index=index)
    _heat, marker, verdict = chart.transformed_data()
    assert len(marker) == 1 and len(verdict) == 1                      # the chart selects exactly one month
    selected = verdict.iloc[0]
    expected = assess_bom(regulations(), motor_bom(), T(f"{month}-01"), PRODUCT_VALUE_USD)
    assert selected["month"] == month
    assert bool(selected["licence_needed"]) == expected.licence_needed == licence
    assert selected["reasons_text"] == "\n".join(expected.reasons)
    assert selected["product_regulation_ids"] == ";".join(expected.product_regulation_ids)
    assert marker.iloc[0]["licence_text"] == label("exposure.value.yes" if licence else "exposure.value.no")
    first_line = selected["verdict"].split("\n")[0]
    assert first_line == f"{month}: " + label("exposure.text.licence" if licence else "exposure.text.no_licence")


def test_value_share_reason_after_the_suspension():
    _chart_, _frame, months = _chart()
    row = months.set_index("month").loc["2026-12"]
    # 120 US$ of Chinese-origin Dy-bearing magnets / 3,000 US$ × 100 = 4 % ≥ 0.1 %
    assert row["product_regulation_ids"] == "r-value"
    assert "are 4 % of the product value, at or above the 0.1 % threshold" in row["reasons_text"]
    assert months.set_index("month").loc["2025-12", "product_regulation_ids"] == ""  # suspended then


def test_grid_cells_follow_the_timeline():
    chart, frame, months = _chart()
    heat, _marker, _verdict = chart.transformed_data()
    assert len(months) == 60 and len(heat) == 60 * 4                 # 2023-01 … 2027-12 × four binding rules
    cells = heat.set_index(["regulation_id", "month"])["status"]
    binds, not_binding = label("exposure.status.binds"), label("exposure.status.not_binding")
    assert cells[("r-apr", "2025-04")] == not_binding                 # effective 2025-04-04, after the 1st
    assert cells[("r-apr", "2025-05")] == binds
    assert cells[("r-value", "2026-11")] == not_binding               # suspended until 2026-11-10
    assert cells[("r-value", "2026-12")] == binds
    assert cells[("r-tech", "2027-06")] == not_binding                # magnets not made with Chinese technology
    assert (heat["status"] == binds).sum() == frame["binds"].sum()


def test_magnets_from_outside_china_need_no_licence():
    bom = motor_bom(rare_earth_origin="non_china", made_in_china=False)
    chart, _frame, months = _chart(bom=bom, start_index=59)
    assert not months["licence_needed"].any()
    _heat, _marker, verdict = chart.transformed_data()
    assert verdict.iloc[0]["reasons_text"].startswith("no licence needed on 2027-12-01")


def test_chart_has_title_description_and_month_slider():
    chart, _frame, _months = _chart(start_index=12)
    spec = chart.to_dict()
    assert spec["title"]["text"] == label("exposure.chart.title") and spec["description"]
    (month,) = [p for p in spec["params"] if "bind" in p]
    assert month["name"] == "month_index" and month["value"] == 12
    assert month["bind"]["min"] == 0 and month["bind"]["max"] == 59
    assert spec["config"]["axis"]["labelAngle"] == 0


def test_slider_start_outside_the_months_is_rejected():
    frame = exposure_chart.exposure_timeline(regulations(), motor_bom(), PRODUCT_VALUE_USD)
    months = exposure_chart.monthly_assessments(regulations(), motor_bom(), PRODUCT_VALUE_USD)
    with pytest.raises(ValueError, match=r"Parameter 'slider_start_month_index' = 60 is outside the allowed range "
                                         r"\[0, 59\]"):
        exposure_chart.exposure_timeline_chart(frame, months, 60)
