"""Search that finds Japanese words in the Japanese edition: overlapping pairs of characters (bigrams).

Sphinx's Japanese search splits the pages into words with TinySegmenter, a statistical splitter whose cut
depends on the characters around a word, while the search box does not split the query at all: 輸出管理 typed in
the box is one term, and on the pages it was cut as 輸出 / 管理 or 輸出管 / 理, so nothing was found. A full
dictionary (MeCab, Janome) would cut better but still differently from the browser.

Here both sides cut the same way, with no dictionary: a run of Japanese characters (kana and kanji) becomes its
overlapping bigrams (輸出管理 → 輸出, 出管, 管理), and any other word stays whole. A query then finds the pages that
hold all of its bigrams, which for a term of two or more characters are, in practice, the pages that hold the
term. The browser's half is :data:`JS_SPLITTER`, the ``splitQuery`` function Sphinx puts in the search page; the
Python half, :func:`split`, must cut exactly as it does (a test runs both).
"""
from __future__ import annotations

import re

from sphinx.search import ja as sphinx_ja

#: Hiragana, katakana (with ー), CJK ideographs and their extensions, half-width katakana.
JAPANESE = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_RUNS = re.compile(f"[{JAPANESE}]+|[^{JAPANESE}]+")


def split(text: str) -> list[str]:
    """The search terms of ``text``: bigrams of each Japanese run (a lone character stays itself), other words
    whole."""
    terms = []
    for word in re.findall(r"\w+", text):   # letters, numbers and _ (the browser: \p{Letter}, \p{Number}, _)
        for run in _RUNS.findall(word):
            if re.match(f"[{JAPANESE}]", run) and len(run) > 1:
                terms += [run[i:i + 2] for i in range(len(run) - 1)]
            else:
                terms.append(run)
    return terms


#: The browser's half: the same cut, for the query typed in the search box.
JS_SPLITTER = r"""
function splitQuery(query) {
  const japanese = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]/u;
  const runs = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+|[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+/gu;
  const terms = [];
  for (const word of query.split(/[^\p{Letter}\p{Number}_]+/u)) {
    for (const run of word.match(runs) || []) {
      if (japanese.test(run) && run.length > 1) {
        for (let i = 0; i + 2 <= run.length; i++) terms.push(run.slice(i, i + 2));
      } else if (run) {
        terms.push(run);
      }
    }
  }
  return terms;
}
"""


class BigramSplitter:
    """A splitter for Sphinx's Japanese search (``html_search_options = {"type": "…BigramSplitter"}``)."""

    def __init__(self, options: dict) -> None:
        self.options = options

    def split(self, text: str) -> list[str]:
        return split(text)


class SearchJapaneseBigrams(sphinx_ja.SearchJapanese):
    """Sphinx's Japanese search with the bigram cut on both sides."""

    js_splitter_code = JS_SPLITTER

    def init(self, options: dict) -> None:
        self.splitter = BigramSplitter(options)


def setup(app):
    from sphinx import search
    search.languages["ja"] = SearchJapaneseBigrams
    return {"parallel_read_safe": True, "parallel_write_safe": True}
