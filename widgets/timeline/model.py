"""The regulation time line: every row of the ``regulations`` table as an event with its dates, which family
of measure it is, and which events a reader standing on a given day already knew about.

Days are counted from ``ORIGIN`` (the chart's date slider uses that index):

    day_index(d) = whole days from ORIGIN to d       events_on(events, d).after = announced > d
"""
from __future__ import annotations

import pandas as pd

from widgets.core import checks

ORIGIN = pd.Timestamp("1998-01-01")
END = pd.Timestamp("2027-12-31")
DETAIL_START = pd.Timestamp("2023-01-01")
DAY_MS = 86_400_000
ORIGIN_MS = int(ORIGIN.value // 1_000_000)
#: Measures grouped by family (the schema's rule types, grouped so that nine colours suffice on a chart).
FAMILIES = {"export_quota": "quota", "technology_catalogue": "technology", "technology_rule": "technology",
            "element_licence": "licence", "end_use_ban": "licence", "origin_rule": "abroad",
            "value_share_rule": "abroad", "equipment_controls": "equipment", "suspension": "suspension",
            "administration": "law", "event": "event", "partnership": "agreement", "framework": "agreement"}
FAMILY_ORDER = ("quota", "technology", "licence", "abroad", "equipment", "suspension", "law", "event", "agreement")
RULE_TYPES = tuple(FAMILIES)
COLUMNS = ("regulation_id", "short_en", "short_ja", "date_announced", "jurisdiction", "instrument", "title_en",
           "controls_en", "rule_type", "effective_date", "suspended_until", "source_id", "confidence")


def _ms(day: pd.Timestamp) -> int:
    return int(pd.Timestamp(day).value // 1_000_000)


def _iso(value: object) -> str | None:
    return None if checks.is_missing(value) else pd.Timestamp(value).date().isoformat()


def day_index(day: object) -> int:
    """Whole days from ``ORIGIN`` to ``day`` (a date, Timestamp or ISO string) — the slider's value for it."""
    stamp = pd.Timestamp(day)
    index = (stamp.normalize() - ORIGIN).days
    return int(checks.number("day", index, minimum=0, maximum=(END - ORIGIN).days,
                             unit=f"days from {ORIGIN.date()} (a date from {ORIGIN.date()} to {END.date()})"))


def day_of_index(index: int) -> pd.Timestamp:
    """The date a slider position stands for (inverse of :func:`day_index`)."""
    checks.number("here_day", index, minimum=0, maximum=(END - ORIGIN).days, unit="days")
    return ORIGIN + pd.Timedelta(days=int(index))


def timeline_events(regulations: pd.DataFrame) -> pd.DataFrame:
    """One row per regulation with ISO date strings, the same dates as epoch milliseconds (for the slider
    comparisons) and the measure's family; sorted by announcement date, then identifier."""
    checks.require_columns("regulations", regulations, COLUMNS)
    checks.not_empty("regulations", regulations, "give the regulations table")
    rows = []
    for row in regulations.itertuples(index=False):
        where = f"regulations (regulation_id={row.regulation_id!r})"
        rule_type = checks.choice(f"{where} rule_type", row.rule_type, RULE_TYPES)
        if checks.is_missing(row.date_announced):
            checks.reject(f"{where} date_announced", None, "a date: every event needs one")
        announced = pd.Timestamp(row.date_announced)
        effective = None if checks.is_missing(row.effective_date) else pd.Timestamp(row.effective_date)
        until = None if checks.is_missing(row.suspended_until) else pd.Timestamp(row.suspended_until)
        rows.append({
            "regulation_id": row.regulation_id, "short_en": row.short_en, "short_ja": row.short_ja,
            "jurisdiction": row.jurisdiction, "rule_type": rule_type, "family": FAMILIES[rule_type],
            "instrument": row.instrument, "title_en": row.title_en, "controls_en": row.controls_en,
            "announced": _iso(announced), "announced_ms": _ms(announced),
            "effective": _iso(effective), "effective_ms": None if effective is None else _ms(effective),
            "suspended_until": _iso(until), "suspended_until_ms": None if until is None else _ms(until),
            "source_id": row.source_id, "confidence": row.confidence})
    frame = pd.DataFrame(rows)
    return frame.sort_values(["announced_ms", "regulation_id"], kind="stable").reset_index(drop=True)


def events_on(events: pd.DataFrame, day: object) -> pd.DataFrame:
    """``events`` with two flags for the chosen ``day`` (what the chart greys out):
    after = announced later than ``day``; effective_after = takes effect later than ``day`` (False if no date)."""
    here = _ms(pd.Timestamp(day))
    out = events.copy()
    out["after"] = out["announced_ms"] > here
    out["effective_after"] = out["effective_ms"].map(lambda ms: False if checks.is_missing(ms) else ms > here)
    return out
