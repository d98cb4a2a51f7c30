"""Magnet charts: the property map (remanence Br against coercivity HcJ, one point per material) and the
cost per motor of each magnet material under price and temperature sliders, with a second panel for the
heavy rare earths each motor would carry.

The cost chart's Vega expressions restate :func:`widgets.magnets.cost.magnet_options`: the model is
run ONCE in Python (:func:`magnet_per_kg_table`, baseline mass 1 kg) to get, per material, the mass that
replaces one kg of baseline magnet and the kg of each oxide in one kg of that material; the chart then
multiplies by the sliders. The parity test (``tests/test_charts_magnets.py``) evaluates the chart at several
slider positions and compares with ``magnet_options`` run with the same inputs.
"""
from __future__ import annotations

import json
import math

import altair as alt
import pandas as pd

from widgets.charts.style import CONFIDENCE_COLOURS, HEIGHT_PX, OKABE_ITO, WIDTH_PX, finish, slider

from widgets.core import checks
from widgets.core.labels import label, language
from widgets.magnets.cost import OTHER_GROUP, MagnetSliders

BAR_PANEL_WIDTH_PX = 360
NOTE_MARGIN_PX = 8   # a note (cut with an ellipsis past this) stays inside its panel; the tooltip has it whole
GREY = "#999999"


def _name(row) -> str:
    """The material's display name in the active language (Japanese if given, else English)."""
    name_ja = getattr(row, "name_ja", None)
    if language() == "ja" and isinstance(name_ja, str) and name_ja.strip():
        return name_ja
    return row.name_en


def with_words(per_kg: pd.DataFrame) -> pd.DataFrame:
    """The per-kg table (``magnet_per_kg_table``) with what the reader sees: each material's name and note in
    the active language."""
    out = per_kg.copy()
    out["material"] = [name_ja if language() == "ja" and isinstance(name_ja, str) and name_ja.strip() else name_en
                       for name_en, name_ja in zip(out["name_en"], out["name_ja"])]
    out["note"] = [label(f"magnets.note.{code}") if code else "" for code in out["note_code"]]
    return out


def _mid(low: object, high: object) -> float:
    return checks.midpoint("range", low, high)


def _both(low: object, high: object) -> tuple[float, float]:
    return (float(low), float(high)) if pd.notna(low) and pd.notna(high) else (math.nan, math.nan)


def property_points(magnets: pd.DataFrame) -> pd.DataFrame:
    """One row per material with Br and HcJ midpoints (the one given if only one is), the min–max where both
    are given (else empty) and the fields the tooltip shows; materials without Br or HcJ are kept with
    ``plotted`` False."""
    rows = []
    for m in magnets.itertuples(index=False):
        br, hcj = _mid(m.br_t_min, m.br_t_max), _mid(m.hcj_ka_per_m_min, m.hcj_ka_per_m_max)
        br_lo, br_hi = _both(m.br_t_min, m.br_t_max)
        hcj_lo, hcj_hi = _both(m.hcj_ka_per_m_min, m.hcj_ka_per_m_max)
        rows.append({"magnet_id": m.magnet_id, "material": _name(m), "family": m.family, "grade": m.grade,
                     "br_t": br, "br_t_lo": br_lo, "br_t_hi": br_hi,
                     "hcj_ka_per_m": hcj, "hcj_ka_per_m_lo": hcj_lo, "hcj_ka_per_m_hi": hcj_hi,
                     "bhmax_kj_per_m3": _mid(m.bhmax_kj_per_m3_min, m.bhmax_kj_per_m3_max),
                     "max_operating_temp_c": float(m.max_operating_temp_c) if pd.notna(m.max_operating_temp_c)
                     else math.nan,
                     "source": getattr(m, "profile_source_ids", None) or getattr(m, "source_id", ""),
                     "confidence": getattr(m, "profile_confidence", None) or getattr(m, "confidence", ""),
                     "plotted": not (math.isnan(br) or math.isnan(hcj))})
    return pd.DataFrame(rows)


