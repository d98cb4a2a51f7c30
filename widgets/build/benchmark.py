"""Benchmark (``make bench``): build and interaction timings, written to ``_build/bench.json``.

Measured (wall-clock seconds unless noted; these machines are noisy, so this is a report, not a test):
- cold build: ``_build`` removed, strict build from scratch (execution + Sphinx);
- prose-only rebuild: one sentence of a chapter changed, rebuild with the execution cache;
- execution floor: every chapter run once with nbclient, no Sphinx (per chapter and total), and the
  ratio cold build / execution floor;
- ``import widgets`` with the modules a chapter imports (fresh interpreter, median of 5);
- per explorer: model + chart update latency in Python (median of 15 updates, goal < 100 ms);
- in Chromium: slider input to repaint of its chart (median over every slider of every page, goal < 50 ms);
- per page, in Chromium over a gzip server: the bytes a reader downloads who reads the whole page (every
  chart and formula drawn, which Lighthouse's load alone does not reach), and the number of requests;
- Lighthouse (``widgets/build/lighthouse.py``, mobile, simulated slow 4G) on every page: performance,
  accessibility and best-practices scores, FCP, LCP, TBT, CLS, bytes transferred and requests, under
  ``lighthouse`` (goals: performance >= 0.90, LCP <= 2.5 s, heaviest page <= 600 kB).

``python widgets/build/benchmark.py --only lighthouse`` (``make lighthouse``) measures the built site with Lighthouse
and the whole-page downloads only, and merges them into an existing ``_build/bench.json``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import BUILD_COMMAND, CHAPTERS  # noqa: E402
from widgets.build.site_server import start as start_server  # noqa: E402

SITE = ROOT / "_build" / "html"

RESULTS = ROOT / "_build" / "bench.json"
CHAPTER_IMPORTS = ("import widgets, widgets.pages.book, widgets.core.data, widgets.charts.ore, widgets.charts.magnets, "
                   "widgets.charts.exposure, widgets.charts.architecture, widgets.charts.fleet, "
                   "widgets.explorers.ore, widgets.explorers.magnets, widgets.explorers.exposure, "
                   "widgets.explorers.architecture, widgets.explorers.fleet")


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return time.perf_counter() - started


def cold_build() -> float:
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    return timed(BUILD_COMMAND)


def prose_only_rebuild() -> float:
    chapter = ROOT / "chapters" / "04_supply.md"
    original = chapter.read_text(encoding="utf-8")
    marker = "This chapter tests both claims"
    chapter.write_text(original.replace(marker, marker.replace("tests", "checks"), 1), encoding="utf-8")
    try:
        return timed(BUILD_COMMAND)
    finally:
        chapter.write_text(original, encoding="utf-8")
        timed(BUILD_COMMAND)  # leave the site as the sources say


def execution_floor() -> dict[str, float]:
    import jupytext
    import nbclient
    seconds = {}
    for chapter in CHAPTERS:
        notebook = jupytext.read(chapter)
        started = time.perf_counter()
        nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                resources={"metadata": {"path": str(ROOT / "chapters")}}).execute()
        seconds[chapter.stem] = time.perf_counter() - started
    return seconds


def import_time() -> float:
    runs = [timed([sys.executable, "-c", CHAPTER_IMPORTS]) for _ in range(5)]
    return statistics.median(runs)


def build_explorers() -> dict[str, tuple[object, str]]:
    """Each chapter's live explorer, built as its chapter builds it, with the input the benchmark moves."""
    from widgets.explorers.architecture import architecture_explorer
    from widgets.explorers.exposure import exposure_explorer
    from widgets.explorers.fleet import fleet_explorer
    from widgets.explorers.magnets import magnet_explorer
    from widgets.explorers.ore import ore_explorer
    from widgets.exposure import start as exposure
    from widgets.fleet import start as fleet
    from widgets.magnets import start as magnets
    from widgets.motors import start as architecture
    from widgets.ore import start as ore
    deposit, _ = ore.beylikova_deposit()
    ore_sliders, _ = ore.ore_sliders()
    magnet_sliders, _ = magnets.magnet_sliders()
    weights, _ = architecture.architecture_sliders()
    kg, _ = architecture.rare_earth_kg_per_vehicle()
    return {
        "ore": (ore_explorer(ore.deposits(), deposit, ore_sliders), "opex_usd_per_t_ore"),
        "magnets": (magnet_explorer(magnets.magnets(), magnets.content(), magnets.BASELINE_MAGNET_ID,
                                    magnet_sliders), "baseline_mass_kg"),
        "exposure": (exposure_explorer(exposure.regulations(), exposure.control_list_items(), exposure.items(),
                                       exposure.assessment_date().date()), "on_date"),
        "architecture": (architecture_explorer(architecture.scores(), weights, kg, architecture_id="pmsm-ndfeb"),
                         "weight_cost"),
        "fleet": (fleet_explorer(fleet.kg_per_vehicle(), fleet.fleet_sliders(), fleet.presets()),
                  "annual_vehicles"),
    }


