"""The claim-ledger chart: its Vega filter and count, evaluated by VegaFusion, equal a pandas count
(hand-checked on a small ledger, and on the real one for every topic); sections sort numerically."""
from __future__ import annotations

import pandas as pd
import pytest

from widgets.charts.ledger import (ALL_TOPICS, PREFACE, VERDICT_COLOURS, claim_rows, ledger_chart, section_key,
                                   section_name, verdict_counts)
from widgets.core.data import load_table
from widgets.core.labels import label
from widgets.ledger.model import VERDICTS

SMALL = pd.DataFrame({
    "claim_id": ["c001", "c002", "c003", "c004", "c005", "c006"],
    "section": ["2.1", "10", "2.1", "appendix", "2", "2.1"],
    "topic": ["supply", "supply", "motors", "supply", "motors", "supply"],
    "verdict": ["confirmed", "differs", "differs", "unverified", "confirmed", "differs"],
})


def counts_of(chart) -> dict:
    frame = chart.transformed_data()
    return {(row.section, row.verdict): int(row.claims) for row in frame.itertuples()}


def test_hand_checked_counts():
    # all topics: 2.1 → 1 confirmed + 2 differs; 10 → 1 differs; appendix → 1 unverified; 2 → 1 confirmed
    assert counts_of(ledger_chart(SMALL)) == {("2.1", "confirmed"): 1, ("2.1", "differs"): 2, ("10", "differs"): 1,
                                              ("appendix", "unverified"): 1, ("2", "confirmed"): 1}
    # motors only: c003 (2.1, differs) and c005 (2, confirmed)
    assert counts_of(ledger_chart(SMALL, "motors")) == {("2.1", "differs"): 1, ("2", "confirmed"): 1}


def test_sections_sort_numerically_with_the_appendix_last():
    assert sorted(["10", "appendix", "2.1", "2", "7", "2.2"], key=section_key) == ["2", "2.1", "2.2", "7", "10",
                                                                                    "appendix"]
    assert sorted(["1", "appendix", PREFACE], key=section_key) == [PREFACE, "1", "appendix"]
    assert section_name(PREFACE) == label("ledgerchart.section.preface")
    rows = claim_rows(SMALL)
    assert rows.set_index("claim_id").loc["c004", "section_name"] == label("ledgerchart.section.appendix")
    assert rows.set_index("claim_id").loc["c001", "section_name"] == label("ledgerchart.section.numbered",
                                                                           number="2.1")


@pytest.mark.parametrize("topic", [ALL_TOPICS, "regulation", "materials", "supply", "motors", "market",
                                   "recommendations"])
def test_chart_matches_pandas_on_the_real_ledger(topic):
    claims = load_table("claims")
    expected = {(row.section, row.verdict): int(row.claims) for row in verdict_counts(claims, topic).itertuples()}
    assert counts_of(ledger_chart(claims, topic)) == expected
    assert sum(expected.values()) == (len(claims) if topic == ALL_TOPICS else int((claims["topic"] == topic).sum()))


def test_every_verdict_is_counted_and_has_its_own_colour():
    five = pd.DataFrame({"claim_id": [f"c{i:03d}" for i in range(1, 6)], "section": [PREFACE, "3", "3", "3", "7"],
                         "topic": ["market"] * 5, "verdict": list(VERDICTS)})
    counts = counts_of(ledger_chart(five))
    assert counts == {(PREFACE, VERDICTS[0]): 1, ("3", VERDICTS[1]): 1, ("3", VERDICTS[2]): 1,
                      ("3", VERDICTS[3]): 1, ("7", VERDICTS[4]): 1}
    scale = ledger_chart(five).to_dict()["encoding"]["color"]["scale"]
    assert scale["domain"] == [label(f"verdict.{v}") for v in VERDICTS]
    assert scale["range"] == [VERDICT_COLOURS[v] for v in VERDICTS] and len(set(scale["range"])) == len(VERDICTS)


def test_chart_has_a_topic_drop_down_title_and_description():
    spec = ledger_chart(SMALL).to_dict()
    assert spec["title"]["text"] == label("ledgerchart.title") and spec["description"] == label("ledgerchart.description")
    (param,) = [p for p in spec["params"] if "bind" in p]
    assert param["name"] == "topic_choice" and param["bind"]["input"] == "select"
    assert param["bind"]["options"] == [ALL_TOPICS, "motors", "supply"]
    assert param["bind"]["labels"][0] == label("ledgerchart.topic.all")
    assert spec["config"]["axis"]["labelAngle"] == 0


def test_bad_inputs_are_rejected():
    with pytest.raises(ValueError, match="'claims.verdict' = 'maybe' is not allowed"):
        ledger_chart(SMALL.assign(verdict=["maybe"] * len(SMALL)))
    with pytest.raises(ValueError, match="'topic' = 'weather' is not allowed"):
        ledger_chart(SMALL, "weather")
    with pytest.raises(ValueError, match="'claims column' = 'verdict' is not allowed"):
        ledger_chart(SMALL.drop(columns="verdict"))
