"""The live magnet explorer: the results table follows the model, and a bad input shows the model's message
in place (never a traceback) while the last good results stay."""
from __future__ import annotations

import re

import pytest

from test_charts_magnets import content_table, magnets_table
from widgets.magnets.cost import MagnetSliders
from widgets.explorers.magnets import magnet_explorer
from html_rows import row_cells
from widgets.core.labels import label

SLIDERS = MagnetSliders(required_temp_c=200, baseline_mass_kg=2.0, ndpr_oxide_price_usd_per_kg=100,
                        dy_oxide_price_usd_per_kg=400, tb_oxide_price_usd_per_kg=1000, sm_oxide_price_usd_per_kg=20,
                        processing_cost_usd_per_kg_magnet=10, other_re_oxide_price_usd_per_kg=5)


def _cells(explorer, material):
    return row_cells(explorer.results.value, material)


def test_results_follow_the_inputs():
    explorer = magnet_explorer(magnets_table(), content_table(), "ndfeb", SLIDERS)
    meets, mass, heavy, cost, note = _cells(explorer, "Ferrite")
    # ferrite: 2.0 kg × 320/30 × 5.0/7.5 = 14.22 kg; no rare earths; 14.2222 × 10 US$/kg = 142 US$
    assert (meets, mass, heavy, cost, note) == (label("magnets.value.yes"), "14.22", "0.000", "142", "")
    meets, *_rest, note = _cells(explorer, "Sintered NdFeB")
    assert meets == label("magnets.value.no") and note == "rated to 150 °C, below the required 200 °C"
    *_numbers, cost, note = _cells(explorer, "Mystery alloy")                # kept, with the model's reason
    assert cost == "" and "cannot be sized: BHmax and density unknown" in note
    explorer.inputs["processing_cost_usd_per_kg_magnet"].value = 20.0     # 14.2222 × 20 = 284.44 US$
    assert _cells(explorer, "Ferrite")[3] == "284"
    explorer.inputs["required_temp_c"].value = 100.0                      # NdFeB rated 150 °C now meets it
    assert _cells(explorer, "Sintered NdFeB")[0] == label("magnets.value.yes")


def test_changing_the_baseline_rescales_the_masses():
    explorer = magnet_explorer(magnets_table(), content_table(), "ndfeb", SLIDERS)
    explorer.inputs["baseline_magnet_id"].value = "smco"
    # NdFeB replacing 2.0 kg of SmCo: 2.0 × 220/320 × 7.5/8.4 = 1.2277 kg
    assert _cells(explorer, "Sintered NdFeB")[1] == "1.23"
    assert explorer.message.value == ""


@pytest.mark.parametrize("name, bad, fragment", [
    ("required_temp_c", 1000.0, "Parameter 'required_temp_c' = 1000.0 is outside the allowed range [-50, 400] °C"),
    ("dy_oxide_price_usd_per_kg", -5.0,
     "Parameter 'element_prices_usd_per_kg_oxide['Dy']' = -5.0 is outside the allowed range [0, ∞) USD/kg"),
    ("baseline_mass_kg", 0.0, "Parameter 'baseline_mass_kg' = 0.0 is outside the allowed range (0, ∞) kg"),
    ("processing_cost_usd_per_kg_magnet", -1.0, "Parameter 'processing_cost_usd_per_kg_magnet' = -1.0 is outside"),
    ("baseline_magnet_id", "mystery", "Parameter 'baseline_magnet_id' = 'mystery' is not allowed; allowed: a magnet with a BHmax"),
])
def test_bad_input_shows_message_and_keeps_last_results(name, bad, fragment):
    explorer = magnet_explorer(magnets_table(), content_table(), "ndfeb", SLIDERS)
    before = explorer.results.value
    explorer.inputs[name].value = bad
    assert fragment in explorer.message.value.replace("&#x27;", "'")
    assert 'role="alert"' in explorer.message.value
    assert explorer.results.value == before
    explorer.inputs[name].value = "ndfeb" if name == "baseline_magnet_id" else getattr(SLIDERS, name)
    assert explorer.message.value == ""