def magnet_property_map(magnets: pd.DataFrame) -> alt.LayerChart:
    """Br (T) against HcJ (kA/m), one point per material at the midpoints, min–max bars where a source gives
    both ends, colour by family. ``magnets`` holds one row per material (see :func:`widgets.magnets.profiles.material_profiles`).
    Materials without Br or HcJ cannot be placed; the description names them."""
    points = property_points(magnets)
    placed = points[points["plotted"]]
    x = alt.X("hcj_ka_per_m:Q", title=label("magnets.map.axis.hcj"), scale=alt.Scale(zero=True))
    y = alt.Y("br_t:Q", title=label("magnets.map.axis.br"), scale=alt.Scale(zero=True))
    colour = alt.Color("family:N", title=label("magnets.map.legend.family"))
    hcj_bars = (alt.Chart(placed[placed["hcj_ka_per_m_lo"].notna()]).mark_rule(strokeWidth=1.5, opacity=0.7)
                .encode(x=alt.X("hcj_ka_per_m_lo:Q"), x2="hcj_ka_per_m_hi:Q", y=y, color=colour))
    br_bars = (alt.Chart(placed[placed["br_t_lo"].notna()]).mark_rule(strokeWidth=1.5, opacity=0.7)
               .encode(x=x, y=alt.Y("br_t_lo:Q"), y2="br_t_hi:Q", color=colour))
    dots = (alt.Chart(placed).mark_point(filled=True, size=90, opacity=0.95, stroke="#000000", strokeWidth=0.5)
            .encode(x=x, y=y, color=colour,
                    shape=alt.Shape("confidence:N", title=label("chart.tooltip.confidence"),
                                    scale=alt.Scale(domain=list(CONFIDENCE_COLOURS))),
                    tooltip=[alt.Tooltip("material:N", title=label("magnets.tooltip.material")),
                             alt.Tooltip("grade:N", title=label("magnets.tooltip.grade")),
                             alt.Tooltip("family:N", title=label("magnets.map.legend.family")),
                             alt.Tooltip("br_t:Q", format=".2f", title=label("magnets.map.axis.br")),
                             alt.Tooltip("hcj_ka_per_m:Q", format=",.0f", title=label("magnets.map.axis.hcj")),
                             alt.Tooltip("bhmax_kj_per_m3:Q", format=",.0f", title=label("magnets.tooltip.bhmax")),
                             alt.Tooltip("max_operating_temp_c:Q", format=",.0f",
                                         title=label("magnets.tooltip.max_temp")),
                             alt.Tooltip("source:N", title=label("chart.tooltip.source")),
                             alt.Tooltip("confidence:N", title=label("chart.tooltip.confidence"))]))
    layered = alt.layer(hcj_bars, br_bars, dots).properties(width=WIDTH_PX, height=HEIGHT_PX)
    description = label("magnets.map.description")
    missing = points.loc[~points["plotted"], "material"].tolist()
    if missing:
        description += " " + label("magnets.map.description.missing", materials=", ".join(missing))
    return finish(layered, title=label("magnets.map.title"), subtitle=label("magnets.map.subtitle"),
                  description=description)


SLIDER_RANGES = {
    "required_temp_c": (-50, 350, 5),
    "baseline_mass_kg": (0.1, 10, 0.1),
    "ndpr_oxide_price_usd_per_kg": (0, 300, 1),
    "dy_oxide_price_usd_per_kg": (0, 1500, 5),
    "tb_oxide_price_usd_per_kg": (0, 4000, 10),
    "sm_oxide_price_usd_per_kg": (0, 100, 0.5),
    "other_re_oxide_price_usd_per_kg": (0, 100, 0.5),
    "processing_cost_usd_per_kg_magnet": (0, 200, 1),
}

# Vega expressions (param names are the sliders' names, datum fields the per-kg table's columns).
MEETS_EXPR = "isValid(datum.max_operating_temp_c) && datum.max_operating_temp_c >= required_temp_c"
MASS_EXPR = "datum.sizable ? baseline_mass_kg * datum.mass_per_baseline_kg : null"
OXIDE_PER_KG_EXPR = ("datum.oxide_ndpr_kg_per_kg * ndpr_oxide_price_usd_per_kg"
                     " + datum.oxide_dy_kg_per_kg * dy_oxide_price_usd_per_kg"
                     " + datum.oxide_tb_kg_per_kg * tb_oxide_price_usd_per_kg"
                     " + datum.oxide_sm_kg_per_kg * sm_oxide_price_usd_per_kg"
                     " + datum.oxide_other_kg_per_kg * other_re_oxide_price_usd_per_kg")
