"""Chapter 01's figures: the quota cut is computed from the quota table; every figure the chapter uses exists;
dates read as dates."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from conftest import ROOT
from widgets.pages import introduction


def test_quota_cut_is_one_minus_the_ratio_of_the_two_years():
    quotas = pd.DataFrame({"year": [2009, 2010], "quota_t": [50.0, 30.0]})
    assert introduction.quota_cut_pct(quotas, 2010) == pytest.approx(40.0)


def test_every_figure_the_chapter_uses_is_computed_and_dates_read_as_dates():
    text = (ROOT / "chapters" / "01_introduction.md").read_text(encoding="utf-8")
    numbers = introduction.numbers()
    used = set(re.findall(r"\{glue:md\}`intro_([a-z0-9_]+)`", text))
    assert used and used <= set(numbers)
    assert not any(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) for _, value in numbers.items())


def test_what_was_known_on_a_day_excludes_later_entries():
    early = introduction.known_on("1990-01-01")
    assert early == []
    assert len(introduction.known_on("2030-01-01")) >= len(introduction.known_on("2010-09-21"))
