"""Pieces every explorer shares: labelled inputs, a message area that shows a model's ValueError
in place (never a traceback), and a results table."""
from __future__ import annotations

import html
from collections.abc import Callable, Iterable

import ipywidgets as ipw
from IPython.display import display

from widgets.charts.spec import ChartSpec
from widgets.charts.table import pairs_table
from widgets.core.labels import label
from widgets.core.numbers import round_to

LAYOUT_WIDE = ipw.Layout(width="30rem")
STYLE_WIDE = {"description_width": "16rem"}


#: Significant figures a starting value shows in an input box: a derived start such as 1.8011527 reads 1.801.
INPUT_FIGURES = 4


def number_input(key: str, value: float, step: float = 1.0) -> ipw.FloatText:
    """A free-typed number (so bad values reach the model and its message) labelled from labels.csv,
    starting at ``value`` rounded to ``INPUT_FIGURES`` significant figures."""
    return ipw.FloatText(value=round_to(value, INPUT_FIGURES), step=step, description=label(key), layout=LAYOUT_WIDE,
                         style=STYLE_WIDE)


def slider(key: str, value: float, low: float, high: float, step: float) -> ipw.FloatSlider:
    return ipw.FloatSlider(value=value, min=low, max=high, step=step, description=label(key),
                           continuous_update=False, layout=LAYOUT_WIDE, style=STYLE_WIDE)


def message_area() -> ipw.HTML:
    return ipw.HTML(value="")


def show_error(area: ipw.HTML, error: ValueError) -> None:
    area.value = (f'<div role="alert" style="color:#8B0000;border-left:4px solid #D55E00;padding:0.3rem 0.6rem">'
                  f'{html.escape(str(error), quote=False)}</div>')


def results_table(rows: Iterable[tuple[str, str]]) -> str:
    """An HTML table of (label, formatted value) pairs (``widgets.charts.table.pairs_table``)."""
    return pairs_table(rows)


class Explorer:
    """Wires inputs to an ``update`` function, which returns (results HTML, chart or None) and may add the model's
    own result (codes and numbers) as a third value, kept as ``result``. A ValueError from the model shows in the
    message area and leaves the last good results and chart in place."""

    def __init__(self, inputs: dict[str, ipw.ValueWidget], update: Callable[[dict], tuple[str, object | None]],
                 extra_controls: Iterable[ipw.Widget] = ()):
        self.inputs = inputs
        self._update = update
        self.message = message_area()
        self.results = ipw.HTML()
        self.chart_output = ipw.Output()
        self.last_error: str | None = None
        #: what the model returned, in codes and numbers, when ``update`` gives it as a third value
        self.result: object | None = None
        for widget in inputs.values():
            widget.observe(lambda _change: self.refresh(), names="value")
        controls = ipw.VBox([*extra_controls, *inputs.values()])
        self.widget = ipw.VBox([controls, self.message, self.results, self.chart_output])
        self.refresh()

    def values(self) -> dict:
        return {name: widget.value for name, widget in self.inputs.items()}

    def refresh(self) -> None:
        try:
            results_html, chart, *result = self._update(self.values())
        except ValueError as error:
            self.last_error = str(error)
            show_error(self.message, error)
            return
        self.result = result[0] if result else None
        self.last_error = None
        self.message.value = ""
        self.results.value = results_html
        if chart is not None:
            self.chart_output.clear_output(wait=True)
            with self.chart_output:
                display(chart)

    def _ipython_display_(self):
        display(self.widget)


class ParamChart:
    """A chart whose inputs are all slider params: built once from the first values, then only its
    params move (``ChartSpec.driven_by``), which is what rebuilding would give at a fraction
    of the time. The explorer's inputs drive those params, so the chart shows no sliders of its own.
    ``build(values)`` must return the Altair chart for a dict of slider values."""

    def __init__(self, build: Callable[[dict], object]):
        self._build = build
        self._spec: dict | None = None

    def __call__(self, values: dict) -> ChartSpec:
        if self._spec is None:
            self._spec = self._build(values).to_dict()
        return ChartSpec.driven_by(self._spec, values)
