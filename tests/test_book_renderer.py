"""The book's Vega-Lite renderer and the kit's Altair renderer: offline, described, reversible."""
from __future__ import annotations

import altair as alt
import pandas as pd

from widgets.build import book_renderer
from widgets.charts import renderer
from widgets.charts.spec import ChartSpec

renderer.enable()


def small_chart():
    return (alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_point().encode(x="x:Q")
            .properties(title="T", description="A described chart </script>"))


def test_outputs_carry_the_spec_under_the_vega_lite_version_it_was_written_for():
    bundle = small_chart()._repr_mimebundle_()
    bundle = bundle[0] if isinstance(bundle, tuple) else bundle
    assert set(bundle) == {book_renderer.LAB_MIME, "text/plain"}
    assert book_renderer.LAB_MIME == f"application/vnd.vegalite.v{alt.SCHEMA_VERSION.split('.')[0].lstrip('v')}+json"
    assert bundle[book_renderer.LAB_MIME] == small_chart().to_dict()


def test_figure_html_carries_the_spec_as_inert_json_and_escapes():
    import json
    import re
    spec = small_chart().to_dict()
    html = book_renderer.figure_html(spec)
    assert "cdn" not in html and "http" not in html.split("$schema")[0]
    assert "<figcaption class=\"kit-chart-description\">A described chart &lt;/script&gt;</figcaption></figure>" in html
    payload = re.search(r'<script type="application/json" class="kit-chart-spec">(.*?)</script>', html).group(1)
    assert "<" not in payload  # the spec cannot close its script element early
    assert json.loads(payload) == spec
    assert 'class="kit-chart-controls"' in html  # sliders go outside the sideways-scrolling chart


def test_new_param_values_give_the_same_spec_as_rebuilding_the_chart():
    from test_charts_ore import DEPOSITS, POSITIONS
    from widgets.charts.ore import ore_cost_chart
    first, second = POSITIONS[0], POSITIONS[1]
    rebuilt = ore_cost_chart(DEPOSITS, second).to_dict()
    updated = ChartSpec.with_param_values(ore_cost_chart(DEPOSITS, first).to_dict(), vars(second))
    assert updated.spec == rebuilt


def test_a_value_outside_the_slider_widens_its_range_and_unknown_params_are_refused():
    import pytest
    spec = {"params": [{"name": "p", "value": 1, "bind": {"input": "range", "min": 0, "max": 10}}]}
    widened = ChartSpec.with_param_values(spec, {"p": 50}).spec["params"][0]
    assert widened["value"] == 50 and widened["bind"]["max"] == 50 and spec["params"][0]["bind"]["max"] == 10
    with pytest.raises(KeyError, match="no params"):
        ChartSpec.with_param_values(spec, {"q": 1})
