"""How the data package and the claim ledger stand: rows per confidence tag, claims per verdict,
report parts checked. Pure functions over DataFrames; the figures "Start here" glues."""
from __future__ import annotations

import pandas as pd

from widgets.labels import label
from widgets.data import enum_of
from widgets.models import checks

CONFIDENCES = ("primary", "secondary", "company-claim", "vendor", "weak")
#: The ledger's verdicts, most to least supported: the enum of ``claims.verdict`` in ``datapackage.json``.
VERDICTS = tuple(enum_of("claims", "verdict"))
APPENDIX = "appendix"


def confidence_counts(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Rows per confidence tag summed over every table that has a ``confidence`` column: columns confidence,
    rows, tables (how many tables use the tag), in ``CONFIDENCES`` order (tags no row uses count 0)."""
    checks.not_empty("tables", tables, "give the data package's tables (widgets.data.load_all())")
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
        raise ValueError(label("error.not_allowed", name="claims.section", value=section, allowed=allowed))
    head = section.strip().split(".")[0]
    if head != APPENDIX and not head.isdigit():
        raise ValueError(label("error.not_allowed", name="claims.section", value=section, allowed=allowed))
    return head


def report_parts(claims: pd.DataFrame) -> int:
    """How many top-level parts of the report (numbered sections and the appendix) the ledger covers."""
    checks.not_empty("claims", claims, "give the claims table")
    return int(claims["section"].map(top_section).nunique())
