"""A small Sphinx extension for the book's HTML: accessibility fixes to markup that docutils writes.

docutils gives a citation list ``role="list"`` but its children ``role="doc-biblioentry"``, which
breaks ARIA's rule that a list holds list items (axe-core: aria-required-children). The list role
is dropped; each entry keeps its bibliography role.
"""
from __future__ import annotations

import re

_CITATION_LIST = re.compile(r'<div role="list" class="citation-list">')


def _fix_body(app, pagename, templatename, context, doctree):
    body = context.get("body")
    if body:
        context["body"] = _CITATION_LIST.sub('<div class="citation-list">', body)


def setup(app):
    app.connect("html-page-context", _fix_body)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
