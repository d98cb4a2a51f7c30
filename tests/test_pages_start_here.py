"""Chapter 00's figures: tables with confidence labels are counted, figure names follow the labels, and the
figures the page shows are present, consistent with each other and with the ledger appendix, dates as dates."""
from __future__ import annotations

import re

import pandas as pd

from widgets.ledger.model import CONFIDENCES, VERDICTS
from widgets.pages import claim_ledger, start_here


def test_only_tables_with_a_confidence_column_are_counted():
    tables = {"a": pd.DataFrame({"confidence": ["primary"]}), "b": pd.DataFrame({"x": [1]}),
              "c": pd.DataFrame({"confidence": [], "y": []})}
    assert start_here.tables_with_labels(tables) == 2
    assert start_here.tables_with_labels({"b": pd.DataFrame({"x": [1]})}) == 0


def test_figure_names_follow_the_codes():
    assert start_here.figure_name("start_conf", "company-claim") == "start_conf_company_claim"
    assert start_here.figure_name("start_v", "confirmed") == "start_v_confirmed"


def count(text: str) -> int:
    return int(re.search(r"[\d,]+", text).group(0).replace(",", ""))


def test_figures_are_text_consistent_with_each_other_and_dates_read_as_dates():
    numbers = start_here.numbers()
    assert all(isinstance(value, str) and value.strip() for _, value in numbers.items())
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", numbers["start_report_date"])
    rows = [count(numbers[start_here.figure_name("start_conf", tag)]) for tag in CONFIDENCES]
    assert count(numbers["start_rows"]) == sum(rows)
    verdicts = [count(numbers[start_here.figure_name("start_v", v)]) for v in VERDICTS]
    assert numbers["start_claims"] == claim_ledger.claims_text(sum(verdicts))
    assert numbers["start_claims"] == claim_ledger.numbers()["led_n"]
    assert numbers["start_not_confirmed_pct"] == claim_ledger.numbers()["led_not_confirmed_pct"]
    for name in ("slot_minutes", "slot_total", "slot_plan", "slot_cut"):
        assert numbers[name]
