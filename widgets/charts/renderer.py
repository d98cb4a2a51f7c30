"""Altair's output for the kit: offline everywhere, with the Vega-Lite version Altair wrote the spec for.

Altair's own HTML output would fetch Vega from a CDN. ``enable()`` switches Altair to the kit's renderer,
which emits the spec under ``LAB_MIME``; a chapter asks for it (its page module's ``glue_all`` calls it),
importing the package does not."""
from __future__ import annotations

from widgets.charts.spec import LAB_MIME

NAME = "kit"


def kit_bundle(spec: dict, **_metadata) -> dict:
    """The mime bundle of one chart: the spec under ``LAB_MIME`` and its title as plain text."""
    title = spec.get("title", {})
    title = title.get("text", "") if isinstance(title, dict) else str(title)
    return {LAB_MIME: spec, "text/plain": f"<chart: {title}>"}


def enable() -> None:
    """Make Altair display charts through ``kit_bundle`` (idempotent)."""
    import altair as alt
    if NAME not in alt.renderers.names():
        alt.renderers.register(NAME, kit_bundle)
    alt.renderers.enable(NAME)
