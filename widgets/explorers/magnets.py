"""Live magnet explorer: required temperature, baseline magnet and its mass, oxide prices and processing cost
→ per material: does it stand the temperature, how much would replace the baseline, how many kg of heavy rare
earths it carries, what it costs per motor (or why it cannot be sized), and the cost chart."""
from __future__ import annotations

import math
from dataclasses import asdict, fields

import ipywidgets as ipw
import pandas as pd

from widgets.charts.magnets import magnet_cost_chart, with_words
from widgets.charts.table import html_table
from widgets.charts.words import magnet_reason
from widgets.magnets.cost import MagnetSliders, magnet_per_kg_table, one_content_row_per_element
from widgets.magnets.profiles import material_profiles
from widgets.explorers.common import LAYOUT_WIDE, STYLE_WIDE, Explorer, ParamChart, number_input
from widgets.core.labels import label
from widgets.magnets.cost import magnet_options

SLIDER_NAMES = tuple(field.name for field in fields(MagnetSliders))
RESULT_COLUMNS = ("material", "meets", "mass", "heavy", "cost", "note")


def _number(value: float, fmt: str) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else format(value, fmt)


def magnet_results(magnets: pd.DataFrame, content: pd.DataFrame, values: dict) -> pd.DataFrame:
    """``magnet_options`` for the explorer's values (Nd and Pr take the NdPr price; see
    :meth:`MagnetSliders.element_prices`)."""
    sliders = MagnetSliders(**{name: values[name] for name in SLIDER_NAMES})
    return magnet_options(magnets, content, values["required_temp_c"], values["baseline_magnet_id"],
                          values["baseline_mass_kg"], sliders.element_prices(),
                          values["processing_cost_usd_per_kg_magnet"])


def results_html(result: pd.DataFrame, names: dict[str, str], notes: dict[str, str] | None = None) -> str:
    """One row per material: meets temperature, mass needed, heavy RE kg, cost per motor, and the model's reason
    where the material fails the temperature or cannot be sized or costed (else the chart's note, if any)."""
    notes = notes or {}
    rows = []
    for r in result.itertuples(index=False):
        rows.append([names[r.magnet_id],
                     label("magnets.value.yes") if r.meets_temperature else label("magnets.value.no"),
                     _number(r.mass_needed_kg, ",.2f"), _number(r.heavy_re_kg, ",.3f"),
                     _number(r.material_cost_usd_per_motor, ",.0f"),
                     magnet_reason(pd.Series(r._asdict())) or notes.get(r.magnet_id, "")])
    return html_table([label(f"magnets.out.{column}") for column in RESULT_COLUMNS], rows, row_header=0,
                      numeric=(2, 3, 4))


def magnet_explorer(magnets: pd.DataFrame, content: pd.DataFrame, baseline_magnet_id: str,
                    sliders: MagnetSliders) -> Explorer:
    """The live explorer; its ``.widget`` is the ipywidgets box to display. ``magnets`` and ``content`` may hold
    several rows per material (per source); :func:`material_profiles` and
    :func:`one_content_row_per_element` pick one, without averaging."""
    table = material_profiles(magnets)
    content = one_content_row_per_element(content)
    per_kg_first = with_words(magnet_per_kg_table(table, content, baseline_magnet_id))
    names = dict(zip(per_kg_first["magnet_id"], per_kg_first["material"]))
    notes = dict(zip(per_kg_first["magnet_id"], per_kg_first["note"]))
    baseline = ipw.Dropdown(options=[(name, magnet_id) for magnet_id, name in names.items()],
                            value=baseline_magnet_id, description=label("magnets.input.baseline_magnet_id"),
                            layout=LAYOUT_WIDE, style=STYLE_WIDE)
    start = asdict(sliders)
    inputs: dict[str, ipw.ValueWidget] = {"required_temp_c": number_input("magnets.slider.required_temp_c",
                                                                          start.pop("required_temp_c"), step=5),
                                          "baseline_magnet_id": baseline}
    inputs.update({name: number_input(f"magnets.slider.{name}", value) for name, value in start.items()})

    charts: dict[str, ParamChart] = {}  # one per baseline: the baseline shapes the chart, prices only move params

    def chart_for(baseline_id: str) -> ParamChart:
        per_kg = per_kg_first if baseline_id == baseline_magnet_id else magnet_per_kg_table(table, content, baseline_id)
        return ParamChart(lambda slider_values: magnet_cost_chart(per_kg, MagnetSliders(**slider_values)))

    def update(values: dict):
        result = magnet_results(table, content, values)  # the model validates every input first
        chosen = values["baseline_magnet_id"]
        if chosen not in charts:
            charts[chosen] = chart_for(chosen)
        return results_html(result, names, notes), charts[chosen]({name: values[name] for name in SLIDER_NAMES})

    return Explorer(inputs, update)
