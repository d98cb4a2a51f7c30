"""Hand-checked oxide stoichiometry (IUPAC atomic weights; O = 15.999)."""
import math
import re

import pandas as pd
import pytest

from widgets.core.stoichiometry import (ATOMIC_MASS_G_PER_MOL, RARE_EARTH_ELEMENTS, element_mass_fraction_in_oxide,
                                          oxide_formula, oxide_kg_for_element_kg)


def test_seventeen_minus_pm_elements_and_oxygen():
    assert len(RARE_EARTH_ELEMENTS) == 16  # 15 lanthanides − Pm + Y + Sc
    assert "O" not in RARE_EARTH_ELEMENTS and ATOMIC_MASS_G_PER_MOL["O"] == 15.999


@pytest.mark.parametrize("symbol, formula", [("Nd", "Nd2O3"), ("Ce", "CeO2"), ("Pr", "Pr6O11"), ("Tb", "Tb4O7"),
                                             ("Y", "Y2O3"), ("Sc", "Sc2O3")])
def test_oxide_formula(symbol, formula):
    assert oxide_formula(symbol) == formula


@pytest.mark.parametrize("symbol, expected", [
    ("Nd", 0.857356),   # 2×144.242 = 288.484; 3×15.999 = 47.997; 288.484 / 336.481 = 0.857356
    ("Ce", 0.814088),   # 140.116 / (140.116 + 2×15.999 = 172.114) = 0.814088
    ("Pr", 0.827705),   # 6×140.908 = 845.448; 11×15.999 = 175.989; 845.448 / 1021.437 = 0.827705
    ("Tb", 0.850215),   # 4×158.925 = 635.700; 7×15.999 = 111.993; 635.700 / 747.693 = 0.850215
    ("Dy", 0.871321),   # 2×162.500 = 325.000; 325.000 / 372.997 = 0.871321
])
def test_element_mass_fraction_in_oxide(symbol, expected):
    assert element_mass_fraction_in_oxide(symbol) == pytest.approx(expected, rel=1e-5)


def test_oxide_kg_for_element_kg():
    assert oxide_kg_for_element_kg("Nd", 1.0) == pytest.approx(1.166377, rel=1e-5)  # 336.481 / 288.484
    assert oxide_kg_for_element_kg("Dy", 0.5) == pytest.approx(0.573842, rel=1e-5)  # 0.5 × 372.997 / 325
    assert oxide_kg_for_element_kg("Nd", 0) == 0.0


@pytest.mark.parametrize("symbol", ["Xx", "Pm", "O", "nd", "", None, 60, True, math.nan, pd.NA, ["Nd"]])
def test_unknown_symbol(symbol):
    with pytest.raises(ValueError, match=re.escape(f"Parameter 'symbol' = {symbol!r} is not allowed")):
        element_mass_fraction_in_oxide(symbol)
    with pytest.raises(ValueError, match=re.escape(f"Parameter 'symbol' = {symbol!r}")):
        oxide_formula(symbol)


@pytest.mark.parametrize("value, message", [
    (-1, "Parameter 'element_kg' = -1 is outside the allowed range [0, ∞) kg"),
    (math.nan, "Parameter 'element_kg' = nan is outside"),
    (math.inf, "Parameter 'element_kg' = inf is outside"),
    ("5", "Parameter 'element_kg' must be a number; got '5'"),
    (True, "Parameter 'element_kg' must be a number; got True"),
])
def test_bad_element_kg(value, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        oxide_kg_for_element_kg("Nd", value)


def test_bad_symbol_in_oxide_kg():
    with pytest.raises(ValueError, match=re.escape("Parameter 'symbol' = 'Fe' is not allowed")):
        oxide_kg_for_element_kg("Fe", 1.0)
