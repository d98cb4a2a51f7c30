"""The HTML accessibility fix: citation lists lose role=list, entries keep their bibliography role."""
from __future__ import annotations

from widgets.sphinx_ext import _fix_body


def test_citation_list_role_is_dropped():
    context = {"body": '<div role="list" class="citation-list"><div role="doc-biblioentry">x</div></div>'}
    _fix_body(None, "p", "page.html", context, None)
    assert context["body"] == '<div class="citation-list"><div role="doc-biblioentry">x</div></div>'
