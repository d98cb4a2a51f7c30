"""Ledger overview: confidence and verdict counts, hand-checked on small tables; the chart's bars add up to the
verdict counts; sections are grouped at the report's top level, the appendix last."""
from __future__ import annotations

import pandas as pd
import pytest

from widgets.charts import ledger_overview as ledger
from widgets.data import load_all, load_table
from widgets.labels import label


def claims() -> pd.DataFrame:
    return pd.DataFrame({"claim_id": ["c1", "c2", "c3", "c4", "c5", "c6"],
                         "section": ["1", "2.1", "2.2", "2.2", "10", "appendix"],
                         "verdict": ["confirmed", "differs", "differs", "unverified", "confirmed", "contradicted"]})


def test_confidence_counts_sum_over_tables_with_a_confidence_column():
    tables = {"a": pd.DataFrame({"confidence": ["primary", "primary", "weak"]}),
              "b": pd.DataFrame({"confidence": ["primary", "vendor"]}),
              "gaps": pd.DataFrame({"gap_id": ["x"]})}                    # no confidence column: skipped
    counts = ledger.confidence_counts(tables).set_index("confidence")
    assert counts["rows"].to_dict() == {"primary": 3, "secondary": 0, "company-claim": 0, "vendor": 1, "weak": 1}
    assert counts.loc["primary", "tables"] == 2


def test_unknown_confidence_is_rejected():
    with pytest.raises(ValueError, match=r"Parameter 'a.confidence' = 'solid' is not allowed"):
        ledger.confidence_counts({"a": pd.DataFrame({"confidence": ["solid"]})})


def test_verdict_counts_and_sections():
    counts = ledger.verdict_counts(claims()).set_index("verdict")["claims"].to_dict()
    assert counts == {"confirmed": 2, "differs": 2, "unverified": 1, "contradicted": 1}
    grouped = ledger.verdicts_by_section(claims())
    assert list(dict.fromkeys(grouped["section"])) == ["1", "2", "10", "appendix"]   # numeric order, appendix last
    two = grouped[grouped["section"] == "2"].set_index("verdict")["claims"].to_dict()
    assert two == {"differs": 2, "unverified": 1}
    assert grouped["section_label"].iloc[0] == label("ledger.section", n="1")
    assert ledger.top_section("2.1") == "2"
    with pytest.raises(ValueError, match="a section number such as '2.1', or 'appendix'"):
        ledger.top_section("intro")


def test_chart_bars_add_up_to_the_verdict_counts():
    chart = ledger.ledger_overview_chart(claims())
    bars = chart.transformed_data()
    assert bars["sum_claims"].sum() == len(claims())
    spec = chart.to_dict()
    assert spec["title"]["text"] == label("ledger.title") and spec["description"]
    assert not [p for p in spec.get("params", []) if "bind" in p]


def test_real_package_counts_are_consistent():
    every = load_all()
    counts = ledger.confidence_counts(every)
    with_confidence = sum(len(frame) for frame in every.values() if "confidence" in frame.columns)
    assert counts["rows"].sum() == with_confidence
    verdicts = ledger.verdict_counts(load_table("claims"))
    assert verdicts["claims"].sum() == len(load_table("claims"))
