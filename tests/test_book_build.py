"""The strict build (-W -n --keep-going) passes with zero warnings and writes every page of the TOC."""
from __future__ import annotations

import re

from conftest import ROOT, toc_files


def test_strict_build_passes_with_zero_warnings(book_build):
    warnings = [line for line in book_build.log.splitlines() if re.search(r"\bWARNING\b|\bERROR\b", line)]
    assert warnings == [], "\n".join(warnings)
    assert book_build.returncode == 0, book_build.log[-4000:]


def test_every_toc_page_is_written(built_site):
    missing = [name for name in toc_files() if not (built_site / f"{name}.html").exists()]
    assert missing == []


def test_toc_lists_every_chapter_file():
    listed = set(toc_files())
    on_disk = {f"chapters/{path.stem}" for path in (ROOT / "chapters").glob("*.md")
               if path.name != "STYLE.md"}  # the authors' guide, not a page
    assert on_disk == listed
