"""The live fleet explorer: shows the model's numbers, presets move the levers, and a bad input
shows the model's message in place."""
from __future__ import annotations

import html
import re

import pytest

from test_models_fleet_levers import KG
from widgets.fleet.model import FleetSliders
from widgets.explorers.fleet import fleet_explorer
from widgets.core.labels import label

START = FleetSliders(20, 50, 10, 5, 1_000_000, 60, 400, 120, 1200)
PRESETS = {
    "Today": {"magnet_free_share_pct": 0, "hree_free_share_pct": 0, "ndpr_non_china_pct": 0, "dytb_non_china_pct": 0},
    "Diversified": {"magnet_free_share_pct": 50, "hree_free_share_pct": 100, "ndpr_non_china_pct": 40},
    "Broken": {"magnet_free_share_pct": 30, "annual_vehicles": -1},
    "Typo": {"magnet_free_share": 30},
}


def row(explorer, key):
    """The value cell of the results row labelled ``label(key)``."""
    name = html.escape(label(key))
    match = re.search(rf"<th[^>]*>{re.escape(name)}</th><td[^>]*>([^<]*)</td>", explorer.results.value)
    assert match, f"no row {name!r}"
    return match.group(1)


def picker_of(explorer):
    return explorer.widget.children[0].children[0]


def test_results_follow_the_levers():
    explorer = fleet_explorer(KG, START, PRESETS)
    # NdPr 1240 t, Dy+Tb 40 t; share (1116 + 38) / 1280 = 90.2 %; base cost 74.4 M + 16 M = 90.4 M
    assert row(explorer, "fleet.out.demand_ndpr") == "1,240.0 t/yr"
    assert row(explorer, "fleet.out.demand_dytb") == "40.0 t/yr"
    assert row(explorer, "fleet.out.china_dytb") == "38.0 t/yr"  # 40 × 95 %
    assert row(explorer, "fleet.out.china_share") == "90.2 %"
    assert row(explorer, "fleet.out.cost_base") == "US$ 90.4 million/yr"
    # increase: (1,240,000 × 120 + 40,000 × 1200) − 90.4 M = 148.8 M + 48 M − 90.4 M = 106.4 M
    assert row(explorer, "fleet.out.cost_increase") == "US$ 106.4 million/yr"
    assert row(explorer, "fleet.out.mix_pm_standard") == "40.0 %"
    # mix 20 / 20 / 60 %: NdPr 1e6 × (0.2 × 1.5 + 0.2 × 1.6) / 1000 = 620 t
    explorer.inputs["magnet_free_share_pct"].value = 60
    assert row(explorer, "fleet.out.demand_ndpr") == "620.0 t/yr"
    explorer.inputs["annual_vehicles"].value = 2_000_000  # doubles: 1240 t
    assert row(explorer, "fleet.out.demand_ndpr") == "1,240.0 t/yr"


def test_preset_moves_the_levers():
    explorer = fleet_explorer(KG, START, PRESETS)
    picker_of(explorer).value = "Diversified"
    assert explorer.inputs["magnet_free_share_pct"].value == 50
    assert explorer.inputs["hree_free_share_pct"].value == 100
    assert explorer.inputs["dytb_non_china_pct"].value == 5  # not in the preset: kept
    # mix: 50 % magnet-free, 50 % HREE-free, 0 standard → NdPr 1e6 × 0.5 × 1.6 / 1000 = 800 t; Dy+Tb 0 t
    # China-dependent NdPr 800 × 60 % = 480 t; share 480 / 800 = 60.0 %
    assert row(explorer, "fleet.out.demand_ndpr") == "800.0 t/yr"
    assert row(explorer, "fleet.out.demand_dytb") == "0.0 t/yr"
    assert row(explorer, "fleet.out.china_ndpr") == "480.0 t/yr"
    assert row(explorer, "fleet.out.china_share") == "60.0 %"


@pytest.mark.parametrize("preset, fragment", [
    ("Broken", "'annual_vehicles' = -1 is outside the allowed range (0, ∞) vehicles/yr"),
    ("Typo", "'preset lever' = 'magnet_free_share' is not allowed"),
])
def test_a_bad_preset_is_not_applied(preset, fragment):
    explorer = fleet_explorer(KG, START, PRESETS)
    before = explorer.results.value
    picker_of(explorer).value = preset
    assert fragment in explorer.message.value and 'role="alert"' in explorer.message.value
    assert explorer.inputs["magnet_free_share_pct"].value == 20  # nothing applied, not even the valid lever
    assert explorer.results.value == before


@pytest.mark.parametrize("name, bad, fragment", [
    ("annual_vehicles", 0.0, "'annual_vehicles' = 0.0 is outside the allowed range (0, ∞) vehicles/yr"),
    ("ndpr_price_base", -5.0, "'ndpr_price_base' = -5.0 is outside the allowed range [0, ∞) USD/kg"),
    ("dytb_price_shock", -1.0, "'dytb_price_shock' = -1.0 is outside the allowed range [0, ∞) USD/kg"),
])
def test_bad_input_shows_message_and_keeps_last_results(name, bad, fragment):
    explorer = fleet_explorer(KG, START, PRESETS)
    before = explorer.results.value
    explorer.inputs[name].value = bad
    assert fragment in explorer.message.value
    assert explorer.results.value == before
    explorer.inputs[name].value = getattr(START, name)
    assert explorer.message.value == ""


def test_share_levers_are_sliders_with_labels():
    explorer = fleet_explorer(KG, START)
    lever = explorer.inputs["hree_free_share_pct"]
    assert (lever.min, lever.max) == (0, 100)
    assert lever.description == label("fleet.slider.hree_free_share_pct")
    assert [text for text, _ in picker_of(explorer).options] == [label("fleet.input.custom")]
    assert picker_of(explorer).index == 0   # the drop-down shows its first choice, not an empty box
