"""The briefing kit's Python package: data loading, models, charts and explorers.

Flow (nothing imports upward): data -> models -> charts -> explorers -> chapters.
"""
import sys as _sys

# jsonschema (imported by Altair) loads the optional ``rfc3987_syntax`` package when it is installed
# (JupyterLab's jupyter-events pulls it in); it builds a grammar at import and costs about a second in
# every kernel. The kit never checks IRI formats, so the optional import is switched off for processes
# that import ``widgets``; jsonschema then skips that format checker, as it does when the package is absent.
_sys.modules.setdefault("rfc3987_syntax", None)
