"""Confidence and verdict counts: what "Start here" glues about the data and the ledger."""
from __future__ import annotations

import pandas as pd
import pytest

from widgets.core.data import load_all, load_table
from widgets.ledger import model as provenance

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
    assert provenance.report_parts(CLAIMS.assign(section=["0", "1", "1", "1", "1", "1"])) == 2   # preface + 1
    assert provenance.top_section("2.1") == "2" and provenance.top_section("0") == "0"
    with pytest.raises(ValueError, match="a section number such as '2.1', or 'appendix'"):
        provenance.top_section("intro")


def test_not_confirmed_share_counts_company_claims_as_not_confirmed():
    claims = pd.DataFrame({"verdict": ["confirmed", "confirmed", "company-claim", "contradicted"]})
    assert provenance.not_confirmed_pct(claims) == pytest.approx(50.0)
    assert provenance.not_confirmed_pct(claims.assign(verdict="confirmed")) == 0.0


def test_pattern_counts_hand_checked():
    claims = pd.DataFrame({"claim_id": ["c001", "c002", "c003"],
                           "verdict": ["confirmed", "company-claim", "differs"]})
    frame = provenance.pattern_counts(claims, {"status": ["c003", "c001"], "company": ["c002"]})
    assert frame.to_dict("records") == [
        {"pattern": "status", "claim_ids": "c003;c001", "total": 2, "not_confirmed": 1},
        {"pattern": "company", "claim_ids": "c002", "total": 1, "not_confirmed": 1}]
    with pytest.raises(ValueError, match=r"'patterns\['status'\]' = 'c999' is not allowed"):
        provenance.pattern_counts(claims, {"status": ["c999"]})
    with pytest.raises(ValueError, match=r"'patterns\['status'\]' is empty"):
        provenance.pattern_counts(claims, {"status": []})


def test_verdict_counts_by_group_hand_checked():
    claims = pd.DataFrame({"topic": ["supply", "motors", "supply", "supply", "motors"],
                           "verdict": ["differs", "confirmed", "contradicted", "confirmed", "confirmed"]})
    frame = provenance.verdict_counts_by(claims, "topic", ["differs", "contradicted"])
    assert frame.to_dict("records") == [{"topic": "supply", "matching": 2, "total": 3, "pct": pytest.approx(200 / 3)},
                                        {"topic": "motors", "matching": 0, "total": 2, "pct": 0.0}]
    with pytest.raises(ValueError, match="'verdicts' = 'wrong' is not allowed"):
        provenance.verdict_counts_by(claims, "topic", ["wrong"])
    with pytest.raises(ValueError, match="'by' = 'colour' is not allowed"):
        provenance.verdict_counts_by(claims, "colour", ["differs"])


def test_verdicts_follow_the_schema_enum_with_confirmed_first():
    from widgets.core.data import enum_of
    assert provenance.VERDICTS == tuple(enum_of("claims", "verdict")) and provenance.VERDICTS[0] == "confirmed"


def test_real_package_counts_are_consistent():
    every = load_all()
    counts = provenance.confidence_counts(every)
    assert counts["rows"].sum() == sum(len(frame) for frame in every.values() if "confidence" in frame.columns)
    assert provenance.verdict_totals(load_table("claims"))["claims"].sum() == len(load_table("claims"))
