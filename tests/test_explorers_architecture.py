"""The live architecture explorer: shows the model's ranking and per-vehicle numbers, and a bad input
shows the model's message in place."""
from __future__ import annotations

import pytest

from test_charts_architecture import SCORES
from widgets.motors.model import ArchitectureSliders
from widgets.explorers.architecture import architecture_explorer
from widgets.core.labels import label

START = ArchitectureSliders(5, 3, 4, 2, 1, 2, 30)
KG = {"pmsm-ndfeb": 1.8, "eesm-brushed": 0.0, "induction": 0.0}


def test_ranking_follows_the_weights():
    explorer = architecture_explorer(SCORES, START, KG)
    results = explorer.results.value
    # eesm-brushed 59.8 / 17 = 3.52 is first, pmsm-ndfeb 53.8 / 17 = 3.16 last (see test_charts_architecture)
    assert "3.52" in results and "3.16" in results
    assert results.index(label("architecture.name.eesm-brushed")) < results.index(label("architecture.name.pmsm-ndfeb"))
    for name in ("weight_cost", "weight_efficiency", "weight_power_density", "weight_nvh", "weight_maturity"):
        explorer.inputs[name].value = 0.0
    explorer.inputs["weight_rare_earth_exposure"].value = 0.0
    explorer.inputs["weight_power_density"].value = 1.0  # power density only: pmsm-ndfeb 5 first, induction 2 last
    results = explorer.results.value
    assert results.index(label("architecture.name.pmsm-ndfeb")) < results.index(label("architecture.name.induction"))
    assert "5.00" in results and "2.00" in results


def test_per_vehicle_panel_uses_the_readers_assumptions():
    explorer = architecture_explorer(SCORES, START, KG, architecture_id="pmsm-ndfeb")
    # start: both indices at the PMSM baseline 100 → index 100.0 whatever the mix; 1.8 kg from the caller
    assert '<td class="kit-number">100.0</td>' in explorer.results.value
    assert '<td class="kit-number">1.80 kg</td>' in explorer.results.value
    explorer.inputs["relative_energy_city"].value = 110.0
    explorer.inputs["relative_energy_highway"].value = 95.0
    # h = 30 %: 0.7 × 110 + 0.3 × 95 = 77 + 28.5 = 105.5
    assert '<td class="kit-number">105.5</td>' in explorer.results.value
    explorer.inputs["architecture"].value = "induction"  # picking loads the caller's kg for that architecture
    assert explorer.inputs["rare_earth_kg_per_vehicle"].value == 0.0
    assert "0.00 kg" in explorer.results.value and label("architecture.name.induction") in explorer.results.value


def test_one_start_value_for_every_architecture():
    explorer = architecture_explorer(SCORES, START, 2.5)
    explorer.inputs["architecture"].value = "induction"  # a single number is kept when the architecture changes
    assert explorer.inputs["rare_earth_kg_per_vehicle"].value == 2.5


@pytest.mark.parametrize("changes, fragment", [
    ({name: 0.0 for name in ("weight_rare_earth_exposure", "weight_cost", "weight_efficiency",
                             "weight_power_density", "weight_nvh", "weight_maturity")},
     "'sum of weights' = 0.0 is outside the allowed range (0, ∞)"),
    ({"weight_cost": -2.0}, "'weight_cost' = -2.0 is outside the allowed range [0, ∞)"),
    ({"highway_share_pct": 120.0}, "'highway_share_pct' = 120.0 is outside the allowed range [0, 100] %"),
    ({"relative_energy_city": 0.0}, "'relative_energy_city' = 0.0 is outside the allowed range (0, ∞)"),
    ({"rare_earth_kg_per_vehicle": -1.0}, "'rare_earth_kg_per_vehicle' = -1.0 is outside the allowed range [0, ∞) kg"),
])
def test_bad_input_shows_message_and_keeps_last_results(changes, fragment):
    explorer = architecture_explorer(SCORES, START, KG)
    start = explorer.results.value
    *first, (last_name, last_value) = changes.items()
    for name, value in first:  # still valid (some weight left): results update
        explorer.inputs[name].value = value
    before = explorer.results.value
    explorer.inputs[last_name].value = last_value
    assert fragment in explorer.message.value
    assert 'role="alert"' in explorer.message.value and "Traceback" not in explorer.message.value
    assert explorer.results.value == before
    for name in changes:
        explorer.inputs[name].value = getattr(START, name, None) if hasattr(START, name) else {
            "relative_energy_city": 100.0, "rare_earth_kg_per_vehicle": KG["pmsm-ndfeb"]}[name]
    assert explorer.message.value == ""
    assert explorer.results.value == start


def test_inputs_are_labelled_from_the_label_table():
    explorer = architecture_explorer(SCORES, START, KG)
    assert explorer.inputs["relative_energy_city"].description == label("architecture.input.relative_energy_city")
    assert explorer.inputs["weight_nvh"].description == label("architecture.slider.weight_nvh")
    assert label("architecture.note.assumption") in explorer.widget.children[2].value
