"""Helpers for chapters: glue a figure into the prose, write dates and numbers as a reader reads them, show
source checks and the note on how old a page is.

A chapter never types a number: it looks the figure up (``figure``, from ``widgets.core.data``), glues it
(``glue_number``, ``glue_text``, ``glue_date``, ``glue_rounded``) and cites its source. Values are converted to
plain Python types before glueing.
"""
from __future__ import annotations

import functools
import math
import os
import re

import pandas as pd

from widgets.core.numbers import round_to  # noqa: F401 (chapters use it)
from widgets.core.data import FigureLookupError, figure, load_table, plain, row  # noqa: F401 (chapters use them)


def use_kit_charts() -> None:
    """Display Altair charts the kit's way (offline, Vega-Lite 6 mime type): the first thing a chapter asks for."""
    from widgets.charts import renderer
    renderer.enable()




def glue_number(name: str, value: object) -> float | int:
    """Glue a number (format it in the prose: ``{glue:text}`name:,.1f```)."""
    from myst_nb import glue
    number = plain(value)
    if not isinstance(number, (int, float)) or isinstance(number, bool):
        raise TypeError(f"glue_number({name!r}) needs a number, got {value!r}")
    glue(name, number, display=False)
    return number


def date_text(value: object) -> str:
    """A date as a reader writes it: '7 September 2010' in English, '2010年9月7日' in Japanese.

    Accepts a Timestamp, a date or an ISO 'YYYY-MM-DD' string; a missing date is an error."""
    from widgets.charts.words import date_name
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        raise FigureLookupError("date_text needs a date, got an empty value")
    return date_name(value)


def month_text(value: object) -> str:
    """A month as a reader writes it: 'November 2026' / '2026年11月'."""
    from widgets.charts.words import month_name
    return month_name(value)


def number_text(value: object, *, decimals: int | None = None, significant: int | None = None) -> str:
    """A number as the reader sees it, with thousands separators: at ``decimals`` places, or rounded to
    ``significant`` figures with just the places those figures need ('0.0065', '46', '1,200')."""
    number = float(plain(value))
    if significant is not None:
        number = round_to(number, significant)
        if number == 0:
            return "0"
        places = max(0, significant - 1 - math.floor(math.log10(abs(number))))
    else:
        places = 0 if decimals is None else decimals
    return f"{number:,.{places}f}"


def glue_rounded(name: str, value: object, significant: int = 2) -> float:
    """Glue ``value`` rounded to ``significant`` significant figures (see :func:`round_to`)."""
    return glue_number(name, round_to(value, significant))


def glue_date(name: str, value: object) -> str:
    """Glue a date as prose (:func:`date_text`); use ``{glue:md}`name``` in the text."""
    return glue_text(name, date_text(value))


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 claim', '2 claims' (English); Japanese has no plural, so the count and the word stand as they are."""
    from widgets.core.labels import language
    number = plain(count)
    if language() == "ja":
        return f"{number}{singular}"
    word = singular if number == 1 else (plural_form or singular + "s")
    return f"{number:,} {word}"


def escape_markdown(text: str) -> str:
    """Data text made safe to splice into MyST Markdown: a '$' would open inline maths
    ('A$200 M … US$132 M' renders as an equation), so it is escaped."""
    return str(text).replace("$", "\\$")


def glue_text(name: str, text: str) -> str:
    """Glue a piece of text without quotes (use ``{glue:md}`name``` in the prose)."""
    from IPython.display import Markdown
    from myst_nb import glue
    glue(name, Markdown(str(text)), display=False)
    return str(text)


VERDICT_STYLE = {"confirmed": "tip", "company-claim": "note", "differs": "warning", "unverified": "note",
                 "contradicted": "danger"}


def _claim_sources(claim: pd.Series) -> str:
    """The claim's checking sources as one MyST citation role ('' when only the report itself is named)."""
    from widgets.core.data import split_list
    keys = [claim["source_id"], *split_list(claim["other_source_ids"])]
    keys = [key for key in dict.fromkeys(keys) if key and key != "imaizumi2025report"]
    return cite.markdown("p", keys) if keys else ""


