"""How the data package and the claim ledger stand: rows per confidence tag, claims per verdict, the share
of claims the sources do not confirm, report parts checked, and how the claims of a named pattern fared.
Pure functions over DataFrames; the figures "Start here" and the ledger appendix glue."""
from __future__ import annotations

import pandas as pd

from widgets.core import checks, trust

CONFIDENCES = trust.confidences()
#: The ledger's verdicts, most to least supported: the enum of ``claims.verdict`` in ``datapackage.json``.
VERDICTS = trust.verdicts()
APPENDIX = "appendix"


def confidence_counts(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Rows per confidence tag summed over every table that has a ``confidence`` column: columns confidence,
    rows, tables (how many tables use the tag), in ``CONFIDENCES`` order (tags no row uses count 0)."""
    checks.not_empty("tables", tables, "give the data package's tables (widgets.core.data.load_all())")
    counts = {tag: 0 for tag in CONFIDENCES}
    used_in = {tag: 0 for tag in CONFIDENCES}
    for name, frame in tables.items():
        if "confidence" not in frame.columns:
            continue
        for tag, number in frame["confidence"].value_counts().items():
            checks.choice(f"{name}.confidence", tag, CONFIDENCES)
            counts[tag] += int(number)
            used_in[tag] += 1
    return pd.DataFrame({"confidence": list(CONFIDENCES), "rows": [counts[t] for t in CONFIDENCES],
                         "tables": [used_in[t] for t in CONFIDENCES]})


def verdict_totals(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per verdict (columns verdict, claims) in ``VERDICTS`` order; verdicts no claim has count 0."""
    checks.choice("claims column", "verdict", list(claims.columns))
    counts = claims["verdict"].value_counts()
    for verdict in counts.index:
        checks.choice("claims.verdict", verdict, VERDICTS)
    return pd.DataFrame({"verdict": list(VERDICTS), "claims": [int(counts.get(v, 0)) for v in VERDICTS]})


def top_section(section: object) -> str:
    """The report's top-level section of a claim: '2.1' → '2', '7' → '7', 'appendix' → 'appendix'."""
    allowed = "a section number such as '2.1', or 'appendix'"
    if not isinstance(section, str) or not section.strip():
        checks.reject("claims.section", section, allowed)
    head = section.strip().split(".")[0]
    if head != APPENDIX and not head.isdigit():
        checks.reject("claims.section", section, allowed)
    return head


def report_parts(claims: pd.DataFrame) -> int:
    """How many top-level parts of the report (numbered sections and the appendix) the ledger covers."""
    checks.not_empty("claims", claims, "give the claims table")
    return int(claims["section"].map(top_section).nunique())


def not_confirmed_pct(claims: pd.DataFrame) -> float:
    """Share of the claims, in per cent, whose verdict is anything but 'confirmed' (company claims included:
    a company's word about its own product is not a confirmation)."""
    checks.not_empty("claims", claims, "give the claims table")
    totals = verdict_totals(claims).set_index("verdict")["claims"]
    return float((totals.sum() - totals.get("confirmed", 0)) / totals.sum() * 100)


def pattern_counts(claims: pd.DataFrame, patterns: dict[str, list[str]]) -> pd.DataFrame:
    """For each named pattern (name → claim ids), its claims and how many the sources do not confirm:
    columns pattern, claim_ids (';'-joined, in the order given), total, not_confirmed; one row per pattern,
    in the order given. Every id must be a claim of ``claims``; a pattern needs at least one claim."""
    for column in ("claim_id", "verdict"):
        checks.choice("claims column", column, list(claims.columns))
    checks.not_empty("patterns", patterns, "name at least one pattern with its claim ids")
    verdict_of = claims.set_index("claim_id")["verdict"]
    rows = []
    for name, ids in patterns.items():
        checks.not_empty(f"patterns[{name!r}]", list(ids), "give at least one claim id")
        for claim_id in ids:
            if claim_id not in verdict_of.index:
                checks.reject(f"patterns[{name!r}]", claim_id, "claim ids of the claims table")
        rows.append({"pattern": name, "claim_ids": ";".join(ids), "total": len(ids),
                     "not_confirmed": int(sum(verdict_of[c] != "confirmed" for c in ids))})
    return pd.DataFrame(rows, columns=["pattern", "claim_ids", "total", "not_confirmed"])


def verdict_counts_by(claims: pd.DataFrame, by: str, verdicts: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """Per value of ``by`` (e.g. 'topic' or 'section', in order of first appearance): how many claims have one
    of ``verdicts`` (column matching), how many claims there are (total) and the share in per cent (pct)."""
    checks.choice("by", by, [c for c in claims.columns if c != "verdict"])
    checks.choice("claims column", "verdict", list(claims.columns))
    checks.not_empty("verdicts", list(verdicts), "name at least one verdict")
    for verdict in verdicts:
        checks.choice("verdicts", verdict, VERDICTS)
    checks.not_empty("claims", claims, "give the claims table")
    groups = claims[by].astype(str)
    hit = claims["verdict"].isin(list(verdicts))
    order = list(dict.fromkeys(groups))
    total = groups.value_counts().reindex(order)
    matching = groups[hit].value_counts().reindex(order, fill_value=0)
    return pd.DataFrame({by: order, "matching": [int(m) for m in matching], "total": [int(n) for n in total],
                         "pct": [float(m / n * 100) for m, n in zip(matching, total)]})
