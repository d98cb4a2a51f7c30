"""The sample motor BOM and the value-share rule's threshold product value, hand-checked."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from test_charts_exposure import regulations as _regulations
from widgets.labels import label
from widgets.models.exposure import BOM_COLUMNS, assess_bom
from widgets.models.sample_bom import sample_motor_bom, value_rule_threshold_product_value_usd


def _bom(**changes):
    args = dict(magnet_mass_kg=2.0, magnet_price_usd_per_kg=60.0, magnet_elements="Nd;Pr;Dy",
                rare_earth_origin="china", made_in_china=True, made_with_chinese_technology=False,
                product_value_usd=3_000.0)
    args.update(changes)
    return sample_motor_bom(**args)


def test_two_components_hand_checked():
    bom = _bom()
    assert list(bom.columns) == list(BOM_COLUMNS)
    magnets, rest = bom.iloc[0], bom.iloc[1]
    assert magnets["component"] == label("exposure.bom.magnets") == "NdFeB rotor magnets"
    assert magnets["value_usd"] == pytest.approx(120.0)       # 2.0 kg × 60 US$/kg
    assert magnets["mass_kg"] == 2.0 and magnets["rare_earth_elements"] == "Nd;Pr;Dy"
    assert magnets["rare_earth_origin"] == "china" and magnets["made_in_china"]
    assert not magnets["made_with_chinese_technology"]
    assert rest["component"] == "rest of the motor"
    assert rest["value_usd"] == pytest.approx(2_880.0)        # 3,000 − 120
    assert rest["rare_earth_elements"] == "" and not rest["made_in_china"]
    assert not rest["made_with_chinese_technology"]


def test_elements_may_be_a_sequence_and_product_may_equal_magnet_value():
    bom = _bom(magnet_elements=["Nd", "Tb"], product_value_usd=120.0)   # 2.0 × 60 = 120 = product value
    assert bom.loc[0, "rare_earth_elements"] == "Nd;Tb"
    assert bom.loc[1, "value_usd"] == 0


def test_the_sample_bom_feeds_assess_bom():
    a = assess_bom(_regulations(), _bom(), "2026-12-01", 3_000.0)
    rows = a.components.set_index("component")
    assert rows.loc["NdFeB rotor magnets", "regulation_ids"] == "r-apr"  # made in China, contains Dy
    assert not rows.loc["rest of the motor", "licence_needed"]
    assert a.product_regulation_ids == ("r-value",)           # 120 / 3,000 × 100 = 4 % ≥ 0.1 %
    assert a.chinese_controlled_value_share_pct == pytest.approx(4.0)


@pytest.mark.parametrize("controlled, threshold, expected", [
    (100.0, 0.1, 100_000.0),    # 100 / (0.1 / 100) = 100 / 0.001
    (120.0, 0.1, 120_000.0),    # 120 / 0.001
    (250.0, 25.0, 1_000.0),     # 250 / 0.25
    (0.0, 0.1, 0.0),            # nothing controlled: the rule binds no product
])
def test_value_rule_threshold_product_value(controlled, threshold, expected):
    assert value_rule_threshold_product_value_usd(controlled, threshold) == pytest.approx(expected)


def test_threshold_product_value_is_the_edge_of_the_rule():
    edge = value_rule_threshold_product_value_usd(120.0, 0.1)     # 120,000 US$
    binds = assess_bom(_regulations(), _bom(product_value_usd=edge), "2026-12-01", edge)
    assert binds.product_regulation_ids == ("r-value",)          # 120 / 120,000 × 100 = 0.1 % ≥ 0.1 %
    above = assess_bom(_regulations(), _bom(product_value_usd=edge * 1.01), "2026-12-01", edge * 1.01)
    assert above.product_regulation_ids == ()                    # 120 / 121,200 × 100 = 0.099 % < 0.1 %


@pytest.mark.parametrize("changes, message", [
    (dict(product_value_usd=100.0),
     "Parameter 'product_value_usd' = 100.0 is outside the allowed range [120, ∞) USD (the magnet value)"),
    (dict(product_value_usd=0), "Parameter 'product_value_usd' = 0 is outside the allowed range (0, ∞) USD"),
    (dict(magnet_mass_kg=-1.0), "Parameter 'magnet_mass_kg' = -1.0 is outside the allowed range [0, ∞) kg"),
    (dict(magnet_price_usd_per_kg=np.nan), "Parameter 'magnet_price_usd_per_kg' = nan is outside"),
    (dict(magnet_price_usd_per_kg="60"), "Parameter 'magnet_price_usd_per_kg' must be a number; got '60'"),
    (dict(magnet_elements="Nd;Qq"), "Parameter 'magnet_elements' = 'Qq' is not allowed"),
    (dict(magnet_elements=""), "Parameter 'magnet_elements' is empty; list the magnets' rare earths"),
    (dict(magnet_elements=5), "Parameter 'magnet_elements' = 5 is not allowed"),
    (dict(rare_earth_origin="russia"),
     "Parameter 'rare_earth_origin' = 'russia' is not allowed; allowed: china, non_china, unknown"),
    (dict(rare_earth_origin=pd.NA), "Parameter 'rare_earth_origin' = <NA> is not allowed"),
    (dict(made_in_china="yes"), "Parameter 'made_in_china' = 'yes' is not allowed; allowed: True, False"),
    (dict(made_with_chinese_technology=1),
     "Parameter 'made_with_chinese_technology' = 1 is not allowed; allowed: True, False"),
    (dict(rest_of_motor_mass_kg=-3.0), "Parameter 'rest_of_motor_mass_kg' = -3.0 is outside"),
])
def test_sample_bom_bad_inputs(changes, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        _bom(**changes)


@pytest.mark.parametrize("controlled, threshold, message", [
    (100.0, 0, "Parameter 'threshold_pct' = 0 is outside the allowed range (0, 100] %"),
    (100.0, 150, "Parameter 'threshold_pct' = 150 is outside the allowed range (0, 100] %"),
    (-1.0, 0.1, "Parameter 'controlled_value_usd' = -1.0 is outside the allowed range [0, ∞) USD"),
    ("100", 0.1, "Parameter 'controlled_value_usd' must be a number; got '100'"),
])
def test_threshold_bad_inputs(controlled, threshold, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        value_rule_threshold_product_value_usd(controlled, threshold)
