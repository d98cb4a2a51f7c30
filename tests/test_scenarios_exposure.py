"""Chapter 02's starting values come from the rows they name; choices are marked as choices; no motor price is
invented; the element values are oxide prices per kg of element contained."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from widgets.pages import book
from widgets.core.data import load_table, split_list
from widgets.exposure.model import assess_items, crossing_content_wt_pct
from widgets.core.stoichiometry import element_mass_fraction_in_oxide
from widgets.exposure import start as start
from widgets.magnets.start import traction_magnet_composition


def test_magnet_mass_price_and_composition_come_from_the_data():
    scenario, provenance = start.magnet_scenario()
    assert scenario.magnet_mass_kg == book.figure("model_parameters", "value",
                                                  parameter="ndfeb_magnet_mass_per_motor_kg_mp", scenario="reference")
    prices = load_table("prices")
    magnets = prices[(prices["commodity"] == "ndfeb_magnet") & (prices["unit"] == "usd_per_kg")]
    assert scenario.magnet_price_usd_per_kg == magnets["value_low"].min()
    composition = traction_magnet_composition()
    assert scenario.content_wt_pct["Dy"] == composition.dy_wt_pct.value          # one composition, kit-wide
    assert scenario.content_wt_pct["Nd"] == composition.nd_pr_wt_pct.value


def test_alternative_price_is_another_source():
    chosen, other = start.magnet_price(), start.alternative_magnet_price()
    assert other.source_id != chosen.source_id


def test_element_value_is_the_latest_oxide_price_per_kg_of_element():
    prices = load_table("prices")
    dy = prices[(prices["commodity"] == "dy_oxide") & (prices["market"] == start.ELEMENT_PRICE_MARKET)
                & (prices["basis"] == "annual_average")].sort_values("date")
    assert start.element_value_usd_per_kg("Dy").value == pytest.approx(
        dy["value_low"].iloc[-1] / element_mass_fraction_in_oxide("Dy"))


def test_part_i_elements_are_read_from_the_annex_rows():
    items = load_table("control_list_items")
    part_i = items[(items["list_id"] == start.ANNEX_LIST_ID) & (items["annex_part"] == "part_i")]
    assert start.part_i_elements() == {e for cell in part_i["elements"] for e in split_list(cell)}


def test_the_teaching_items_use_the_scenario_and_invent_no_motor_price():
    scenario, _ = start.magnet_scenario()
    table = start.items(scenario)
    value, content = scenario.values_usd
    magnet = table.iloc[0]
    assert magnet["value_usd"] == pytest.approx(value) and magnet["part_i_content_value_usd"] == pytest.approx(content)
    assert math.isnan(table.iloc[1]["value_usd"])


def test_crossing_content_is_the_models_at_the_scenarios_values():
    price = start.magnet_price().value
    expected = crossing_content_wt_pct(start.value_rule_threshold_pct().value,
                                       start.element_value_usd_per_kg("Dy").value, price)
    assert start.crossing_dy_wt_pct(price) == pytest.approx(expected)


def test_threshold_and_suspension_end_come_from_their_rows():
    assert start.value_rule_threshold_pct().value == book.figure("regulations", "value_share_threshold_pct",
                                                                 regulation_id=start.VALUE_RULE_ID)
    assert start.suspension_end() == pd.Timestamp(book.figure("regulations", "suspended_until",
                                                              regulation_id=start.SUSPENSION_ID))


def test_rules_binding_names_only_rules_the_model_finds():
    table = start.items()
    day = start.suspension_end() + pd.Timedelta(days=1)
    binding = start.rules_binding(table, day)
    result = assess_items(start.regulations(), start.control_list_items(), table, day)
    for name, ids in binding.items():
        assert bool(ids) is result.licence_needed[name]


def test_every_item_rule_names_a_control_list_whose_elements_match_elements_covered():
    regulations, items = load_table("regulations"), load_table("control_list_items")
    for _, rule in regulations[regulations["control_list"].notna()].iterrows():
        listed = {e for cell in items.loc[items["list_id"] == rule["control_list"], "elements"] for e in split_list(cell)}
        assert listed == set(split_list(rule["elements_covered"])), rule["regulation_id"]
