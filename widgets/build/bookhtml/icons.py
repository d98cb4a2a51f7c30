"""Inline SVG icons in place of the theme's Font Awesome markup.

pydata-sphinx-theme writes icons as ``<i class="fa-solid fa-sun">`` (or ``<span>``) and ships a 1.5 MB
script that swaps them for SVGs in the browser, plus an icon font its CSS falls back to. The book uses
a dozen icons, so :func:`inline_icons` swaps them at build time for the small SVGs below (drawn for this
kit on a 24-unit grid, stroked in the text colour). The SVGs carry no Font Awesome class, so no rule of
the theme's CSS asks for the icon font and the browser never downloads it.

Every icon is decorative (``aria-hidden``): the buttons around them carry their own accessible names.
An icon the set lacks is reported through ``on_missing`` (the Sphinx extension makes it a build
warning, so the strict build fails and names the icon to draw).
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable

# Path data for each Font Awesome name the theme's templates and header buttons use.
ICONS: dict[str, str] = {
    "magnifying-glass": '<circle cx="10.5" cy="10.5" r="6.5"/><path d="M15.3 15.3 21 21"/>',
    "bars": '<path d="M4 6h16M4 12h16M4 18h16"/>',
    "outdent": '<path d="M11 6h9M11 12h9M11 18h9M7.5 8.5 4 12l3.5 3.5"/>',
    "list": ('<path d="M9 6h11M9 12h11M9 18h11"/>'
             '<circle cx="4.5" cy="6" r="1" fill="currentColor"/><circle cx="4.5" cy="12" r="1" fill="currentColor"/>'
             '<circle cx="4.5" cy="18" r="1" fill="currentColor"/>'),
    "sun": ('<circle cx="12" cy="12" r="4"/>'
            '<path d="M12 2.5v2M12 19.5v2M2.5 12h2M19.5 12h2M5.3 5.3l1.4 1.4M17.3 17.3l1.4 1.4'
            'M5.3 18.7l1.4-1.4M17.3 6.7l1.4-1.4"/>'),
    "moon": '<path d="M20 14.2A8.5 8.5 0 1 1 9.8 4a6.8 6.8 0 0 0 10.2 10.2z"/>',
    "circle-half-stroke": '<circle cx="12" cy="12" r="8.5"/><path d="M12 3.5a8.5 8.5 0 0 1 0 17z" fill="currentColor"/>',
    "expand": '<path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5"/>',
    "arrow-up": '<path d="M12 20V5M5.5 11.5 12 5l6.5 6.5"/>',
    "angle-left": '<path d="M15 5l-7 7 7 7"/>',
    "angle-right": '<path d="M9 5l7 7-7 7"/>',
    "download": '<path d="M12 3.5v11M7 10l5 5 5-5M4.5 19.5h15"/>',
    "code": '<path d="M6 2.5h8l4.5 4.5v14.5H6z"/><path d="M14 2.5V7h4.5M10.5 12 8.5 14.5l2 2.5M13.5 12l2 2.5-2 2.5"/>',
    "table": '<path d="M3.5 5h17v14h-17zM3.5 10h17M3.5 14.5h17M9.5 5v14"/>',
    "file": '<path d="M6 2.5h8l4.5 4.5v14.5H6z"/><path d="M14 2.5V7h4.5"/>',
    "file-pdf": '<path d="M6 2.5h8l4.5 4.5v14.5H6z"/><path d="M14 2.5V7h4.5M9 12.5h6M9 16h6"/>',
}
STYLE_CLASSES = {"fa", "fas", "far", "fab", "fa-solid", "fa-regular", "fa-brands", "fa-sharp"}
SIZE_CLASSES = {"fa-lg": "kit-icon-lg"}
SVG_ATTRIBUTES = ('viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" '
                  'stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" '
                  'focusable="false"')
DROPPED_ATTRIBUTES = {"class", "title", "aria-hidden"}  # the SVG is decorative; its button names it

_ICON_ELEMENT = re.compile(
    r'<(?P<tag>i|span)\s+(?P<attrs>[^>]*\bclass="(?:[^"]*\s)?fa-[a-z0-9-]+[^"]*"[^>]*)>\s*</(?P=tag)>')
_ATTRIBUTE = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*"([^"]*)"')


def icon_svg(name: str, extra_classes: list[str], attributes: dict[str, str], large: bool = False) -> str:
    """The inline SVG for Font Awesome icon ``name`` with the element's other classes and attributes."""
    classes = ["kit-icon", f"kit-icon-{name}", *(["kit-icon-lg"] if large else []), *extra_classes]
    kept = "".join(f' {key}="{html.escape(value)}"' for key, value in attributes.items()
                   if key not in DROPPED_ATTRIBUTES)
    return f'<svg class="{" ".join(classes)}"{kept} {SVG_ATTRIBUTES}>{ICONS[name]}</svg>'


def inline_icons(page: str, on_missing: Callable[[str], None] | None = None) -> str:
    """``page`` with every empty Font Awesome ``<i>``/``<span>`` replaced by its inline SVG. Icons
    missing from :data:`ICONS` stay as they were and are passed to ``on_missing``."""

    def replace(match: re.Match) -> str:
        attributes = {key: html.unescape(value) for key, value in _ATTRIBUTE.findall(match["attrs"])}
        classes = attributes.get("class", "").split()
        names = [c[3:] for c in classes if c.startswith("fa-") and c not in STYLE_CLASSES | set(SIZE_CLASSES)]
        if len(names) != 1 or names[0] not in ICONS:
            if on_missing is not None:
                on_missing(" ".join(classes))
            return match[0]
        others = [c for c in classes if c not in STYLE_CLASSES and c not in SIZE_CLASSES and not c.startswith("fa-")]
        return icon_svg(names[0], others, attributes, large=any(c in SIZE_CLASSES for c in classes))

    return _ICON_ELEMENT.sub(replace, page)
