"""Sharing a scenario: a link made from a chart's sliders reopens the page with the chart in that state. The test
picks a chart with a slider on the built site, opens a link that sets the slider elsewhere, and reads the
slider and the chart's own state; then it moves a slider from the keyboard, presses the chart's share button and
checks that the address now carries the new value."""
from __future__ import annotations

import json
import re
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from conftest import toc_files
from widgets.build.pdf import CHROMIUM, CHROMIUM_ARGS
from widgets.build.site_server import start as start_server

pytestmark = pytest.mark.browser


def _first_slider(site):
    """(page, chart number on the page, param) for the first chart that has a range slider."""
    for name in toc_files():
        soup = BeautifulSoup((site / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
        for index, tag in enumerate(soup.select("script.kit-chart-spec"), start=1):
            for param in json.loads(tag.string).get("params", []):
                if isinstance(param.get("bind"), dict) and param["bind"].get("input") == "range":
                    return name, index, param
    pytest.fail("no chart with a slider in the book")


@pytest.fixture(scope="module")
def page(built_site):
    from playwright.sync_api import sync_playwright
    server, url = start_server(built_site)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser.new_page(), url
        browser.close()
    server.shutdown()


def _state(page, index, name):
    figure = page.locator("figure.kit-chart").nth(index - 1)
    figure.locator(f"input[name='{name}']").wait_for()
    return (float(figure.locator(f"input[name='{name}']").first.input_value()),
            page.evaluate(f"document.querySelectorAll('figure.kit-chart')[{index - 1}].kitChart.result.view"
                          f".signal({json.dumps(name)})"))


def test_a_shared_link_opens_the_chart_in_that_state(page, built_site):
    browser_page, url = page
    name, index, param = _first_slider(built_site)
    low, high, step = param["bind"]["min"], param["bind"]["max"], param["bind"].get("step", 1)
    target = low + round((high - low) * 0.73 / step) * step
    if abs(target - param.get("value", low)) < step:
        target = low + round((high - low) * 0.27 / step) * step
    browser_page.goto(f"{url}{name}.html#chart-{index}:{param['name']}={target}")
    browser_page.wait_for_function(f"document.querySelectorAll('figure.kit-chart')[{index - 1}]"
                                   ".classList.contains('kit-chart-drawn')", timeout=30_000)
    slider, signal = _state(browser_page, index, param["name"])
    assert slider == pytest.approx(target) and signal == pytest.approx(target)


def test_the_share_button_writes_the_moved_sliders_into_the_address(page, built_site):
    browser_page, url = page
    name, index, param = _first_slider(built_site)
    browser_page.goto(f"{url}{name}.html")
    figure = browser_page.locator("figure.kit-chart").nth(index - 1)
    figure.scroll_into_view_if_needed()
    browser_page.wait_for_function(f"document.querySelectorAll('figure.kit-chart')[{index - 1}]"
                                   ".classList.contains('kit-chart-drawn')", timeout=30_000)
    slider = figure.locator(f"input[name='{param['name']}']").first
    slider.focus()
    slider.press("ArrowRight")
    slider.press("ArrowRight")
    moved = float(slider.input_value())
    button = figure.locator("button.kit-chart-share")
    button.focus()
    button.press("Enter")
    hash_ = unquote(browser_page.evaluate("window.location.hash"))
    found = re.search(rf"^#chart-{index}:.*\b{re.escape(param['name'])}=([-0-9.e]+)", hash_)
    assert found and float(found.group(1)) == pytest.approx(moved)
    assert figure.locator(".kit-chart-share-status").inner_text().strip()
