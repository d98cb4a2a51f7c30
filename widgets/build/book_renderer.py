"""myst-nb mime renderer: draws Vega-Lite outputs in the static book with the vendored Vega bundle.

Notebooks store Altair charts under ``application/vnd.vegalite.v6+json`` with the spec exactly as Altair
wrote it (see ``widgets.charts._kit_renderer``; in JupyterLab the kit's ``kit-vega6`` extension draws that
type with the vendored Vega 6 bundle, offline). In the HTML book this plugin turns each into a ``<figure>``
holding an empty chart container, a place for the chart's sliders and drop-downs, a visible caption with
the chart's text description and the spec as inert JSON. The page's deferred ``_assets/static/kit-charts.js``
draws each chart with the vendored ``vegaEmbed`` (no CDN) when it comes near the screen, fitted to the text
column. Without JavaScript, or if a chart fails to draw, the caption still says what the chart shows.
Registered through the ``myst_nb.mime_renderers`` entry point.
"""
from __future__ import annotations

import html
import json

from docutils import nodes

from widgets.charts.spec import LAB_MIME
from widgets.core.labels import label


def spec_json(spec: dict) -> str:
    """The spec as JSON safe inside ``<script type="application/json">``: no ``<`` can end the element."""
    return json.dumps(spec, separators=(",", ":")).replace("<", "\\u003c")


def figure_html(spec: dict) -> str:
    """HTML for one chart: container, controls, caption and the spec that ``kit-charts.js`` draws."""
    description = spec.get("description", "")
    share, shared = html.escape(label("chart.share"), quote=True), html.escape(label("chart.shared"), quote=True)
    return (
        f'<figure class="kit-chart" data-share-label="{share}" data-shared-label="{shared}">'
        '<div class="kit-chart-canvas"></div>'
        '<div class="kit-chart-controls"></div>'
        f'<script type="application/json" class="kit-chart-spec">{spec_json(spec)}</script>'
        f'<figcaption class="kit-chart-description">{html.escape(description)}</figcaption>'
        '</figure>'
    )


class VegaLiteBookRenderer:
    """Renders Vega-Lite mime outputs for HTML builders; other builders fall back to text."""

    mime_priority_overrides = [("html", LAB_MIME, 5), ("dirhtml", LAB_MIME, 5)]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if inline or data.mime_type != LAB_MIME:
            return None
        spec = data.content if isinstance(data.content, dict) else json.loads(data.content)
        return [nodes.raw("", figure_html(spec), format="html")]
