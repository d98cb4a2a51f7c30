"""The live export-control explorer: the per-item table follows the date, the destination, the end use, the
contested-reading switch and the edited rows; bad input shows the model's message and keeps the last results."""
from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pytest

from conftest import small_control_lists, small_regulations
from html_rows import row_cells
from test_models_exposure import item, items
from widgets.explorers.exposure import exposure_explorer
from widgets.core.labels import label

YES, NO = label("exposure.value.yes"), label("exposure.value.no")


def _explorer(day=dt.date(2026, 12, 1)):
    table = items(item("abroad"), item("china", made_in_china=True), item("motor", form="assembly", value=5000.0))
    return exposure_explorer(small_regulations(), small_control_lists(), table, day)


def _row(explorer, name):
    return row_cells(explorer.results.value, name)


def test_results_follow_the_date():
    explorer = _explorer()
    assert _row(explorer, "abroad")[0] == YES and "rule r-value" in _row(explorer, "abroad")[1]
    assert _row(explorer, "motor")[0] == NO
    explorer.inputs["on_date"].value = dt.date(2025, 3, 1)               # before every rule
    assert [_row(explorer, n)[0] for n in ("abroad", "china", "motor")] == [NO, NO, NO]


def test_an_unknown_value_stays_empty_and_the_explorer_starts_without_a_message():
    table = items(item("abroad"), item("motor", form="assembly", value=np.nan))   # the motor's value is unknown
    explorer = exposure_explorer(small_regulations(), small_control_lists(), table, dt.date(2026, 12, 1))
    motor = explorer.grid.rows[1]
    assert motor.cells["value_usd"].value == ""           # an empty box, not a zero the model would reject
    assert np.isnan(motor.record()["value_usd"])
    assert explorer.last_error is None and _row(explorer, "motor")[0] == NO


def test_the_contested_reading_switch_tests_the_motor():
    explorer = _explorer()
    explorer.grid.rows[2].cells["part_i_content_value_usd"].value = 10.0    # 0.2 % of the motor's US$5,000
    assert _row(explorer, "motor")[0] == NO
    explorer.inputs["include_contested"].value = True
    assert _row(explorer, "motor")[0] == YES


def test_destination_and_end_use_switch_the_ban():
    explorer = _explorer(dt.date(2026, 2, 1))
    assert "rule r-ban" not in _row(explorer, "china")[1]
    explorer.inputs["destination"].value = "JP"
    explorer.inputs["end_use"].value = "military"
    assert "rule r-ban" in _row(explorer, "china")[1]


def test_add_edit_and_remove_rows():
    explorer = _explorer()
    new = explorer.grid.add_row()
    name = new.cells["item"].value
    assert _row(explorer, name)[0] == NO
    new.cells["form"].value = "permanent_magnet"
    new.cells["rare_earth_elements"].value = "Dy"
    new.cells["rare_earth_origin"].value = "china"
    new.cells["part_i_content_value_usd"].value = 0.5                     # 50 % of its US$1
    assert _row(explorer, name)[0] == YES
    explorer.grid.remove_row(new)
    assert name not in explorer.results.value


@pytest.mark.parametrize("edit, parameter", [
    (lambda e: setattr(e.grid.rows[0].cells["rare_earth_elements"], "value", "Nd;Xx"), "rare_earth_elements"),
    (lambda e: setattr(e.grid.rows[0].cells["value_usd"], "value", "-5"), "value_usd"),
    (lambda e: setattr(e.grid.rows[0].cells["value_usd"], "value", "about 40"), label("exposure.grid.value_usd")),
    (lambda e: setattr(e.grid.rows[1].cells["item"], "value", "abroad"), "more than once"),
    (lambda e: e.grid.remove_row(e.grid.rows[-1]), "add at least one item"),
    (lambda e: setattr(e.inputs["on_date"], "value", None), label("exposure.input.on_date")),
])
def test_bad_input_shows_a_message_and_keeps_the_last_results(edit, parameter):
    explorer = _explorer()
    if parameter == "add at least one item":        # leave one row, then remove it
        for row in list(explorer.grid.rows)[1:]:
            explorer.grid.remove_row(row)
    before = explorer.results.value
    edit(explorer)
    assert parameter in explorer.last_error and 'role="alert"' in explorer.message.value
    assert explorer.results.value == before
