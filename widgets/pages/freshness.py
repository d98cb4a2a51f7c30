"""How old the briefing is: per chapter, the date range of the data rows behind its citations and its newest
source; for the whole kit, the regulations and prices rows to re-verify first.

A chapter's sources are the keys it cites (``{cite:p}`…``) and the sources of the claims whose checks it shows
(``book.source_check("c…")``, ``book.source_checks_table([...])``). A source's date is its bibliography
``date`` (else year and month, else year). "Stale" means older than ``MAX_AGE_DAYS`` for its table, counted
from the build date: regulations move month by month, prices quarter by quarter.

``python -m widgets.pages.freshness`` (``make freshness``) prints the rows to re-verify, oldest first.
"""
from __future__ import annotations

from collections.abc import Iterable

import datetime as dt
import re
import sys
from functools import lru_cache
from pathlib import Path

import pandas as pd

from widgets.core.data import DATA_DIR, load_table, split_list, table_names
from widgets.core.labels import localized

MAX_AGE_DAYS = {"regulations": 180, "prices": 365}
ID_COLUMNS = {"regulations": "regulation_id", "prices": "commodity"}
_ENTRY = re.compile(r"^@\w+\s*\{\s*([^,\s]+)\s*,(.*?)^\}", re.S | re.M)
_FIELD = re.compile(r"^\s*(date|year|month|title)\s*=\s*\{(.*?)\},?\s*$", re.M)
# citation keys: {cite:p}`a,b` in displayed Markdown, {eval}`cite.p("a", "b")` in a chapter's prose
_CITE = re.compile(r"\{cite:[pt]\}`([^`]*)`")
_CITE_EVAL = re.compile(r"\{eval\}`\s*cite\.[pt]\(([^`]*)\)\s*`")
_CLAIM = re.compile(r"\b(c\d{3})\b")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@lru_cache(maxsize=4)
def _bibliography(path: str, _mtime: float) -> dict[str, dict[str, str]]:
    text = Path(path).read_text(encoding="utf-8")
    return {key: dict(_FIELD.findall(body)) for key, body in _ENTRY.findall(text)}


def bibliography() -> dict[str, dict[str, str]]:
    """The date, year, month and title fields of every bibliography entry, by key."""
    path = DATA_DIR / "references.bib"
    return _bibliography(str(path), path.stat().st_mtime)


def source_date(key: str) -> pd.Timestamp:
    """A source's date: its ``date`` field, else ``year`` (and ``month``, first day), else NaT."""
    fields = bibliography().get(key, {})
    if fields.get("date"):
        return pd.Timestamp(fields["date"])
    if fields.get("year", "").strip().isdigit():
        month = fields.get("month", "").strip().lower()[:3]
        return pd.Timestamp(int(fields["year"]), _MONTHS.index(month) + 1 if month in _MONTHS else 1, 1)
    return pd.NaT


def chapter_sources(chapter: Path | str) -> set[str]:
    """The bibliography keys a chapter cites, directly or through the claims whose checks it shows."""
    text = Path(chapter).read_text(encoding="utf-8")
    keys = {key.strip() for group in _CITE.findall(text) for key in group.split(",") if key.strip()}
    keys |= {key for group in _CITE_EVAL.findall(text) for key in re.findall(r"""["']([^"']+)["']""", group)}
    claim_ids = set(_CLAIM.findall(text))
    if claim_ids:
        claims = load_table("claims").set_index("claim_id")
        for claim_id in claim_ids & set(claims.index):
            keys |= {claims.at[claim_id, "source_id"], *split_list(claims.at[claim_id, "other_source_ids"])}
    return {key for key in keys if key and key != "imaizumi2025report"}


def chapter_freshness(chapter: Path | str, more_sources: Iterable[str] = ()) -> dict[str, object]:
    """For one chapter: the oldest and newest ``as_of`` among the data rows whose source it cites (in its text, or
    through its figures' provenance: ``more_sources``), and its newest source (key and date). Undated sources are
    left out (their rows' ``as_of`` is the day the row was compiled, not a date of the data), and so are tables
    without ``as_of``."""
    cited = chapter_sources(chapter) | {key for key in more_sources if key}
    keys = {key for key in cited if not pd.isna(source_date(key))}  # undated: as_of is a compile date
    dates = [d for d in (pd.Timestamp(x) for name in _tables_with_sources()
                         for x in _as_of_for(name, keys)) if not pd.isna(d)]
    dated = sorted(((source_date(k), k) for k in keys if not pd.isna(source_date(k))), reverse=True)
    return {"data_from": min(dates) if dates else pd.NaT, "data_to": max(dates) if dates else pd.NaT,
            "newest_source": dated[0][1] if dated else "", "newest_date": dated[0][0] if dated else pd.NaT,
            "sources": len(keys)}


