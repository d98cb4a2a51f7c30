"""The motor-programme chart: one point per programme at its stated maximum power, range bars where both ends
are stated, the programmes without power in the lower panel, and the year slider and architecture picker
(Vega-Lite params, evaluated by VegaFusion) filter all three layers."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from widgets.charts import motors as motor_chart
from widgets.core.data import load_table
from widgets.core.labels import label

NAN = np.nan
COLUMNS = ["motor_id", "maker", "programme", "vehicle", "architecture", "peak_power_kw_min", "peak_power_kw_max",
           "year", "rare_earth_use", "status", "claim_en", "source_id", "as_of", "confidence", "note"]


def motors_table() -> pd.DataFrame:
    rows = [  # id, architecture, power min, power max, year, status
        ("a-eesm", "eesm-brushed", 160, 160, 2021, "mass-production"),
        ("b-eesm-range", "eesm-brushed", 200, 300, 2025, "mass-production"),
        ("c-eesm-up-to", "eesm-brushed", NAN, 200, 2027, "announced"),
        ("d-ind", "induction", 120, 180, 2025, "mass-production"),
        ("e-srm", "srm", NAN, NAN, 2012, "prototype"),
        ("f-pm-min-only", "pmsm-ndfeb", 90, NAN, 2017, "mass-production"),
        ("g-pm-none", "pmsm-ndfeb", NAN, NAN, 2023, "pledge"),
    ]
    records = [{"motor_id": i, "maker": f"Maker {i}", "programme": f"Programme {i}", "vehicle": None,
                "architecture": arch, "peak_power_kw_min": lo, "peak_power_kw_max": hi, "year": year,
                "rare_earth_use": "none", "status": status, "claim_en": f"claim {i}", "source_id": "src",
                "as_of": "2024-01-01", "confidence": "secondary", "note": None}
               for i, arch, lo, hi, year, status in rows]
    return pd.DataFrame(records, columns=COLUMNS)


def _frames(chart):
    ranges, dots, lower = chart.transformed_data()
    return ranges, dots, lower


def test_points_use_the_stated_maximum_and_keep_ranges():
    points = motor_chart.programme_points(motors_table()).set_index("motor_id")
    assert points.loc["b-eesm-range", "power_kw"] == 300          # the maximum of 200–300
    assert points.loc["b-eesm-range", "power_kw_lo"] == 200 and points.loc["b-eesm-range", "power_kw_hi"] == 300
    assert points.loc["c-eesm-up-to", "power_kw"] == 200 and math.isnan(points.loc["c-eesm-up-to", "power_kw_lo"])
    assert points.loc["c-eesm-up-to", "power_text"] == label("motors.power.up_to", value="200")
    assert points.loc["f-pm-min-only", "power_kw"] == 90           # only a minimum: that value
    assert math.isnan(points.loc["a-eesm", "power_kw_lo"])         # 160–160 is one value, not a range
    assert points.loc["b-eesm-range", "power_text"] == "200–300"
    assert list(points.index[~points["has_power"]]) == ["e-srm", "g-pm-none"]


def test_all_programmes_shown_at_the_last_year():
    ranges, dots, lower = _frames(motor_chart.motor_programmes_chart(motors_table(), 2027))
    assert sorted(dots["motor_id"]) == ["a-eesm", "b-eesm-range", "c-eesm-up-to", "d-ind", "f-pm-min-only"]
    assert sorted(ranges["motor_id"]) == ["b-eesm-range", "d-ind"]
    assert sorted(lower["motor_id"]) == ["e-srm", "g-pm-none"]


@pytest.mark.parametrize("year_to, architecture, expected_dots, expected_lower", [
    (2021, "all", ["a-eesm", "f-pm-min-only"], ["e-srm"]),            # 2025 and later hidden
    (2024, "all", ["a-eesm", "f-pm-min-only"], ["e-srm", "g-pm-none"]),
    (2027, "eesm-brushed", ["a-eesm", "b-eesm-range", "c-eesm-up-to"], []),
    (2025, "pmsm-ndfeb", ["f-pm-min-only"], ["g-pm-none"]),
    (2011 + 1, "induction", [], []),
])
def test_year_slider_and_architecture_picker_filter_every_layer(year_to, architecture, expected_dots,
                                                                 expected_lower):
    ranges, dots, lower = _frames(motor_chart.motor_programmes_chart(motors_table(), year_to, architecture))
    assert sorted(dots["motor_id"]) == expected_dots
    assert sorted(lower["motor_id"]) == expected_lower
    assert set(ranges["motor_id"]) <= set(expected_dots)


def test_chart_has_title_description_labels_and_bound_inputs():
    spec = motor_chart.motor_programmes_chart(motors_table(), 2027).to_dict()
    assert spec["title"]["text"] == label("motors.title")
    assert spec["description"].startswith(label("motors.description"))
    assert "Programme e-srm; Programme g-pm-none" in spec["description"]   # listed, not dropped
    bound = {p["name"]: p["bind"] for p in spec["params"] if "bind" in p}
    assert set(bound) == {"year_to", "architecture_filter"}
    assert bound["year_to"]["min"] == 2012 and bound["year_to"]["max"] == 2027
    assert bound["architecture_filter"]["options"] == ["all", "pmsm-ndfeb", "eesm-brushed", "srm", "induction"]
    assert spec["config"]["axis"]["labelAngle"] == 0


def test_colours_are_fixed_per_architecture():
    spec = motor_chart.motor_programmes_chart(motors_table(), 2027).to_dict()
    scale = spec["vconcat"][0]["layer"][1]["encoding"]["color"]["scale"]
    colours = dict(zip(scale["domain"], scale["range"]))
    assert colours[motor_chart.architecture_name("srm")] == motor_chart.ARCHITECTURE_COLOURS["srm"]
    assert motor_chart.architecture_name("pmsm-magnet-unspecified") == label(
        "motors.architecture.pmsm-magnet-unspecified")
    assert motor_chart.architecture_name("eesm-brushed") == label("architecture.name.eesm-brushed")


@pytest.mark.parametrize("year_to, architecture, fragment", [
    (2030, "all", "Parameter 'year_to' = 2030 is outside the allowed range"),
    (2020, "pmsm-ferrite", "Parameter 'architecture' = 'pmsm-ferrite' is not allowed"),
])
def test_bad_initial_positions_are_named(year_to, architecture, fragment):
    with pytest.raises(ValueError, match=fragment.replace("(", r"\(").replace("[", r"\[")):
        motor_chart.motor_programmes_chart(motors_table(), year_to, architecture)


def test_real_table_places_every_programme_once():
    motors = load_table("motors")
    ranges, dots, lower = _frames(motor_chart.motor_programmes_chart(motors, int(motors["year"].max())))
    assert len(dots) + len(lower) == len(motors)
    # the Renault/Valeo E7A is stated as "up to 200 kW": placed at 200, no range bar
    e7a = dots.set_index("motor_id").loc["renault-valeo-e7a"]
    assert e7a["power_kw"] == 200 and "renault-valeo-e7a" not in set(ranges["motor_id"])
