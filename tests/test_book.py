"""widgets.pages.book: one-row lookups, glue of plain values, and the source-check admonition."""
from __future__ import annotations

import pytest

from widgets.pages import book


def test_figure_returns_one_plain_value():
    grade = book.figure("deposits", "grade_treo_pct", estimate_id="mt-weld-2024-resource-total")
    assert type(grade) is float and grade > 0


def test_lookup_that_matches_several_rows_is_an_error():
    with pytest.raises(book.FigureLookupError, match="rows match, expected exactly 1"):
        book.figure("deposits", "grade_treo_pct", deposit_id="mt-weld")


def test_empty_value_is_an_error_not_a_nan_in_prose():
    with pytest.raises(book.FigureLookupError, match="is empty"):
        book.figure("deposits", "grade_treo_pct", estimate_id="beylikova-2022-ore-claim")


def test_unknown_column_is_named():
    with pytest.raises(book.FigureLookupError, match="has no column 'nope'"):
        book.row("deposits", nope=1)


def test_plain_converts_numpy_and_timestamps():
    import numpy as np
    import pandas as pd
    assert type(book.plain(np.float64(1.5))) is float
    assert type(book.plain(np.int64(3))) is int
    assert book.plain(pd.Timestamp("2025-04-04")) == "2025-04-04"


@pytest.fixture
def in_the_book(monkeypatch):
    """Run as the book's build runs its kernels: displayed Markdown carries citation roles."""
    monkeypatch.setenv(book.OUTPUT_ENV, "book")


@pytest.fixture
def in_jupyterlab(monkeypatch):
    monkeypatch.delenv(book.OUTPUT_ENV, raising=False)


def test_source_check_in_jupyterlab_links_its_sources_instead_of_roles(in_jupyterlab):
    text = book.source_check("c049").data
    assert "{cite" not in text and "](a5_bibliography.md" in text and text.startswith(":::{admonition}")


def test_source_check_quotes_the_report_and_cites_sources(in_the_book):
    text = book.source_check("c056").data
    assert text.startswith(":::{admonition} Source check · differs")
    assert ":class: warning" in text
    assert "{cite:p}`turkiyetoday2025beylikova" in text
    assert "imaizumi2025report" not in text  # the report itself is not a checking source
    assert "[c056]" in text


def test_dates_read_as_dates_in_each_language(monkeypatch):
    monkeypatch.setenv("KIT_LANG", "en")
    assert book.date_text("2010-09-07") == "7 September 2010"
    assert book.month_text("2026-11-10") == "November 2026"
    monkeypatch.setenv("KIT_LANG", "ja")
    assert book.date_text("2025-10-09") == "2025年10月9日"
    assert book.month_text("2026-11-10") == "2026年11月"


def test_an_empty_date_is_an_error_not_nat_in_prose():
    import pandas as pd
    with pytest.raises(book.FigureLookupError):
        book.date_text(pd.NaT)


@pytest.mark.parametrize("value, significant, expected", [
    (1217.5438596491229, 2, 1200.0), (8.04, 2, 8.0), (0.016427, 2, 0.016), (-38_512.0, 3, -38_500.0),
    (0.0, 2, 0.0), (95.0, 1, 100.0)])
def test_round_to_keeps_the_significant_figures_asked_for(value, significant, expected):
    assert book.round_to(value, significant) == pytest.approx(expected)


def test_round_to_rejects_zero_figures():
    with pytest.raises(ValueError, match="significant"):
        book.round_to(3.14, 0)


def test_plurals_read_correctly_for_one_and_many(monkeypatch):
    monkeypatch.setenv("KIT_LANG", "en")
    assert book.plural(1, "claim") == "1 claim"
    assert book.plural(2, "claim") == "2 claims"
    assert book.plural(1_200, "row") == "1,200 rows"
    assert book.plural(2, "company", "companies") == "2 companies"


def test_dollar_signs_in_data_text_cannot_open_maths():
    assert book.escape_markdown("A$200 M, about US$132 M") == "A\\$200 M, about US\\$132 M"
    text = book.source_check("c049").data
    assert "$" not in text.replace("\\$", "")


def test_source_checks_table_has_one_row_per_claim_with_verdict_and_citations(in_the_book):
    text = book.source_checks_table(["c017", "c049"]).data
    assert text.startswith(":::{table}")
    rows = [line for line in text.splitlines() if line.startswith("| c")]
    assert [row.split("|")[1].strip() for row in rows] == ["c017", "c049"]
    assert "{cite:p}`meti2023jare`" in rows[1]
    assert "A\\$200" in rows[1]


def test_source_checks_table_needs_claims():
    with pytest.raises(ValueError, match="claim_ids"):
        book.source_checks_table([])
