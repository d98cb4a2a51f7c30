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
