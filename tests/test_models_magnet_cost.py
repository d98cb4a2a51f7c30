"""Hand-checked magnet sizing and cost (first-order equal-stored-energy approximation)."""
import math
import re

import numpy as np
import pandas as pd
import pytest

from widgets.charts.words import magnet_reason
from widgets.core.labels import label

from widgets.core.stoichiometry import RARE_EARTH_ELEMENTS
from widgets.magnets.cost import magnet_options

NAN = np.nan


def _magnets():
    return pd.DataFrame({
        "magnet_id": ["ndfeb", "ferrite", "smco", "mystery"],
        "name_en": ["NdFeB", "Ferrite", "SmCo", "Mystery"],
        "family": ["ndfeb", "ferrite", "smco", "other"],
        "bhmax_kj_per_m3_min": [300, 30, 200, NAN],
        "bhmax_kj_per_m3_max": [340, NAN, 240, NAN],
        "max_operating_temp_c": [180, 250, 350, NAN],
        "density_g_per_cm3": [7.5, 5.0, 8.4, NAN],
    })


def _content():
    return pd.DataFrame({
        "magnet_id": ["ndfeb", "ndfeb", "ndfeb", "ndfeb", "smco", "smco", "ferrite"],
        "element": ["Nd", "Pr", "Dy", "Fe", "Sm", "Co", "Sr"],
        "wt_pct_min": [28, 4, 2, 60, 23, 48, 8],
        "wt_pct_max": [32, 6, 4, 66, 27, 52, 9],
    })


PRICES = {"Nd": 100, "Pr": 110, "Dy": 400, "Sm": 20}


def _run(magnets=None, content=None, required_temp_c=200, baseline_magnet_id="ndfeb", baseline_mass_kg=2.0,
         prices=PRICES, processing=10):
    return magnet_options(_magnets() if magnets is None else magnets, _content() if content is None else content,
                          required_temp_c, baseline_magnet_id, baseline_mass_kg, prices, processing)


def test_columns_and_one_row_per_magnet():
    result = _run()
    assert list(result["magnet_id"]) == ["ndfeb", "ferrite", "smco", "mystery"]
    assert [c for c in result.columns if c.startswith("re_kg_")] == ["re_kg_Pr", "re_kg_Nd", "re_kg_Sm", "re_kg_Dy"]


def test_baseline_ndfeb_hand_checked():
    r = _run().set_index("magnet_id").loc["ndfeb"]
    assert r["bhmax_kj_per_m3"] == pytest.approx(320)      # (300 + 340) / 2
    assert r["mass_needed_kg"] == pytest.approx(2.0)       # baseline: 2.0 × 320/320 × 7.5/7.5
    assert r["re_kg_Nd"] == pytest.approx(0.6)             # 2.0 kg × (28 + 32)/2 % = 2.0 × 0.30
    assert r["re_kg_Pr"] == pytest.approx(0.1)             # 2.0 × 5 %
    assert r["re_kg_Dy"] == pytest.approx(0.06)            # 2.0 × 3 %
    assert r["heavy_re_kg"] == pytest.approx(0.06)         # Dy only
    assert r["total_re_kg"] == pytest.approx(0.76)         # 0.6 + 0.1 + 0.06 (Fe is not a rare earth)
    # Nd: 0.6 kg / 0.857356 = 0.699826 kg Nd2O3 × 100 = 69.9826 USD
    # Pr: 0.1 kg / 0.827705 = 0.120816 kg Pr6O11 × 110 = 13.2898 USD
    # Dy: 0.06 kg / 0.871321 = 0.068861 kg Dy2O3 × 400 = 27.5444 USD   → Σ = 110.8168 USD
    assert r["oxide_cost_usd_per_motor"] == pytest.approx(110.8168, rel=1e-5)
    assert r["processing_cost_usd_per_motor"] == pytest.approx(20)   # 2.0 kg × 10 USD/kg
    assert r["material_cost_usd_per_motor"] == pytest.approx(130.8168, rel=1e-5)
    assert not r["meets_temperature"] and r["sizable"]
    assert r["reason_codes"] == "too_cold" and r["required_temp_c"] == 200
    assert magnet_reason(r) == label("reason.magnet.too_cold", rated="180", required="200")


