"""Appendix B's figures and tables: counts with their nouns, the worst section and topic, the patterns to check
first, and the figures the chapter shows (all present, consistent with each other, dates as dates)."""
from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest

from widgets.core.data import load_table
from widgets.pages import claim_ledger


def claims_frame(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    """A claims table written by the test: (claim_id, section, topic, verdict) per row."""
    return pd.DataFrame(rows, columns=["claim_id", "section", "topic", "verdict"])


def test_a_count_carries_its_noun_in_the_right_form():
    assert claim_ledger.claims_text(0) == "0 claims"
    assert claim_ledger.claims_text(1) == "1 claim"
    assert claim_ledger.claims_text(np.int64(1234)) == "1,234 claims"
    assert claim_ledger.claims_text(3.0) == "3 claims"
    assert claim_ledger.count_text(1, "claim_ledger.sections") == "1 section"
    assert claim_ledger.count_text(6, "claim_ledger.topics") == "6 topics"


def test_a_count_in_japanese_has_one_form(monkeypatch):
    monkeypatch.setenv("KIT_LANG", "ja")
    assert claim_ledger.claims_text(1).replace("1", "2") == claim_ledger.claims_text(2)
    assert "claim" not in claim_ledger.claims_text(2)


@pytest.mark.parametrize("bad", [-1, 2.5, "3", True, math.nan, None])
def test_a_count_that_is_not_a_whole_number_is_refused_by_name(bad):
    with pytest.raises(ValueError, match="count"):
        claim_ledger.claims_text(bad)


def test_worst_section_has_the_most_wrong_claims_and_ties_go_to_the_first():
    claims = claims_frame([("c1", "1", "supply", "differs"), ("c2", "1", "supply", "confirmed"),
                           ("c3", "2.1", "regulation", "differs"), ("c4", "2.1", "regulation", "contradicted"),
                           ("c5", "2.1", "regulation", "confirmed"), ("c6", "3", "motors", "unverified")])
    worst = claim_ledger.worst_section(claims)
    assert (worst["section"], worst["matching"], worst["total"]) == ("2.1", 2, 3)
    tie = claims_frame([("c1", "1", "supply", "differs"), ("c2", "2", "supply", "contradicted")])
    assert claim_ledger.worst_section(tie)["section"] == "1"


def test_worst_topic_is_the_highest_share_not_the_highest_count():
    claims = claims_frame([("c1", "1", "supply", "differs"),                                  # 1 of 1: 100 %
                           ("c2", "2", "regulation", "differs"), ("c3", "2", "regulation", "differs"),
                           ("c4", "2", "regulation", "confirmed"), ("c5", "2", "regulation", "company-claim")])
    worst = claim_ledger.worst_topic(claims)
    assert worst["topic"] == "supply" and worst["pct"] == pytest.approx(100.0)
    assert claim_ledger.worst_topic(claims, ("company-claim",))["topic"] == "regulation"


def test_pattern_rows_name_the_pattern_link_the_examples_and_count_the_unconfirmed():
    claims = claims_frame([("c001", "1", "supply", "confirmed"), ("c002", "1", "supply", "differs"),
                           ("c003", "2", "motors", "company-claim")])
    frame = claim_ledger.pattern_frame(claims, {"status": ["c001", "c002"], "company": ["c003"]})
    assert list(frame["name"]) == ["Status words", "Company claims reported as facts"]
    assert list(frame["count"]) == ["1 of 2", "1 of 1"]
    assert frame.loc[0, "examples"].count("<a href=") == 2 and "#claim-c002" in frame.loc[0, "examples"]


def test_pattern_with_an_unknown_claim_is_refused():
    claims = claims_frame([("c001", "1", "supply", "confirmed")])
    with pytest.raises(ValueError, match="c999"):
        claim_ledger.pattern_frame(claims, {"status": ["c999"]})


def test_every_pattern_example_is_a_claim_of_the_ledger():
    ids = set(load_table("claims")["claim_id"])
    assert {c for examples in claim_ledger.PATTERNS.values() for c in examples} <= ids


def test_figures_are_text_consistent_with_each_other_and_dates_read_as_dates():
    numbers = claim_ledger.numbers()
    assert all(isinstance(value, str) and value.strip() for _, value in numbers.items())
    assert not any(re.search(r"\d{4}-\d{2}-\d{2}", value) for _, value in numbers.items())
    for name in ("led_report_date", "led_suspension_date", "led_renault_date"):
        assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", numbers[name])
    verdicts = sum(int(numbers[f"led_{v.replace('-', '_')}"]) for v in claim_ledger.provenance.VERDICTS)
    assert numbers["led_n"] == claim_ledger.claims_text(verdicts)
    assert 0 <= int(numbers["led_not_confirmed_pct"]) <= 100
    assert 0 <= int(numbers["led_worst_topic_pct"]) <= 100


def test_tables_show_every_claim_once():
    claims = load_table("claims")
    ledger = claim_ledger.ledger_table().data
    assert ledger.count('id="claim-') == len(claims)
    assert "<caption" in claim_ledger.topic_table().data
    patterns = claim_ledger.pattern_table().data
    assert patterns.count("<tr") == len(claim_ledger.PATTERNS) + 1  # a header row and one row per pattern
