"""Every ``{eval}`` in a chapter can be evaluated, without running the chapter: each ``n.<name>`` is a figure its
page module computes, each ``cite.p(...)`` / ``cite.t(...)`` names keys of ``data/references.bib``, and no
chapter still uses glue roles (JupyterLab cannot resolve them). The chapter binds ``n`` in its first cell
(``n = <module>.numbers()``); the test reads that line to know which module."""
from __future__ import annotations

import importlib
import re

import pytest

from conftest import CHAPTERS, ROOT
from widgets.pages.book import cite

EVAL = re.compile(r"\{eval\}`([^`]+)`")
BINDING = re.compile(r"^n = (\w+)\.numbers\(\)\s*$", re.M)
FIGURE = re.compile(r"^n\.(\w+)$")
CITATION = re.compile(r"""^cite\.[pt]\((.*)\)$""")
KEY = re.compile(r"""["']([^"']+)["']""")


def evals(text: str) -> list[str]:
    return [expression.strip() for expression in EVAL.findall(text)]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[path.stem for path in CHAPTERS])
def test_every_eval_names_a_computed_figure_or_a_known_source(chapter):
    text = chapter.read_text(encoding="utf-8")
    assert "{glue" not in text, f"{chapter.name}: glue roles do not resolve in JupyterLab; write {{eval}}`n.<name>`"
    expressions = evals(text)
    figures = [FIGURE.match(e).group(1) for e in expressions if FIGURE.match(e)]
    if figures:
        binding = BINDING.search(text)
        assert binding, f"{chapter.name} uses n.<name> but has no 'n = <module>.numbers()' line"
        numbers = importlib.import_module(f"widgets.pages.{binding.group(1)}").numbers()
        missing = sorted(set(figures) - set(numbers))
        assert not missing, f"{chapter.name}: figures not computed by widgets.pages.{binding.group(1)}: {missing}"
    for expression in expressions:
        if FIGURE.match(expression):
            continue
        found = CITATION.match(expression)
        assert found, f"{chapter.name}: {{eval}}`{expression}` is neither n.<name> nor cite.p/t(...)"
        for key in KEY.findall(found.group(1)):
            cite.text("p", [key])  # raises KeyError for a key missing from data/references.bib


def test_the_check_reads_figures_and_citations():
    assert evals('at {eval}`n.bey_cost` US$ {eval}`cite.p("a", "b")`') == ["n.bey_cost", 'cite.p("a", "b")']
    assert FIGURE.match("n.bey_cost") and not FIGURE.match("n.bey_cost + 1")
    assert KEY.findall(CITATION.match('cite.p("a", \'b\')').group(1)) == ["a", "b"]
    with pytest.raises(KeyError):
        cite.text("p", ["no-such-key-in-the-bibliography"])


def test_every_chapter_module_has_its_chapter():
    modules = {BINDING.search(path.read_text(encoding="utf-8")).group(1) for path in CHAPTERS
               if BINDING.search(path.read_text(encoding="utf-8"))}
    for module in modules:
        assert (ROOT / "widgets" / "pages" / f"{module}.py").exists()
