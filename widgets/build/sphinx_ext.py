"""The book's Sphinx extension: fast, accessible pages (see ``widgets.build.bookhtml``).

- each page loads only the scripts it uses (``widgets.build.bookhtml.assets``);
- ARIA fixes to the body docutils writes (``widgets.build.bookhtml.markup``);
- the theme's stylesheet without Font Awesome's rules (``widgets.build.bookhtml.theme_css``);
- the theme's icons become inline SVG through the template bridge named in ``_config.yml``
  (``template_bridge: widgets.build.bookhtml.templates.KitTemplateLoader``).
"""
from __future__ import annotations

from widgets.build.bookhtml.assets import select_page_scripts
from widgets.build.bookhtml.markup import fix_body
from widgets.build.bookhtml.theme_css import write_trimmed_theme_css

LATE = 900  # after Sphinx, the theme, myst-nb and MathJax have put their scripts on the page


def _fix_body(app, pagename, templatename, context, doctree):
    body = context.get("body")
    if body:
        context["body"] = fix_body(body)


def setup(app):
    app.connect("html-page-context", _fix_body)
    app.connect("html-page-context", select_page_scripts, priority=LATE)
    app.connect("build-finished", write_trimmed_theme_css)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
