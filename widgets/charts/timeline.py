"""Regulation timeline: every row of the ``regulations`` table as an event on a time axis, coloured by rule type,
with a "you are here" date the reader drags. Events announced after that date turn grey.

Two panels share the slider: an overview from 2000 (the first catalogue listing, the 2010 episode) and a detail
view of 2023–2027, one row per instrument, where the announcement (filled circle), the date the rule takes
effect (open diamond) and the span of a suspension (bar) can be told apart.

The slider is a day index counted from ``ORIGIN``; ``widgets.timeline.model.events_on`` computes in Python what
the chart computes in Vega (which events lie after the chosen day), and the parity test
(``tests/test_charts_timeline.py``) evaluates the chart at several slider positions and compares.
"""
from __future__ import annotations

import json

import altair as alt
import pandas as pd

from widgets.charts.style import OKABE_ITO, WIDTH_PX, finish
from widgets.core import checks
from widgets.core.labels import label, language, localized
from widgets.timeline.model import (DAY_MS, DETAIL_START, END, FAMILY_ORDER, ORIGIN, ORIGIN_MS,  # noqa: F401 (re-exported)
                                    day_index, day_of_index, events_on, timeline_events)

#: One colour per family (``FAMILY_ORDER``): Okabe & Ito first, then two dark neutrals (grey is kept for "after
#: the date").
RULE_TYPE_COLOURS = (OKABE_ITO[6], OKABE_ITO[0], OKABE_ITO[3], OKABE_ITO[1], OKABE_ITO[4], "#000000",
                     OKABE_ITO[5], OKABE_ITO[2], "#6A3D9A")
FUTURE_COLOUR = "#C8C8C8"
ROW_PX = 20
PLOT_PX = WIDTH_PX - 80  # room for the instrument names left of the lower panel
LANE_PX = 18


def labelled_events(regulations: pd.DataFrame) -> pd.DataFrame:
    """The model's events with what the reader sees: the measure's name and family, its instrument and what it
    controls (``controls``), in the active language."""
    events = timeline_events(regulations)
    events["name"] = events["short_ja"] if language() == "ja" else events["short_en"]
    by_id = {str(rule["regulation_id"]): rule for _, rule in regulations.iterrows()}
    events["instrument"] = [localized(by_id[str(r)], "instrument") for r in events["regulation_id"]]
    events["controls"] = [localized(by_id[str(r)], "controls") for r in events["regulation_id"]]
    events["rule_type_label"] = events["family"].map(lambda family: label(f"timeline.family.{family}"))
    return events


HERE_MS_EXPR = f"({ORIGIN_MS} + here_day * {DAY_MS})"


def _tooltip() -> list[alt.Tooltip]:
    return [alt.Tooltip("instrument:N", title=label("timeline.tooltip.instrument")),
            alt.Tooltip("controls:N", title=label("timeline.tooltip.controls")),
            alt.Tooltip("rule_type_label:N", title=label("timeline.legend.rule_type")),
            alt.Tooltip("announced:N", title=label("timeline.tooltip.announced")),
            alt.Tooltip("effective:N", title=label("timeline.tooltip.effective")),
            alt.Tooltip("suspended_until:N", title=label("timeline.tooltip.suspended_until")),
            alt.Tooltip("name:N", title=label("timeline.axis.rule")),
            alt.Tooltip("source_id:N", title=label("chart.tooltip.source")),
            alt.Tooltip("confidence:N", title=label("chart.tooltip.confidence"))]


def _colour(flag: str) -> alt.condition:
    labels = [label(f"timeline.family.{family}") for family in FAMILY_ORDER]
    return alt.condition(f"datum.{flag}", alt.value(FUTURE_COLOUR),
                         alt.Color("rule_type_label:N", title=label("timeline.legend.rule_type"),
                                   scale=alt.Scale(domain=labels, range=list(RULE_TYPE_COLOURS)),
                                   legend=alt.Legend(columns=2, symbolType="circle", labelLimit=240)))


def _here_marks(x_scale: alt.Scale, domain_start: pd.Timestamp, with_text: bool) -> alt.LayerChart:
    """The "you are here" rule and (``with_text``) its date label, from one row, moved by the slider. The label
    sits right of the rule in the first half of the panel's time span and left of it in the second half, on
    two lines (the words, then the date) so that it fits beside the rule when a phone narrows the panel."""
    one = pd.DataFrame({"row": [0]})
    base = alt.Chart(one).transform_calculate(
        here_ms=HERE_MS_EXPR, here_date=f"utcFormat({HERE_MS_EXPR}, '%Y-%m-%d')",
        here_text=f"{json.dumps(label('timeline.text.here') + ':' + chr(10))} + utcFormat({HERE_MS_EXPR}, '%Y-%m-%d')")
    rule = base.mark_rule(color="#000000", strokeWidth=2, clip=True).encode(
        x=alt.X("here_ms:T", scale=x_scale),
        tooltip=[alt.Tooltip("here_date:N", title=label("timeline.text.here"))])
    if not with_text:
        return alt.layer(rule)
    middle = (day_index(domain_start) + (END - ORIGIN).days) / 2
    right_half = f"here_day > {middle}"
    text = base.mark_text(align=alt.expr(f"{right_half} ? 'right' : 'left'"), dx=alt.expr(f"{right_half} ? -4 : 4"),
                          baseline="top", lineBreak="\n", fontSize=12, color="#000000", clip=True).encode(
        x=alt.X("here_ms:T", scale=x_scale), y=alt.value(0), text="here_text:N")
    return alt.layer(rule, text)


