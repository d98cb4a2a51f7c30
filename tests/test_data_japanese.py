"""The Japanese twins of the data's text: every row with English text has its Japanese text, right after the English
column, with no English sentence left in it; every table and field of datapackage.json has its Japanese description."""
from __future__ import annotations

import re

import pytest

from widgets.core import data

#: (table, English column, Japanese column)
TWINS = [("claims", "what_differs_en", "what_differs_ja"),
         ("glossary", "definition_en", "definition_ja"),
         ("gaps", "what_is_missing", "what_is_missing_ja"),
         ("gaps", "consequence_for_the_book", "consequence_for_the_book_ja"),
         ("gaps", "searched_in", "searched_in_ja"),
         ("control_list_items", "item_en", "item_ja"),
         ("motors", "claim_en", "claim_ja"),
         ("regulations", "instrument", "instrument_ja"),
         ("regulations", "controls_en", "controls_ja")]

#: Four or more Latin words in a row: an English sentence (names and codes are shorter, or listed below).
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’.-]*(?:[ ,]+[A-Za-z][A-Za-z'’.-]*){3,}")
LATIN_NAMES = {"Beijing Zhong Ke San Huan", "Journal de l'Automobile",
               "Magnetics Magazine、New Atlas", "Honda Xcelerator Ventures", "Rare Earth Exchanges", "Hürriyet Daily News"}


@pytest.mark.parametrize("table, english, japanese", TWINS)
def test_every_english_text_has_its_japanese_twin(table, english, japanese):
    frame = data.load_table(table)
    columns = list(frame.columns)
    assert columns.index(japanese) == columns.index(english) + 1
    for _, row in frame.iterrows():
        en = "" if row.isna()[english] else str(row[english]).strip()
        ja = "" if row.isna()[japanese] else str(row[japanese]).strip()
        assert bool(en) == bool(ja), f"{table} row {row.iloc[0]}: {english}={en[:40]!r} but {japanese}={ja[:40]!r}"
        assert re.search(r"[ぁ-んァ-ヶ一-龯、。〜「」]", ja) or not ja or ja == en, f"{table} row {row.iloc[0]}: {japanese} not Japanese"
        runs = [run for run in ENGLISH_RUN.findall(ja) if not any(run in name or name in run for name in LATIN_NAMES)]
        assert not runs, f"{table} row {row.iloc[0]}: English left in {japanese}: {runs}"


@pytest.mark.parametrize("table", [*data.table_names(), "references"])
def test_every_table_and_field_has_a_japanese_description(table):
    descriptor = data.resource(table)
    assert descriptor.get("x-title-ja", "").strip(), table
    assert descriptor.get("x-description-ja", "").strip(), table
    for field in descriptor.get("schema", {}).get("fields", []):
        assert field.get("x-description-ja", "").strip(), f"{table}.{field['name']}"
