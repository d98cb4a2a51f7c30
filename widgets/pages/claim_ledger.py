"""Appendix B (the claim ledger): every figure and short text its prose shows, and the tables it displays.

The figures are counts of the claims in ``data/claims.csv`` (whole claims, written with their noun: '1 claim',
'12 claims') and shares of them in whole per cent; nothing is estimated, so nothing is rounded further. The
tables (claims by topic and verdict, the patterns to check first, the full ledger) come from
``widgets.pages.appendix``; the chart of verdicts by section is ``show.claim_ledger()``.
"""
from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from widgets.charts.ledger import PREFACE, section_name
from widgets.core import checks
from widgets.core.data import bibliography_keys, figure, load_table, plain
from widgets.core.labels import label
from widgets.ledger import model as provenance
from widgets.pages import appendix
from widgets.pages.common import Numbers

#: The verdicts of a claim the sources do not bear out: the ones a reader must not repeat.
WRONG = ("differs", "contradicted")

#: The kinds of statement to check first in an AI-written report, each with the ledger's examples (claim ids).
PATTERNS = {"status": ["c003", "c018", "c019", "c024", "c032", "c070", "c079", "c080", "c082", "c083", "c084"],
            "numbers": ["c030", "c040", "c041", "c058", "c068"], "entities": ["c009", "c010", "c049", "c056"],
            "company": ["c017", "c021", "c026", "c037", "c044", "c048"], "stale": ["c007", "c011", "c067"],
            "tense": ["c045", "c053", "c062"], "self": ["c087", "c088", "c089", "c090", "c091"]}


def count_text(count: object, noun: str) -> str:
    """A count with its noun, from the label table: ``noun`` is a label key with the forms ``<noun>.one`` and
    ``<noun>.other`` ('1 claim', '1,234 claims'; Japanese uses one form for both)."""
    number = plain(count)
    whole = isinstance(number, int) or (isinstance(number, float) and number.is_integer())
    if isinstance(number, bool) or not whole or number < 0:
        checks.reject("count", count, "a whole number of 0 or more")
    count = int(number)
    return label(f"{noun}.{'one' if count == 1 else 'other'}", count=count)


def claims_text(count: object) -> str:
    """'1 claim', '12 claims' (label ``claim_ledger.claims``)."""
    return count_text(count, "claim_ledger.claims")


def worst_section(claims: pd.DataFrame, verdicts: tuple[str, ...] = WRONG) -> pd.Series:
    """The report section with the most claims of ``verdicts``: a row with section, matching (those claims),
    total (all its claims) and pct; on a tie, the section that comes first in the ledger."""
    by_section = provenance.verdict_counts_by(claims, "section", list(verdicts))
    return by_section.loc[by_section["matching"].idxmax()]


def worst_topic(claims: pd.DataFrame, verdicts: tuple[str, ...] = WRONG) -> pd.Series:
    """The topic with the highest share of claims of ``verdicts``: a row with topic, matching, total and pct
    (per cent of the topic's claims); on a tie, the topic that comes first in the ledger."""
    by_topic = provenance.verdict_counts_by(claims, "topic", list(verdicts))
    return by_topic.loc[by_topic["pct"].idxmax()]


def numbers() -> Numbers:
    """The appendix's figures: how many claims, sections, topics and sources; the verdicts; the worst section
    and topic; the dates of the examples the text gives."""
    n = Numbers("a2_claim_ledger")
    claims = load_table("claims")
    n.text("led_n", claims_text(len(claims)))
    n.number("led_bib", ".0f", len(bibliography_keys()))
    totals = provenance.verdict_totals(claims).set_index("verdict")["claims"]
    for verdict in provenance.VERDICTS:
        n.number(f"led_{verdict.replace('-', '_')}", ".0f", totals[verdict])
    n.number("led_not_confirmed_pct", ".0f", provenance.not_confirmed_pct(claims))
    n.text("led_preface_code", PREFACE)
    n.text("led_sections", count_text(claims["section"].nunique(), "claim_ledger.sections"))
    n.text("led_topics", count_text(claims["topic"].nunique(), "claim_ledger.topics"))
    n.text("led_primary", claims_text(int((claims["confidence"] == "primary").sum())))

    section = worst_section(claims)
    n.text("led_worst_section", section_name(section["section"]))
    n.text("led_worst_section_n", label("claim_ledger.of_its", matching=int(section["matching"]),
                                        claims=claims_text(int(section["total"]))))
    topic = worst_topic(claims)
    n.text("led_worst_topic", label(f"ledgerchart.topic.{topic['topic']}").lower())
    n.number("led_worst_topic_pct", ".0f", topic["pct"])

    n.text("led_coercivity_ja", figure("claims", "text_ja", claim_id="c030"))
    n.date("led_report_date", figure("claims", "as_of", claim_id="c087"))
    n.date("led_suspension_date", figure("regulations", "date_announced", regulation_id="cn-mofcom-2025-70"))
    n.date("led_renault_date", figure("claims", "as_of", claim_id="c067"))
    return n


def pattern_frame(claims: pd.DataFrame, patterns: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """One row per pattern (``PATTERNS`` unless given): its name (capitalised, from the labels), its examples as
    links to their ledger rows with their verdicts, and how many of them the sources do not confirm ('3 of 5')."""
    summary = provenance.pattern_counts(claims, PATTERNS if patterns is None else patterns)
    summary["name"] = summary["pattern"].map(lambda p: label(f"appendix.pattern.{p}")).map(lambda s: s[:1].upper() + s[1:])
    summary["examples"] = summary["claim_ids"].map(lambda ids: appendix.verdict_links(ids, claims).replace("<br>", ", "))
    summary["count"] = [label("appendix.ledger.count", bad=bad, total=total)
                        for bad, total in zip(summary["not_confirmed"], summary["total"])]
    return summary


def pattern_table() -> HTML:
    """What to check first: each pattern, its examples in the ledger and how many the sources do not confirm."""
    return appendix.html_table(pattern_frame(load_table("claims")), ["name", "examples", "count"],
                               label("appendix.ledger.pattern_table_caption"),
                               headers={"name": label("appendix.ledger.pattern"),
                                        "examples": label("appendix.ledger.examples"),
                                        "count": label("appendix.ledger.not_confirmed")},
                               row_header="name", raw_html=["examples"])


def topic_table() -> HTML:
    """Claims by topic (rows, with a total) and verdict (columns, with a total)."""
    return appendix.topic_table(load_table("claims"))


def ledger_table() -> HTML:
    """The full ledger, every claim in the report's order, each row linkable (``#claim-c045``)."""
    return appendix.ledger_table(load_table("claims"))
