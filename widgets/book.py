"""Helpers for chapters: look up one sourced figure, and glue it into the prose.

A chapter never types a number: it looks the figure up (``figure``), glues it (``glue_number``,
``glue_text``) and cites its source. Values are converted to plain Python types before glueing.
"""
from __future__ import annotations

import math

import pandas as pd

from widgets.data import load_table


class FigureLookupError(LookupError):
    """A lookup that does not match exactly one row."""


def row(table: str, **where: object) -> pd.Series:
    """The single row of ``table`` whose columns equal ``where``; raises if none or several match."""
    frame = load_table(table)
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        if column not in frame.columns:
            raise FigureLookupError(f"table {table!r} has no column {column!r}")
        if isinstance(value, str) and pd.api.types.is_datetime64_any_dtype(frame[column]):
            value = pd.Timestamp(value)
        mask &= frame[column] == value
    matches = frame[mask.fillna(False)]
    if len(matches) != 1:
        raise FigureLookupError(f"{table} where {where}: {len(matches)} rows match, expected exactly 1")
    return matches.iloc[0]


def figure(table: str, column: str, **where: object) -> float | int | str:
    """One value from one row (plain Python type); a missing value is an error, not a NaN in prose."""
    value = row(table, **where)[column]
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        raise FigureLookupError(f"{table}.{column} where {where} is empty")
    return plain(value)


def plain(value: object) -> float | int | str:
    """numpy / pandas scalars → float, int or str (myst-nb glue wants plain Python values)."""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def glue_number(name: str, value: object) -> float | int:
    """Glue a number (format it in the prose: ``{glue:text}`name:,.1f```)."""
    from myst_nb import glue
    number = plain(value)
    if not isinstance(number, (int, float)) or isinstance(number, bool):
        raise TypeError(f"glue_number({name!r}) needs a number, got {value!r}")
    glue(name, number, display=False)
    return number


def glue_text(name: str, text: str) -> str:
    """Glue a piece of text without quotes (use ``{glue:md}`name``` in the prose)."""
    from IPython.display import Markdown
    from myst_nb import glue
    glue(name, Markdown(str(text)), display=False)
    return str(text)


VERDICT_STYLE = {"confirmed": "tip", "differs": "warning", "unverified": "note", "contradicted": "danger"}


def source_check(claim_id: str):
    """A "Source check" admonition for one claim-ledger row: the report's words, the verdict, what
    the sources say instead, and the citations. Displayed as MyST Markdown (the book parses it)."""
    from IPython.display import Markdown

    from widgets.data import split_list
    from widgets.labels import label
    claim = row("claims", claim_id=claim_id)
    keys = [claim["source_id"], *split_list(claim["other_source_ids"])]
    keys = [key for key in dict.fromkeys(keys) if key and key != "imaizumi2025report"]
    cites = f" {{cite:p}}`{','.join(keys)}`" if keys else ""
    verdict = str(claim["verdict"])
    differs = "" if pd.isna(claim["what_differs_en"]) else f"\n\n{claim['what_differs_en']}"
    text = (f":::{{admonition}} {label('book.source_check')} · {label('verdict.' + verdict)}\n"
            f":class: {VERDICT_STYLE[verdict]}\n\n"
            f"**{label('book.report_says')}** ({label('book.section')} {claim['section']}): "
            f"「{claim['text_ja']}」 — {claim['claim_en']}"
            f"{differs}{cites} [{claim_id}]\n:::\n")
    return Markdown(text)
