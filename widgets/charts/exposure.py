"""Chapter 02's two export-control charts.

``value_rule_chart``: the No. 61 value test on a magnet. The Part I share of a magnet's value against its Dy
(or Tb) content, on log scales, with the 0.1 % threshold; sliders move the magnet price and the element
values. The Vega expression restates ``widgets.exposure.model.magnet_part_i_share_pct`` (parity-tested).

``exposure_timeline_chart``: the teaching items (rows) month by month (columns), coloured by whether any rule
in force binds the item; a slider picks a month and the text below lists, per item, the rules and why.
Nothing is computed in Vega here: the verdicts are ``assess_items`` results, the chart only selects a month.
"""
from __future__ import annotations

import json
import textwrap

import altair as alt
import numpy as np
import pandas as pd

from widgets.charts.style import HEIGHT_PX, OKABE_ITO, WIDTH_PX, finish, slider
from widgets.charts.words import month_name
from widgets.core.labels import label
from widgets.core import checks
from widgets.exposure.model import ValueRuleInputs

START_MONTH = "2025-01-01"
END_MONTH = "2027-12-01"
BINDS_COLOUR = OKABE_ITO[3]        # vermillion
NOT_BINDING_COLOUR = OKABE_ITO[5]  # sky blue
WRAP_CHARS = 62   # the text panel is as wide as the grid's plot area, right of the item names
MAX_LINES = 16
ROW_PX = 30
CONTENT_GRID_WT_PCT = np.round(np.geomspace(0.001, 20.0, 90), 6)
#: share_pct = element_wt_pct · element_value_usd_per_kg / magnet_price_usd_per_kg (the model's equation)
SHARE_EXPR = "datum.wt_pct * {value} / magnet_price_usd_per_kg"


def value_rule_chart(inputs: ValueRuleInputs) -> alt.LayerChart:
    """Part I share of a magnet's value (%) against the content of one heavy rare earth (wt %), one line per
    element, with the threshold as a horizontal rule and the traction magnet's content as a point."""
    params = [
        slider("valuerule", "magnet_price_usd_per_kg", inputs.magnet_price_usd_per_kg, 5, 300, 1),
        slider("valuerule", "dy_value_usd_per_kg", inputs.dy_value_usd_per_kg, 50, 2000, 10),
        slider("valuerule", "tb_value_usd_per_kg", inputs.tb_value_usd_per_kg, 200, 6000, 10),
    ]
    grid = pd.DataFrame({"wt_pct": CONTENT_GRID_WT_PCT})
    x_scale = alt.Scale(type="log", domain=[0.001, 20], clamp=True)
    y_scale = alt.Scale(type="log", domain=[0.001, 1000], clamp=True)
    x = alt.X("wt_pct:Q", scale=x_scale, title=label("valuerule.axis.content"), axis=alt.Axis(format="~g"))
    y = alt.Y("share_pct:Q", scale=y_scale, title=label("valuerule.axis.share"), axis=alt.Axis(format="~g"))
    dy, tb = label("valuerule.element.Dy"), label("valuerule.element.Tb")
    lines = (alt.Chart(grid)
             .transform_calculate(Dy=SHARE_EXPR.format(value="dy_value_usd_per_kg"),
                                  Tb=SHARE_EXPR.format(value="tb_value_usd_per_kg"))
             .transform_fold(["Dy", "Tb"], as_=["element_symbol", "share_pct"])
             .transform_calculate(element=f"datum.element_symbol == 'Dy' ? {json.dumps(dy)} : {json.dumps(tb)}")
             .mark_line(strokeWidth=2)
             .encode(x=x, y=y,
                     color=alt.Color("element:N", title=label("valuerule.legend.element"),
                                     scale=alt.Scale(domain=[dy, tb], range=[OKABE_ITO[0], OKABE_ITO[1]])),
                     strokeDash=alt.StrokeDash("element:N", title=label("valuerule.legend.element"),
                                               scale=alt.Scale(domain=[dy, tb], range=[[1, 0], [6, 3]])),
                     tooltip=[alt.Tooltip("element:N", title=label("valuerule.legend.element")),
                              alt.Tooltip("wt_pct:Q", format=".3~g", title=label("valuerule.axis.content")),
                              alt.Tooltip("share_pct:Q", format=".3~g", title=label("valuerule.axis.share"))]))
    threshold = pd.DataFrame({"threshold_pct": [inputs.threshold_pct],
                              "text": [label("valuerule.text.threshold", threshold=f"{inputs.threshold_pct:g}")]})
    rule = (alt.Chart(threshold).mark_rule(color="#000000", strokeDash=[4, 4])
            .encode(y=alt.Y("threshold_pct:Q", scale=y_scale)))
    rule_text = (alt.Chart(threshold).mark_text(align="left", baseline="bottom", dx=4, dy=-2, color="#000000",
                                                fontSize=12)
                 .encode(x=alt.value(0), y=alt.Y("threshold_pct:Q", scale=y_scale), text="text:N"))
    magnet = pd.DataFrame({"wt_pct": [inputs.traction_dy_wt_pct], "name": [label("valuerule.point.traction")]})
    point = (alt.Chart(magnet).transform_calculate(share_pct=SHARE_EXPR.format(value="dy_value_usd_per_kg"))
             .mark_point(filled=True, size=110, color=OKABE_ITO[0], shape="diamond")
             .encode(x=x, y=y, tooltip=[alt.Tooltip("name:N", title=label("valuerule.tooltip.magnet")),
                                        alt.Tooltip("wt_pct:Q", format=".3~g", title=label("valuerule.axis.content")),
                                        alt.Tooltip("share_pct:Q", format=".3~g", title=label("valuerule.axis.share"))]))
    layered = (alt.layer(lines, rule, rule_text, point).add_params(*params)
               .properties(width=WIDTH_PX, height=HEIGHT_PX))
    return finish(layered, title=label("valuerule.title"), subtitle=label("valuerule.subtitle"),
                  description=label("valuerule.description"))


