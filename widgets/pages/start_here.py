"""Chapter 00 (Start here): every figure and short text its prose shows.

The figures are counts of rows of the data package (by confidence label) and of claims of the ledger (by
verdict), each written with its noun ('1 row', '12 claims'), and the share of claims the sources do not confirm,
in whole per cent; nothing is estimated, so nothing is rounded further. The report's own words (its title line
of the seminar advertisement, its promises, its statement about its sources) are quoted from the ledger.
The page's seminar plan is ``workshops.plan_markdown()``; its verdict chart is ``show.claim_ledger()``.
"""
from __future__ import annotations

import pandas as pd

from widgets.core.data import load_all, row
from widgets.core.labels import localized
from widgets.ledger import model as provenance
from widgets.pages.claim_ledger import claims_text, count_text
from widgets.pages.common import Numbers
from widgets.pages.workshops import add_slot

#: The ledger rows the page quotes: the report on its sources (and its date), the seminar advertisement and
#: the seminar's two promises.
REFERENCES_CLAIM, ADVERT_CLAIM, DOCTORATE_CLAIM, HOUR_CLAIM = "c087", "c089", "c090", "c091"


def tables_with_labels(tables: dict[str, pd.DataFrame]) -> int:
    """How many of ``tables`` have a ``confidence`` column (carry a confidence label on each row)."""
    return sum("confidence" in frame.columns for frame in tables.values())


def figure_name(prefix: str, code: str) -> str:
    """The figure name for a confidence label or a verdict: ('start_conf', 'company-claim') → 'start_conf_company_claim'."""
    return f"{prefix}_{code.replace('-', '_')}"


def numbers() -> Numbers:
    """The page's figures: rows per confidence label, claims per verdict, the report's date and own words, and
    the page's slot in the seminar plan."""
    n = Numbers("00_start_here")
    add_slot(n, "00_start_here")
    tables = load_all()
    confidence = provenance.confidence_counts(tables)
    for tag, rows in zip(confidence["confidence"], confidence["rows"]):
        n.text(figure_name("start_conf", tag), count_text(rows, "start_here.rows"))
    n.text("start_rows", count_text(confidence["rows"].sum(), "start_here.labelled_rows"))
    n.text("start_tables", count_text(tables_with_labels(tables), "start_here.tables"))

    references, advert = row("claims", claim_id=REFERENCES_CLAIM), row("claims", claim_id=ADVERT_CLAIM)
    n.date("start_report_date", references["as_of"])
    n.text("start_ad_title", advert["text_ja"])
    n.text("start_ad", localized(advert, "claim"))   # the ledger's summary: claim_en, or claim_ja in Japanese
    # the promises in the author's words: the English paraphrase, or in Japanese the report's own text
    n.text("start_ad_phd", localized(row("claims", claim_id=DOCTORATE_CLAIM), en="claim_en", ja="text_ja"))
    n.text("start_ad_hour", localized(row("claims", claim_id=HOUR_CLAIM), en="claim_en", ja="text_ja"))
    n.text("start_refs_ja", references["text_ja"])

    claims = tables["claims"]
    verdicts = provenance.verdict_totals(claims)
    for verdict, count in zip(verdicts["verdict"], verdicts["claims"]):
        n.text(figure_name("start_v", verdict), claims_text(count))
    n.text("start_claims", claims_text(len(claims)))
    n.text("start_sections", count_text(provenance.report_parts(claims), "start_here.parts"))
    n.number("start_not_confirmed_pct", ".0f", provenance.not_confirmed_pct(claims))
    return n
