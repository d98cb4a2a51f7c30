"""The built site in real Chromium (Debian's package, driven by Playwright), served with gzip as a real
host serves it, page by page:

- zero requests leave the site, zero console or page errors, every chart drawn (charts draw as they
  near the screen, so each is scrolled to), every slider and drop-down changes its chart (from the
  starting state, or — for a slider whose effect depends on another, such as a price whose share starts
  at zero — once the chart's other sliders have moved);
- keyboard: each chart's first slider and drop-down are reached with Tab, moved with the arrow keys
  (the chart changes) and show a visible focus outline;
- at a phone's 360 px the page never scrolls sideways, slider panels stay inside the screen, and a chart
  wider than the column scrolls inside it and can be focused;
- axe-core (the newest release, full WCAG 2.0/2.1 A and AA rule set) finds no serious or critical
  violation in light mode at full width and in dark mode at 360 px."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import toc_files
from widgets.build.site_server import start as start_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
AXE_JS = Path(__file__).with_name("assets") / "axe.min.js"
CHART_TIMEOUT_MS = 20_000
PHONE = {"width": 360, "height": 740}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
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


#: The edition this module visits; ``test_browser_ja.py`` runs the same tests on the Japanese one (a module each,
#: so that test workers can take the two editions side by side).
EDITION = "en"


@pytest.fixture(scope="module")
def site_url(request):
    """The module's edition, served with gzip as a real host serves it."""
    edition = getattr(request.module, "EDITION", "en")
    site = request.getfixturevalue("built_site" if edition == "en" else "built_site_ja")
    server, url = start_server(site)
    yield url
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

    def __init__(self, browser, site_url: str, page_path: str, viewport: dict | None = None, mode: str = "light"):
        self.site_host = urlparse(site_url).netloc
        self.external_requests: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.broken_responses: list[str] = []
        self.context = browser.new_context(viewport=viewport or {"width": 1280, "height": 720})
        # the theme's colour-mode switch keeps the reader's choice here and sets data-theme on <html>
        self.context.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page.on("response", lambda response: response.status >= 400
                     and self.broken_responses.append(f"{response.status} {response.url} (from {response.request.headers.get('referer')})"))
        self.page.goto(site_url + page_path, wait_until="load")
        if page_path == "index.html":  # it only redirects (meta refresh) to the start page: test that page
            self.page.wait_for_url(f"**/{toc_files()[0]}.html", wait_until="load")

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
    """Scroll to each chart (charts draw as they near the screen) and wait until it is drawn; fail on a
    chart that could not be drawn. Return the number of charts."""
    figures = page.locator("figure.kit-chart")
    for index in range(figures.count()):
        figure = figures.nth(index)
        figure.scroll_into_view_if_needed()
        page.wait_for_function(
            "(fig) => fig.classList.contains('kit-chart-drawn') || fig.classList.contains('kit-chart-failed')",
            arg=figure.element_handle(), timeout=CHART_TIMEOUT_MS)
        assert figure.evaluate("fig => fig.classList.contains('kit-chart-drawn')"), f"chart {index + 1} failed to draw"
        assert figure.locator(".kit-chart-canvas svg").count() == 1
    page.evaluate("window.scrollTo(0, 0)")
    return figures.count()