def month_verdict_text(day: pd.Timestamp, item_lines: list[str]) -> str:
    """The text the timeline chart shows for one month: the month, then one wrapped block per item. Lines
    after a block's first are indented, and a line broken at a space keeps the space at its end: the book's
    chart loader (``kit-charts.js``) joins a block's lines again by that and wraps them to a phone's width."""
    lines = [label("exposure.text.month", month=month_name(day))]
    for block in item_lines:
        lines += textwrap.wrap(block, WRAP_CHARS, subsequent_indent="    ", drop_whitespace=False)
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES - 1] + [label("exposure.text.more")]
    return "\n".join(lines)


def _cells(timeline_frame: pd.DataFrame) -> pd.DataFrame:
    cells = timeline_frame.copy()
    cells["date_end"] = cells["date"] + pd.offsets.MonthBegin(1)
    cells["month"] = cells["date"].dt.strftime("%Y-%m")
    cells["status"] = cells["licence_needed"].map({True: label("exposure.status.binds"),
                                                   False: label("exposure.status.not_binding")})
    return cells


def exposure_timeline_chart(timeline_frame: pd.DataFrame, months: pd.DataFrame,
                            slider_start_month_index: int) -> alt.VConcatChart:
    """Items (rows) × months (columns), coloured licence needed / not; a rule at the slider's month and, below,
    that month's findings. ``timeline_frame`` has columns date, item, licence_needed, rules (display names);
    ``months`` has month_index, date, verdict (the text to show), one row per month of the timeline."""
    checks.not_empty("timeline_frame", timeline_frame, "compute the timeline first")
    checks.not_empty("months", months, "compute the monthly findings first")
    last = len(months) - 1
    checks.number("slider_start_month_index", slider_start_month_index, minimum=0, maximum=last)
    month = alt.param(name="month_index", value=int(slider_start_month_index),
                      bind=alt.binding_range(min=0, max=last, step=1,
                                             name=label("exposure.slider.month_index") + " "))
    cells = _cells(timeline_frame)
    items = list(pd.unique(cells["item"]))
    x_scale = alt.Scale(domain=[cells["date"].min().isoformat(), cells["date_end"].max().isoformat()])
    x = alt.X("date:T", title=label("exposure.axis.month"), scale=x_scale,
              axis=alt.Axis(format="%Y", tickCount="year", labelAngle=0))
    heat = (alt.Chart(cells).mark_rect(stroke="#FFFFFF", strokeWidth=0.5)
            .encode(x=x, x2="date_end:T",
                    y=alt.Y("item:N", title=None, sort=items, axis=alt.Axis(labelLimit=240)),
                    color=alt.Color("status:N", title=label("exposure.legend.status"),
                                    scale=alt.Scale(domain=[label("exposure.status.binds"),
                                                            label("exposure.status.not_binding")],
                                                    range=[BINDS_COLOUR, NOT_BINDING_COLOUR])),
                    tooltip=[alt.Tooltip("item:N", title=label("exposure.axis.item")),
                             alt.Tooltip("month:N", title=label("exposure.axis.month")),
                             alt.Tooltip("status:N", title=label("exposure.legend.status")),
                             alt.Tooltip("rules:N", title=label("exposure.tooltip.rules"))]))
    marks = months.assign(mid_date=months["date"] + pd.Timedelta(days=14))
    chosen = "datum.month_index == month_index"
    marker = (alt.Chart(marks).mark_rule(color="#000000", strokeWidth=2).transform_filter(chosen)
              .encode(x=alt.X("mid_date:T", scale=x_scale)))
    grid = alt.layer(heat, marker).properties(width=WIDTH_PX, height=alt.Step(ROW_PX))
    verdict = (alt.Chart(marks).mark_text(align="left", baseline="top", lineBreak="\n", fontSize=12, color="#000000")
               .transform_filter(chosen)
               .encode(x=alt.value(0), y=alt.value(0), text="verdict:N")
               .properties(width=WIDTH_PX, height=MAX_LINES * 15))
    concat = alt.vconcat(grid, verdict, spacing=16).add_params(month)
    return finish(concat, title=label("exposure.chart.title"), subtitle=label("exposure.chart.subtitle"),
                  description=label("exposure.chart.description"))
