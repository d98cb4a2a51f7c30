"""The teaching items: a magnet set's value and its Part I content value, hand-checked, and the four roles."""
import math

import pytest

from widgets.exposure.sample import ROLES, magnet_values_usd, sample_items

PART_I = frozenset(("Sm", "Dy", "Gd", "Tb", "Lu", "Sc", "Y"))
NAMES = {role: role.replace("_", " ") for role in ROLES}


def test_magnet_values_hand_checked():
    # 2 kg at US$50/kg = US$100; 3 wt % Dy = 0.06 kg at US$300/kg = US$18; Nd is not a Part I element
    value, content = magnet_values_usd(2.0, 50.0, {"Nd": 28.0, "Dy": 3.0}, {"Dy": 300.0}, PART_I)
    assert value == pytest.approx(100.0)
    assert content == pytest.approx(18.0)


def test_terbium_adds_to_the_part_i_content():
    _, content = magnet_values_usd(1.0, 50.0, {"Nd": 28.0, "Dy": 2.0, "Tb": 0.5}, {"Dy": 300.0, "Tb": 1000.0}, PART_I)
    assert content == pytest.approx(0.02 * 300 + 0.005 * 1000)


def test_four_items_one_per_role():
    table = sample_items(NAMES, 2.0, 50.0, {"Nd": 28.0, "Dy": 3.0}, {"Dy": 300.0}, PART_I, frozenset(("Dy", "Tb")))
    assert list(table["item"]) == [NAMES[r] for r in ROLES]
    by_role = table.set_index("item")
    abroad, motor = by_role.loc[NAMES["magnet_made_abroad"]], by_role.loc[NAMES["motor_made_abroad"]]
    assert (abroad["form"], bool(abroad["made_in_china"])) == ("permanent_magnet", False)
    assert motor["form"] == "assembly" and math.isnan(motor["value_usd"])       # no motor price is invented
    assert motor["part_i_content_value_usd"] == abroad["part_i_content_value_usd"]
    assert bool(by_role.loc[NAMES["magnet_made_in_china"], "made_in_china"])
    light = by_role.loc[NAMES["magnet_without_heavy_rare_earths"]]
    assert light["rare_earth_elements"] == "Nd" and light["part_i_content_value_usd"] == 0.0


@pytest.mark.parametrize("args, parameter", [
    ((0.0, 50.0, {"Dy": 3.0}, {"Dy": 300.0}), "magnet_mass_kg"),
    ((2.0, -1.0, {"Dy": 3.0}, {"Dy": 300.0}), "magnet_price_usd_per_kg"),
    ((2.0, 50.0, {"Xx": 3.0}, {"Dy": 300.0}), "content_wt_pct element"),
    ((2.0, 50.0, {"Dy": 130.0}, {"Dy": 300.0}), r"content_wt_pct\[Dy\]"),
    ((2.0, 50.0, {"Dy": 3.0}, {}), "element_value_usd_per_kg"),
    ((2.0, 50.0, {"Nd": 70.0, "Dy": 40.0}, {"Dy": 300.0}), "sum"),
    ((2.0, 50.0, {}, {"Dy": 300.0}), "content_wt_pct"),
])
def test_bad_input_is_named(args, parameter):
    with pytest.raises(ValueError, match=parameter):
        magnet_values_usd(*args, PART_I)
