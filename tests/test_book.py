"""widgets.book: one-row lookups, glue of plain values, and the source-check admonition."""
from __future__ import annotations

import pytest

from widgets import book


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


def test_source_check_quotes_the_report_and_cites_sources():
    text = book.source_check("c056").data
    assert text.startswith(":::{admonition} Source check · differs")
    assert ":class: warning" in text
    assert "{cite:p}`turkiyetoday2025beylikova" in text
    assert "imaizumi2025report" not in text  # the report itself is not a checking source
    assert "[c056]" in text
