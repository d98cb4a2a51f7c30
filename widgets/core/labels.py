"""Every user-facing string of the kit (chart titles, axis names, slider names, widget text, error
messages), in one table: ``labels.csv`` with one column per language.

The language comes from the environment variable ``KIT_LANG`` (``en`` by default, ``ja`` for the
Japanese edition); a missing translation falls back to English.
"""
from __future__ import annotations

import csv
import os
from functools import lru_cache
from pathlib import Path

LABELS_CSV = Path(__file__).with_name("labels.csv")
SUPPORTED_LANGUAGES = ("en", "ja")


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    with LABELS_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    table: dict[str, dict[str, str]] = {}
    for line_number, row in enumerate(rows, start=2):
        key = row["key"]
        if key in table:
            raise ValueError(f"{LABELS_CSV.name}, line {line_number}: duplicate label key {key!r}")
        table[key] = row
    return table


def language() -> str:
    """The active language: ``KIT_LANG`` if supported, else English."""
    lang = os.environ.get("KIT_LANG", "en")
    return lang if lang in SUPPORTED_LANGUAGES else "en"


def label(key: str, **values: object) -> str:
    """The label ``key`` in the active language, formatted with ``values``."""
    try:
        row = _table()[key]
    except KeyError:
        raise KeyError(f"no label {key!r} in {LABELS_CSV.name}") from None
    text = row.get(language()) or row["en"]
    return text.format(**values) if values else text


def keys() -> list[str]:
    """All label keys, in file order."""
    return list(_table())
