"""Traction-motor programmes: when each programme appeared and how powerful it is, coloured by architecture.

Two panels share a year slider ("show programmes up to") and an architecture picker, both Vega-Lite params
bound to inputs, so the chart responds in the static book with no kernel. The upper panel places programmes
with a stated peak power (a bar spans the stated range); the lower panel lists, by year and architecture, the
programmes whose sources state no power, so none is silently dropped.
"""
from __future__ import annotations

import json
import math

import altair as alt
import pandas as pd

from widgets.charts.style import HEIGHT_PX, OKABE_ITO, WIDTH_PX, finish
from widgets.core.labels import keys, label, localized
from widgets.core import checks

#: Architectures of the motors table (its schema's enum) in display order, each with a fixed colour so a
#: filtered chart keeps its colours; grey marks the programmes whose magnet material no source states.
ARCHITECTURE_COLOURS = {
    "pmsm-ndfeb": OKABE_ITO[3], "pmsm-ferrite": OKABE_ITO[1], "pmsm-rare-earth-free": OKABE_ITO[6],
    "pmsm-magnet-unspecified": OKABE_ITO[7], "eesm-brushed": OKABE_ITO[0], "eesm-inductive": OKABE_ITO[5],
    "srm": OKABE_ITO[4], "induction": OKABE_ITO[2],
}
STATUS_SHAPES = {"mass-production": "circle", "announced": "triangle-up", "planned": "triangle-down",
                 "prototype": "square", "pledge": "diamond", "investment": "cross"}
ALL = "all"
#: Panel width: narrower than the kit's default because the lower panel's architecture names take ~260 px and the
#: two panels share one column with the page.
PANEL_WIDTH_PX = WIDTH_PX - 120
REQUIRED = ("motor_id", "maker", "programme", "vehicle", "architecture", "peak_power_kw_min", "peak_power_kw_max",
            "year", "rare_earth_use", "status", "claim_en", "source_id", "confidence")


def architecture_name(architecture: str) -> str:
    """The reader's name for an architecture: the shared ``architecture.name.*`` label where one exists, else
    this module's ``motors.architecture.*`` label."""
    for key in (f"architecture.name.{architecture}", f"motors.architecture.{architecture}"):
        if key in keys():
            return label(key)
    return architecture


def _power_text(low: float, high: float) -> str:
    if math.isnan(low) and math.isnan(high):
        return label("motors.power.not_stated")
    if math.isnan(low):
        return label("motors.power.up_to", value=f"{high:,.0f}")
    if math.isnan(high) or low == high:
        return f"{low:,.0f}"
    return f"{low:,.0f}–{high:,.0f}"


def _number(value: object) -> float:
    return math.nan if checks.is_missing(value) else float(value)


def programme_points(motors: pd.DataFrame) -> pd.DataFrame:
    """One row per programme: ``power_kw`` is the stated maximum (the minimum if only that is given, empty if
    neither), ``power_kw_lo``/``power_kw_hi`` the range where both ends are given and differ, ``has_power``
    whether the upper panel can place it, and the names and texts the tooltip shows."""
    for column in REQUIRED:
        checks.choice("motors column", column, list(motors.columns))
    checks.not_empty("motors", motors, "give at least one motor programme")
    rows = []
    for m in motors.itertuples(index=False):
        checks.choice(f"motors (motor_id={m.motor_id!r}) architecture", m.architecture, list(ARCHITECTURE_COLOURS))
        checks.choice(f"motors (motor_id={m.motor_id!r}) status", m.status, list(STATUS_SHAPES))
        low, high = _number(m.peak_power_kw_min), _number(m.peak_power_kw_max)
        power = high if not math.isnan(high) else low
        ranged = not (math.isnan(low) or math.isnan(high)) and low != high
        rows.append({
            "motor_id": m.motor_id, "maker": m.maker, "programme": localized(m, "programme"),
            "vehicle": localized(m, "vehicle"),
            "architecture": m.architecture, "architecture_name": architecture_name(m.architecture),
            "year": int(checks.number(f"motors (motor_id={m.motor_id!r}) year", m.year, minimum=1900, maximum=2100)),
            "power_kw": power, "power_kw_lo": low if ranged else math.nan, "power_kw_hi": high if ranged else math.nan,
            "power_text": _power_text(low, high), "has_power": not math.isnan(power),
            "status": m.status, "status_name": label(f"motors.status.{m.status}"),
            "rare_earth_use": label(f"motors.rare_earth_use.{m.rare_earth_use}"),
            "claim": localized(m, "claim"), "source": m.source_id, "confidence": m.confidence})
    return pd.DataFrame(rows)


def filter_expr() -> str:
    """Vega expression: the programme is shown at the current year and architecture settings."""
    return f"datum.year <= year_to && (architecture_filter == {json.dumps(ALL)} || datum.architecture == architecture_filter)"


