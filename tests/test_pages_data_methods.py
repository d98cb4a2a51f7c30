"""Appendix C's figures and tables: the package counts add up the tables they are given; every figure is
non-empty text; each table the appendix shows is displayed with its schema, the gaps table has one row per gap.
No count of today's data is pinned: an instructor who adds a row must not turn the suite red."""
from __future__ import annotations

import re

from widgets.core.data import load_table
from widgets.pages import appendix, data_methods


def test_package_counts_add_up_the_tables_given():
    names = appendix.data_tables()[:2]
    counts = data_methods.package_counts(names)
    assert counts["tables"] == 2
    assert counts["rows"] == sum(len(load_table(name)) for name in names)
    assert counts["fields"] == sum(len(appendix.schema_frame(name)) for name in names)
    assert counts["gaps"] == len(load_table("gaps"))
    assert data_methods.package_counts([])["rows"] == 0


def test_every_figure_is_whole_number_or_text():
    numbers = data_methods.numbers()
    for name, value in numbers.items():
        assert isinstance(value, str) and value.strip(), name
    for name in ("tables", "rows", "fields", "sources", "gaps", "max_age_regulations", "max_age_prices"):
        assert re.fullmatch(r"\d{1,3}(,\d{3})*", numbers[name]), (name, numbers[name])
    assert numbers.licence_path.startswith("https://")


def test_table_descriptions_show_each_table_then_its_schema(monkeypatch):
    shown = []
    monkeypatch.setattr(data_methods, "display", shown.append)
    monkeypatch.setattr(appendix, "data_tables", lambda: ["gaps", "claims"])
    assert data_methods.table_descriptions() is None
    assert len(shown) == 4
    assert shown[0].data.startswith("### ") and "`gaps`" in shown[0].data
    assert "<table" in shown[1].data and "gaps" in shown[1].data
    assert "`claims`" in shown[2].data


def test_schema_table_has_one_row_per_field():
    html = data_methods.schema_table("gaps").data
    assert html.count('<th scope="row"') == len(appendix.schema_frame("gaps"))


def test_gaps_table_has_one_row_per_gap():
    html = data_methods.gaps_table().data
    assert html.count('<th scope="row"') == len(load_table("gaps"))


def test_rows_to_reverify_is_a_myst_table():
    assert data_methods.rows_to_reverify().data.startswith(":::{table}")