def regulation_timeline_chart(regulations: pd.DataFrame, here_day_index: int) -> alt.VConcatChart:
    """The two-panel timeline; the slider (``here_day``, days from ``ORIGIN``) starts at ``here_day_index``
    (use :func:`day_index` to turn a date into it)."""
    last = (END - ORIGIN).days
    checks.number("here_day_index", here_day_index, minimum=0, maximum=last)
    here = alt.param(name="here_day", value=int(here_day_index),
                     bind=alt.binding_range(min=0, max=last, step=1,
                                            name=label("timeline.slider.here_day", origin=ORIGIN.date()) + " "))
    events = labelled_events(regulations)
    flags = {"after": f"datum.announced_ms > {HERE_MS_EXPR}",
             "effective_after": f"isValid(datum.effective_ms) && datum.effective_ms > {HERE_MS_EXPR}"}

    # overview: 1998 → 2027, one lane per jurisdiction
    wide = alt.Scale(type="utc", domain=[ORIGIN.isoformat(), (END + pd.Timedelta(days=1)).isoformat()])
    window = pd.DataFrame({"start": [DETAIL_START.isoformat()], "end": [(END + pd.Timedelta(days=1)).isoformat()]})
    shade = (alt.Chart(window).mark_rect(color="#EEEEEE")
             .encode(x=alt.X("start:T", scale=wide), x2="end:T"))
    dots = (alt.Chart(events).transform_calculate(**flags)
            .mark_point(filled=True, size=70, opacity=0.9, stroke="#FFFFFF", strokeWidth=0.5)
            .encode(x=alt.X("announced:T", scale=wide, title=label("timeline.axis.date"),
                            axis=alt.Axis(format="%Y", labelAngle=0, tickCount=14)),
                    y=alt.Y("jurisdiction:N", title=label("timeline.axis.jurisdiction")),
                    color=_colour("after"), tooltip=_tooltip()))
    overview = (alt.layer(shade, dots, _here_marks(wide, ORIGIN, with_text=False))
                .properties(width=PLOT_PX, height=alt.Step(LANE_PX), title=label("timeline.panel.overview", start=ORIGIN.year, end=END.year)))

    # detail: 2023 → 2027, one row per instrument announced since 2023
    recent = events[events["announced_ms"] >= int(DETAIL_START.value // 1_000_000)]
    narrow = alt.Scale(type="utc", domain=[DETAIL_START.isoformat(), (END + pd.Timedelta(days=1)).isoformat()])
    order = list(recent["name"])
    y = alt.Y("name:N", sort=order, title=label("timeline.axis.rule"), axis=alt.Axis(labelLimit=260))
    x = alt.X("announced:T", scale=narrow, title=label("timeline.axis.date"),
              axis=alt.Axis(format="%Y", labelAngle=0, tickCount="year"))
    base = alt.Chart(recent).transform_calculate(**flags)
    lag = (base.transform_filter("isValid(datum.effective_ms) && datum.effective_ms != datum.announced_ms")
           .mark_rule(strokeWidth=1.5, clip=True)
           .encode(x=x, x2="effective:T", y=y,
                   color=alt.condition("datum.after", alt.value(FUTURE_COLOUR), alt.value("#777777"))))
    span = (base.transform_filter("isValid(datum.suspended_until_ms)")
            .mark_bar(height=8, opacity=0.45, clip=True)
            .encode(x=alt.X("effective:T", scale=narrow), x2="suspended_until:T", y=y,
                    color=_colour("effective_after"), tooltip=_tooltip()))
    marker_title = label("timeline.legend.marker")
    announced = (base.mark_point(filled=True, size=80, shape="circle", clip=True)
                 .transform_calculate(marker=json.dumps(label("timeline.marker.announced")))
                 .encode(x=x, y=y, color=_colour("after"), tooltip=_tooltip(),
                         shape=alt.Shape("marker:N", title=marker_title,
                                         scale=alt.Scale(domain=[label("timeline.marker.announced"),
                                                                 label("timeline.marker.effective")],
                                                         range=["circle", "diamond"]))))
    effective = (base.transform_filter("isValid(datum.effective_ms)")
                 .mark_point(filled=False, size=90, strokeWidth=2, clip=True)
                 .transform_calculate(marker=json.dumps(label("timeline.marker.effective")))
                 .encode(x=alt.X("effective:T", scale=narrow), y=y, color=_colour("effective_after"),
                         tooltip=_tooltip(), shape=alt.Shape("marker:N", title=marker_title)))
    detail = (alt.layer(lag, span, announced, effective, _here_marks(narrow, DETAIL_START, with_text=True))
              .properties(width=PLOT_PX, height=alt.Step(ROW_PX), title=label("timeline.panel.detail", start=DETAIL_START.year, end=END.year)))
    chart = alt.vconcat(overview, detail, spacing=24).add_params(here)
    return finish(chart, title=label("timeline.title"), subtitle=label("timeline.subtitle"),
                  description=label("timeline.description", start=ORIGIN.year, end=END.year,
                                    detail_start=DETAIL_START.year))
