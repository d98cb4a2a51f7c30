"""The claim ledger at a glance: how many of the report's claims in each section were confirmed, rest on the
company's word only, differ from the sources, could not be verified or are contradicted, with a drop-down that
keeps one topic only.

The chart counts rows of ``claims`` in Vega (filter on the chosen topic, then aggregate by section and
verdict); :func:`verdict_counts` does the same in pandas, and the test compares the two.
"""
from __future__ import annotations

import json

import altair as alt
import pandas as pd

from widgets.charts.style import OKABE_ITO, WIDTH_PX, finish
from widgets.core.labels import label
from widgets.core import checks
from widgets.ledger.model import VERDICTS

VERDICT_COLOURS = {"confirmed": OKABE_ITO[2], "company-claim": OKABE_ITO[5], "differs": OKABE_ITO[1],
                   "unverified": OKABE_ITO[7], "contradicted": OKABE_ITO[3]}
ALL_TOPICS = "all"
#: The ledger's section code for the report's text before section 1 (the preface with the seminar advertisement).
PREFACE = "0"
ROW_HEIGHT_PX = 22
#: Narrower than the house width: with its section labels the chart then fits the book's text column
#: without a horizontal scroll bar, so the longest bar is not cut off at the column's edge.
CHART_WIDTH_PX = WIDTH_PX - 80


def section_key(section: str) -> tuple:
    """Sort key: numbered sections in numeric order (0 < 2 < 2.1 < 2.2 < 3), the appendix last."""
    if section == "appendix":
        return (1, ())
    return (0, tuple(int(part) for part in str(section).split(".")))


def section_name(section: str) -> str:
    """Display name of a section: 'Section 2.1', 'Preface' (code ``PREFACE``) or 'Appendix' (from labels)."""
    if section == "appendix":
        return label("ledgerchart.section.appendix")
    if str(section) == PREFACE:
        return label("ledgerchart.section.preface")
    return label("ledgerchart.section.numbered", number=section)


def claim_rows(claims: pd.DataFrame) -> pd.DataFrame:
    """The columns the chart needs, with display names and the section order."""
    for column in ("claim_id", "section", "topic", "verdict"):
        checks.choice("claims column", column, list(claims.columns))
    checks.not_empty("claims", claims, "give at least one claim")
    for verdict in claims["verdict"]:
        checks.choice("claims.verdict", verdict, VERDICTS)
    sections = sorted(claims["section"].astype(str).unique(), key=section_key)
    order = {section: i for i, section in enumerate(sections)}
    frame = pd.DataFrame({
        "claim_id": claims["claim_id"].astype(str), "section": claims["section"].astype(str),
        "topic": claims["topic"].astype(str), "verdict": claims["verdict"].astype(str)})
    frame["section_name"] = frame["section"].map(section_name)
    frame["section_order"] = frame["section"].map(order)
    frame["verdict_name"] = frame["verdict"].map(lambda v: label(f"verdict.{v}"))
    frame["verdict_order"] = frame["verdict"].map(VERDICTS.index)
    return frame


def verdict_counts(claims: pd.DataFrame, topic: str = ALL_TOPICS) -> pd.DataFrame:
    """Counts by section and verdict (long; zero counts left out), for one topic or all."""
    frame = claim_rows(claims)
    if topic != ALL_TOPICS:
        frame = frame[frame["topic"] == topic]
    return (frame.groupby(["section", "verdict"]).size().rename("claims").reset_index())


def ledger_chart(claims: pd.DataFrame, topic: str = ALL_TOPICS) -> alt.Chart:
    """Stacked horizontal bars, one per report section, split by verdict; a drop-down (bound param
    ``topic_choice``, initial value ``topic``) keeps the claims of one topic."""
    rows = claim_rows(claims)
    topics = sorted(rows["topic"].unique())
    checks.choice("topic", topic, [ALL_TOPICS, *topics])
    choice = alt.param(name="topic_choice", value=topic, bind=alt.binding_select(
        options=[ALL_TOPICS, *topics],
        labels=[label("ledgerchart.topic.all"), *[label(f"ledgerchart.topic.{t}") for t in topics]],
        name=label("ledgerchart.input.topic") + " "))
    sections = list(rows.sort_values("section_order")["section_name"].drop_duplicates())
    verdict_names = [label(f"verdict.{v}") for v in VERDICTS]
    chart = (alt.Chart(rows)
             .transform_filter(f"topic_choice == {json.dumps(ALL_TOPICS)} || datum.topic == topic_choice")
             .transform_aggregate(claims="count()",
                                  groupby=["section", "section_name", "verdict", "verdict_name", "verdict_order"])
             .mark_bar()
             .encode(x=alt.X("claims:Q", stack="zero", title=label("ledgerchart.axis.claims"),
                             axis=alt.Axis(tickMinStep=1, format="d")),
                     y=alt.Y("section_name:N", sort=sections, scale=alt.Scale(domain=sections),
                             title=label("ledgerchart.axis.section")),
                     color=alt.Color("verdict_name:N", title=label("ledgerchart.legend.verdict"),
                                     scale=alt.Scale(domain=verdict_names,
                                                     range=[VERDICT_COLOURS[v] for v in VERDICTS])),
                     order=alt.Order("verdict_order:Q"),
                     tooltip=[alt.Tooltip("section_name:N", title=label("ledgerchart.axis.section")),
                              alt.Tooltip("verdict_name:N", title=label("ledgerchart.legend.verdict")),
                              alt.Tooltip("claims:Q", title=label("ledgerchart.axis.claims"))])
             .add_params(choice)
             .properties(width=CHART_WIDTH_PX, height=ROW_HEIGHT_PX * len(sections)))
    return finish(chart, title=label("ledgerchart.title"), subtitle=label("ledgerchart.subtitle"),
                  description=label("ledgerchart.description"))
