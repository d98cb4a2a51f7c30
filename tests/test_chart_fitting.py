"""The chart loader (``_assets/static/kit-charts.js``) fits charts to a phone's column, shown on a page of its own
with charts made for the test (not the book's data): legends with long labels wrap their labels onto more lines
instead of running off or being cut; an x-axis title wraps to its plot; a text block written with line breaks is
wrapped again to its view, keeping every word; a Japanese title never starts a line with 、 or ー; and a chart
whose legend ran off at full width keeps its plot's designed width (the legend, not the plot, gives way)."""
from __future__ import annotations

import shutil

import altair as alt
import pandas as pd
import pytest

from conftest import ROOT
from widgets.build.book_renderer import figure_html
from widgets.build.pdf import CHROMIUM, CHROMIUM_ARGS
from widgets.build.site_server import start as start_server
from widgets.charts import exposure

pytestmark = pytest.mark.browser

STATIC = ROOT / "_assets" / "static"
LONG_LABELS = ["Permanent magnet, rare-earth-free (pledged by the maker)", "Wound rotor, inductive exciter",
               "Beylikova (Eskişehir; Kızılcaören)", "event (no legal instrument)", "short"]
BLOCKS = ["Dy magnets made in Japan: licence needed (No. 61 value rule: its Chinese-origin Part I content is 46 % "
          "of the magnet's own value, at or above 0.1 %, so exporting the magnet needs a licence)",
          "日本製のDy入り磁石: 許可が必要 (第61号 価値比率ルール:中国原産の第1部品目の価値が磁石自体の価値の46%で、"
          "0.1%以上のため、磁石の輸出に許可が必要)"]
JAPANESE_TITLE = "三つの多様化をレバーとして:磁石を使わないモーター、重希土類フリー磁石、中国以外からの調達、そして在庫"
NO_LINE_START = "、。，．・：；？！ー）」』】)]%ぁぃぅぇぉっゃゅょァィゥェォッャュョ々"
PLOT_WIDTH_PX = 400


def legend_chart() -> dict:
    frame = pd.DataFrame({"x": range(len(LONG_LABELS)), "y": range(len(LONG_LABELS)), "kind": LONG_LABELS})
    return (alt.Chart(frame).mark_point()
            .encode(x=alt.X("x:Q", title="Year (production start or announcement, whichever is known)"),
                    y="y:Q", color=alt.Color("kind:N", title="Architecture"))
            .properties(width=PLOT_WIDTH_PX, height=120, title=alt.TitleParams("T", subtitle=JAPANESE_TITLE))
            .configure_legend(labelFontSize=12, orient="bottom").to_dict())


def text_block_chart() -> dict:
    text = exposure.month_verdict_text(pd.Timestamp("2026-12-01"), BLOCKS)
    return (alt.Chart(pd.DataFrame({"verdict": [text]}))
            .mark_text(align="left", baseline="top", lineBreak="\n", fontSize=12)
            .encode(x=alt.value(0), y=alt.value(0), text="verdict:N")
            .properties(width=560, height=240).to_dict())


@pytest.fixture(scope="module")
def fitted_page(tmp_path_factory):
    """A page with the two charts, opened at the width given, each chart drawn; yields an opener."""
    from playwright.sync_api import sync_playwright
    folder = tmp_path_factory.mktemp("fitting")
    shutil.copy2(STATIC / "kit-charts.js", folder / "kit-charts.js")
    shutil.copy2(STATIC / "kit.css", folder / "kit.css")
    (folder / "vega").mkdir()
    shutil.copy2(STATIC / "vega" / "vega-bundle.js", folder / "vega" / "vega-bundle.js")
    (folder / "page.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>fitting</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="kit.css">'
        '<style>body { margin: 0 16px; font-family: sans-serif; }</style></head><body><main>'
        + figure_html(legend_chart()) + figure_html(text_block_chart())
        + '</main><script src="kit-charts.js" data-vega-bundle="vega/vega-bundle.js"></script></body></html>',
        encoding="utf-8")
    server, url = start_server(folder)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def open_at(width_px: int):
            page = browser.new_page(viewport={"width": width_px, "height": 800})
            page.goto(f"{url}page.html")
            page.evaluate("() => document.querySelectorAll('figure.kit-chart').forEach(f => f.scrollIntoView())")
            page.wait_for_function("[...document.querySelectorAll('figure.kit-chart')]"
                                   ".every(f => f.classList.contains('kit-chart-drawn'))", timeout=30_000)
            return page

        yield open_at
        browser.close()
    server.shutdown()


CHART_STATE_JS = """
(index) => {
  const figure = document.querySelectorAll('figure.kit-chart')[index];
  const canvas = figure.querySelector('.kit-chart-canvas');
  const lines = (text) => { const spans = [...text.querySelectorAll('tspan')];
                            return spans.length ? spans.map(s => s.textContent) : [text.textContent]; };
  const frame = canvas.getBoundingClientRect();
  return {
    scrolls: canvas.scrollWidth > canvas.clientWidth + 1, sizes: [canvas.scrollWidth, canvas.clientWidth, window.innerWidth],
    legendLabels: [...canvas.querySelectorAll('g.role-legend-label text')].map(lines),
    axisTitles: [...canvas.querySelectorAll('g.role-axis-title text')].map(lines),
    subtitle: [...canvas.querySelectorAll('g.role-title-subtitle text')].flatMap(lines),
    textLines: [...canvas.querySelectorAll('g.role-mark text')].flatMap(lines),
    outside: [...canvas.querySelectorAll('svg text')].filter(t => {
      const r = t.getBoundingClientRect(); return r.width && r.right > frame.right + 1; }).map(t => t.textContent),
    plotWidth: figure.kitChart.result.view.width(),
  };
}
"""


def test_at_phone_width_legend_labels_wrap_whole_and_nothing_runs_off(fitted_page):
    page = fitted_page(360)
    state = page.evaluate(CHART_STATE_JS, 0)
    assert not state["scrolls"] and state["outside"] == [], state
    assert sorted(" ".join(lines).replace("  ", " ") for lines in state["legendLabels"]) == sorted(LONG_LABELS)
    assert any(len(lines) > 1 for lines in state["legendLabels"]), "no long label was wrapped"
    assert not any(line.endswith("…") for lines in state["legendLabels"] for line in lines)
    (axis_title,) = [lines for lines in state["axisTitles"] if lines[0].startswith("Year")]
    assert len(axis_title) > 1
    assert len(state["subtitle"]) > 1
    assert not any(line[0] in NO_LINE_START for line in state["subtitle"][1:])


def test_at_phone_width_a_text_block_wraps_to_its_view_and_keeps_every_word(fitted_page):
    page = fitted_page(360)
    state = page.evaluate(CHART_STATE_JS, 1)
    assert not state["scrolls"] and state["outside"] == [], state
    original = exposure.month_verdict_text(pd.Timestamp("2026-12-01"), BLOCKS).split("\n")
    assert len(state["textLines"]) > len(original)
    for block in BLOCKS:
        assert block.replace(" ", "") in "".join(state["textLines"]).replace(" ", "")
    english = " ".join(line.strip() for line in state["textLines"])
    assert BLOCKS[0] in english


def test_at_full_width_a_legend_that_ran_off_wraps_and_the_plot_keeps_its_width(fitted_page):
    page = fitted_page(700)   # a column wider than the plot, narrower than the plot beside its legend in a row
    state = page.evaluate(CHART_STATE_JS, 0)
    assert not state["scrolls"] and state["outside"] == [], state
    assert state["plotWidth"] == PLOT_WIDTH_PX
