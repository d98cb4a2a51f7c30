"""Shared pieces of the chapter modules: a namespace of formatted values, and glueing it."""
from __future__ import annotations

from collections.abc import Iterator


class Numbers:
    """Formatted values by name (attribute or item access); each value is the text the reader sees."""

    def __init__(self, prefix: str):
        self._prefix = prefix
        self._values: dict[str, str] = {}

    def __setitem__(self, name: str, value: object) -> None:
        self._values[name] = str(value)

    def __getitem__(self, name: str) -> str:
        return self._values[name]

    def __getattr__(self, name: str) -> str:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f"no figure {name!r} in {self._prefix}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def items(self):
        return self._values.items()

    def glue_all(self) -> "Numbers":
        """Switch on the kit's chart renderer, then glue every value as Markdown under ``<prefix>_<name>`` (``{glue:md}`prefix_name``` in the prose)."""
        from widgets.charts import renderer
        from widgets.pages.book import glue_text
        renderer.enable()
        for name, value in self._values.items():
            glue_text(f"{self._prefix}_{name}", value)
        return self
