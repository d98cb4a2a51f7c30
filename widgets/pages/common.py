"""What every chapter module shares: ``Numbers``, the figures and short texts a chapter's prose shows.

A chapter module computes its figures in one function, ``numbers()``; the chapter calls it once, in a hidden
cell (``n = supply.numbers()``), and writes ``{eval}`n.bey_cost``` where the figure goes. JupyterLab
evaluates the role in the kernel; the book's chapter reader (``widgets.build.eval_reader``) does the same at
build time. Each value is already the text the reader sees: a number is formatted (and rounded to what its
inputs carry) here, not in the prose.
"""
from __future__ import annotations

from collections.abc import Iterator

from widgets.core.data import plain
from widgets.core.labels import label
from widgets.core.numbers import round_to
from widgets.core.sourced import Provenance
from widgets.core.workshop import WorkshopValue


class MarkdownText(str):
    """Text that is Markdown (bold, a list, an escaped ``\\$``): shown rendered, in the book and in JupyterLab."""

    def _repr_markdown_(self) -> str:
        return str(self)


class Numbers:
    """A chapter's figures by name (``n.name`` or ``n["name"]``), each the text the reader sees."""

    def __init__(self, chapter: str):
        self._chapter = chapter
        self._values: dict[str, str] = {}
        self.sources: list[str] = []      # keys cited through figures' provenance (``source``), for the freshness note

    def number(self, name: str, fmt: str, value: object) -> str:
        """``value`` formatted with the format spec ``fmt`` (',.1f': 1,234.5; '.0f': 46). A value a workshop set
        reads '110 (workshop assumption)', so it is never taken for the source's figure."""
        number = plain(value)
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise TypeError(f"{self._chapter}: figure {name!r} needs a number, got {value!r}")
        text = format(float(number) if isinstance(number, WorkshopValue) else number, fmt)
        if isinstance(value, WorkshopValue):
            text = f"{text} ({label('book.workshop_assumption')})"
        self._values[name] = text
        return text

    def rounded(self, name: str, fmt: str, value: object, significant: int = 2) -> str:
        """A figure computed from rough inputs: rounded to ``significant`` figures, then formatted."""
        rounded = round_to(value, significant)
        if isinstance(value, WorkshopValue):
            rounded = WorkshopValue(rounded, value.note)
        return self.number(name, fmt, rounded)

    def starting(self, name: str, fmt: str, provenance: Provenance) -> str:
        """A chart's or explorer's starting value, formatted; a workshop's own value reads as the workshop's."""
        value = provenance.value
        if provenance.workshop_assumption:
            value = WorkshopValue(value, provenance.how)
        return self.number(name, fmt, value)

    def source(self, name: str, provenance: Provenance) -> str:
        """Where a starting value comes from, for the prose right after the value: its citation, or, for a
        value a workshop set, "(the instructor's note: …)" — never the original source."""
        from widgets.pages.book import cite, for_book
        if provenance.workshop_assumption:
            return self.text(name, f"({label('book.workshop_note')}: {provenance.how})")
        if not provenance.source_id:
            raise ValueError(f"{self._chapter}: figure {name!r} has no source to cite ({provenance.how})")
        self.sources.append(provenance.source_id)
        if for_book():
            return self.markdown(name, cite.markdown("p", [provenance.source_id]))
        return self.text(name, cite.text("p", [provenance.source_id]))

    def text(self, name: str, text: object) -> str:
        """Plain text (a date, a name, a list of elements): shown as it is, never read as Markdown."""
        self._values[name] = str(text)
        return self._values[name]

    def date(self, name: str, value: object) -> str:
        """A date as a reader writes it ('7 September 2010', '2010年9月7日')."""
        from widgets.charts.words import date_name
        return self.text(name, date_name(value))

    def markdown(self, name: str, text: object) -> MarkdownText:
        """Markdown text (emphasis, a bullet list, an escaped dollar sign): shown rendered."""
        self._values[name] = MarkdownText(str(text))
        return self._values[name]

    def __setitem__(self, name: str, value: object) -> None:
        self.text(name, value)

    def __getitem__(self, name: str) -> str:
        return self._values[name]

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f"no figure {name!r} in chapter {self._chapter}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __dir__(self):
        return [*super().__dir__(), *self._values]

    def items(self):
        return self._values.items()