def _params(points: pd.DataFrame, year_to: int, architecture: str) -> list[alt.Parameter]:
    first, last = int(points["year"].min()), int(points["year"].max())
    checks.number("year_to", year_to, minimum=first, maximum=last)
    present = [a for a in ARCHITECTURE_COLOURS if a in set(points["architecture"])]
    checks.choice("architecture", architecture, [ALL, *present])
    year = alt.param(name="year_to", value=int(year_to), bind=alt.binding_range(
        min=first, max=last, step=1, name=label("motors.slider.year_to") + " "))
    pick = alt.param(name="architecture_filter", value=architecture, bind=alt.binding_select(
        options=[ALL, *present], labels=[label("motors.filter.all"), *[architecture_name(a) for a in present]],
        name=label("motors.filter.architecture") + " "))
    return [year, pick]


def _encodings(points: pd.DataFrame):
    present = [a for a in ARCHITECTURE_COLOURS if a in set(points["architecture"])]
    first, last = int(points["year"].min()), int(points["year"].max())
    x = alt.X("year:Q", title=label("motors.axis.year"), scale=alt.Scale(domain=[first - 1, last + 1]),
              axis=alt.Axis(format="d", tickMinStep=1))
    colour = alt.Color("architecture_name:N", title=label("motors.legend.architecture"),
                       legend=alt.Legend(direction="vertical", labelLimit=360),
                       scale=alt.Scale(domain=[architecture_name(a) for a in present],
                                       range=[ARCHITECTURE_COLOURS[a] for a in present]))
    statuses = [s for s in STATUS_SHAPES if s in set(points["status"])]
    shape = alt.Shape("status_name:N", title=label("motors.legend.status"), legend=alt.Legend(direction="vertical"),
                      scale=alt.Scale(domain=[label(f"motors.status.{s}") for s in statuses],
                                      range=[STATUS_SHAPES[s] for s in statuses]))
    tooltip = [alt.Tooltip("maker:N", title=label("motors.tooltip.maker")),
               alt.Tooltip("programme:N", title=label("motors.tooltip.programme")),
               alt.Tooltip("vehicle:N", title=label("motors.tooltip.vehicle")),
               alt.Tooltip("architecture_name:N", title=label("motors.legend.architecture")),
               alt.Tooltip("year:Q", format="d", title=label("motors.axis.year")),
               alt.Tooltip("power_text:N", title=label("motors.axis.power")),
               alt.Tooltip("status_name:N", title=label("motors.legend.status")),
               alt.Tooltip("rare_earth_use:N", title=label("motors.tooltip.rare_earth_use")),
               alt.Tooltip("claim:N", title=label("motors.tooltip.claim")),
               alt.Tooltip("source:N", title=label("chart.tooltip.source")),
               alt.Tooltip("confidence:N", title=label("chart.tooltip.confidence"))]
    return x, colour, shape, tooltip


def motor_programmes_chart(motors: pd.DataFrame, year_to: int, architecture: str = ALL) -> alt.VConcatChart:
    """Peak power against year, one point per programme (upper panel), and the programmes without a stated power
    by year and architecture (lower panel). ``year_to`` and ``architecture`` are the initial positions of the
    year slider and the architecture picker (``"all"`` or an architecture id)."""
    points = programme_points(motors)
    params = _params(points, year_to, architecture)
    x, colour, shape, tooltip = _encodings(points)
    shown = filter_expr()
    top = float(points["power_kw"].max()) if points["has_power"].any() else 1.0
    y = alt.Y("power_kw:Q", title=label("motors.axis.power"), scale=alt.Scale(domain=[0, math.ceil(top * 1.1)]))
    ranges = (alt.Chart(points[points["power_kw_lo"].notna()]).mark_rule(strokeWidth=2, opacity=0.8)
              .transform_filter(shown)
              .encode(x=x, y=alt.Y("power_kw_lo:Q", title=label("motors.axis.power")), y2="power_kw_hi:Q",
                      color=colour, tooltip=tooltip))
    dots = (alt.Chart(points[points["has_power"]]).mark_point(filled=True, size=110, opacity=0.95,
                                                              stroke="#000000", strokeWidth=0.6)
            .transform_filter(shown).encode(x=x, y=y, color=colour, shape=shape, tooltip=tooltip))
    upper = alt.layer(ranges, dots).properties(width=PANEL_WIDTH_PX, height=HEIGHT_PX,
                                               title=label("motors.panel.power"))
    lower = (alt.Chart(points[~points["has_power"]]).mark_point(filled=True, size=110, opacity=0.95,
                                                                stroke="#000000", strokeWidth=0.6)
             .transform_filter(shown)
             .encode(x=x, y=alt.Y("architecture_name:N", title=None, axis=alt.Axis(labelLimit=300),
                                  sort=[architecture_name(a) for a in ARCHITECTURE_COLOURS]),
                     color=colour, shape=shape, tooltip=tooltip)
             .properties(width=PANEL_WIDTH_PX, height=alt.Step(26), title=label("motors.panel.no_power")))
    chart = (alt.vconcat(upper, lower, spacing=30).add_params(*params)
             .resolve_scale(color="shared", shape="shared"))
    description = label("motors.description")
    missing = points.loc[~points["has_power"], "programme"].tolist()
    if missing:
        description += " " + label("motors.description.no_power", programmes="; ".join(missing))
    return finish(chart, title=label("motors.title"), subtitle=label("motors.subtitle"), description=description)