COST_EXPR = (f"datum.costable ? baseline_mass_kg * datum.mass_per_baseline_kg"
             f" * ({OXIDE_PER_KG_EXPR} + processing_cost_usd_per_kg_magnet) : null")
HEAVY_EXPR = "datum.costable ? baseline_mass_kg * datum.mass_per_baseline_kg * datum.heavy_re_kg_per_kg : null"
DY_EXPR = "datum.costable ? baseline_mass_kg * datum.mass_per_baseline_kg * datum.dy_kg_per_kg : null"
TB_EXPR = "datum.costable ? baseline_mass_kg * datum.mass_per_baseline_kg * datum.tb_kg_per_kg : null"


def _status_expr() -> str:
    return (f"({MEETS_EXPR}) ? {json.dumps(label('magnets.status.meets'))}"
            f" : {json.dumps(label('magnets.status.fails'))}")


#: The price group each price slider multiplies (see :func:`magnet_per_kg_table`).
PRICE_SLIDER_GROUP = {"ndpr_oxide_price_usd_per_kg": "ndpr", "dy_oxide_price_usd_per_kg": "dy",
                      "tb_oxide_price_usd_per_kg": "tb", "sm_oxide_price_usd_per_kg": "sm",
                      "other_re_oxide_price_usd_per_kg": OTHER_GROUP}


def _moves_a_bar(name: str, per_kg: pd.DataFrame) -> bool:
    """A price slider is shown only if some costable material contains its oxide group; otherwise it
    would move nothing (its param still holds the value, unbound)."""
    group = PRICE_SLIDER_GROUP.get(name)
    return group is None or bool((per_kg[f"oxide_{group}_kg_per_kg"].fillna(0) > 0).any())


def _params(sliders: MagnetSliders, names, per_kg: pd.DataFrame) -> list[alt.Parameter]:
    return [slider("magnets", name, getattr(sliders, name), *SLIDER_RANGES[name]) if _moves_a_bar(name, per_kg)
            else alt.param(name=name, value=getattr(sliders, name)) for name in names]


def unbound_price_sliders(per_kg: pd.DataFrame) -> list[str]:
    """Price sliders the cost chart leaves out because no costable material contains their oxides."""
    return [name for name in PRICE_SLIDER_GROUP if not _moves_a_bar(name, per_kg)]


def _y(per_kg: pd.DataFrame) -> alt.Y:
    return alt.Y("material:N", title=None, sort=None, scale=alt.Scale(domain=per_kg["material"].tolist()),
                 axis=alt.Axis(labelLimit=240))


def _colour() -> alt.Color:
    return alt.Color("temperature_status:N", title=label("magnets.legend.temperature"),
                     legend=alt.Legend(labelLimit=420, direction="vertical"),
                     scale=alt.Scale(domain=[label("magnets.status.meets"), label("magnets.status.fails")],
                                     range=[OKABE_ITO[0], GREY]))


def _note_layer(per_kg: pd.DataFrame) -> alt.Chart:
    """Materials that cannot be sized or costed: no bar, their note written at the start of the row."""
    return (alt.Chart(per_kg).mark_text(align="left", dx=4, color="#000000", fontSize=11, fontStyle="italic",
                                        limit=BAR_PANEL_WIDTH_PX - NOTE_MARGIN_PX)
            .transform_filter("!datum.costable")
            .transform_calculate(meets_temperature=MEETS_EXPR)
            .encode(y=_y(per_kg), x=alt.value(0), text="note:N",
                    tooltip=[alt.Tooltip("material:N", title=label("magnets.tooltip.material")),
                             alt.Tooltip("note:N", title=label("magnets.tooltip.note"))]))


def _bar_panel(per_kg: pd.DataFrame, field: str, expression: str, value_format: str,
               calculations: dict[str, str], tooltip: list[alt.Tooltip]) -> alt.LayerChart:
    """One horizontal bar per material for ``field`` (computed by ``expression``), its value written at the
    bar's end, grey where the material fails the temperature, and the notes of materials without a bar."""
    x = alt.X(f"{field}:Q", title=label(AXIS_LABEL[field]))
    common = [alt.Tooltip("material:N", title=label("magnets.tooltip.material"))]
    closing = [alt.Tooltip("temperature_status:N", title=label("magnets.legend.temperature")),
               alt.Tooltip("note:N", title=label("magnets.tooltip.note"))]
    bars = (alt.Chart(per_kg).mark_bar(height=16)
            .transform_calculate(meets_temperature=MEETS_EXPR, temperature_status=_status_expr(),
                                 **{field: expression}, **calculations)
            .encode(x=x, y=_y(per_kg), color=_colour(), tooltip=common + tooltip + closing))
    values = (alt.Chart(per_kg).mark_text(align="left", dx=4, color="#000000", fontSize=11)
              .transform_calculate(**{field: expression})
              .encode(x=x, y=_y(per_kg), text=alt.Text(f"{field}:Q", format=value_format)))
    return alt.layer(bars, values, _note_layer(per_kg)).properties(width=BAR_PANEL_WIDTH_PX, height=alt.Step(24))


