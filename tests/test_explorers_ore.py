"""The live ore explorer: shows the model's numbers, and a bad input shows a message in place."""
from __future__ import annotations

import pytest

from test_charts_ore import DEPOSITS
from widgets.ore.model import OreSliders
from widgets.explorers.ore import OreDeposit, ore_explorer

START = OreDeposit(ore_mt=100.0, grade_treo_pct=4.0, throughput_mt_ore_per_yr=1.0, tho2_grade_pct=0.2)
SLIDERS = OreSliders(100, 80, 20, 60, 0.5, 300, 2)


def test_results_follow_the_inputs():
    explorer = ore_explorer(DEPOSITS, START, SLIDERS)
    # contained = 100 Mt × 4 % = 4.00 Mt; cost = 100 / (0.04 × 0.80 × 1000) = US$ 3.125/kg
    assert "4.00 Mt" in explorer.results.value
    assert "US$ 3.12/kg" in explorer.results.value or "US$ 3.13/kg" in explorer.results.value
    explorer.inputs["grade_treo_pct"].value = 8.0  # cost halves: 100 / (0.08 × 0.8 × 1000) = 1.5625
    assert "US$ 1.56/kg" in explorer.results.value


@pytest.mark.parametrize("name, bad, fragment", [
    ("throughput_mt_ore_per_yr", 0.0, "'throughput_mt_ore_per_yr' = 0.0 is outside the allowed range"),
    ("grade_treo_pct", 120.0, "'grade_treo_pct' = 120.0 is outside the allowed range"),
    ("recovery_pct", -5.0, "'recovery_pct' = -5.0 is outside the allowed range"),
])
def test_bad_input_shows_message_and_keeps_last_results(name, bad, fragment):
    explorer = ore_explorer(DEPOSITS, START, SLIDERS)
    before = explorer.results.value
    explorer.inputs[name].value = bad
    assert fragment in explorer.message.value
    assert 'role="alert"' in explorer.message.value
    assert explorer.results.value == before
    explorer.inputs[name].value = getattr(START, name, None) or getattr(SLIDERS, name)
    assert explorer.message.value == ""


def test_picking_a_published_estimate_loads_its_grade():
    explorer = ore_explorer(DEPOSITS, START, SLIDERS)
    picker = explorer.widget.children[0].children[0]
    implied_option = [value for text, value in picker.options if text.startswith("B ·")][0]
    picker.value = implied_option
    assert explorer.inputs["grade_treo_pct"].value == pytest.approx(1.8012, abs=1e-4)  # 12.5 / 694 × 100
    assert explorer.inputs["ore_mt"].value == 694.0
