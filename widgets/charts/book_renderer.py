"""myst-nb mime renderer: draws Vega-Lite outputs in the static book with the vendored Vega bundle.

Notebooks store Altair charts as ``application/vnd.vegalite.v6+json`` (JupyterLab renders them
natively). In the HTML book this plugin turns each into a ``<figure>`` holding the chart, drawn by
the page-level ``vegaEmbed`` from ``_assets/vega/vega-bundle.js`` (no CDN), and a visible caption with
the chart's text description. Registered through the ``myst_nb.mime_renderers`` entry point.
"""
from __future__ import annotations

import html
import json

from docutils import nodes

VEGALITE_MIME = "application/vnd.vegalite.v6+json"
EMBED_OPTIONS = {"renderer": "svg", "actions": False}


def figure_html(spec: dict) -> str:
    """HTML for one chart: container, caption and the script that embeds the spec."""
    description = spec.get("description", "")
    spec_json = json.dumps(spec, separators=(",", ":")).replace("</", "<\\/")
    options_json = json.dumps(EMBED_OPTIONS)
    return (
        '<figure class="kit-chart">'
        '<div class="kit-chart-canvas"></div>'
        f'<figcaption class="kit-chart-description">{html.escape(description)}</figcaption>'
        '<script>(function (script) {'
        'var target = script.parentElement.querySelector(".kit-chart-canvas");'
        f'vegaEmbed(target, {spec_json}, {options_json})'
        '.catch(function (error) { console.error("chart failed to render", error); });'
        '})(document.currentScript);</script>'
        '</figure>'
    )


class VegaLiteBookRenderer:
    """Renders Vega-Lite mime outputs for HTML builders; other builders fall back to text."""

    mime_priority_overrides = [("html", VEGALITE_MIME, 5), ("dirhtml", VEGALITE_MIME, 5)]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if inline or data.mime_type != VEGALITE_MIME:
            return None
        spec = data.content if isinstance(data.content, dict) else json.loads(data.content)
        return [nodes.raw("", figure_html(spec), format="html")]
