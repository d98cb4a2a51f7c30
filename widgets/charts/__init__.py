"""Altair chart factories. Each returns a chart whose controls are Vega-Lite params bound to
inputs, so it works in the static book (no kernel) and in JupyterLab alike.

Every factory takes its params' initial values as arguments, so a parity test can evaluate the
chart (``chart.transformed_data()``) at several slider positions and compare with the model.
"""

import altair as _alt

from widgets.charts.book_renderer import LAB_MIME, to_lab_spec


def _kit_renderer(spec: dict, **_metadata) -> dict:
    """Offline everywhere: JupyterLab 4.6 draws Vega-Lite natively only under the v5 mime type (its
    built-in renderer is Vega-Lite 5), so charts travel under that type; the book's mime renderer
    (widgets.charts.book_renderer) draws them with the vendored Vega-Lite that matches Altair.
    Altair's own outputs would either fetch Vega from a CDN (HTML) or use an unregistered v6 mime type."""
    title = spec.get("title", {})
    title = title.get("text", "") if isinstance(title, dict) else str(title)
    return {LAB_MIME: to_lab_spec(spec), "text/plain": f"<chart: {title}>"}


_alt.renderers.register("kit", _kit_renderer)
_alt.renderers.enable("kit")
