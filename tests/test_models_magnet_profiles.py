"""Magnet profiles: each property comes whole from the most trusted row that gives it; theory is left out."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from widgets.magnets.profiles import material_profiles

ROWS = pd.DataFrame([
    # vendor row: Br and BHmax and temperature, no density
    {"magnet_id": "m", "family": "f", "grade": "g", "name_en": "M", "br_t_min": 1.28, "br_t_max": 1.32,
     "hcj_ka_per_m_min": None, "hcj_ka_per_m_max": None, "bhmax_kj_per_m3_min": 318.0, "bhmax_kj_per_m3_max": 342.0,
     "max_operating_temp_c": 80.0, "density_g_per_cm3": None, "value_kind": "catalogue", "source_id": "v1",
     "confidence": "vendor"},
    # primary row: a different BHmax pair (wins) and a density
    {"magnet_id": "m", "family": "f", "grade": "g", "name_en": "M", "br_t_min": None, "br_t_max": None,
     "hcj_ka_per_m_min": None, "hcj_ka_per_m_max": None, "bhmax_kj_per_m3_min": 300.0, "bhmax_kj_per_m3_max": 310.0,
     "max_operating_temp_c": None, "density_g_per_cm3": 7.5, "value_kind": "measured", "source_id": "p1",
     "confidence": "primary"},
    # a theoretical row is never used, however trusted
    {"magnet_id": "m", "family": "f", "grade": "g", "name_en": "M", "br_t_min": None, "br_t_max": None,
     "hcj_ka_per_m_min": 999.0, "hcj_ka_per_m_max": 999.0, "bhmax_kj_per_m3_min": 512.0, "bhmax_kj_per_m3_max": 512.0,
     "max_operating_temp_c": None, "density_g_per_cm3": None, "value_kind": "theoretical", "source_id": "t1",
     "confidence": "primary"},
])


def test_each_property_comes_whole_from_the_most_trusted_row():
    profile = material_profiles(ROWS).iloc[0]
    assert (profile["br_t_min"], profile["br_t_max"]) == (1.28, 1.32)            # only the vendor gives Br
    assert (profile["bhmax_kj_per_m3_min"], profile["bhmax_kj_per_m3_max"]) == (300.0, 310.0)  # primary beats vendor
    assert profile["density_g_per_cm3"] == 7.5
    assert math.isnan(profile["hcj_ka_per_m_min"])                               # theory left out
    assert profile["profile_source_ids"] == "v1;p1"
    assert profile["profile_confidence"] == "vendor"


def test_empty_table_is_a_clear_error():
    with pytest.raises(ValueError, match="'magnets' is empty"):
        material_profiles(ROWS.iloc[0:0])
