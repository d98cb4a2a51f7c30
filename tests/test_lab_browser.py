"""The chapters in the real JupyterLab, as a seminar participant meets them (Debian's Chromium, Playwright).

JupyterLab is started as ``make lab`` starts it (venv settings from ``widgets/build/lab_settings.py``, 127.0.0.1,
allow_root, a token) with its user settings and workspaces in a temporary folder, and an autosave
interval of a few seconds. For each chapter: open the ``.md`` as a notebook, Run All, and check

- no error output; no raw MyST in rendered Markdown (``{glue``, ``:::{``, ``{cite``, ``{ref`` ...),
  no citation or cross-reference that jupyterlab-myst reports as not found, no ``{glue`` role
  (Lab cannot resolve glue: chapters use ``{eval}``, see chapters/STYLE.md);
- every chart drawn (by the kit-vega6 renderer: the Vega-Lite version the spec was written for);
- one slider of each chart moved from the keyboard changes the chart and leaves the notebook's
  active cell where it was (the arrow keys reach the slider, not Lab's shortcuts); one control of
  each live explorer (ipywidgets) changes the explorer's output;
- no request leaves 127.0.0.1 (browser side; the server's news feed and update check are off);
- ``git status`` shows the chapters unchanged after an autosave (the first chapter) or a save (Ctrl+S, the others).

Chapter 05's ranking chart is also re-weighted and its bar order compared with the Python model.
``KIT_LAB_CHAPTERS=chapters/04_supply.md,chapters/05_motors.md`` limits the run; ``KIT_LAB_ROOT`` serves
another checkout of the kit (e.g. one with chapters converted to ``{eval}``).
"""
from __future__ import annotations

import json
import os
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import toc_files
from lab_driver import CHROMIUM, LabPage, LabServer, ROOT, git_status, launch_browser

pytestmark = [pytest.mark.slow, pytest.mark.browser]

AUTOSAVE_SECONDS = 3
CHAPTERS = [c for c in os.environ.get("KIT_LAB_CHAPTERS", "").split(",") if c] or [f"{n}.md" for n in toc_files()]


@pytest.fixture(scope="module")
def lab():
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing at /usr/bin/chromium (make browser installs it)")
    import subprocess
    import sys
    subprocess.run([sys.executable, "-m", "widgets.build.lab_settings", sys.prefix], check=True,
                   capture_output=True)
    before = (git_status(["chapters"]), {c: ((ROOT / c).read_bytes(), (ROOT / c).stat().st_mtime_ns) for c in CHAPTERS})
    with tempfile.TemporaryDirectory() as home:
        os.environ["JUPYTERLAB_SETTINGS_DIR"] = str(Path(home) / "settings")
        os.environ["JUPYTERLAB_WORKSPACES_DIR"] = str(Path(home) / "workspaces")
        try:
            with LabServer(ROOT, log=Path(home) / "lab.log") as server:
                put_setting(server, "@jupyterlab/docmanager-extension:plugin", {"autosaveInterval": AUTOSAVE_SECONDS})
                from playwright.sync_api import sync_playwright
                with sync_playwright() as playwright:
                    browser = launch_browser(playwright)
                    yield server, browser, before
                    browser.close()
        finally:
            os.environ.pop("JUPYTERLAB_SETTINGS_DIR", None)
            os.environ.pop("JUPYTERLAB_WORKSPACES_DIR", None)


