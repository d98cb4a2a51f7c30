"""Live motor-architecture explorer: type the weights and the highway share, read the ranking table
and chart; below, one vehicle with a chosen architecture — its energy index over the city/highway mix
(from the reader's own relative energy assumptions) and its rare-earth content."""
from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import asdict

import ipywidgets as ipw
import pandas as pd

from widgets.charts.architecture import architecture_ranking_chart, display_name
from widgets.motors.model import ArchitectureSliders, criterion_weights
from widgets.charts.table import html_table
from widgets.explorers.common import Explorer, ParamChart, STYLE_WIDE, number_input, results_table
from widgets.core.labels import label
from widgets.motors import model as architecture

# Relative energy index of the chosen architecture at the start: the PMSM baseline (no difference assumed).
PMSM_BASELINE_INDEX = 100.0


def ranking_table(ranking: pd.DataFrame) -> str:
    """An HTML table of rank, architecture and weighted score (the model's ``rank_architectures`` output)."""
    header = [label(key) for key in ("architecture.table.rank", "architecture.table.architecture",
                                     "architecture.table.score")]
    rows = [[str(row.rank), display_name("name", row.architecture), f"{row.weighted_score_1_to_5:.2f}"]
            for row in ranking.itertuples(index=False)]
    return html_table(header, rows, numeric=(0, 2))


def architecture_results(scores: pd.DataFrame, values: dict) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """The ranking (``rank_architectures``) and the per-vehicle rows (``per_vehicle``) for the explorer's values."""
    weights = criterion_weights(**{name: values[name] for name in ArchitectureSliders.__dataclass_fields__})
    ranking = architecture.rank_architectures(scores, weights)
    vehicle = architecture.per_vehicle(values["highway_share_pct"], values["relative_energy_city"],
                                       values["relative_energy_highway"], values["rare_earth_kg_per_vehicle"])
    name = display_name("name", values["architecture"])
    rows = [(f"{label('architecture.out.energy_index')} · {name}", f"{vehicle.energy_index_pmsm_100:,.1f}"),
            (f"{label('architecture.out.rare_earth_kg')} · {name}", f"{vehicle.rare_earth_kg_per_vehicle:,.2f} kg")]
    return ranking, rows


def architecture_explorer(scores: pd.DataFrame, sliders: ArchitectureSliders,
                          rare_earth_kg_per_vehicle: float | Mapping[str, float],
                          architecture_id: str | None = None) -> Explorer:
    """The live explorer; its ``.widget`` is the ipywidgets box to display.

    ``rare_earth_kg_per_vehicle`` is the starting rare-earth content: one number, or one per architecture
    id (then picking an architecture loads its value). The relative energy indices start at the PMSM
    baseline (no difference assumed) and are labelled as the reader's assumptions."""
    ids = list(dict.fromkeys(scores["architecture"]))
    chosen = architecture_id if architecture_id is not None else ids[0]
    per_arch = dict(rare_earth_kg_per_vehicle) if isinstance(rare_earth_kg_per_vehicle, Mapping) else {}

    def start_kg(arch: str) -> float:
        if per_arch:
            return float(per_arch.get(arch, 0.0))
        return float(rare_earth_kg_per_vehicle)

    weight_inputs = {name: number_input(f"architecture.slider.{name}", value, step=0.5)
                     for name, value in asdict(sliders).items()}
    picker = ipw.Dropdown(options=[(display_name("name", a), a) for a in ids], value=chosen,
                          description=label("architecture.input.architecture"), style=STYLE_WIDE,
                          layout=ipw.Layout(width="40rem"))
    vehicle_inputs = {
        "relative_energy_city": number_input("architecture.input.relative_energy_city", PMSM_BASELINE_INDEX),
        "relative_energy_highway": number_input("architecture.input.relative_energy_highway", PMSM_BASELINE_INDEX),
        "rare_earth_kg_per_vehicle": number_input("architecture.input.rare_earth_kg_per_vehicle",
                                                  start_kg(chosen), step=0.1),
    }

    def pick(change):
        if per_arch:
            vehicle_inputs["rare_earth_kg_per_vehicle"].value = start_kg(change["new"])

    picker.observe(pick, names="value")

    chart = ParamChart(lambda slider_values: architecture_ranking_chart(scores, ArchitectureSliders(**slider_values)))

    def update(values: dict):
        ranking, rows = architecture_results(scores, values)
        return ranking_table(ranking) + results_table(rows), chart({name: values[name] for name in asdict(sliders)})

    explorer = Explorer({**weight_inputs, "architecture": picker, **vehicle_inputs}, update)
    explorer.widget = ipw.VBox([
        ipw.HTML(f"<h4>{html.escape(label('architecture.heading.weights'))}</h4>"),
        ipw.VBox(list(weight_inputs.values())),
        ipw.HTML(f"<h4>{html.escape(label('architecture.heading.vehicle'))}</h4>"
                 f"<p>{html.escape(label('architecture.note.assumption'))}</p>"),
        ipw.VBox([picker, *vehicle_inputs.values()]),
        explorer.message, explorer.results, explorer.chart_output])
    return explorer