def moved(value: object, step: int) -> object:
    """An input moved by ``step`` small steps: a number by 1 % a step, a date by a month a step."""
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=30 * step)
    return value * (1.0 + 0.01 * step)


def explorer_latency_ms() -> dict[str, float]:
    """Median time of one explorer update after an input changes (15 changes each): the model, the
    chart, and the chart's mime bundle serialised to JSON as the kernel would send it."""
    latencies = {}
    for name, (explorer, input_name) in build_explorers().items():
        start_value = explorer.inputs[input_name].value
        samples = []
        for step in range(15):
            values = {**explorer.values(), input_name: moved(start_value, (step % 5) + 1)}
            started = time.perf_counter()
            _results_html, chart = explorer._update(values)
            json.dumps(chart._repr_mimebundle_()) if chart is not None else None
            samples.append((time.perf_counter() - started) * 1000)
        latencies[name] = statistics.median(samples)
    return latencies


REPAINT_JS = """
async (input) => {
  const figure = input.closest('figure.kit-chart');
  const svg = figure.querySelector('.kit-chart-canvas svg');
  const min = Number(input.min), max = Number(input.max), now = Number(input.value);
  const target = Math.abs(max - now) > Math.abs(now - min) ? max : min;
  return await new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - started));
    });
    observer.observe(svg, {subtree: true, childList: true, attributes: true, characterData: true});
    const started = performance.now();
    input.value = String(target);
    input.dispatchEvent(new Event('input', {bubbles: true}));
    setTimeout(() => { observer.disconnect(); resolve(null); }, 3000);
  });
}
"""


def slider_repaint_ms() -> dict[str, float]:
    """Median slider-input-to-repaint time per page, in headless Chromium over the built site."""
    from playwright.sync_api import sync_playwright
    from test_browser import CHROMIUM, CHROMIUM_ARGS, site_pages, wait_for_charts

    server, base = start_server(SITE)
    per_page = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        for path in (p for p in site_pages() if p != "index.html"):  # index.html only redirects
            page.goto(base + path, wait_until="load")
            sliders = page.locator("figure.kit-chart input[type=range]")
            wait_for_charts(page)  # charts draw as they near the screen: scroll to each
            if sliders.count() == 0:
                continue
            samples = [sliders.nth(i).evaluate(REPAINT_JS) for i in range(sliders.count())]
            samples = [s for s in samples if s is not None]
            if samples:
                per_page[path] = statistics.median(samples)
        browser.close()
    server.shutdown()
    return per_page


READ_WHOLE_PAGE_JS = """
async () => {
  const step = Math.max(200, window.innerHeight / 2);
  for (let y = 0; y <= document.scrollingElement.scrollHeight; y += step) {
    window.scrollTo(0, y);
    await new Promise(resolve => setTimeout(resolve, 60));
  }
}
"""


def site_to_measure(both: Path = ROOT / "_build" / "site", english: Path = SITE) -> tuple[Path, list[str]]:
    """Every page of both editions (``both``, built by ``make book``) when they are built, else of the English
    one; not an edition's ``index.html``, which only redirects to the first page (measured itself)."""
    from test_browser import site_pages
    pages = [page for page in site_pages() if page != "index.html"]
    if (both / "en" / "index.html").exists() and (both / "ja" / "index.html").exists():
        return both, [f"{code}/{page}" for code in ("en", "ja") for page in pages]
    return english, pages


