"""The Japanese edition speaks Japanese: no English sentence on a page of the built ja edition, outside an
allow-list.

An English sentence is a run of five or more Latin-letter words with at least two English function words
("the", "of", "is", …): names (MP Materials, Lynas Rare Earths), units, element symbols and codes do not make one.
Allowed, because they are meant to stay as they are: code (``pre``, ``code``), text marked ``lang="en"`` (the English
term of the glossary, the code's own documentation in the authors' guide, the English translation the report's
table sets beside it), citations and the bibliography (titles of sources are names), charts' data, and an English
gloss in brackets after a Japanese term (中国依存量(China-dependent tonnes)), as the English edition glosses its
terms in Japanese.
"""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import toc_files

WORD = r"[A-Za-z][A-Za-z'’-]*"
RUN = re.compile(rf"{WORD}(?:[ ,;:()\"“”‘’]+{WORD}){{4,}}")
FUNCTION_WORDS = {"the", "of", "and", "is", "are", "was", "were", "to", "in", "for", "with", "not", "by", "on",
                  "from", "that", "it", "its", "a", "an", "as", "at", "be", "has", "have", "this", "which", "or"}
GLOSS = re.compile(r"[(（][A-Za-z][^()（）\n]*[)）]")
ALLOWED = "pre, code, script, style, .kit-chart, [lang=en], a[href*='a5_bibliography'], .kit-edition"
PAGES = [name for name in toc_files() if not name.endswith("a5_bibliography")]   # the sources' own titles


def english_sentences(html: str) -> list[str]:
    """The English sentences of a page's article, outside the allow-list."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article") or soup
    for element in article.select(ALLOWED):
        element.decompose()
    text = re.sub(r"[ \t\u00a0]+", " ", article.get_text("\n"))   # a run never crosses from one element to the next
    text = GLOSS.sub("", text)
    return [run for run in RUN.findall(text)
            if sum(word.lower() in FUNCTION_WORDS for word in re.findall(WORD, run)) >= 2]


def test_an_english_sentence_is_found_and_names_are_not():
    page = ("<article><p>これは日本語です。MP Materials Corp. と Lynas Rare Earths。Sm, Gd, Tb, Dy, Lu</p>"
            "<p><strong>価格ショックのコスト</strong>(cost of a price shock)</p>"
            "<p>The report is not the source of the price.</p><p lang='en'>The term as it is in English.</p>"
            "<pre>for row in the table of the data: pass</pre></article>")
    assert english_sentences(page) == ["The report is not the source of the price"]


@pytest.mark.parametrize("name", PAGES)
def test_a_japanese_page_has_no_english_sentence(built_site_ja, name):
    found = english_sentences((built_site_ja / f"{name}.html").read_text(encoding="utf-8"))
    assert found == [], f"{len(found)} English sentences on the Japanese {name}"
