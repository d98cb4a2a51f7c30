"""The Japanese edition builds strictly from the same sources: the English config deep-merged with
locales/ja/config_override.yml, KIT_LANG=ja for the kernels, its own execution cache and output folder.
Charts, sliders and Sphinx's own interface come out in Japanese (prose translations are .po files)."""
from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_japanese_edition_builds_with_zero_warnings(book_build_ja):
    warnings = [line for line in book_build_ja.log.splitlines() if re.search(r"\bWARNING\b|\bERROR\b", line)]
    assert warnings == [] and book_build_ja.returncode == 0, "\n".join(warnings) or book_build_ja.log[-3000:]


@pytest.mark.slow
def test_charts_and_interface_are_in_japanese(built_site_ja, monkeypatch):
    page = (built_site_ja / "chapters" / "04_supply.html").read_text(encoding="utf-8")
    assert '<html lang="ja"' in page
    monkeypatch.setenv("KIT_LANG", "ja")
    from widgets.core.labels import label
    assert json.dumps(label("ore.title"))[1:-1] in page          # the chart title, as the spec carries it
    assert label("book.source_check") in page                     # the source-check boxes
    english = (ROOT / "_build" / "html" / "chapters" / "04_supply.html")
    if english.exists():
        assert page != english.read_text(encoding="utf-8")
