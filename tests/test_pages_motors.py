"""Chapter 05's figures: the helpers on inputs written here, with hand-checked values; every figure the chapter
uses is computed, non-empty, and dates read as dates. No figure of today's data is pinned."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from conftest import ROOT
from widgets.charts.architecture import display_name
from widgets.core.labels import label
from widgets.pages import motors


def test_counted_picks_the_singular_for_one_and_the_plural_otherwise():
    assert motors.counted("programmes", 1) == label("motors.page.programmes.one", count="1")
    assert motors.counted("programmes", 1234) == label("motors.page.programmes.many", count="1,234")
    assert motors.counted("programmes", 0) == label("motors.page.programmes.many", count="0")


def test_counted_reads_in_english(monkeypatch):
    monkeypatch.setenv("KIT_LANG", "en")
    assert motors.counted("programmes", 1) == "1 programme"
    assert motors.counted("sourced", 24) == "24 rest"
    assert motors.counted("sourced", 1) == "1 rests"
    assert motors.counted("judgement", 18) == "18 are"
    assert motors.counted("criteria", 7) == "7 criteria"


def test_and_list_joins_one_two_and_three_items(monkeypatch):
    monkeypatch.setenv("KIT_LANG", "en")
    assert motors.and_list(["A"]) == "A"
    assert motors.and_list(["A", "B"]) == "A and B"
    assert motors.and_list(["A", "B", "C"]) == "A, B and C"
    with pytest.raises(ValueError, match="items"):
        motors.and_list([])


def test_quoted_names_use_the_readers_names(monkeypatch):
    monkeypatch.setenv("KIT_LANG", "en")
    both = motors.quoted_names(["induction", "srm"])
    assert both == f"“{display_name('name', 'induction')}” and “{display_name('name', 'srm')}”"


def test_first_place_names_a_lone_winner_or_a_tie(monkeypatch):
    monkeypatch.setenv("KIT_LANG", "en")
    alone = pd.DataFrame({"architecture": ["srm", "induction"], "weighted_score_1_to_5": [4.31, 3.0], "rank": [1, 2]})
    assert motors.first_place(alone) == f"“{display_name('name', 'srm')}” comes first alone at 4.3"
    tie = pd.DataFrame({"architecture": ["induction", "srm", "pmsm-ndfeb"], "weighted_score_1_to_5": [4.0, 4.0, 3.0],
                        "rank": [1, 1, 3]})
    assert motors.first_place(tie).startswith("2 architectures tie for first place at 4.0: “")
    with pytest.raises(ValueError, match="rank 1"):
        motors.first_place(alone.assign(rank=[2, 3]))


def test_breakeven_highway_share_by_hand():
    # worse by 3 in town, better by 2 on the motorway: 3 / (3 + 2) = 60 % highway
    assert motors.breakeven_highway_share_pct(103, 98) == pytest.approx(60.0)
    assert motors.breakeven_highway_share_pct(110, 90, baseline=100) == pytest.approx(50.0)
    with pytest.raises(ValueError, match="opposite sides"):
        motors.breakeven_highway_share_pct(98, 97)


def test_every_figure_the_chapter_uses_is_computed_and_reads_as_text():
    text = (ROOT / "chapters" / "05_motors.md").read_text(encoding="utf-8")
    used = set(re.findall(r"\{eval\}`n\.([a-z0-9_]+)`", text))
    numbers = motors.numbers()
    assert used and used <= set(numbers)
    for name, value in numbers.items():
        assert isinstance(value, str) and value.strip(), name
        assert not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), f"{name} reads as an ISO date: {value}"
        assert "\\$" not in value, f"{name} escapes a dollar sign; inline values are plain text"
    assert not re.search(r"\d{4}-\d{2}-\d{2}", numbers.motors_e7a_reuters_date + numbers.motors_report_date)


def test_the_exercise_check_lands_on_the_baseline():
    n = motors.numbers()
    assert float(n.motors_ex_check) == pytest.approx(float(n.motors_ex_base))


def test_steps_behind_counts_one_point_on_a_full_weight_criterion():
    from widgets.pages.motors import steps_behind
    weights = {"a": 1.0, "b": 1.0, "c": 0.5, "d": 0.5}        # Σw = 3: one point on a or b moves the score by 1/3
    assert steps_behind(1 / 3, weights) == pytest.approx(1.0)
    assert steps_behind(0.1, weights) == pytest.approx(0.3)
    with pytest.raises(ValueError, match="weights"):
        steps_behind(0.1, {"a": 0.0})
