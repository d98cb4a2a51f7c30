"""The label table: one place for every user-facing string, English with a Japanese column."""
from __future__ import annotations

import csv

import pytest

from widgets.core import labels


def test_every_label_has_english_text():
    with labels.LABELS_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows, "labels.csv is empty"
    assert [row["key"] for row in rows if not row["en"].strip()] == []


def test_language_follows_environment(monkeypatch):
    monkeypatch.setenv("KIT_LANG", "ja")
    assert labels.language() == "ja"
    assert "パラメータ" in labels.label("error.out_of_range", name="x", value=1, allowed="[0, 1]")
    monkeypatch.setenv("KIT_LANG", "fr")
    assert labels.language() == "en"


def test_unknown_key_is_a_clear_error():
    with pytest.raises(KeyError, match="no label 'no.such.key'"):
        labels.label("no.such.key")


def test_localized_text_takes_the_japanese_cell_when_it_has_one(monkeypatch):
    import math

    import pandas as pd
    row = pd.Series({"definition_en": "A magnet.", "definition_ja": "磁石。", "what_is_missing": "A price.",
                     "what_is_missing_ja": math.nan})
    descriptor = {"title": "Claims", "x-title-ja": "主張"}
    monkeypatch.setenv("KIT_LANG", "en")
    assert labels.localized(row, "definition") == "A magnet."
    assert labels.localized(descriptor, "title") == "Claims"
    monkeypatch.setenv("KIT_LANG", "ja")
    assert labels.localized(row, "definition") == "磁石。"
    assert labels.localized(descriptor, "title") == "主張"
    assert labels.localized(row, "what_is_missing") == "A price."      # an empty Japanese cell falls back
    assert labels.localized({"note": math.nan}, "note") == ""            # never NaN on a page
    assert labels.localized(row, en="what_is_missing", ja="definition_ja") == "磁石。"
    with pytest.raises(ValueError, match="needs a name"):
        labels.localized(row)