def whole_page_downloads(root: Path | None = None, paths: list[str] | None = None) -> dict[str, dict[str, int]]:
    """Per page, at a phone's size: bytes on the wire and requests once a reader has scrolled through
    the whole page (so every lazily loaded chart runtime, MathJax and font has arrived). Default: the
    pages of :func:`site_to_measure`."""
    from playwright.sync_api import sync_playwright
    from test_browser import CHROMIUM, CHROMIUM_ARGS, PHONE, wait_for_charts

    if root is None:
        root, paths = site_to_measure()
    server, base = start_server(root)
    per_page = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        for path in paths:
            context = browser.new_context(viewport=PHONE)
            page = context.new_page()
            requests = []
            page.on("requestfinished", lambda request: requests.append(request))
            page.goto(base + path, wait_until="load")
            page.evaluate(READ_WHOLE_PAGE_JS)
            wait_for_charts(page)
            page.wait_for_load_state("networkidle")
            sizes = [request.sizes() for request in requests]
            per_page[path] = {"bytes": sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes),
                              "requests": len(sizes)}
            context.close()
        browser.close()
    server.shutdown()
    return per_page


def lighthouse_report(runs: int = 1) -> dict:
    """Lighthouse on every page of the site to measure (both editions when both are built); with ``runs`` > 1,
    each page's median run (a single run's blocking time can jump on a busy machine)."""
    from widgets.build.lighthouse import measure_site
    return measure_site(*site_to_measure(), runs=runs)


def main() -> None:
    parser = argparse.ArgumentParser(description="the kit's benchmark (a report, not a test)")
    parser.add_argument("--only", choices=["lighthouse"], help="measure only Lighthouse and whole-page downloads "
                        "of the built site, merged into an existing _build/bench.json")
    parser.add_argument("--lighthouse-runs", type=int, default=1, metavar="N",
                        help="Lighthouse runs per page; the median is kept (default 1)")
    args = parser.parse_args()
    if args.lighthouse_runs < 1:
        parser.error(f"--lighthouse-runs must be 1 or more; got {args.lighthouse_runs}")
    if args.only == "lighthouse":
        report = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
        report["whole_page_downloads"] = whole_page_downloads()
        report["lighthouse"] = lighthouse_report(args.lighthouse_runs)
        write(report)
        return
    report: dict[str, object] = {"machine_note": "2 cores; wall-clock; noisy — compare runs, do not assert"}
    report["cold_build_s"] = cold_build()
    report["prose_only_rebuild_s"] = prose_only_rebuild()
    floor = execution_floor()
    report["execution_floor_per_chapter_s"] = floor
    report["execution_floor_total_s"] = sum(floor.values())
    report["cold_build_over_execution_floor"] = report["cold_build_s"] / report["execution_floor_total_s"]
    report["import_widgets_s_median"] = import_time()
    report["explorer_update_ms_median"] = explorer_latency_ms()
    report["slider_to_repaint_ms_median_by_page"] = slider_repaint_ms()
    repaint = list(report["slider_to_repaint_ms_median_by_page"].values())
    report["slider_to_repaint_ms_median_overall"] = statistics.median(repaint) if repaint else None
    report["whole_page_downloads"] = whole_page_downloads()
    report["lighthouse"] = lighthouse_report(args.lighthouse_runs)
    report["goals"] = {"explorer_update_ms": 100, "import_widgets_s": 1.5, "slider_to_repaint_ms": 50,
                       "chapter_execution_s": 10, "lighthouse_performance": 0.90, "lighthouse_lcp_ms": 2500,
                       "heaviest_page_bytes": 600_000}
    write(report)


def write(report: dict) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({key: value for key, value in report.items() if key != "lighthouse"}, indent=2))
    if "lighthouse" in report:
        from widgets.build.lighthouse import table
        print(table(report["lighthouse"]))
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
