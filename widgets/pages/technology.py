"""Appendix A (the report's technology comparison): the counts and short texts its prose shows, and the table
row by row.

Every figure here is a count of rows of data/technologies.csv and data/claims.csv, shown whole; the tables
themselves come from ``widgets.pages.appendix``.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from IPython.display import display

from widgets.core.data import load_table, row, split_list
from widgets.core.labels import label
from widgets.ledger.model import VERDICTS
from widgets.pages import appendix
from widgets.pages.common import Numbers

#: The title of the report's table, quoted as the report gives it.
REPORT_TABLE_TITLE = "「補足データ:主なレアアース代替・削減技術比較 (2025年版)」"


def count_text(key: str, count: int) -> str:
    """A count with its words from the labels ``<key>.one`` (count 1) or ``<key>.other``: '5 technologies'."""
    return label(f"{key}.{'one' if count == 1 else 'other'}", count=f"{count:,}")


def list_text(parts: list[str]) -> str:
    """Parts as one list in words: 'a', 'a and b', 'a, b and c' ('a、b、c' in Japanese)."""
    if not parts:
        raise ValueError("Parameter 'parts' is empty; give at least one part.")
    if len(parts) == 1:
        return parts[0]
    return label("technology.list_separator").join(parts[:-1]) + label("technology.list_last") + parts[-1]


def linked_claims(tech: pd.DataFrame) -> list[str]:
    """The claim ids the table's rows link to (column ``claim_ids``, ``;``-separated), each once, sorted."""
    return sorted({claim_id for ids in tech["claim_ids"] for claim_id in split_list(ids)})


def verdict_counts(claim_ids: Iterable[str], claims: pd.DataFrame) -> dict[str, int]:
    """How many of ``claim_ids`` have each verdict, in the ledger's order of verdicts (``VERDICTS``); verdicts
    with no claim left out."""
    verdicts = claims.set_index("claim_id")["verdict"]
    found = [str(verdicts[claim_id]) for claim_id in claim_ids]
    counts = {verdict: found.count(verdict) for verdict in VERDICTS}
    return {verdict: count for verdict, count in counts.items() if count}


def verdicts_text(counts: dict[str, int]) -> str:
    """Verdict counts in words: '3 confirmed, 2 differing from the sources and 1 contradicted'."""
    return list_text([count_text(f"technology.verdict.{verdict}", count) for verdict, count in counts.items()])


def row_by_row(tech: pd.DataFrame | None = None, claims: pd.DataFrame | None = None) -> None:
    """Every row of the report's table in full (``appendix.technology_detail``), in the report's order."""
    tech = load_table("technologies") if tech is None else tech
    claims = load_table("claims") if claims is None else claims
    for _, technology in tech.sort_values("row_order").iterrows():
        display(appendix.technology_detail(technology, claims))


def numbers() -> Numbers:
    """Every count and short text appendix A shows, in words."""
    n = Numbers("a1_technology_table")
    tech, claims = load_table("technologies"), load_table("claims")
    linked = linked_claims(tech)
    n.text("tech_title_ja", REPORT_TABLE_TITLE)
    n.text("tech_rows", count_text("technology.rows", len(tech)))
    n.text("tech_claims", count_text("technology.ledger_rows", len(linked)))
    n.text("tech_verdicts", verdicts_text(verdict_counts(linked, claims)))
    table_claims = claims[claims["section"].astype(str) == "appendix"]
    n.text("tech_status_claims", count_text("technology.claims", len(table_claims)))
    n.text("tech_status_confirmed", count_text("technology.confirmed", int((table_claims["verdict"] == "confirmed").sum())))
    n.date("tech_reuters_date", row("motors", motor_id="renault-e7a-inhouse")["as_of"])
    return n
