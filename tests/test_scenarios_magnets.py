"""Magnet starting values come from the data rows they name; gaps and the reader's assumptions start at zero and
say so; the shock prices are the model_parameters shock rows."""
from __future__ import annotations

import pytest

from widgets.pages import book
from widgets.core.data import bibliography_keys, load_table
from widgets.charts.magnets import unbound_price_sliders
from widgets.charts.words import magnet_reason
from widgets.magnets import start as start


def _param(name, scenario):
    return book.figure("model_parameters", "value", parameter=name, scenario=scenario)


def test_sliders_start_at_the_named_rows():
    """Each starting value is its data row's (whatever an instructor sets there): the baseline grade's rated
    temperature, the magnet mass and the base prices of model_parameters."""
    sliders, provenance = start.magnet_sliders()
    rated = start.trusted_row(start.BASELINE_MAGNET_ID, "max_operating_temp_c")
    assert sliders.required_temp_c == float(rated["max_operating_temp_c"])
    assert provenance["required_temp_c"].source_id == rated["source_id"]
    assert "scenario choice" in provenance["required_temp_c"].how
    assert sliders.baseline_mass_kg == _param("ndfeb_magnet_mass_per_motor_kg_mp", "reference")
    assert sliders.ndpr_oxide_price_usd_per_kg == _param("ndpr_oxide_price_usd_per_kg", "base")
    assert sliders.dy_oxide_price_usd_per_kg == _param("dy_oxide_price_usd_per_kg", "base")
    assert sliders.tb_oxide_price_usd_per_kg == _param("tb_oxide_price_usd_per_kg", "base")
    cited = {p.source_id for p in provenance.values() if p.source_id}
    assert cited <= bibliography_keys()


def test_gaps_and_assumptions_start_at_zero_and_say_so():
    sliders, provenance = start.magnet_sliders()
    assert start.latest_oxide_price("Sm") is None                 # the prices table has no Sm oxide
    assert sliders.sm_oxide_price_usd_per_kg == 0.0 and provenance["sm_oxide_price_usd_per_kg"].confidence == "gap"
    assert sliders.processing_cost_usd_per_kg_magnet == 0.0
    assert provenance["processing_cost_usd_per_kg_magnet"].confidence == "assumption"


def test_other_rare_earth_price_is_the_one_other_element_in_the_content_table():
    assert start.other_rare_earths() == ["La"]                     # La-Co ferrite is the only "other" element
    sliders, provenance = start.magnet_sliders()
    la_2024 = book.row("prices", commodity="la_oxide", date="2024-01-01", basis="annual_average")
    assert sliders.other_re_oxide_price_usd_per_kg == la_2024["value_low"]
    assert "2024" in provenance["other_re_oxide_price_usd_per_kg"].how


def test_shock_prices_are_the_shock_rows():
    shock, provenance = start.magnet_sliders("shock")
    assert (shock.ndpr_oxide_price_usd_per_kg, shock.dy_oxide_price_usd_per_kg,
            shock.tb_oxide_price_usd_per_kg) == (88, 700, 2000)
    assert provenance["dy_oxide_price_usd_per_kg"].source_id == "gmteight2025argus"
    with pytest.raises(ValueError, match="prices must be one of"):
        start.magnet_sliders("panic")


def test_options_hand_checked_for_the_baseline():
    sliders, _ = start.magnet_sliders()
    result = start.options(sliders).set_index("magnet_id")
    n42sh = result.loc["ndfeb-n42sh"]
    share = start.traction_magnet_composition()
    assert n42sh["mass_needed_kg"] == pytest.approx(sliders.baseline_mass_kg)
    nd_kg = sliders.baseline_mass_kg * share.nd_pr_wt_pct.value / 100
    dy_kg = sliders.baseline_mass_kg * share.dy_wt_pct.value / 100
    assert n42sh["re_kg_Nd"] == pytest.approx(nd_kg) and n42sh["heavy_re_kg"] == pytest.approx(dy_kg)
    # Nd2O3/2Nd = 336.48/288.48 = 1.16639; Dy2O3/2Dy = 373.00/325.00 = 1.14769
    expected = nd_kg * 1.16639 * sliders.ndpr_oxide_price_usd_per_kg + dy_kg * 1.14769 * sliders.dy_oxide_price_usd_per_kg
    assert n42sh["material_cost_usd_per_motor"] == pytest.approx(expected, rel=1e-4)
    # ferrite C12 replacing 2 kg of N42SH: 2 × 330/32 × 4.9/7.5 = 13.475 kg
    assert result.loc["ferrite-c12", "mass_needed_kg"] == pytest.approx(13.475)


# --- the one traction-magnet composition ------------------------------------------------------------------------

