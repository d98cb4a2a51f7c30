"""A chart as a Vega-Lite spec: the mime type the kit's charts travel under, and ``ChartSpec``, a spec that
displays like an Altair chart and whose slider params can start elsewhere without rebuilding the chart."""
from __future__ import annotations

#: Charts travel under the Vega-Lite 6 mime type with the spec as Altair wrote it; in JupyterLab the kit's
#: ``kit-vega6`` extension draws it, in the book ``widgets.build.book_renderer`` does (vendored Vega bundle).
LAB_MIME = "application/vnd.vegalite.v6+json"


def _param_with_value(param: dict, value: object) -> dict:
    """The param starting at ``value``; a range input widens to include it (as ``style.slider`` does)."""
    new = {**param, "value": value}
    bind = param.get("bind")
    if isinstance(bind, dict) and bind.get("input") == "range" and isinstance(value, (int, float)):
        new["bind"] = {**bind, "min": min(bind["min"], value), "max": max(bind["max"], value)}
    return new


class ChartSpec:
    """A chart already turned into its Vega-Lite spec, displayed like an Altair chart (kit renderer).

    Explorers build a chart once and, when only slider values change, show
    ``ChartSpec.with_param_values(spec, values)``: rebuilding the Altair object costs far more than
    the model (see ``make bench``), and a chart whose params are its only input changes in nothing else."""

    def __init__(self, spec: dict):
        self.spec = spec

    @classmethod
    def with_param_values(cls, spec: dict, values: dict[str, object]) -> "ChartSpec":
        """A copy of ``spec`` whose top-level params named in ``values`` start at those values."""
        unknown = set(values) - {param["name"] for param in spec.get("params", [])}
        if unknown:
            raise KeyError(f"the chart has no params {sorted(unknown)}")
        params = [_param_with_value(param, values[param["name"]]) if param["name"] in values else param
                  for param in spec.get("params", [])]
        return cls({**spec, "params": params})

    @classmethod
    def driven_by(cls, spec: dict, values: dict[str, object]) -> "ChartSpec":
        """A copy of ``spec`` whose params named in ``values`` take those values and lose their sliders: the
        chart of an explorer follows the explorer's inputs and offers no second set of controls."""
        moved = cls.with_param_values(spec, values).spec
        params = [{k: v for k, v in param.items() if k != "bind"} if param["name"] in values else param
                  for param in moved.get("params", [])]
        return cls({**moved, "params": params})

    def __repr__(self) -> str:
        title = self.spec.get("title", {})
        return f"<chart: {title.get('text', '') if isinstance(title, dict) else title}>"

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {LAB_MIME: self.spec, "text/plain": repr(self)}
