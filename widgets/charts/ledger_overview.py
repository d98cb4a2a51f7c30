"""The kit's ledger at a glance: how many rows of the data carry each confidence tag, how many of the report's
claims got each verdict, and a static bar chart of verdicts by report section (no slider).

The counting functions feed both the chart and the figures glued into "Start here", so the prose and the chart
cannot disagree."""
from __future__ import annotations

import altair as alt
import pandas as pd

from widgets.charts.style import WIDTH_PX, finish
from widgets.labels import label
from widgets.models import checks

CONFIDENCES = ("primary", "secondary", "company-claim", "vendor", "weak")
VERDICTS = ("confirmed", "differs", "unverified", "contradicted")
VERDICT_COLOURS = {"confirmed": "#009E73", "differs": "#E69F00", "unverified": "#56B4E9", "contradicted": "#D55E00"}
APPENDIX = "appendix"
ROW_PX = 24


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


def verdict_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per verdict (columns verdict, claims) in ``VERDICTS`` order; verdicts no claim has count 0."""
    checks.choice("claims column", "verdict", list(claims.columns))
    counts = claims["verdict"].value_counts()
    for verdict in counts.index:
        checks.choice("claims.verdict", verdict, VERDICTS)
    return pd.DataFrame({"verdict": list(VERDICTS), "claims": [int(counts.get(v, 0)) for v in VERDICTS]})


def top_section(section: object) -> str:
    """The report's top-level section of a claim: '2.1' → '2', '7' → '7', 'appendix' → 'appendix'."""
    if not isinstance(section, str) or not section.strip():
        raise ValueError(label("error.not_allowed", name="claims.section", value=section,
                               allowed="a section number such as '2.1', or 'appendix'"))
    head = section.strip().split(".")[0]
    if head != APPENDIX and not head.isdigit():
        raise ValueError(label("error.not_allowed", name="claims.section", value=section,
                               allowed="a section number such as '2.1', or 'appendix'"))
    return head


def section_label(section: str) -> str:
    return label("ledger.section.appendix") if section == APPENDIX else label("ledger.section", n=section)


def verdicts_by_section(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per (top-level report section, verdict): columns section, section_label, verdict, verdict_label,
    claims, order (sections in reading order, the appendix last). Only combinations that occur are listed."""
    for column in ("section", "verdict"):
        checks.choice("claims column", column, list(claims.columns))
    checks.not_empty("claims", claims, "give the claims table")
    frame = pd.DataFrame({"section": claims["section"].map(top_section), "verdict": claims["verdict"]})
    for verdict in frame["verdict"].unique():
        checks.choice("claims.verdict", verdict, VERDICTS)
    grouped = frame.groupby(["section", "verdict"], sort=False).size().rename("claims").reset_index()
    grouped["claims"] = grouped["claims"].astype(int)
    grouped["order"] = grouped["section"].map(lambda s: 10_000 if s == APPENDIX else int(s))
    grouped["section_label"] = grouped["section"].map(section_label)
    grouped["verdict_label"] = grouped["verdict"].map(lambda v: label(f"verdict.{v}"))
    grouped["verdict_order"] = grouped["verdict"].map(VERDICTS.index)
    return grouped.sort_values(["order", "verdict_order"]).reset_index(drop=True)


def ledger_overview_chart(claims: pd.DataFrame) -> alt.Chart:
    """Stacked horizontal bars: one bar per report section, its length the number of claims checked, split by
    verdict (confirmed, differs, unverified, contradicted)."""
    data = verdicts_by_section(claims)
    sections = list(dict.fromkeys(data["section_label"]))
    verdict_labels = [label(f"verdict.{v}") for v in VERDICTS]
    chart = (alt.Chart(data).mark_bar(stroke="#FFFFFF", strokeWidth=1)
             .encode(y=alt.Y("section_label:N", sort=sections, title=label("ledger.axis.section")),
                     x=alt.X("sum(claims):Q", title=label("ledger.axis.claims"), axis=alt.Axis(tickMinStep=1)),
                     color=alt.Color("verdict_label:N", title=label("ledger.legend.verdict"),
                                     scale=alt.Scale(domain=verdict_labels,
                                                     range=[VERDICT_COLOURS[v] for v in VERDICTS])),
                     order=alt.Order("verdict_order:Q"),
                     tooltip=[alt.Tooltip("section_label:N", title=label("ledger.axis.section")),
                              alt.Tooltip("verdict_label:N", title=label("ledger.legend.verdict")),
                              alt.Tooltip("claims:Q", title=label("ledger.tooltip.claims"))])
             .properties(width=WIDTH_PX - 120, height=alt.Step(ROW_PX)))
    return finish(chart, title=label("ledger.title"), subtitle=label("ledger.subtitle"),
                  description=label("ledger.description"))
