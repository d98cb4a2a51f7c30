"""The live exposure explorer: the per-component table and the verdict follow the date and the edited BOM;
an empty BOM or a bad value shows the model's message in place and keeps the last good results."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from test_charts_exposure import PRODUCT_VALUE_USD, motor_bom, regulations
from widgets.explorers.exposure import exposure_explorer
from widgets.labels import label

MAGNETS = "NdFeB rotor magnets"


def _explorer(day=dt.date(2026, 12, 1)):
    return exposure_explorer(regulations(), motor_bom(), day, PRODUCT_VALUE_USD)


def _row(explorer, component):
    html = explorer.results.value
    row = re.search(rf"<tr><td[^>]*>{re.escape(component)}</td>(.*?)</tr>", html).group(1)
    return re.findall(r"<td[^>]*>(.*?)</td>", row)


def _verdict(explorer):
    return re.search(r"<strong>(.*?)</strong>", explorer.results.value).group(1)


def test_results_follow_the_date():
    explorer = _explorer()
    rules, licence, reason = _row(explorer, MAGNETS)
    assert (rules, licence) == ("r-apr", label("exposure.value.yes"))
    assert reason == "r-apr: exported from China and contains Dy"
    assert _verdict(explorer) == f"{label('exposure.out.product')}: {label('exposure.out.verdict_licence')}"
    # 120 US$ (2.0 kg × 60 US$/kg) of 3,000 US$ = 4 % ≥ 0.1 % → the value-share rule binds the product
    assert "are 4 % of the product value" in explorer.results.value
    assert "US$ 120.00 (4 %)" in explorer.results.value
    explorer.inputs["on_date"].value = dt.date(2023, 1, 1)              # before every rule
    assert _row(explorer, MAGNETS)[:2] == [label("exposure.out.none"), label("exposure.value.no")]
    assert _verdict(explorer).endswith(label("exposure.out.verdict_no_licence"))


def test_editing_the_grid_changes_the_verdict():
    explorer = _explorer()
    magnets = explorer.grid.rows[0]
    magnets.cells["made_in_china"].value = False                        # April licence no longer applies …
    assert _row(explorer, MAGNETS)[1] == label("exposure.value.no")
    assert "r-value" in explorer.results.value                          # … but the value-share rule still does
    magnets.cells["rare_earth_origin"].value = "non_china"              # not Chinese-origin: nothing binds
    assert _verdict(explorer).endswith(label("exposure.out.verdict_no_licence"))
    magnets.cells["made_with_chinese_technology"].value = True          # r-tech is in force from 2026-11-11
    assert _row(explorer, MAGNETS)[:2] == ["r-tech", label("exposure.value.yes")]


def test_add_and_remove_rows():
    explorer = _explorer()
    new = explorer.grid.add_row()
    name = f"{label('exposure.grid.new_component')} 3"
    assert new.cells["component"].value == name and len(explorer.grid.rows) == 3
    assert _row(explorer, name)[:2] == [label("exposure.out.none"), label("exposure.value.no")]
    new.cells["rare_earth_elements"].value = "Tb"
    new.cells["made_in_china"].value = True
    assert _row(explorer, name) == ["r-apr", label("exposure.value.yes"), "r-apr: exported from China and contains Tb"]
    new.remove.click()
    assert len(explorer.grid.rows) == 2 and name not in explorer.results.value


def test_empty_bom_shows_the_models_message():
    explorer = _explorer()
    explorer.grid.rows[0].remove.click()                                # one row left: still a valid BOM
    before = explorer.results.value
    assert MAGNETS not in before and explorer.message.value == ""
    explorer.grid.rows[0].remove.click()                                # no rows left
    assert "Parameter 'bom' is empty; add at least one component" in explorer.message.value
    assert 'role="alert"' in explorer.message.value and explorer.results.value == before
    explorer.grid.add_row()
    assert explorer.message.value == ""


@pytest.mark.parametrize("edit, fragment", [
    (lambda e: setattr(e.grid.rows[0].cells["value_usd"], "value", -1.0),
     f"Parameter 'bom (component='{MAGNETS}') value_usd' = -1.0 is outside the allowed range [0, ∞) USD"),
    (lambda e: setattr(e.grid.rows[1].cells["mass_kg"], "value", -20.0),
     "Parameter 'bom (component='rest of the motor') mass_kg' = -20.0 is outside"),
    (lambda e: setattr(e.grid.rows[0].cells["rare_earth_elements"], "value", "Nd;Qq"),
     f"Parameter 'bom (component='{MAGNETS}') rare_earth_elements' = 'Qq' is not allowed"),
    (lambda e: setattr(e.grid.rows[1].cells["component"], "value", MAGNETS),
     f"Parameter 'bom.component' = '{MAGNETS}' is not allowed; allowed: each component name once"),
    (lambda e: setattr(e.grid.rows[1].cells["component"], "value", ""),
     "Parameter 'bom.component' = '' is not allowed; allowed: a non-empty component name"),
    (lambda e: setattr(e.inputs["product_value_usd"], "value", 0.0),
     "Parameter 'product_value_usd' = 0.0 is outside the allowed range (0, ∞) USD"),
    (lambda e: setattr(e.inputs["on_date"], "value", None),
     "Parameter 'on_date' = None is not allowed; allowed: a date (YYYY-MM-DD)"),
])
def test_bad_values_show_the_models_message(edit, fragment):
    explorer = _explorer()
    before = explorer.results.value
    edit(explorer)
    assert fragment in explorer.message.value
    assert 'role="alert"' in explorer.message.value
    assert explorer.results.value == before
