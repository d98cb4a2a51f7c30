"""Chapter 01's figures: the quota cut is computed from the quota table; the time line in colour on a day holds
only what was announced by then; every figure is non-empty text and dates read as dates. (That every figure the
chapter uses is computed is tests/test_chapter_figures.py's job.)"""
from __future__ import annotations

import re

import pandas as pd
import pytest

from widgets.pages import introduction
from widgets.timeline.model import COLUMNS


def regulations(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """A regulations table of (regulation_id, short name, date announced) rows, other columns blank."""
    frame = pd.DataFrame({column: [None] * len(rows) for column in COLUMNS})
    frame["regulation_id"] = [r[0] for r in rows]
    frame["short_en"] = frame["short_ja"] = [r[1] for r in rows]
    frame["date_announced"] = [pd.Timestamp(r[2]) for r in rows]
    frame["rule_type"] = "event"
    return frame


def test_quota_cut_is_one_minus_the_ratio_of_the_two_years():
    quotas = pd.DataFrame({"year": [2009, 2010], "quota_t": [50.0, 30.0]})
    assert introduction.quota_cut_pct(quotas, 2010) == pytest.approx(40.0)


def test_quota_cut_is_negative_when_the_quota_rose():
    quotas = pd.DataFrame({"year": [2011, 2012], "quota_t": [100.0, 125.0]})
    assert introduction.quota_cut_pct(quotas, 2012) == pytest.approx(-25.0)


def test_what_was_known_on_a_day_is_what_was_announced_by_then_in_date_order():
    table = regulations(("b", "Second", "2010-09-21"), ("a", "First", "2001-01-01"), ("c", "Third", "2023-12-21"))
    assert introduction.known_on("1990-01-01", table) == []
    assert introduction.known_on("2010-09-21", table) == ["First", "Second"]
    assert introduction.known_on("2030-01-01", table) == ["First", "Second", "Third"]


def test_what_was_known_grows_with_the_day_in_the_data():
    assert introduction.known_on("1900-01-01") == []
    assert len(introduction.known_on("2030-01-01")) >= len(introduction.known_on("2010-09-21"))


def test_every_figure_is_text_and_dates_read_as_dates():
    numbers = introduction.numbers()
    for name, value in numbers.items():
        assert isinstance(value, str) and value.strip(), name
        assert not re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value), name
    for name in [*introduction.DATES, "today"]:
        assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", numbers[name]), (name, numbers[name])
    for name in introduction.SHARES:
        assert re.fullmatch(r"\d{1,3}", numbers[name]), (name, numbers[name])