def put_setting(server: LabServer, plugin: str, values: dict) -> None:
    """User settings (in the test's own settings folder) through Lab's settings API."""
    request = urllib.request.Request(f"{server.url}/lab/api/settings/{plugin}", method="PUT",
                                     data=json.dumps({"raw": json.dumps(values)}).encode(),
                                     headers={"Authorization": f"token {server.token}",
                                              "Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=30).read()


RUNS: dict[str, dict] = {}


def chapter_run(lab, chapter: str) -> dict:
    """Open, Run All, inspect and exercise one chapter (once per test session)."""
    if chapter in RUNS:
        return RUNS[chapter]
    server, browser, _ = lab
    page = LabPage(browser, server)
    try:
        page.open(chapter)
        seconds = page.run_all()
        page.page.wait_for_timeout(1500)
        result = page.inspect(chapter)
        result.run_seconds = seconds
        run = {"result": result, "sliders": page.move_chart_sliders(), "explorers": page.move_explorer_controls()}
        if chapter.endswith("05_motors.md"):
            run["ranking"] = page.ranking_orders()
        if not RUNS:   # the first chapter waits for an autosave; the others are saved at once (the same save path)
            page.page.wait_for_timeout((AUTOSAVE_SECONDS + 2) * 1000)
        else:
            page.page.keyboard.press("Control+s")
            page.page.wait_for_timeout(1000)
        run["outside"] = list(page.outside)
    finally:
        page.close()
        server.shutdown_kernels()
    RUNS[chapter] = run
    print(f"{chapter}: Run All {result.run_seconds:.1f} s, {result.charts} charts")
    times = ROOT / "_build" / "lab-run-all.json"   # a record for the benchmark and the instructors, not a test
    times.parent.mkdir(exist_ok=True)
    times.write_text(json.dumps({c: round(r["result"].run_seconds, 1) for c, r in RUNS.items()}, indent=1))
    return run


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_run_all_gives_no_error_output(lab, chapter):
    assert chapter_run(lab, chapter)["result"].errors == []


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_markdown_is_rendered_with_nothing_unresolved(lab, chapter):
    result = chapter_run(lab, chapter)["result"]
    assert result.raw_myst == []
    assert result.unresolved == []
    assert result.glue_roles == 0, "{glue} does not resolve in JupyterLab: write {eval} (chapters/STYLE.md)"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chart_is_drawn_with_vega_lite_6(lab, chapter):
    result = chapter_run(lab, chapter)["result"]
    assert result.charts_drawn == result.charts
    assert result.charts_v5 == 0, "a chart went to Lab's own Vega-Lite 5 renderer"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chart_sliders_move_from_the_keyboard(lab, chapter):
    for slider in chapter_run(lab, chapter)["sliders"]:
        assert slider["value_changed"], slider
        assert slider["chart_changed"], slider
        assert slider["active_cell_kept"], slider


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_live_explorer_answers_a_control(lab, chapter):
    for explorer in chapter_run(lab, chapter)["explorers"]:
        assert explorer["output_changed"], explorer


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_request_leaves_the_machine(lab, chapter):
    assert chapter_run(lab, chapter)["outside"] == []


def test_ranking_chart_order_follows_the_weights(lab):
    chapter = "chapters/05_motors.md"
    if chapter not in CHAPTERS:
        pytest.skip("chapter 05 not in KIT_LAB_CHAPTERS")
    from widgets.charts.architecture import display_name
    from widgets.motors.model import criterion_weights
    from widgets.motors.model import rank_architectures
    from widgets.motors import start as scenarios
    scores = scenarios.scores()
    states = chapter_run(lab, chapter)["ranking"]
    assert len({tuple(state["bar_order"]) for state in states}) > 1, "re-weighting never changed the order"
    for state in states:
        expected = rank_architectures(scores, criterion_weights(**state["params"]))
        score = {display_name("name", a): s for a, s in zip(expected["architecture"], expected["weighted_score_1_to_5"])}
        assert sorted(state["bar_order"]) == sorted(score), state
        shown = [score[name] for name in state["bar_order"]]
        assert all(a >= b - 1e-9 for a, b in zip(shown, shown[1:])), (state, shown)


def test_server_fetches_no_news_and_checks_no_update(lab):
    server, _, _ = lab
    assert server.api("/lab/api/news").get("news") == []
    assert not server.api("/lab/api/update").get("notification")


def test_checkout_stays_clean_after_run_and_autosave(lab):
    _, _, (status, files) = lab
    for chapter in CHAPTERS:
        chapter_run(lab, chapter)
    time.sleep(1)
    saved = [c for c in CHAPTERS if (ROOT / c).stat().st_mtime_ns != files[c][1]]
    assert saved, "no chapter was autosaved: the check proves nothing"
    assert [c for c in CHAPTERS if (ROOT / c).read_bytes() != files[c][0]] == []
    assert git_status(["chapters"]) == status
