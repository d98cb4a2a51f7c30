"""Chapter 02's charts. Parity: the value-rule chart's Vega expression, evaluated by VegaFusion at several slider
positions, equals ``magnet_part_i_share_pct``; the exposure timeline selects ``assess_items`` verdicts."""
from __future__ import annotations

import pandas as pd
import pytest

from conftest import small_control_lists, small_regulations
from test_models_exposure import item, items
from widgets.charts import exposure as chart
from widgets.charts.words import month_name, month_verdicts
from widgets.core.labels import label
from widgets.exposure.model import ValueRuleInputs, assess_items, magnet_part_i_share_pct, monthly_findings, timeline

POSITIONS = [ValueRuleInputs(19.5, 298.0, 930.0, 0.1, 3.0), ValueRuleInputs(146.8, 600.0, 2500.0, 0.1, 5.0),
             ValueRuleInputs(250.0, 90.0, 300.0, 0.5, 1.0)]


@pytest.mark.parametrize("inputs", POSITIONS)
def test_value_rule_chart_matches_the_model(inputs):
    lines, _rule, _text, point = chart.value_rule_chart(inputs).transformed_data()
    values = {"Dy": inputs.dy_value_usd_per_kg, "Tb": inputs.tb_value_usd_per_kg}
    for symbol, value in values.items():
        name = label(f"valuerule.element.{symbol}")
        rows = lines[lines["element"] == name]
        expected = [magnet_part_i_share_pct(wt, value, inputs.magnet_price_usd_per_kg) for wt in rows["wt_pct"]]
        assert rows["share_pct"].tolist() == pytest.approx(expected, rel=1e-9)
    assert point["share_pct"].iloc[0] == pytest.approx(
        magnet_part_i_share_pct(inputs.traction_dy_wt_pct, inputs.dy_value_usd_per_kg, inputs.magnet_price_usd_per_kg))


def test_value_rule_chart_has_title_description_and_three_bound_sliders():
    spec = chart.value_rule_chart(POSITIONS[0]).to_dict()
    assert spec["title"]["text"] and spec["description"]
    assert {p["name"] for p in spec["params"] if "bind" in p} == {
        "magnet_price_usd_per_kg", "dy_value_usd_per_kg", "tb_value_usd_per_kg"}


def test_value_rule_inputs_reject_bad_values_by_name():
    with pytest.raises(ValueError, match="magnet_price_usd_per_kg"):
        ValueRuleInputs(0.0, 300.0, 900.0, 0.1, 3.0)
    with pytest.raises(ValueError, match="threshold_pct"):
        ValueRuleInputs(20.0, 300.0, 900.0, 0.0, 3.0)


def _timeline_chart(start_index=0):
    table = items(item("abroad"), item("china", made_in_china=True), item("motor", form="assembly"))
    frame = timeline(small_regulations(), small_control_lists(), table, chart.START_MONTH, chart.END_MONTH)
    frame["rules"] = frame["regulation_ids"]
    monthly = monthly_findings(small_regulations(), small_control_lists(), table, chart.START_MONTH, chart.END_MONTH)
    verdicts = month_verdicts(monthly, list(table["item"]), small_regulations())
    verdicts["verdict"] = [chart.month_verdict_text(d, lines) for d, lines in zip(verdicts["date"],
                                                                                 verdicts["item_verdicts"])]
    return table, frame, verdicts, chart.exposure_timeline_chart(frame, verdicts, start_index)


@pytest.mark.parametrize("month_index", [0, 10, 23, 35])
def test_timeline_chart_shows_the_models_verdicts_for_the_chosen_month(month_index):
    table, frame, verdicts, figure = _timeline_chart(month_index)
    cells, marker, text = figure.transformed_data()
    assert len(marker) == 1                                   # the chart selects exactly one month
    day = verdicts.loc[verdicts["month_index"] == month_index, "date"].iloc[0]
    expected = assess_items(small_regulations(), small_control_lists(), table, day).licence_needed
    month_cells = cells[cells["month"] == day.strftime("%Y-%m")]
    status = {row["item"]: row["status"] == label("exposure.status.binds") for _, row in month_cells.iterrows()}
    assert status == expected
    assert len(text) == 1 and text["verdict"].iloc[0].startswith(month_name(day))


def test_timeline_chart_rejects_a_start_outside_the_months():
    _table, frame, verdicts, _figure = _timeline_chart()
    with pytest.raises(ValueError, match="slider_start_month_index"):
        chart.exposure_timeline_chart(frame, verdicts, len(verdicts))


@pytest.mark.parametrize("block", [
    "Dy magnets made in Japan: licence needed (No. 61 value rule: its Chinese-origin Part I content is 46 % "
    "of the magnet's own value, at or above 0.1 %, so exporting the magnet needs a licence)",
    "日本製のDy入り磁石: 許可が必要 (第61号 価値比率ルール:中国原産の第1部品目の価値が磁石自体の価値の46%で、"
    "0.1%以上のため、磁石の輸出に許可が必要)"])
def test_verdict_lines_join_back_into_each_block_exactly(block):
    """The book's chart loader re-wraps the verdict to a phone's width: a line that starts with an indent
    continues the block above, and is appended to it as it is (a break at a space kept the space)."""
    text = chart.month_verdict_text(pd.Timestamp("2026-12-01"), [block, block])
    first, *rest = text.split("\n")
    assert first == label("exposure.text.month", month=month_name(pd.Timestamp("2026-12-01")))
    blocks = []
    for line in rest:
        if line.startswith(" ") and blocks:
            blocks[-1] += line.lstrip(" ")
        else:
            blocks.append(line)
    assert blocks == [block, block]
