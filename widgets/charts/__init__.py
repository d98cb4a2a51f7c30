"""Altair chart factories. Each returns a chart whose controls are Vega-Lite params bound to
inputs, so it works in the static book (no kernel) and in JupyterLab alike.

Every factory takes its params' initial values as arguments, so a parity test can evaluate the
chart (``chart.transformed_data()``) at several slider positions and compare with the model.
"""

import altair as _alt

from widgets.charts.book_renderer import LAB_MIME


def _kit_renderer(spec: dict, **_metadata) -> dict:
    """Offline everywhere, with the Vega-Lite version Altair wrote the spec for: charts travel under the
    v6 mime type; in JupyterLab the kit's ``kit-vega6`` extension (installed by ``make``) draws them, in
    the book the mime renderer (widgets.charts.book_renderer) does, both with the vendored Vega bundle.
    Altair's own HTML output would fetch Vega from a CDN."""
    title = spec.get("title", {})
    title = title.get("text", "") if isinstance(title, dict) else str(title)
    return {LAB_MIME: spec, "text/plain": f"<chart: {title}>"}


_alt.renderers.register("kit", _kit_renderer)
_alt.renderers.enable("kit")