def axe_violations(page) -> list[str]:
    """Serious and critical violations of axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}, "
        "resultTypes: ['violations'], preload: false})).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: ' "
        "+ v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') + ')')", AXE_TAGS)


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


SET_VALUE_JS = """
(input, value) => {
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new Event('change', {bubbles: true}));
}
"""


def tab_to(page, figure, control) -> bool:
    """Focus the figure (as a reader's Tab would arrive at it), then Tab until ``control`` has focus."""
    figure.evaluate("fig => { fig.setAttribute('tabindex', '-1'); fig.focus(); fig.removeAttribute('tabindex'); }")
    for _ in range(30):
        page.keyboard.press("Tab")
        if control.evaluate("el => el === document.activeElement"):
            return True
    return False


def focus_outline_visible(control) -> bool:
    style = control.evaluate("el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth]; }")
    return style[0] != "none" and float(style[1].rstrip("px") or 0) >= 2


def keyboard_check(page, figure, index: int) -> list[str]:
    """Each chart's sliders and drop-downs are reached with Tab and show a focus outline; an arrow key
    on the first slider (or, when its effect depends on others, the next) and on the first drop-down
    changes the chart. Every control is put back afterwards."""
    failures = []
    for kind, selector in (("slider", "input[type=range]"), ("drop-down", "select")):
        controls = figure.locator(selector)
        moved = controls.count() == 0
        for position in range(controls.count()):
            control = controls.nth(position)
            if not tab_to(page, figure, control):
                failures.append(f"chart {index + 1}: {kind} {position + 1} not reached with Tab")
                break
            if not focus_outline_visible(control):
                failures.append(f"chart {index + 1}: {kind} {position + 1} shows no focus outline")
            start = control.evaluate("el => el.value")
            at_end = control.evaluate("el => el.tagName === 'SELECT' ? el.selectedIndex === el.options.length - 1"
                                      " : Number(el.value) >= Number(el.max)")
            key = ("ArrowUp" if at_end else "ArrowDown") if kind == "drop-down" else ("ArrowLeft" if at_end else "ArrowRight")
            before = figure.locator(".kit-chart-canvas svg").first.inner_html()
            for _ in range(3):  # a small step may leave the drawing unchanged; a few steps move it
                page.keyboard.press(key)
                if chart_redraws(page, figure, before):
                    moved = True
                    break
            control.evaluate(SET_VALUE_JS, start)
            if moved:
                break
        if not moved:
            failures.append(f"chart {index + 1}: arrow keys on its {kind}s did not change the chart")
    return failures


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

    keyboard_failures = [failure for index in range(figures.count())
                         for failure in keyboard_check(page, figures.nth(index), index)]
    violations = axe_violations(page)

    assert_clean(visit)
    assert sliders_unchanged == [], f"{charts} charts; inputs that did not change their chart"
    assert keyboard_failures == []
    assert violations == []


def assert_clean(visit: PageVisit) -> None:
    assert visit.external_requests == [], f"{len(visit.external_requests)} requests left the site"
    assert visit.broken_responses == []
    assert visit.console_errors == []
    assert visit.page_errors == []


PHONE_LAYOUT_JS = """
() => {
  const width = window.innerWidth;
  const problems = [];
  if (document.scrollingElement.scrollWidth > width) {
    problems.push('page scrolls sideways: ' + document.scrollingElement.scrollWidth + ' px > ' + width + ' px');
  }
  document.querySelectorAll('figure.kit-chart').forEach((figure, i) => {
    const canvas = figure.querySelector('.kit-chart-canvas');
    const box = figure.getBoundingClientRect();
    if (box.left < 0 || box.right > width) { problems.push('chart ' + (i + 1) + ' sticks out of the screen'); }
    if (canvas.scrollWidth > canvas.clientWidth + 1 && canvas.getAttribute('tabindex') !== '0') {
      problems.push('chart ' + (i + 1) + ' scrolls inside the column but cannot be focused');
    }
    const frame = canvas.getBoundingClientRect();
    figure.querySelectorAll('g.role-legend').forEach((legend) => {
      const r = legend.getBoundingClientRect();
      if (r.width && r.right > frame.right + 1) { problems.push('chart ' + (i + 1) + ' legend runs out of its frame'); }
    });
    figure.querySelectorAll('g.role-title-text text, g.role-title-subtitle text').forEach((text) => {
      const r = text.getBoundingClientRect();
      if (r.width && (r.left < frame.left - 1 || r.right > frame.right + 1)) {
        problems.push('chart ' + (i + 1) + ' title runs out of its frame: ' + text.textContent.slice(0, 30));
      }
    });
    figure.querySelectorAll('.kit-chart-controls .vega-bind').forEach((bind, j) => {
      const r = bind.getBoundingClientRect();
      if (r.left < 0 || r.right > width) { problems.push('chart ' + (i + 1) + ' control ' + (j + 1) + ' is cut off'); }
    });
    const bindings = [...figure.querySelectorAll('.kit-chart-controls .vega-bind')];
    if (bindings.length > 1 && new Set(bindings.map(b => Math.round(b.getBoundingClientRect().left))).size > 1) {
      problems.push('chart ' + (i + 1) + ' controls do not stack');
    }
  });
  return problems;
}
"""


@pytest.mark.browser
@pytest.mark.parametrize("page_path", site_pages())
def test_page_fits_a_phone_and_is_accessible_there_in_dark_mode(browser, site_url, page_path):
    """At 360 px, in the theme's dark mode (data-theme="dark" on <html>), charts drawn: no sideways scrolling,
    charts fit or scroll inside (focusable), titles and subtitles (the chart's and its panels') wrap inside the
    chart's frame and legends stay inside it, controls stacked and on screen, and no serious or critical axe
    violation. (Light mode is checked at full width by the test above: each page is loaded twice, not four
    times; layout does not depend on the colour mode, nor contrast on the width.)"""
    visit = PageVisit(browser, site_url, page_path, viewport=PHONE, mode="dark")
    try:
        wait_for_charts(visit.page)
        assert visit.page.evaluate("document.documentElement.dataset.theme") == "dark"
        problems = visit.page.evaluate(PHONE_LAYOUT_JS)
        violations = axe_violations(visit.page)
        assert_clean(visit)
    finally:
        visit.close()
    assert problems == []
    assert violations == []
