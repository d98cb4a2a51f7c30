"""ARIA fixes to the markup docutils writes into a page body.

docutils writes a bibliography as ``<div role="list" class="citation-list">`` whose entries carry
``role="doc-biblioentry"``. That role is deprecated (DPUB-ARIA 1.1; axe-core: aria-deprecated-role), and a
list must hold list items (aria-required-children). Each entry becomes a plain list item, so the
bibliography reads as the list of references it is.
"""
from __future__ import annotations

import re

_BIBLIOENTRY = re.compile(r'(<div class="citation"[^>]*?) role="doc-biblioentry"')


def fix_body(body: str) -> str:
    """``body`` with bibliography entries as list items of their citation list."""
    return _BIBLIOENTRY.sub(r'\1 role="listitem"', body)
