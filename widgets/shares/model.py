"""Country shares of world rare-earth production by stage, as the sources give them.

Some sources state a share (IEA: China 62 % of 2023 mining); others give tonnes per country and a world total
(USGS MCS 2025: China 270,000 t of 390,000 t in 2024). :func:`share_pct` turns tonnes into a share;
:func:`country_shares` puts both kinds side by side, one row per source and year, never averaged. A share is
computed only from a country row and a world row of the SAME source, year, stage and basis: mixing one source's
country figure with another's world total would produce a number neither source gives.
"""
from __future__ import annotations

import pandas as pd

from widgets.core import checks, trust

STAGES = ("mining", "separation", "refining", "magnet_making")
WORLD = "World"
HOW = ("stated", "computed")
SHARE_COLUMNS = ("stage", "year", "country", "share_pct", "how", "projection", "quantity_t", "world_t", "basis",
                 "source_id", "as_of", "confidence", "note")
_INPUT_COLUMNS = ("year", "stage", "country", "share_pct", "quantity_t", "basis", "source_id", "as_of",
                  "confidence", "note")


def share_pct(part_t: float, total_t: float) -> float:
    """part_t / total_t · 100: a country's tonnes as a percentage of the world total.

    ValueError if part_t < 0, total_t ≤ 0 or part_t > total_t (a share above 100 % means the two figures do not
    describe the same thing)."""
    total = checks.positive("total_t", total_t, unit="t")
    part = checks.number("part_t", part_t, minimum=0.0, maximum=total, unit="t (at most the world total)")
    return part / total * 100


def country_shares(production: pd.DataFrame, country: str = "China") -> pd.DataFrame:
    """One row per share of ``country`` that the table states or that its tonnes allow, in ``SHARE_COLUMNS``.

    stated:   rows of ``country`` with ``share_pct`` given (kept as the source states them);
    computed: rows of ``country`` with ``quantity_t`` given and a ``World`` row of the same source_id, year,
              stage and basis: share_pct = :func:`share_pct` (country tonnes, world tonnes); the provenance
              columns are the country row's (the confidence is the lower of the two rows' if they differ).
    projection = the year lies after the year of ``as_of`` (a forecast, not an observation).
    Tonnages with no matching world total (a quota, one company's output) give no share and are left out.
    Rows are sorted by stage (``STAGES`` order), year and source."""
    for column in _INPUT_COLUMNS:
        checks.choice("production column", column, list(production.columns))
    checks.not_empty("production", production, "give the production_shares table")
    if not isinstance(country, str) or not country.strip() or country == WORLD:
        checks.reject("country", country, "a country name other than 'World'")
    rows = []
    ours = production[production["country"] == country]
    world = production[production["country"] == WORLD]
    for row in ours.itertuples(index=False):
        base = {"stage": row.stage, "year": int(row.year), "country": country, "basis": row.basis,
                "projection": int(row.year) > pd.Timestamp(row.as_of).year,
                "source_id": row.source_id, "as_of": row.as_of, "confidence": row.confidence,
                "note": None if checks.is_missing(row.note) else row.note}
        if not checks.is_missing(row.share_pct):
            rows.append({**base, "share_pct": checks.percent("share_pct", float(row.share_pct)), "how": "stated",
                         "quantity_t": None, "world_t": None})
        elif not checks.is_missing(row.quantity_t):
            match = world[(world["source_id"] == row.source_id) & (world["year"] == row.year)
                          & (world["stage"] == row.stage) & (world["basis"] == row.basis)
                          & world["quantity_t"].notna()]
            if len(match) > 1:
                checks.reject("production (World rows)", f"{len(match)} rows for {row.source_id}, {row.year}, {row.stage}",
                              "one world total per source, year, stage and basis")
            if len(match) == 1:
                total = float(match.iloc[0]["quantity_t"])
                confidence = row.confidence
                if match.iloc[0]["confidence"] != row.confidence:
                    confidence = _weaker(row.confidence, match.iloc[0]["confidence"])
                rows.append({**base, "confidence": confidence, "how": "computed",
                             "share_pct": share_pct(float(row.quantity_t), total),
                             "quantity_t": float(row.quantity_t), "world_t": total})
    frame = pd.DataFrame(rows, columns=list(SHARE_COLUMNS))
    order = {stage: index for index, stage in enumerate(STAGES)}
    frame["_order"] = frame["stage"].map(order).fillna(len(STAGES))
    return (frame.sort_values(["_order", "year", "source_id"], kind="stable").drop(columns="_order")
            .reset_index(drop=True))




def _weaker(first: str, second: str) -> str:
    """The less trusted of two confidence tags (the schema's trust order, ``widgets.core.trust``)."""
    return trust.weaker(first, second)
