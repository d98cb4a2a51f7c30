"""Export-control exposure timeline: one row per rule that can bind a bill of materials, one column per month,
coloured by whether the rule binds the sample product that month; a slider moves a rule across the months and a
text line says whether the product needs a licence that month, and why.

Nothing is computed in Vega here: the month-by-month verdicts are :func:`widgets.models.exposure.assess_bom`
results precomputed in Python (:func:`monthly_assessments`); the chart only SELECTS the slider's month. The
parity test (``tests/test_charts_exposure.py``) checks the selected verdict against ``assess_bom``.
"""
from __future__ import annotations

import json
import textwrap

import altair as alt
import pandas as pd

from widgets.charts.style import OKABE_ITO, WIDTH_PX, finish
from widgets.labels import label
from widgets.models import checks
from widgets.models.exposure import assess_bom, timeline

START_MONTH = "2023-01-01"
END_MONTH = "2027-12-01"
BINDS_COLOUR = OKABE_ITO[3]        # vermillion
NOT_BINDING_COLOUR = OKABE_ITO[5]  # sky blue
WRAP_CHARS = 100
MAX_LINES = 8
ROW_PX = 26


def exposure_timeline(regulations: pd.DataFrame, bom: pd.DataFrame, product_value_usd: float,
                      start: object = START_MONTH, end: object = END_MONTH) -> pd.DataFrame:
    """``exposure.timeline`` at every month start from ``start`` to ``end`` (by default 2023-01 … 2027-12)."""
    return timeline(regulations, bom, product_value_usd, start, end, freq="MS")


def _verdict(day: pd.Timestamp, licence_needed: bool, reasons: tuple[str, ...]) -> str:
    """The text the chart shows: month, verdict, then the model's reasons wrapped to the chart's width."""
    head = f"{day:%Y-%m}: " + label("exposure.text.licence" if licence_needed else "exposure.text.no_licence")
    lines = [head] + [line for reason in reasons for line in textwrap.wrap(reason, WRAP_CHARS,
                                                                           subsequent_indent="  ")]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES - 1] + [label("exposure.text.more")]
    return "\n".join(lines)


def monthly_assessments(regulations: pd.DataFrame, bom: pd.DataFrame, product_value_usd: float,
                        start: object = START_MONTH, end: object = END_MONTH) -> pd.DataFrame:
    """``assess_bom`` at every month start from ``start`` to ``end``: month_index (0 …), date, month
    ('YYYY-MM'), licence_needed, reasons_text (the model's reasons, one per line), verdict (the text shown),
    product_regulation_ids and the in-force ids (';'-joined)."""
    dates = exposure_timeline(regulations, bom, product_value_usd, start, end)["date"].drop_duplicates()
    rows = []
    for index, day in enumerate(dates):
        a = assess_bom(regulations, bom, day, product_value_usd)
        rows.append({"month_index": index, "date": day, "month": f"{day:%Y-%m}",
                     "licence_needed": a.licence_needed, "reasons_text": "\n".join(a.reasons),
                     "verdict": _verdict(day, a.licence_needed, a.reasons),
                     "product_regulation_ids": ";".join(a.product_regulation_ids),
                     "regulation_ids_in_force": ";".join(a.regulation_ids_in_force)})
    return pd.DataFrame(rows)


def _cells(timeline_frame: pd.DataFrame) -> pd.DataFrame:
    """Timeline rows with the month's end (for the cell's width) and the bind status as label text."""
    cells = timeline_frame.copy()
    cells["date_end"] = cells["date"] + pd.offsets.MonthBegin(1)
    cells["month"] = cells["date"].dt.strftime("%Y-%m")
    cells["status"] = cells["binds"].map({True: label("exposure.status.binds"),
                                          False: label("exposure.status.not_binding")})
    return cells


def exposure_timeline_chart(timeline_frame: pd.DataFrame, product_assessments: pd.DataFrame,
                            slider_start_month_index: int) -> alt.VConcatChart:
    """Rules (rows) × months (columns) coloured binds / does not bind; a vertical rule at the slider's month
    and, below, that month's verdict for the sample product. ``timeline_frame`` comes from
    :func:`exposure_timeline`, ``product_assessments`` from :func:`monthly_assessments` over the same months."""
    checks.not_empty("timeline_frame", timeline_frame, "compute the timeline first")
    checks.not_empty("product_assessments", product_assessments, "compute the monthly assessments first")
    last = len(product_assessments) - 1
    checks.number("slider_start_month_index", slider_start_month_index, minimum=0, maximum=last)
    month = alt.param(name="month_index", value=int(slider_start_month_index),
                      bind=alt.binding_range(min=0, max=last, step=1, name=label("exposure.slider.month_index") + " "))
    cells = _cells(timeline_frame)
    rule_ids = list(pd.unique(cells["regulation_id"]))
    x_scale = alt.Scale(domain=[cells["date"].min().isoformat(), cells["date_end"].max().isoformat()])
    x = alt.X("date:T", title=label("exposure.axis.month"), scale=x_scale,
              axis=alt.Axis(format="%Y", tickCount="year", labelAngle=0))
    heat = (alt.Chart(cells).mark_rect(stroke="#FFFFFF", strokeWidth=0.5)
            .encode(x=x, x2="date_end:T",
                    y=alt.Y("regulation_id:N", title=label("exposure.axis.rule"), sort=rule_ids,
                            axis=alt.Axis(labelLimit=260)),
                    color=alt.Color("status:N", title=label("exposure.legend.status"),
                                    scale=alt.Scale(domain=[label("exposure.status.binds"),
                                                            label("exposure.status.not_binding")],
                                                    range=[BINDS_COLOUR, NOT_BINDING_COLOUR])),
                    tooltip=[alt.Tooltip("regulation_id:N", title=label("exposure.axis.rule")),
                             alt.Tooltip("month:N", title=label("exposure.axis.month")),
                             alt.Tooltip("status:N", title=label("exposure.legend.status"))]))
    assessments = product_assessments.assign(mid_date=product_assessments["date"] + pd.Timedelta(days=14))
    chosen = "datum.month_index == month_index"
    marker = (alt.Chart(assessments).mark_rule(color="#000000", strokeWidth=2)
              .transform_filter(chosen)
              .encode(x=alt.X("mid_date:T", scale=x_scale),
                      tooltip=[alt.Tooltip("month:N", title=label("exposure.axis.month")),
                               alt.Tooltip("licence_text:N", title=label("exposure.tooltip.licence"))])
              .transform_calculate(licence_text=(f"datum.licence_needed ? {json.dumps(label('exposure.value.yes'))}"
                                                 f" : {json.dumps(label('exposure.value.no'))}")))
    grid = alt.layer(heat, marker).properties(width=WIDTH_PX, height=alt.Step(ROW_PX))
    verdict = (alt.Chart(assessments).mark_text(align="left", baseline="top", lineBreak="\n", fontSize=12,
                                                color="#000000")
               .transform_filter(chosen)
               .encode(x=alt.value(0), y=alt.value(0), text="verdict:N")
               .properties(width=WIDTH_PX, height=MAX_LINES * 15))
    concat = alt.vconcat(grid, verdict, spacing=16).add_params(month)
    return finish(concat, title=label("exposure.chart.title"), subtitle=label("exposure.chart.subtitle"),
                  description=label("exposure.chart.description"))
