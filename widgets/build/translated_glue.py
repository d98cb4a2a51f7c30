"""Glued values inside translated prose (the Japanese edition).

A chapter's figures reach its prose as glue roles (``{glue:md}`eval_…:myst```, written by
:mod:`widgets.build.eval_reader`), and the catalogs keep those roles in every translation. Sphinx applies a
translation by parsing the translated paragraph as a small document of its own, after the chapter was read;
myst-nb's glue roles look for the notebook's values on the document they are parsed in, and that small document
has none: every glued figure of a translated paragraph would be lost with a "No key … found in glue data"
warning.

This extension remembers, per chapter, the notebook renderer that holds its glue data (the values its code
cells glued while the chapter was read) and lends it to the translated paragraphs of that same chapter.
Nothing else changes: a key that the chapter never glued is still reported, as in the English edition.
"""
from __future__ import annotations

from myst_nb.ext.glue import roles as glue_roles
from myst_nb.ext.glue import utils as glue_utils

_ORIGINAL = glue_utils.retrieve_glue_data
#: the chapter being read and its notebook renderer (Sphinx reads one chapter at a time in a process)
_LATEST: dict[str, object] = {}


def _docname(document) -> str | None:
    env = getattr(document.settings, "env", None)
    return getattr(env, "docname", None)


def retrieve_glue_data(document, key: str):
    """myst-nb's own lookup; for a translated paragraph, the lookup of the chapter it belongs to."""
    if "nb_renderer" in document:
        _LATEST.clear()
        _LATEST.update(docname=_docname(document), renderer=document["nb_renderer"])
        return _ORIGINAL(document, key)
    if _LATEST and _LATEST.get("docname") == _docname(document):
        document.attributes["nb_renderer"] = _LATEST["renderer"]
        try:
            return _ORIGINAL(document, key)
        finally:
            document.attributes.pop("nb_renderer", None)
    return _ORIGINAL(document, key)


def setup(app):
    glue_roles.retrieve_glue_data = retrieve_glue_data
    return {"parallel_read_safe": True, "parallel_write_safe": True}