def _report_says(claim: pd.Series) -> str:
    """The report's words as a source check quotes them (Markdown): 「text_ja」 followed, in English, by the
    ledger's English summary after a dash; in Japanese the report's own words stand alone."""
    from widgets.core.labels import language
    said = f"「{escape_markdown(claim['text_ja'])}」"
    return said if language() == "ja" else f"{said} — {escape_markdown(claim['claim_en'])}"


def freshness_note(stem: str, numbers=None):
    """The "how old this page is" box under a chapter's title (``widgets.pages.freshness.freshness_note``); pass the
    chapter's figures (``n``) so that sources cited through them count."""
    from widgets.pages.freshness import freshness_note as note
    return note(stem, numbers=numbers)


def source_checks_table(claim_ids: list[str]):
    """Several Source checks at once, as one compact table: claim, the report's words, the verdict and
    the sources. For runs of confirmed checks; a check that differs or is contradicted keeps its own box
    (:func:`source_check`), so the reader's eye goes to what is wrong."""
    from IPython.display import Markdown

    from widgets.core.labels import label
    if not claim_ids:
        raise ValueError("Parameter 'claim_ids' is empty; name at least one claim of data/claims.csv.")
    header = (f"| {label('book.claim')} | {label('book.report_says')} | {label('book.verdict')} "
              f"| {label('book.sources')} |\n|---|---|---|---|\n")
    lines = []
    for claim_id in claim_ids:
        claim = row("claims", claim_id=claim_id)
        said = _report_says(claim).replace("|", "\\|")
        lines.append(f"| {claim_id} | {said} | {label('verdict.' + str(claim['verdict']))} "
                     f"| {_claim_sources(claim)} |")
    caption = label("book.source_checks_caption")
    return Markdown(f":::{{table}} {caption}\n:widths: 8 62 12 18\n\n{header}" + "\n".join(lines) + "\n:::\n")


def source_check(claim_id: str):
    """A "Source check" admonition for one claim-ledger row: the report's words, the verdict, what
    the sources say instead, and the citations. Displayed as MyST Markdown (the book parses it)."""
    from IPython.display import Markdown

    from widgets.charts.ledger import section_name
    from widgets.core.labels import label, localized
    claim = row("claims", claim_id=claim_id)
    sources = _claim_sources(claim)
    cites = f" {sources}" if sources else ""
    verdict = str(claim["verdict"])
    differs = localized(claim, "what_differs")
    differs = f"\n\n{differs}" if differs else ""
    text = (f":::{{admonition}} {label('book.source_check')} · {label('verdict.' + verdict)}\n"
            f":class: {VERDICT_STYLE[verdict]}\n\n"
            f"**{label('book.report_says')}** ({section_name(str(claim['section']))}): "
            f"{_report_says(claim)}{escape_markdown(differs)}{cites} [{claim_id}]\n:::\n")
    return Markdown(text)


# --- The {eval} role: one chapter source for the book and JupyterLab (see widgets.build.eval_reader) ---------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>$~|{}])")


def markdown(text: str):
    """``IPython.display.Markdown`` holding ``text`` as it is. (Given a string that starts with "http",
    ``Markdown(text)`` would take it for a URL and download it: a licence's address would reach the network.)"""
    from IPython.display import Markdown
    shown = Markdown("")
    shown.data = text
    return shown


def eval_markdown(value: object):
    """What jupyterlab-myst shows for ``{eval}`value``` as Markdown, so the book shows the same: an
    object's ``_repr_markdown_`` as is, a ``str`` as plain text, anything else as its ``repr``."""
    to_markdown = getattr(value, "_repr_markdown_", None)
    if callable(to_markdown):
        text = to_markdown()
        if isinstance(text, tuple):  # (data, metadata)
            text = text[0]
        return markdown(str(text).strip())
    text = value if isinstance(value, str) else repr(value)
    return markdown(_MARKDOWN_SPECIAL.sub(r"\\\1", text))


#: Set to "book" by the book's Sphinx extension (``widgets.build.sphinx_ext``) for the kernels that execute the
#: chapters: Markdown a chapter displays then carries MyST roles the build resolves (citations); anywhere
#: else (JupyterLab, a script) it carries what a reader can read as it is.
OUTPUT_ENV = "KIT_OUTPUT"