def test_ferrite_hand_checked():
    r = _run().set_index("magnet_id").loc["ferrite"]
    assert r["bhmax_kj_per_m3"] == pytest.approx(30)             # only the minimum is given
    assert r["mass_needed_kg"] == pytest.approx(14.222222, rel=1e-6)  # 2.0 × 320/30 × 5.0/7.5 = 14.2222 kg
    assert r["total_re_kg"] == 0 and r["oxide_cost_usd_per_motor"] == 0
    assert r["material_cost_usd_per_motor"] == pytest.approx(142.22222, rel=1e-6)  # 14.2222 kg × 10 USD/kg
    assert r["meets_temperature"] and r["reason_codes"] == "" and magnet_reason(r) == ""


def test_smco_hand_checked():
    r = _run().set_index("magnet_id").loc["smco"]
    assert r["mass_needed_kg"] == pytest.approx(3.258182, rel=1e-6)  # 2.0 × 320/220 × 8.4/7.5
    assert r["re_kg_Sm"] == pytest.approx(0.8145455, rel=1e-6)      # 3.258182 × 25 %
    assert r["heavy_re_kg"] == 0                                     # Sm is a light rare earth
    # Sm2O3: f = 300.72 / 348.717 = 0.862361; 0.8145455 / 0.862361 = 0.944553 kg × 20 USD/kg = 18.8911 USD
    assert r["oxide_cost_usd_per_motor"] == pytest.approx(18.8911, rel=1e-5)
    assert r["material_cost_usd_per_motor"] == pytest.approx(18.8911 + 32.58182, rel=1e-5)  # + 3.258182 × 10


def test_unsizable_magnet_is_reported_not_dropped():
    r = _run().set_index("magnet_id").loc["mystery"]
    assert not r["sizable"] and not r["meets_temperature"]
    assert math.isnan(r["mass_needed_kg"]) and math.isnan(r["material_cost_usd_per_motor"])
    assert r["reason_codes"].split(";") == ["temp_unknown", "missing_bhmax", "missing_density"]


def test_unknown_content_cannot_be_costed():
    content = pd.concat([_content(), pd.DataFrame({"magnet_id": ["smco"], "element": ["Gd"],
                                                    "wt_pct_min": [NAN], "wt_pct_max": [NAN]})])
    r = _run(content=content, prices={**PRICES, "Gd": 50}).set_index("magnet_id").loc["smco"]
    assert r["sizable"] and r["mass_needed_kg"] == pytest.approx(3.258182, rel=1e-6)
    assert math.isnan(r["material_cost_usd_per_motor"])
    assert r["reason_codes"] == "content_unknown" and r["content_unknown_elements"] == "Gd"


def test_baseline_change_scales_mass():
    r = _run(baseline_magnet_id="smco", baseline_mass_kg=3.0).set_index("magnet_id")
    assert r.loc["ndfeb", "mass_needed_kg"] == pytest.approx(1.841518, rel=1e-6)  # 3.0 × 220/320 × 7.5/8.4


