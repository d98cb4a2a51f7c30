"""The built site in real Chromium (Debian's package, driven by Playwright), page by page:
zero requests leave the site, zero console or page errors, every chart drawn, every slider and
drop-down changes its chart (from the starting state, or — for a slider whose effect depends on another,
such as a price whose share starts at zero — once the chart's other sliders have moved), and axe-core finds no serious or critical accessibility violation."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import toc_files

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
AXE_JS = Path(__file__).with_name("assets") / "axe.min.js"
CHART_TIMEOUT_MS = 20_000
SKIPPED_FOLDERS = {"_static", "_sources", "_images", "_sphinx_design_static"}


SPECIAL_PAGES = ["index.html", "genindex.html", "search.html"]


def site_pages() -> list[str]:
    """Every page the book has: the TOC's pages plus Sphinx's own (known before the build runs;
    ``test_every_built_page_is_visited`` checks that the built site has no others)."""
    return [f"{name}.html" for name in toc_files()] + SPECIAL_PAGES


def test_every_built_page_is_visited(built_site):
    built = {str(path.relative_to(built_site)) for path in built_site.rglob("*.html")
             if not SKIPPED_FOLDERS & set(path.relative_to(built_site).parts[:-1])}
    assert built == set(site_pages())


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="module", params=["en", "ja"])
def site_url(request):
    """Each edition's site in turn: the English book and the Japanese edition."""
    site = request.getfixturevalue("built_site" if request.param == "en" else "built_site_ja")
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing at /usr/bin/chromium; install it with: "
                    "sudo apt-get update && sudo apt-get install -y chromium  (make test does this as root)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class PageVisit:
    """One page load with every outside request blocked and counted, and errors collected."""

    def __init__(self, browser, site_url: str, page_path: str):
        self.site_host = urlparse(site_url).netloc
        self.external_requests: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.broken_responses: list[str] = []
        self.context = browser.new_context()
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page.on("response", lambda response: response.status >= 400
                     and self.broken_responses.append(f"{response.status} {response.url} (from {response.request.headers.get('referer')})"))
        self.page.goto(site_url + page_path, wait_until="load")

    def _route(self, route):
        url = urlparse(route.request.url)
        if url.scheme in ("data", "blob") or url.netloc == self.site_host:
            route.continue_()
        else:
            self.external_requests.append(route.request.url)
            route.abort()

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, site_url, request):
    page_visit = PageVisit(browser, site_url, request.param)
    yield page_visit
    page_visit.close()


def wait_for_charts(page) -> int:
    """Wait until every chart container holds an svg or canvas; return the number of charts."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.kit-chart-canvas')]"
        ".every(el => el.querySelector('svg, canvas'))", timeout=CHART_TIMEOUT_MS)
    return page.locator(".kit-chart-canvas").count()


MOVE_SLIDER_JS = """
(input) => {
  const min = Number(input.min), max = Number(input.max), now = Number(input.value);
  const target = Math.abs(max - now) > Math.abs(now - min) ? max : min;
  input.dataset.kitStart = input.value;
  input.value = String(target);
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new Event('change', {bubbles: true}));
  return target;
}
"""
RESTORE_SLIDER_JS = """
(input) => {
  input.value = input.dataset.kitStart;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new Event('change', {bubbles: true}));
}
"""


def chart_redraws(page, figure, before: str) -> bool:
    """True if the figure's chart svg differs from ``before`` within 5 s."""
    try:
        page.wait_for_function(
            "([fig, before]) => fig.querySelector('.kit-chart-canvas svg').innerHTML !== before",
            arg=[figure.element_handle(), before], timeout=5_000)
        return True
    except Exception:
        return False


@pytest.mark.browser
@pytest.mark.parametrize("visit", site_pages(), indirect=True)
def test_page_is_offline_clean_and_interactive(visit):
    page = visit.page
    charts = wait_for_charts(page)
    page.wait_for_timeout(300)

    sliders_unchanged = []
    figures = page.locator("figure.kit-chart")
    for figure_index in range(figures.count()):
        figure = figures.nth(figure_index)
        sliders = figure.locator("input[type=range]")
        for slider_index in range(sliders.count()):
            slider = sliders.nth(slider_index)
            before = figure.locator(".kit-chart-canvas svg").first.inner_html()
            slider.evaluate(MOVE_SLIDER_JS)
            moved = chart_redraws(page, figure, before)
            slider.evaluate(RESTORE_SLIDER_JS)  # each slider is tested from the chart's starting state
            page.wait_for_timeout(50)
            if not moved:  # its effect may depend on another slider (a price whose share starts at zero):
                others = [sliders.nth(i) for i in range(sliders.count()) if i != slider_index]
                for other in others:
                    other.evaluate(MOVE_SLIDER_JS)
                page.wait_for_timeout(100)
                before = figure.locator(".kit-chart-canvas svg").first.inner_html()
                slider.evaluate(MOVE_SLIDER_JS)
                moved = chart_redraws(page, figure, before)
                for other in [slider, *others]:
                    other.evaluate(RESTORE_SLIDER_JS)
                page.wait_for_timeout(50)
            if not moved:
                name = slider.evaluate("el => el.closest('label')?.innerText || el.name")
                sliders_unchanged.append(f"chart {figure_index + 1}, slider {name!r}")

        for select_index in range(figure.locator("select").count()):
            select = figure.locator("select").nth(select_index)
            before = figure.locator(".kit-chart-canvas svg").first.inner_html()
            start = select.evaluate("el => el.value")
            options = select.evaluate("el => [...el.options].map(o => o.value)")
            select.select_option(next(value for value in options if value != start))
            if not chart_redraws(page, figure, before):
                sliders_unchanged.append(f"chart {figure_index + 1}, drop-down {select_index + 1}")
            select.select_option(start)

    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations'], preload: false})).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: ' "
        "+ v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') + ')')")

    assert visit.external_requests == [], f"{len(visit.external_requests)} requests left the site"
    assert visit.broken_responses == []
    assert visit.console_errors == []
    assert visit.page_errors == []
    assert sliders_unchanged == [], f"{charts} charts; inputs that did not change their chart"
    assert violations == []
