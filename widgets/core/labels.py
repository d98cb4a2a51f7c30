"""Every user-facing string of the kit (chart titles, axis names, slider names, widget text, error
messages), in one table: ``labels.csv`` with one column per language.

The language comes from the environment variable ``KIT_LANG`` (``en`` by default, ``ja`` for the
Japanese edition); a missing translation falls back to English.

Text that comes from the data (a glossary definition, what the sources say about a claim, a gap) has its own
Japanese column next to the English one (``definition_en`` / ``definition_ja``); :func:`localized` picks the
reader's, the same way.
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


def localized(record, name: str | None = None, *, en: str | None = None, ja: str | None = None) -> str:
    """Text that comes from the data, in the active language: a table row's Japanese cell when the language is
    Japanese and that cell is not empty, else its English cell ('' when both are empty; never NaN).

    ``record`` is a table row (a pandas Series, a dict or a row of ``itertuples``) or a ``datapackage.json``
    descriptor (a resource or a field). For ``name`` the English text is ``<name>_en`` if the record has it, else ``<name>``; the Japanese
    text is ``<name>_ja`` if the record has it, else the descriptor property ``x-<name>-ja``:
    ``localized(row, "definition")`` (definition_en / definition_ja), ``localized(row, "what_is_missing")``
    (what_is_missing / what_is_missing_ja), ``localized(resource, "title")`` (title / x-title-ja). ``en`` and
    ``ja`` name the two keys outright, e.g. ``localized(claim, en="claim_en", ja="text_ja")``."""
    if name is None and en is None:
        raise ValueError("localized() needs a name, or the English key en=...")
    if hasattr(record, "_asdict"):  # a row of DataFrame.itertuples()
        record = record._asdict()
    if en is None:
        en = f"{name}_en" if f"{name}_en" in record else name
    if ja is None and name is not None:
        ja = f"{name}_ja" if f"{name}_ja" in record else f"x-{name}-ja"
    if language() == "ja" and ja is not None:
        text = _cell_text(record, ja)
        if text.strip():
            return text
    return _cell_text(record, en)


def _cell_text(record, key: str) -> str:
    """The cell ``key`` of ``record`` as text: '' for a missing key or an empty cell (None, NaN, NA)."""
    from widgets.core.checks import is_missing  # checks imports this module
    value = record.get(key)
    return "" if is_missing(value) else str(value)