def for_book() -> bool:
    """Whether this kernel runs inside the book's build (``OUTPUT_ENV`` is "book")."""
    return os.environ.get(OUTPUT_ENV) == "book"


def _plain_tex(text: str) -> str:
    """BibTeX text as a reader reads it: braces dropped and escapes undone ('K\\&J {Magnetics}' → 'K&J Magnetics')."""
    return re.sub(r"\\([&%$#_])", r"\1", str(text)).replace("{", "").replace("}", "")


class _Citations:
    """Citations, one syntax for the book and JupyterLab.

    In prose, ``{eval}`cite.p("key")``` (or ``cite.t``): the book's chapter reader turns it into ``{cite:p}``
    (sphinxcontrib-bibtex renders it and the strict build checks the key); in JupyterLab the kernel returns
    the author–year text. In displayed Markdown (source checks, tables), ``cite.markdown("p", keys)`` gives
    the role in the book and, elsewhere, the author–year text linked to the bibliography chapter with the
    work's title as the link's tooltip. An unknown key raises (red in Lab, a failed build in the book)."""

    bibliography_page = "a5_bibliography.md"

    @functools.cached_property
    def _entries(self):
        from pybtex.database import parse_file
        from widgets.core.data import DATA_DIR
        return parse_file(str(DATA_DIR / "references.bib")).entries

    def _entry(self, key: str):
        if key not in self._entries:
            raise KeyError(f"citation key {key!r} is not in data/references.bib")
        return self._entries[key]

    def _author_year(self, key: str) -> tuple[str, str]:
        entry = self._entry(key)
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        names = [_plain_tex(" ".join(person.last_names)) for person in people]
        if not names:
            names = [_plain_tex(entry.fields.get("organization", key))]
        author = names[0] if len(names) == 1 else (" and ".join(names) if len(names) == 2 else f"{names[0]} et al.")
        return author, entry.fields.get("year", "n.d.")

    def _link(self, key: str, text: str) -> str:
        escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
        title = _plain_tex(self._entry(key).fields.get("title", "")).replace('"', "'")
        return f'[{escaped}]({self.bibliography_page} "{title}")' if title else f"[{escaped}]({self.bibliography_page})"

    def markdown(self, kind: str, keys: list[str]) -> str:
        """The citation as Markdown: the MyST role in the book, the linked author–year text elsewhere."""
        if kind not in ("p", "t"):
            raise ValueError(f"Parameter 'kind' = {kind!r} is not allowed; use 'p' or 't'.")
        if for_book():
            for key in keys:
                self._entry(key)
            return f"{{cite:{kind}}}`{','.join(keys)}`"
        if kind == "p":
            return "\\[" + "; ".join(self._link(k, "{}, {}".format(*self._author_year(k))) for k in keys) + "\\]"
        return "; ".join(f"{self._link(k, a)} \\[{y}\\]" for k, (a, y) in zip(keys, map(self._author_year, keys)))

    def text(self, kind: str, keys: list[str]) -> str:
        """The citation as plain text, for inline use in JupyterLab: '[Lynas Rare Earths Ltd, 2024]'."""
        pairs = [self._author_year(key) for key in keys]
        if kind == "p":
            return "[" + "; ".join(f"{a}, {y}" for a, y in pairs) + "]"
        return "; ".join(f"{a} [{y}]" for a, y in pairs)

    def _inline(self, kind: str, keys: tuple[str, ...]):
        # jupyterlab-myst shows a str inline as it is, but a Markdown result as a block: plain text in Lab
        if for_book():
            from IPython.display import Markdown
            return Markdown(self.markdown(kind, list(keys)))
        return self.text(kind, list(keys))

    def p(self, *keys: str):
        """A parenthetical citation: [Lynas Rare Earths Ltd, 2024]."""
        return self._inline("p", keys)

    def t(self, *keys: str):
        """A textual citation: Lynas Rare Earths Ltd [2024]."""
        return self._inline("t", keys)


cite = _Citations()
