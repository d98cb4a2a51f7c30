"""Confidence and verdict counts: what "Start here" glues about the data and the ledger."""
from __future__ import annotations

import pandas as pd
import pytest

from widgets.data import load_all, load_table
from widgets.models import provenance

CLAIMS = pd.DataFrame({"section": ["1", "2.1", "2.2", "2.2", "10", "appendix"],
                       "verdict": ["confirmed", "differs", "differs", "unverified", "confirmed", "contradicted"]})


def test_confidence_counts_sum_over_tables_with_a_confidence_column():
    tables = {"a": pd.DataFrame({"confidence": ["primary", "primary", "weak"]}),
              "b": pd.DataFrame({"confidence": ["primary", "vendor"]}),
              "gaps": pd.DataFrame({"gap_id": ["x"]})}                    # no confidence column: skipped
    counts = provenance.confidence_counts(tables).set_index("confidence")
    assert counts["rows"].to_dict() == {"primary": 3, "secondary": 0, "company-claim": 0, "vendor": 1, "weak": 1}
    assert counts.loc["primary", "tables"] == 2


def test_unknown_confidence_is_rejected():
    with pytest.raises(ValueError, match=r"Parameter 'a.confidence' = 'solid' is not allowed"):
        provenance.confidence_counts({"a": pd.DataFrame({"confidence": ["solid"]})})


def test_verdict_totals_and_report_parts():
    totals = provenance.verdict_totals(CLAIMS).set_index("verdict")["claims"].to_dict()
    assert totals == {"confirmed": 2, "company-claim": 0, "differs": 2, "unverified": 1, "contradicted": 1}
    assert provenance.report_parts(CLAIMS) == 4          # 1, 2, 10, appendix
    assert provenance.top_section("2.1") == "2"
    with pytest.raises(ValueError, match="a section number such as '2.1', or 'appendix'"):
        provenance.top_section("intro")


def test_real_package_counts_are_consistent():
    every = load_all()
    counts = provenance.confidence_counts(every)
    assert counts["rows"].sum() == sum(len(frame) for frame in every.values() if "confidence" in frame.columns)
    assert provenance.verdict_totals(load_table("claims"))["claims"].sum() == len(load_table("claims"))
