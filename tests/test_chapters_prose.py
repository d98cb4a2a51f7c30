"""No number typed into prose: every figure in a chapter's text is glued from data or computed by
``widgets``. After removing code cells, glue/cite/ref roles, math, directive options and the
instructor notes (whose timings are not facts), the only digits left may be calendar years used as
names of episodes ("the 2010 shock"), instrument and article numbers ("No. 18", "Art. I(1)", "Annex 1") and
digits inside names (Fe16N2, N42SH, E7A)."""
from __future__ import annotations

import re

import jupytext
import pytest

from conftest import CHAPTERS

ROLE = re.compile(r"\{[a-z:]+\}`[^`]*`")
INLINE_MATH = re.compile(r"\$[^$\n]+\$")
FENCE = re.compile(r"^(```|:::)+\{?(math|dropdown)\b.*?^(```|:::)+\s*$", re.S | re.M)
OPTION = re.compile(r"^:[a-z-]+:.*$", re.M)
LABEL = re.compile(r"^\(.+\)=\s*$", re.M)
LIST_MARKER = re.compile(r"^\s*\d+\.\s", re.M)
LINK_TARGET = re.compile(r"\]\([^)]*\)|<[^>]+>")
ALLOWED = re.compile(r"\b(?:19|20)\d\d(?:s|–\d\d)?\b|\bNos?\.\s\d+(?:(?:–|, | and )\d+)*"
                     r"|\bArt(?:icle)?\.?\s(?:[IVX]+\(\d\)|\d+\b)|\bAnnex\s\d\b")
NUMBER = re.compile(r"(?<![A-Za-z\d_./-])\d[\d,.]*(?![A-Za-z\d₀-₉])")


def strip_allowed(text: str) -> str:
    """The text without what may carry digits: roles, math, options, labels, years, names."""
    for pattern in (FENCE, ROLE, INLINE_MATH, OPTION, LABEL, LIST_MARKER, LINK_TARGET, ALLOWED):
        text = pattern.sub(" ", text)
    return text


def prose(chapter) -> str:
    notebook = jupytext.read(chapter)
    return strip_allowed("\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown"))


def typed_numbers(text: str) -> list[str]:
    found = []
    for line in text.splitlines():
        for match in NUMBER.finditer(line):
            found.append(f"{match.group(0)!r} in: {line.strip()[:120]}")
    return found


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[path.stem for path in CHAPTERS])
def test_no_number_typed_into_prose(chapter):
    assert typed_numbers(prose(chapter)) == []


def test_the_check_catches_a_typed_number():
    assert typed_numbers(strip_allowed("Lynas produced 1,500 t in the 2025 quarter.")) == [
        "'1,500' in: Lynas produced 1,500 t in the   quarter."]
    assert typed_numbers(strip_allowed("Fe16N2 and N42SH under No. 18 in the 2010s, {glue:text}`x:.1f` %")) == []
