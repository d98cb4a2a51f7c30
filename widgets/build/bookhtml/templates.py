"""The book's template bridge (Sphinx ``template_bridge``): the theme's templates, with inline icons.

Sphinx renders every HTML page through its template bridge. This one is Sphinx's own Jinja loader
whose output passes through :func:`widgets.build.bookhtml.icons.inline_icons`, so the icons that the theme's
templates and header buttons write as Font Awesome markup reach the reader as inline SVG. An icon
without a drawing becomes a build warning (the strict build then fails and names it).
"""
from __future__ import annotations

from sphinx.jinja2glue import BuiltinTemplateLoader
from sphinx.util import logging

from widgets.build.bookhtml.icons import inline_icons

logger = logging.getLogger(__name__)


def _report_missing_icon(classes: str) -> None:
    logger.warning("icon %r has no inline SVG; draw one in widgets/bookhtml/icons.py (ICONS)", classes,
                   type="kit", subtype="icon")


class KitTemplateLoader(BuiltinTemplateLoader):
    """Sphinx's template loader; rendered HTML pages get inline SVG icons."""

    def render(self, template: str, context: dict) -> str:
        output = super().render(template, context)
        return inline_icons(output, _report_missing_icon) if template.endswith(".html") else output