def _content_with(monkeypatch, **edits):
    """The content table with the traction grade's Nd/Dy rows edited (element → (min, max))."""
    table = start.raw_content().copy()
    for element, (low, high) in edits.items():
        where = (table["magnet_id"] == start.TRACTION_MAGNET_ID) & (table["element"] == element)
        table.loc[where, ["wt_pct_min", "wt_pct_max"]] = [low, high]
    monkeypatch.setattr(start, "load_table", lambda name, *a, **k: table if name == "magnet_rare_earth_content"
                        else load_table(name))
    return table


def test_dy_replaces_nd_within_one_rare_earth_total(monkeypatch):
    _content_with(monkeypatch, Nd=(20.0, 27.0), Dy=(4.0, 11.0))      # total 31 wt % at every point
    low, mid, high = (start.traction_magnet_composition(point) for point in ("low", "mid", "high"))
    assert (low.dy_wt_pct.value, mid.dy_wt_pct.value, high.dy_wt_pct.value) == (4.0, 7.5, 11.0)
    assert (low.nd_pr_wt_pct.value, mid.nd_pr_wt_pct.value, high.nd_pr_wt_pct.value) == (27.0, 23.5, 20.0)
    assert low.rare_earth_wt_pct == mid.rare_earth_wt_pct == high.rare_earth_wt_pct == 31.0
    assert low.tb_wt_pct.value == 0 and low.tb_wt_pct.confidence == "assumption"
    assert start.traction_magnet_composition() == low                    # the default point is the low end


def test_rows_that_add_dy_on_top_of_nd_are_refused(monkeypatch):
    _content_with(monkeypatch, Nd=(29.0, 32.5), Dy=(3.0, 10.0))      # a total of 35.5 or 39 wt %: not one total
    with pytest.raises(ValueError, match="one rare-earth total"):
        start.traction_magnet_composition()


def test_composition_names_its_sources_and_rejects_a_bad_point():
    share = start.traction_magnet_composition()
    assert {share.nd_pr_wt_pct.source_id, share.dy_wt_pct.source_id} <= bibliography_keys()
    assert "Dy replaces Nd" in share.nd_pr_wt_pct.how and "low end" in share.dy_wt_pct.how
    with pytest.raises(ValueError, match="'dy_point' = 'median' is not allowed"):
        start.traction_magnet_composition("median")


def test_cost_model_content_is_the_composition():
    share = start.traction_magnet_composition()
    rows = start.content_per_element().set_index(["magnet_id", "element"])
    for element, provenance in (("Nd", share.nd_pr_wt_pct), ("Dy", share.dy_wt_pct)):
        assert rows.loc[(share.magnet_id, element), "wt_pct_min"] == provenance.value
        assert rows.loc[(share.magnet_id, element), "wt_pct_max"] == provenance.value
    explorer_rows = start.content()
    assert (explorer_rows["magnet_id"] == share.magnet_id).sum() == 2    # Tb is 0, so it adds no row
    others = start.raw_content()[start.raw_content()["magnet_id"] != share.magnet_id]
    assert len(explorer_rows) == len(others) + 2


def test_data_gaps_are_the_materials_without_a_cost_each_with_a_reason():
    sliders, _ = start.magnet_sliders()
    gaps = start.data_gaps(sliders)
    every = start.options(sliders)
    assert set(gaps["magnet_id"]) == set(every.loc[every["material_cost_usd_per_motor"].isna(), "magnet_id"])
    for _, row in gaps.iterrows():
        assert any(code in row["reason_codes"] for code in ("missing_bhmax", "missing_density", "content_unknown"))
        assert magnet_reason(row)
    assert start.BASELINE_MAGNET_ID not in set(gaps["magnet_id"])


def test_trusted_row_follows_the_profile_rule():
    row = start.trusted_row("ndfeb-n42uh", "max_operating_temp_c")
    assert row["source_id"] == "orodian_ndfeb_properties" and row["max_operating_temp_c"] == 180
    with pytest.raises(LookupError, match="no row gives"):
        start.trusted_row("feni-l10", "density_g_per_cm3")


def test_map_table_carries_the_profile_sources_for_the_tooltip():
    table = start.map_table().set_index("magnet_id")
    assert table.loc["ndfeb-n42sh", "source_id"] == "mainrich_n42sh"
    assert table.loc["fe16n2-niron", "source_id"] == "bbc2024niron;lifeboat2016fe16n2"   # two sources, one profile
    assert table.loc["fe16n2-niron", "confidence"] == "company-claim"                    # the least trusted


def test_unbound_price_sliders_are_the_groups_no_costable_material_contains():
    # Tb appears only as 0 % in materials that cannot be costed; La only as unknown in La-Co ferrite
    assert unbound_price_sliders(start.per_kg_table()) == ["tb_oxide_price_usd_per_kg",
                                                              "other_re_oxide_price_usd_per_kg"]