def _tables_with_sources() -> list[str]:
    return [name for name in table_names() if name != "gaps"]


def _as_of_for(table: str, keys: set[str]) -> list[object]:
    frame = load_table(table)
    if "as_of" not in frame.columns or "source_id" not in frame.columns:
        return []
    return list(frame.loc[frame["source_id"].isin(keys), "as_of"])


def current_rows(table: str) -> pd.DataFrame:
    """The rows that state something that can change: regulations whose status is not historical, and the
    newest price of each commodity (older points, and other series, are history by comparison)."""
    frame = load_table(table)
    if table == "regulations":
        return frame[frame["status"] != "historical"]
    if table == "prices":
        return frame.sort_values(["date", "as_of"], kind="stable").groupby("commodity", sort=False).tail(1)
    return frame


def stale_rows(today: object = None, max_age_days: dict[str, int] | None = None) -> pd.DataFrame:
    """Current rows (``current_rows``) of regulations and prices whose ``as_of`` is older than the table's
    maximum age on ``today``, oldest first: table, row, as_of, age_days, source_id, source (title), max_age_days."""
    day = pd.Timestamp(today or dt.date.today())
    limits = max_age_days or MAX_AGE_DAYS
    titles = {key: fields.get("title", "") for key, fields in bibliography().items()}
    rows = []
    for table, limit in limits.items():
        for _, row in current_rows(table).iterrows():
            age = (day - pd.Timestamp(row["as_of"])).days
            if age > limit:
                ident = row[ID_COLUMNS[table]]
                if table == "prices":
                    ident = f"{row['commodity']} {pd.Timestamp(row['date']).date()} ({localized(row, 'market')})"
                rows.append({"table": table, "row": ident, "as_of": pd.Timestamp(row["as_of"]), "age_days": age,
                             "source_id": row["source_id"], "source": titles.get(row["source_id"], ""),
                             "max_age_days": limit})
    columns = ["table", "row", "as_of", "age_days", "source_id", "source", "max_age_days"]
    return pd.DataFrame(rows, columns=columns).sort_values(["as_of", "table", "row"], kind="stable",
                                                          ignore_index=True)


def freshness_note(stem: str, today: object = None, numbers=None):
    """The line under a chapter's title: the date range of its data, its newest source, the build date (MyST).
    ``numbers`` (the chapter's ``Numbers``) adds the sources its figures cite through their provenance."""
    from IPython.display import Markdown

    from widgets.pages.book import cite, date_text, month_text
    from widgets.core.labels import label
    chapter = Path(__file__).resolve().parents[2] / "chapters" / f"{stem}.md"
    found = chapter_freshness(chapter, getattr(numbers, "sources", ()))
    built = date_text(today or dt.date.today())
    if pd.isna(found["data_from"]):
        text = label("freshness.no_data", built=built)
    else:
        text = label("freshness.note", data_from=month_text(found["data_from"]), data_to=month_text(found["data_to"]),
                     newest=cite.markdown("t", [found["newest_source"]]), newest_date=date_text(found["newest_date"]),
                     built=built)
    return Markdown(f":::{{admonition}} {label('freshness.title')}\n:class: note kit-freshness\n\n{text}\n:::\n")


def stale_markdown(today: object = None):
    """The rows to re-verify first as a MyST table (for the data appendix)."""
    from IPython.display import Markdown

    from widgets.pages.book import cite, date_text, escape_markdown
    from widgets.core.labels import label
    stale = stale_rows(today)
    head = " | ".join(label(f"freshness.table.{c}") for c in ("as_of", "table", "row", "source"))
    lines = [f"| {head} |", "|---|---|---|---|"]
    lines += [f"| {date_text(r.as_of)} | {r.table} | {escape_markdown(r.row)} | {cite.markdown('p', [r.source_id])} |"
              for r in stale.itertuples()]
    return Markdown(f":::{{table}} {label('freshness.table.caption')}\n\n" + "\n".join(lines) + "\n:::\n")


def main(argv: list[str]) -> int:
    today = pd.Timestamp(argv[0]) if argv else pd.Timestamp(dt.date.today())
    stale = stale_rows(today)
    limits = ", ".join(f"{table} older than {days} days" for table, days in MAX_AGE_DAYS.items())
    print(f"Rows to re-verify first on {today.date()} ({limits}), oldest first: {len(stale)}")
    for row in stale.itertuples():
        print(f"  {row.as_of.date()}  {row.table:<11} {row.row}  [{row.source_id}] {row.source}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
