"""Shared chart style: a colour-blind-safe palette, titles, text descriptions, sizes."""
from __future__ import annotations

import altair as alt

# Okabe & Ito (2008) colour-blind-safe qualitative palette (black omitted; used for text).
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#999999"]
CONFIDENCE_COLOURS = {"primary": "#0072B2", "secondary": "#009E73", "company-claim": "#E69F00",
                      "vendor": "#CC79A7", "weak": "#999999"}
WIDTH_PX = 560
HEIGHT_PX = 300


def finish(chart: alt.TopLevelMixin, *, title: str, description: str, subtitle: str | None = None):
    """Give a chart its title, its text description (read by screen readers and printed under the
    chart in the book) and the kit's palette and fonts; axis labels stay horizontal."""
    title_params = alt.TitleParams(text=title, subtitle=subtitle or alt.Undefined, anchor="start")
    return (chart.properties(title=title_params, description=description)
            .configure_range(category=OKABE_ITO)
            .configure_axis(labelAngle=0, labelFontSize=12, titleFontSize=12)
            .configure_legend(labelFontSize=12, titleFontSize=12, orient="bottom")
            .configure_view(strokeWidth=0))


def slider(prefix: str, name: str, value: float, low: float, high: float, step: float) -> alt.Parameter:
    """A Vega-Lite param bound to a range input, labelled ``label(f"{prefix}.slider.{name}")``.
    The range widens to include the starting value, so data never starts a slider off its scale."""
    from widgets.core.labels import label
    low, high = min(low, value), max(high, value)
    return alt.param(name=name, value=value,
                     bind=alt.binding_range(min=low, max=high, step=step, name=label(f"{prefix}.slider.{name}") + " "))