AXIS_LABEL = {"material_cost_usd_per_motor": "magnets.axis.cost", "heavy_re_kg": "magnets.axis.heavy"}


def _cost_panel(per_kg: pd.DataFrame) -> alt.LayerChart:
    return _bar_panel(per_kg, "material_cost_usd_per_motor", COST_EXPR, ",.0f",
                      {"mass_needed_kg": MASS_EXPR, "heavy_re_kg": HEAVY_EXPR},
                      [alt.Tooltip("family:N", title=label("magnets.map.legend.family")),
                       alt.Tooltip("material_cost_usd_per_motor:Q", format=",.0f", title=label("magnets.axis.cost")),
                       alt.Tooltip("mass_needed_kg:Q", format=",.2f", title=label("magnets.tooltip.mass")),
                       alt.Tooltip("heavy_re_kg:Q", format=",.3f", title=label("magnets.axis.heavy")),
                       alt.Tooltip("max_operating_temp_c:Q", format=",.0f", title=label("magnets.tooltip.max_temp"))])


def _heavy_panel(per_kg: pd.DataFrame) -> alt.LayerChart:
    return _bar_panel(per_kg, "heavy_re_kg", HEAVY_EXPR, ",.3f", {"dy_kg": DY_EXPR, "tb_kg": TB_EXPR},
                      [alt.Tooltip("heavy_re_kg:Q", format=",.3f", title=label("magnets.axis.heavy")),
                       alt.Tooltip("dy_kg:Q", format=",.3f", title=label("magnets.tooltip.dy")),
                       alt.Tooltip("tb_kg:Q", format=",.3f", title=label("magnets.tooltip.tb"))])


def _description(key: str, per_kg: pd.DataFrame) -> str:
    text = label(key)
    not_costed = per_kg.loc[~per_kg["costable"]]
    if len(not_costed):
        text += " " + label("magnets.cost.description.missing",
                            materials=", ".join(f"{r.material} ({r.note})" for r in not_costed.itertuples()))
    no_content = per_kg.loc[per_kg["costable"] & (per_kg["note"] != "")]
    if len(no_content):
        text += " " + label("magnets.cost.description.no_content", materials=", ".join(no_content["material"]))
    return text


def magnet_cost_chart(per_kg_table: pd.DataFrame, sliders: MagnetSliders) -> alt.VConcatChart:
    """Two panels sharing the sliders: cost per motor of each material (bars, grey where the material is
    rated below the required temperature) and the heavy rare earths each motor would carry. ``per_kg_table``
    comes from ``widgets.magnets.cost.magnet_per_kg_table``; materials that cannot be sized or costed keep a row
    with their note and no bar."""
    per_kg_table = with_words(per_kg_table)
    concat = (alt.vconcat(_cost_panel(per_kg_table), _heavy_panel(per_kg_table), spacing=30)
              .add_params(*_params(sliders, SLIDER_RANGES, per_kg_table)).resolve_scale(color="shared"))
    return finish(concat, title=label("magnets.cost.title"), subtitle=label("magnets.cost.subtitle"),
                  description=_description("magnets.cost.description", per_kg_table))


def heavy_re_chart(per_kg_table: pd.DataFrame, sliders: MagnetSliders) -> alt.LayerChart:
    """The heavy-rare-earth panel on its own, with the two sliders it moves with (baseline mass, required
    temperature)."""
    per_kg_table = with_words(per_kg_table)
    panel = _heavy_panel(per_kg_table).add_params(*_params(sliders, ("required_temp_c", "baseline_mass_kg"), per_kg_table))
    return finish(panel, title=label("magnets.heavy.title"), subtitle=label("magnets.heavy.subtitle"),
                  description=_description("magnets.heavy.description", per_kg_table))
