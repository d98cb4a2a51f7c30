"""The theme's stylesheet without Font Awesome (Sphinx ``build-finished``).

pydata-sphinx-theme's CSS carries Font Awesome's rules: about 2,000 icon classes and the ``@font-face``
rules of its icon fonts (a fifth of the file). The book draws its icons as inline SVG
(:mod:`widgets.build.bookhtml.icons`), so after the build this writes a copy without those rules, which
``_assets/templates/static/webpack-macros.html`` links in place of the original.
"""
from __future__ import annotations

import re
from pathlib import Path

import tinycss2

THEME_CSS = Path("_static", "styles", "pydata-sphinx-theme.css")
TRIMMED_CSS = Path("_static", "styles", "pydata-sphinx-theme-trimmed.css")
_FA_CLASS = re.compile(r"\.(?:fa|fas|far|fab|fa-[a-z0-9-]+)(?![a-z0-9_-])")


def _is_font_awesome(rule) -> bool:
    """A rule every selector of which names a Font Awesome class, or a Font Awesome font face."""
    if rule.type == "qualified-rule":
        selectors = tinycss2.serialize(rule.prelude).split(",")
        return all(_FA_CLASS.search(selector) for selector in selectors)
    if rule.type == "at-rule" and rule.lower_at_keyword == "font-face":
        return "Font Awesome" in tinycss2.serialize(rule.content or [])
    return False


def without_font_awesome(css: str) -> str:
    """``css`` without its top-level Font Awesome rules (everything else kept as written)."""
    rules = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    return "".join(rule.serialize() for rule in rules if not _is_font_awesome(rule))


def write_trimmed_theme_css(app, exception) -> None:
    """After a successful HTML build, write the trimmed copy of the theme's stylesheet."""
    if exception is not None or app.builder.format != "html":
        return
    source = Path(app.outdir, THEME_CSS)
    Path(app.outdir, TRIMMED_CSS).write_text(without_font_awesome(source.read_text(encoding="utf-8")),
                                             encoding="utf-8")
