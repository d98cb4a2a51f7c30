"""Chapter 03's page module: which source checks share the compact table and which get a box, the gap list,
counts and quoted names in words, and figures that are non-empty text (no date as an ISO string)."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from widgets.core.sourced import Provenance
from widgets.core.workshop import ASSUMPTION, WorkshopValue
from widgets.pages import book, materials
from widgets.pages.common import Numbers

CLAIMS = pd.DataFrame({"claim_id": ["c1", "c2", "c3", "c4", "c5", "c6"],
                       "verdict": ["differs", "confirmed", "company-claim", "unverified", "contradicted",
                                   "confirmed"]})


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("KIT_LANG", "en")


def test_confirmed_and_company_claims_share_the_table_every_other_verdict_gets_a_box():
    assert materials.check_layout(["c1", "c2", "c3", "c4", "c5", "c6"], CLAIMS) == (
        ["c2", "c3", "c6"], ["c1", "c4", "c5"])


def test_the_layout_keeps_the_order_given():
    assert materials.check_layout(["c6", "c5", "c3", "c1", "c2"], CLAIMS) == (["c6", "c3", "c2"], ["c5", "c1"])


def test_a_run_of_one_kind_has_an_empty_other_part():
    assert materials.check_layout(["c2", "c3"], CLAIMS) == (["c2", "c3"], [])
    assert materials.check_layout(["c5"], CLAIMS) == ([], ["c5"])


def test_an_unknown_or_missing_claim_stops_with_its_id():
    with pytest.raises(KeyError, match="c99"):
        materials.check_layout(["c1", "c99"], CLAIMS)
    with pytest.raises(ValueError, match="claim_ids"):
        materials.check_layout([], CLAIMS)


def test_source_checks_show_the_table_first_then_one_box_per_other_claim(monkeypatch):
    shown = []
    monkeypatch.setattr(book, "source_checks_table", lambda ids: ("table", list(ids)))
    monkeypatch.setattr(book, "source_check", lambda claim_id: ("box", claim_id))
    monkeypatch.setattr(materials, "display", shown.append)
    materials.source_checks("c1", "c2", "c4", "c3", claims=CLAIMS)
    assert shown == [("table", ["c2", "c3"]), ("box", "c1"), ("box", "c4")]
    shown.clear()
    materials.source_checks("c5", claims=CLAIMS)
    assert shown == [("box", "c5")]


def test_gap_list_is_one_bullet_per_material_with_the_models_reason():
    gaps = pd.DataFrame({"name_en": ["Magnet A", "Magnet US$ B"], "reason_codes": ["temp_unknown", "temp_unknown"]})
    assert materials.gap_list(gaps) == ("- **Magnet A**: maximum operating temperature unknown.\n"
                                        "- **Magnet US\\$ B**: maximum operating temperature unknown.")


def test_counts_and_quoted_names_in_words(monkeypatch):
    assert materials.count_text("materials.material_count", 1) == "1 material"
    assert materials.count_text("materials.material_count", 1200) == "1,200 materials"
    assert materials.count_text("materials.hot_count", 1) == "1 material passes"
    assert materials.count_text("materials.hot_count", 3) == "3 materials pass"
    assert materials.quoted_names(["A", "B"]) == "“A” and “B”"
    assert materials.quoted_names(["A"]) == "“A”"
    monkeypatch.setenv("KIT_LANG", "ja")
    assert materials.count_text("materials.material_count", 3) == "3種類の材料"
    assert materials.quoted_names(["A", "B"]) == "「A」と「B」"


def test_a_starting_value_a_workshop_set_stays_marked_as_the_instructors():
    sourced = materials.start_value(Provenance(51.0, "somekey", "primary", "a row"))
    assert sourced == 51.0 and not isinstance(sourced, WorkshopValue)
    set_here = materials.start_value(Provenance(110.0, "", ASSUMPTION, "the room's guess"))
    assert isinstance(set_here, WorkshopValue) and set_here == 110.0 and set_here.note == "the room's guess"
    assert Numbers("test").number("x", ",.0f", set_here) == "110 (workshop assumption)"


def test_every_figure_is_text_and_no_date_is_iso():
    numbers = materials.numbers()
    for name, value in numbers.items():
        assert isinstance(value, str) and value.strip(), name
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", value), name
        assert "\\$" not in value or name == "mat_gap_list", f"{name}: plain text needs no escaped dollar"


def test_the_gap_list_has_as_many_bullets_as_the_gap_count():
    numbers = materials.numbers()
    bullets = numbers.mat_gap_list.splitlines()
    assert all(line.startswith("- **") and line.endswith(".") for line in bullets)
    assert len(bullets) == int(numbers.mat_gap_count.replace(",", ""))
    assert int(numbers.mat_gap_count.replace(",", "")) <= int(numbers.mat_material_count.split()[0].replace(",", ""))
    assert hasattr(numbers.mat_gap_list, "_repr_markdown_")


def test_inline_values_are_plain_text():
    numbers = materials.numbers()
    assert [name for name, value in numbers.items()
            if name != "mat_gap_list" and hasattr(value, "_repr_markdown_")] == []
