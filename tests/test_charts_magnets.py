"""Magnet charts: the property map's points and bars, one row per material, and parity of the cost chart's
Vega expressions (evaluated by VegaFusion at several slider positions) with widgets.magnets.cost."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from widgets.charts import magnets as magnet_chart
from widgets.magnets.cost import MagnetSliders, magnet_per_kg_table
from widgets.core.labels import label
from widgets.magnets.cost import magnet_options, one_content_row_per_element

NAN = np.nan
MAGNET_COLUMNS = ["magnet_id", "family", "grade", "name_en", "name_ja", "br_t_min", "br_t_max", "hcj_ka_per_m_min",
                  "hcj_ka_per_m_max", "bhmax_kj_per_m3_min", "bhmax_kj_per_m3_max", "max_operating_temp_c",
                  "density_g_per_cm3", "maturity", "developers", "value_kind", "source_id", "as_of", "confidence",
                  "note"]


def magnets_table() -> pd.DataFrame:
    """Five materials, one row each; ``mystery`` has no BHmax or density (cannot be sized)."""
    rows = [
        ["ndfeb", "ndfeb", "N42SH", "Sintered NdFeB", "焼結NdFeB", 1.28, 1.32, 1600, 1700, 300, 340, 150, 7.5,
         "commercial", "", "typical", "vendor_a", "2025-01-01", "vendor", ""],
        ["ndfeb-hre", "ndfeb", "N38UH", "NdFeB with Dy/Tb", "重希土類入りNdFeB", 1.20, 1.25, 2000, 2100, 280, 300,
         180, 7.6, "commercial", "", "typical", "vendor_a", "2025-01-01", "vendor", ""],
        ["ferrite", "ferrite", "Y30", "Ferrite", "フェライト", 0.38, NAN, 240, 280, 30, NAN, 250, 5.0,
         "commercial", "", "typical", "vendor_b", "2025-01-01", "secondary", ""],
        ["smco", "smco", "Sm2Co17", "SmCo", "SmCo", 1.05, 1.10, 1500, NAN, 200, 240, 350, 8.4,
         "commercial", "", "typical", "vendor_b", "2025-01-01", "primary", ""],
        ["mystery", "other", "X", "Mystery alloy", "謎の合金", NAN, NAN, 900, NAN, NAN, NAN, NAN, NAN,
         "lab", "", "claim", "claim_c", "2025-01-01", "company-claim", ""],
    ]
    return pd.DataFrame(rows, columns=MAGNET_COLUMNS)


def content_table() -> pd.DataFrame:
    rows = [  # magnet_id, element, wt_pct_min, wt_pct_max
        ("ndfeb", "Nd", 28, 32), ("ndfeb", "Pr", 4, 6), ("ndfeb", "Dy", 0, 1), ("ndfeb", "Fe", 60, 66),
        ("ndfeb-hre", "Nd", 24, 26), ("ndfeb-hre", "Pr", 4, 6), ("ndfeb-hre", "Dy", 3, 5), ("ndfeb-hre", "Tb", 0.5, 1.5),
        ("ndfeb-hre", "Gd", 0.5, 0.5),
        ("smco", "Sm", 23, 27), ("smco", "Co", 48, 52), ("ferrite", "Sr", 8, 9),
    ]
    frame = pd.DataFrame(rows, columns=["magnet_id", "element", "wt_pct_min", "wt_pct_max"])
    return frame.assign(content_kind="typical", source_id="vendor_a")


POSITIONS = [
    MagnetSliders(200, 2.0, 100, 400, 1000, 20, 10, 5),
    MagnetSliders(120, 1.5, 60, 250, 800, 10, 0, 0),
    MagnetSliders(300, 4.2, 180, 900, 2500, 55, 35, 40),
]


def _model(sliders: MagnetSliders, baseline="ndfeb") -> pd.DataFrame:
    return magnet_options(magnets_table(), content_table(), sliders.required_temp_c, baseline,
                          sliders.baseline_mass_kg, sliders.element_prices(),
                          sliders.processing_cost_usd_per_kg_magnet).set_index("magnet_id")


def _by_material(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.set_index("magnet_id")


@pytest.mark.parametrize("sliders", POSITIONS)
def test_cost_chart_matches_model(sliders):
    per_kg = magnet_per_kg_table(magnets_table(), content_table(), "ndfeb")
    (cost_bars, cost_values, cost_notes), (heavy_bars, _heavy_values, heavy_notes) = _panels(
        magnet_chart.magnet_cost_chart(per_kg, sliders))
    model = _model(sliders)
    bars = _by_material(cost_bars)
    costed = ["ndfeb", "ndfeb-hre", "ferrite", "smco"]
    assert sorted(bars.index) == sorted(costed)                     # mystery has no bar …
    assert list(cost_notes["magnet_id"]) == ["mystery"]            # … but keeps its row with the note
    assert cost_notes["note"].iloc[0] == label("magnets.note.cannot_be_sized")
    for magnet_id in costed:
        expected = model.loc[magnet_id]
        assert bars.loc[magnet_id, "material_cost_usd_per_motor"] == pytest.approx(
            expected["material_cost_usd_per_motor"], rel=1e-9)
        assert bars.loc[magnet_id, "mass_needed_kg"] == pytest.approx(expected["mass_needed_kg"], rel=1e-9)
        assert bars.loc[magnet_id, "heavy_re_kg"] == pytest.approx(expected["heavy_re_kg"], rel=1e-9, abs=1e-12)
        assert bool(bars.loc[magnet_id, "meets_temperature"]) == bool(expected["meets_temperature"])
        assert _by_material(heavy_bars).loc[magnet_id, "heavy_re_kg"] == pytest.approx(
            expected["heavy_re_kg"], rel=1e-9, abs=1e-12)
    assert bool(cost_notes["meets_temperature"].iloc[0]) == bool(model.loc["mystery", "meets_temperature"])
    assert _by_material(cost_values)["material_cost_usd_per_motor"].to_dict() == pytest.approx(
        bars["material_cost_usd_per_motor"].to_dict())
    assert list(heavy_notes["magnet_id"]) == ["mystery"]


def _panels(chart):
    frames = chart.transformed_data()
    if len(frames) == 2:  # vconcat → one list per panel
        return frames
    return frames[:3], frames[3:]


def test_hand_checked_position():
    """Baseline NdFeB, 2 kg, NdPr 100, Dy 400, Tb 1000, processing 10, required 200 °C."""
    per_kg = magnet_per_kg_table(magnets_table(), content_table(), "ndfeb")
    (bars, _values, _notes), _heavy = _panels(magnet_chart.magnet_cost_chart(per_kg, POSITIONS[0]))
    bars = _by_material(bars)
    # Ferrite: 2.0 kg × 320/30 × 5.0/7.5 = 14.2222 kg, no rare earths → 14.2222 × 10 US$/kg = 142.22 US$
    assert bars.loc["ferrite", "material_cost_usd_per_motor"] == pytest.approx(142.2222, rel=1e-6)
    assert bars.loc["ferrite", "meets_temperature"]                  # rated 250 °C ≥ 200 °C
    assert not bars.loc["ndfeb", "meets_temperature"]                # rated 150 °C < 200 °C
    # NdFeB-HRE heavy RE: mass 2.0 × 320/290 × 7.6/7.5 = 2.236322 kg; Dy 4 % + Tb 1 % + Gd 0.5 % = 5.5 %
    # → 2.236322 × 0.055 = 0.122998 kg
    assert bars.loc["ndfeb-hre", "heavy_re_kg"] == pytest.approx(0.122998, rel=1e-5)


def test_per_kg_table_hand_checked():
    per_kg = magnet_per_kg_table(magnets_table(), content_table(), "ndfeb").set_index("magnet_id")
    # SmCo: 320/220 × 8.4/7.5 = 1.629091 kg per kg of baseline NdFeB
    assert per_kg.loc["smco", "mass_per_baseline_kg"] == pytest.approx(1.629091, rel=1e-6)
    # Sm 25 % → Sm2O3 per kg of magnet: 0.25 / (300.72 / 348.717) = 0.25 / 0.862361 = 0.289902 kg
    assert per_kg.loc["smco", "oxide_sm_kg_per_kg"] == pytest.approx(0.289902, rel=1e-5)
    assert per_kg.loc["smco", "oxide_ndpr_kg_per_kg"] == 0
    # NdFeB-HRE: Gd is neither NdPr, Dy, Tb nor Sm → the "other" group; 0.005 / (314.5 / 362.497) = 0.005763 kg
    assert per_kg.loc["ndfeb-hre", "oxide_other_kg_per_kg"] == pytest.approx(0.005763, rel=1e-3)
    assert per_kg.loc["ndfeb-hre", "dy_kg_per_kg"] == pytest.approx(0.04)         # (3 + 5) / 2 %
    assert per_kg.loc["ndfeb-hre", "heavy_re_kg_per_kg"] == pytest.approx(0.055)  # Dy 4 + Tb 1 + Gd 0.5 %
    assert not per_kg.loc["mystery", "sizable"] and math.isnan(per_kg.loc["mystery", "mass_per_baseline_kg"])


def test_uncostable_material_keeps_a_row_with_its_note():
    content = pd.concat([content_table(), pd.DataFrame({"magnet_id": ["smco"], "element": ["Ce"],
                                                        "wt_pct_min": [NAN], "wt_pct_max": [NAN]})])
    per_kg = magnet_per_kg_table(magnets_table(), content, "ndfeb")
    _cost, (heavy_bars, _values, notes) = _panels(magnet_chart.magnet_cost_chart(per_kg, POSITIONS[0]))
    assert sorted(notes["magnet_id"]) == ["mystery", "smco"]
    assert notes.set_index("magnet_id").loc["smco", "note"] == label("magnets.note.cannot_be_costed")
    assert "smco" not in set(heavy_bars["magnet_id"])


def test_baseline_must_be_sizable():
    with pytest.raises(ValueError, match="Parameter 'baseline_magnet_id' = 'mystery' is not allowed; allowed: a magnet with a BHmax"):
        magnet_per_kg_table(magnets_table(), content_table(), "mystery")


@pytest.mark.parametrize("sliders", POSITIONS)
def test_heavy_re_chart_alone_matches_model(sliders):
    per_kg = magnet_per_kg_table(magnets_table(), content_table(), "ndfeb")
    bars, _values, notes = magnet_chart.heavy_re_chart(per_kg, sliders).transformed_data()
    model = _model(sliders)
    for row in bars.itertuples():
        assert row.heavy_re_kg == pytest.approx(model.loc[row.magnet_id, "heavy_re_kg"], rel=1e-9, abs=1e-12)
        assert bool(row.meets_temperature) == bool(model.loc[row.magnet_id, "meets_temperature"])
    assert len(bars) == 4 and list(notes["magnet_id"]) == ["mystery"]


def test_cost_chart_has_title_description_and_bound_sliders():
    per_kg = magnet_per_kg_table(magnets_table(), content_table(), "ndfeb")
    spec = magnet_chart.magnet_cost_chart(per_kg, POSITIONS[0]).to_dict()
    assert spec["title"]["text"] == label("magnets.cost.title")
    assert spec["description"].startswith(label("magnets.cost.description"))
    assert "Mystery alloy" in spec["description"]                   # listed, not silently dropped
    assert {p["name"] for p in spec["params"] if "bind" in p} == set(magnet_chart.SLIDER_RANGES)
    assert spec["config"]["axis"]["labelAngle"] == 0


def test_property_map_points_and_bars():
    chart = magnet_chart.magnet_property_map(magnets_table())
    hcj_bars, br_bars, dots = chart.transformed_data()
    dots = dots.set_index("magnet_id")
    assert list(dots.index) == ["ndfeb", "ndfeb-hre", "ferrite", "smco"]   # mystery has no Br
    assert dots.loc["ndfeb", "br_t"] == pytest.approx(1.30)                # (1.28 + 1.32) / 2
    assert dots.loc["ferrite", "br_t"] == pytest.approx(0.38)              # only the minimum is given
    assert dots.loc["smco", "hcj_ka_per_m"] == pytest.approx(1500)
    assert sorted(br_bars["magnet_id"]) == ["ndfeb", "ndfeb-hre", "smco"]  # ferrite lacks a Br maximum
    assert sorted(hcj_bars["magnet_id"]) == ["ferrite", "ndfeb", "ndfeb-hre"]  # smco lacks an HcJ maximum
    spec = chart.to_dict()
    assert spec["title"]["text"] == label("magnets.map.title")
    assert "Mystery alloy" in spec["description"]
    tooltips = {t["field"] for t in spec["layer"][2]["encoding"]["tooltip"]}
    assert {"grade", "bhmax_kj_per_m3", "max_operating_temp_c", "source", "confidence"} <= tooltips


def test_material_without_content_rows_is_flagged_not_hidden():
    content = content_table()[lambda d: d.magnet_id != "ferrite"]   # ferrite loses its only content row (Sr)
    per_kg = magnet_per_kg_table(magnets_table(), content, "ndfeb").set_index("magnet_id")
    assert per_kg.loc["ferrite", "costable"]                        # the model counts no rare earths …
    assert per_kg.loc["ferrite", "note_code"] == "no_content"       # … and says so in a code
    assert per_kg.loc["smco", "note_code"] == ""
    words = magnet_chart.with_words(per_kg.reset_index()).set_index("magnet_id")
    assert words.loc["ferrite", "note"] == label("magnets.note.no_content")  # which the chart puts in words
    spec = magnet_chart.magnet_cost_chart(per_kg.reset_index(), POSITIONS[0]).to_dict()
    assert label("magnets.cost.description.no_content", materials="Ferrite") in spec["description"]


def test_one_content_row_per_element_keeps_the_fullest_row():
    content = pd.DataFrame({
        "magnet_id": ["a", "a", "a", "b"],
        "element": ["Dy", "Dy", "Nd", "Dy"],
        "wt_pct_min": [NAN, 3.0, 29.0, 0.0],
        "wt_pct_max": [10.0, 10.0, 32.5, 0.0],
        "source_id": ["s1", "s2", "s1", "s3"],
    })
    kept = one_content_row_per_element(content)
    assert list(zip(kept["magnet_id"], kept["element"], kept["source_id"])) == [
        ("a", "Dy", "s2"), ("a", "Nd", "s1"), ("b", "Dy", "s3")]      # s2 gives both ends, s1 only the maximum