@pytest.mark.parametrize("kwargs, message", [
    (dict(required_temp_c=500), "Parameter 'required_temp_c' = 500 is outside the allowed range [-50, 400] °C"),
    (dict(required_temp_c=-60), "Parameter 'required_temp_c' = -60 is outside"),
    (dict(required_temp_c=NAN), "Parameter 'required_temp_c' = nan is outside"),
    (dict(required_temp_c="hot"), "Parameter 'required_temp_c' must be a number; got 'hot'"),
    (dict(baseline_mass_kg=0), "Parameter 'baseline_mass_kg' = 0 is outside the allowed range (0, ∞) kg"),
    (dict(baseline_mass_kg=-2), "Parameter 'baseline_mass_kg' = -2 is outside"),
    (dict(baseline_mass_kg=True), "Parameter 'baseline_mass_kg' must be a number; got True"),
    (dict(baseline_magnet_id="nope"), "Parameter 'baseline_magnet_id' = 'nope' is not allowed; allowed: ndfeb"),
    (dict(baseline_magnet_id="mystery"),
     "Parameter 'baseline_magnet_id' = 'mystery' is not allowed; allowed: a magnet with a BHmax and a density"),
    (dict(prices={**PRICES, "Nd": -1}),
     "Parameter 'element_prices_usd_per_kg_oxide['Nd']' = -1 is outside the allowed range [0, ∞) USD/kg"),
    (dict(prices={**PRICES, "Nd": NAN}), "Parameter 'element_prices_usd_per_kg_oxide['Nd']' = nan is outside"),
    (dict(prices={"Nd": 100, "Pr": 110, "Sm": 20}),
     "Parameter 'element_prices_usd_per_kg_oxide['Dy']' is missing; give an oxide price for Dy, contained in 'ndfeb'"),
    (dict(prices={**PRICES, "Xx": 1}), "Parameter 'element_prices_usd_per_kg_oxide key' = 'Xx' is not allowed"),
    (dict(prices=[100]), "Parameter 'element_prices_usd_per_kg_oxide' = [100] is not allowed"),
    (dict(processing=-1), "Parameter 'processing_cost_usd_per_kg_magnet' = -1 is outside the allowed range [0, ∞)"),
    (dict(magnets=_magnets().iloc[0:0]), "Parameter 'magnets' is empty; give at least one magnet material"),
    (dict(magnets="ndfeb"), "Parameter 'magnets' = 'str' is not allowed"),
    (dict(magnets=_magnets().drop(columns="density_g_per_cm3")),
     "Parameter 'magnets column' = 'density_g_per_cm3' is not allowed"),
    (dict(magnets=_magnets().assign(density_g_per_cm3=[7.5, -5.0, 8.4, NAN])),
     "Parameter 'magnets (magnet_id='ferrite') density_g_per_cm3' = -5.0 is outside the allowed range (0, ∞)"),
    (dict(magnets=_magnets().assign(bhmax_kj_per_m3_min=[300, 30, 0, NAN])),
     "Parameter 'magnets (magnet_id='smco') bhmax_kj_per_m3_min' = 0.0 is outside the allowed range (0, ∞)"),
    (dict(magnets=_magnets().assign(bhmax_kj_per_m3_max=[200, NAN, 240, NAN])),
     "Parameter 'magnets (magnet_id='ndfeb') bhmax_kj_per_m3_max' = 200.0 is outside the allowed range [300, ∞)"),
    (dict(magnets=_magnets().assign(magnet_id=["ndfeb", pd.NA, "smco", "mystery"])),
     "Parameter 'magnets magnet_id' = nan is not allowed; allowed: a non-empty identifier"),
    (dict(magnets=pd.concat([_magnets(), _magnets().iloc[:1]])),
     "Parameter 'magnets.magnet_id' has 'ndfeb' more than once"),
    (dict(content=_content().assign(wt_pct_max=[32, 6, 140, 66, 27, 52, 9])),
     "Parameter 'content (magnet_id='ndfeb', element='Dy') wt_pct_max' = 140 is outside the allowed range [0, 100]"),
    (dict(content=_content().assign(element=["Nd", "Pr", "Xx", "Fe", "Sm", "Co", "Sr"])),
     "Parameter 'content (magnet_id='ndfeb', element='Xx') element' = 'Xx' is not allowed"),
])
def test_bad_inputs(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        _run(**kwargs)


def test_reasons_read_in_both_languages_from_the_same_codes(monkeypatch):
    r = _run().set_index("magnet_id").loc["mystery"]
    monkeypatch.setenv("KIT_LANG", "en")
    english = magnet_reason(r)
    monkeypatch.setenv("KIT_LANG", "ja")
    japanese = magnet_reason(r)
    assert english.startswith("maximum operating temperature unknown") and "BHmax" in english
    assert japanese != english and "最高使用温度" in japanese


def test_per_kg_oxide_groups_sum_to_the_models_oxide_cost():
    from widgets.magnets.cost import OTHER_GROUP, PRICE_GROUPS, magnet_per_kg_table
    per_kg = magnet_per_kg_table(_magnets(), _content(), "ndfeb").set_index("magnet_id")
    unit = magnet_options(_magnets(), _content(), -50.0, "ndfeb", 1.0,
                          dict.fromkeys(RARE_EARTH_ELEMENTS, 1.0), 0.0).set_index("magnet_id")
    for magnet_id, row in per_kg[per_kg["costable"]].iterrows():
        total = sum(row[f"oxide_{g}_kg_per_kg"] for g in (*PRICE_GROUPS, OTHER_GROUP)) * row["mass_per_baseline_kg"]
        assert total == pytest.approx(unit.loc[magnet_id, "oxide_cost_usd_per_motor"], rel=1e-9)
