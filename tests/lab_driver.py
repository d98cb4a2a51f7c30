"""Drive a real JupyterLab (started as ``make lab`` starts it) with Debian's Chromium through Playwright.

Used by ``tests/test_lab_browser.py`` and by hand (``python tests/lab_driver.py chapters/04_supply.md``
prints what a participant would meet on that chapter). Nothing here changes the chapter files: the
seminar-room settings (``widgets/build/lab_settings.py``) keep opening, running and autosaving a chapter from
rewriting it, and the test checks that with ``git status``.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

# The folder Lab serves: this checkout, or KIT_LAB_ROOT (a git checkout of the kit, e.g. with converted chapters).
ROOT = Path(os.environ.get("KIT_LAB_ROOT") or Path(__file__).resolve().parents[1])
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
# Strings that only appear when MyST was shown as raw text instead of being rendered.
RAW_MYST = ("{glue", ":::{", "{cite", "{ref", "{numref", "{eq}", "{eval", "{download", "```{")
LOCAL_HOSTS = {"127.0.0.1"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def lab_command(port: int, token: str, root: Path, extra: list[str] | None = None) -> list[str]:
    """The Makefile's ``lab`` command line, with a fixed port and token and no browser of its own."""
    jupyter = str(Path(sys.executable).with_name("jupyter"))
    return [jupyter, "lab", "--no-browser", "--ServerApp.allow_root=True", "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
            *(extra or [])]


class LabServer:
    """A JupyterLab server on 127.0.0.1 with a random token; a context manager."""

    def __init__(self, root: Path = ROOT, extra: list[str] | None = None, log: Path | None = None):
        self.root, self.port, self.token = root, free_port(), secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.extra = extra
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "LabServer":
        out = open(self.log, "w") if self.log else subprocess.DEVNULL
        self.process = subprocess.Popen(lab_command(self.port, self.token, self.root, self.extra), cwd=self.root,
                                        stdout=out, stderr=subprocess.STDOUT)
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/api/status?token={self.token}", timeout=2)
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"JupyterLab exited with {self.process.returncode}")
                time.sleep(0.5)
        self.process.kill()
        raise RuntimeError("JupyterLab did not start within 90 s")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def api(self, path: str, method: str = "GET") -> object:
        request = urllib.request.Request(f"{self.url}{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        for session in self.api("/api/sessions"):
            self.api(f"/api/sessions/{session['id']}", method="DELETE")


@dataclass
class ChapterRun:
    """What one chapter showed in Lab after Run All."""

    chapter: str
    run_seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    raw_myst: list[str] = field(default_factory=list)
    charts: int = 0
    charts_drawn: int = 0
    charts_v5: int = 0
    unresolved: list[str] = field(default_factory=list)
    glue_roles: int = 0
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    markdown_text: list[str] = field(default_factory=list)


class LabPage:
    """One browser context on the Lab server: every request outside 127.0.0.1 is blocked and recorded."""

    def __init__(self, browser, server: LabServer, viewport=(1400, 1000)):
        self.server = server
        self.outside: list[str] = []
        self.console_errors: list[str] = []
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))

    def _route(self, route) -> None:
        url = route.request.url
        host = urlparse(url).hostname
        if url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def close(self) -> None:
        self.context.close()

    def open(self, path: str, timeout_ms: int = 90_000) -> None:
        """Open ``path`` (relative to the server root) with its default viewer, in a fresh workspace."""
        self.page.goto(f"{self.server.url}/lab/tree/{path}?reset&token={self.server.token}")
        self.page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=timeout_ms)
        deadline = time.time() + timeout_ms / 1000
        while not any(s["path"].endswith(path) and s["kernel"]["execution_state"] == "idle"
                      for s in self.server.api("/api/sessions")):
            if time.time() > deadline:
                raise TimeoutError(f"no idle kernel for {path}")
            self.page.wait_for_timeout(500)  # not time.sleep: the request router runs in this thread
        self.page.wait_for_function(
            """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar-kernelStatus')]
                      .some(e => /idle/i.test(e.getAttribute('title') || '') || /Idle/.test(e.getAttribute('data-status') || ''))
                   || !!document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator[data-status="idle"]')""",
            timeout=timeout_ms)
        self.wait_idle(timeout_ms)

    def wait_idle(self, timeout_ms: int = 180_000) -> None:
        """Until the kernel is idle and no cell is queued or running."""
        self.page.wait_for_function(
            """() => {
                const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
                if (!panel) return false;
                const status = panel.querySelector('.jp-Notebook-ExecutionIndicator');
                const busy = [...panel.querySelectorAll('.jp-InputArea-prompt')].some(p => p.textContent.includes('*'));
                return status && status.getAttribute('data-status') === 'idle' && !busy;
            }""", timeout=timeout_ms, polling=250)

    def menu(self, menu: str, item: str) -> None:
        """Pick ``item`` from the menu bar's ``menu``, as a participant would."""
        self.page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{menu}$")).first.click()
        self.page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{item}$")).first.click()

    def run_all(self, timeout_ms: int = 300_000) -> float:
        self.page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
        started = time.perf_counter()
        self.menu("Run", "Run All Cells")
        self.page.wait_for_timeout(500)
        self.wait_idle(timeout_ms)
        return time.perf_counter() - started

    def inspect(self, chapter: str) -> ChapterRun:
        result = ChapterRun(chapter)
        state = self.page.evaluate(
            """() => {
                const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
                const mdCells = [...panel.querySelectorAll('.jp-MarkdownCell')];
                // Markdown cells, and Markdown a code cell displays (source checks, tables, notes)
                const mdOutputs = [...panel.querySelectorAll('.jp-OutputArea-output[data-mime-type="text/markdown"]')];
                const md = mdCells.map(c => (c.querySelector('.jp-MarkdownOutput, .myst') || c).innerText)
                    .concat(mdOutputs.map(o => o.innerText));
                const unresolved = [...panel.querySelectorAll('.jp-MarkdownCell [title$="Not Found"], '
                    + '.jp-OutputArea-output[data-mime-type="text/markdown"] [title$="Not Found"]')]
                    .map(e => e.getAttribute('title') + ': ' + e.textContent);
                const glue = mdCells.map(c => (c.querySelector('.cm-content') || {textContent: ''}).textContent)
                    .join(' ').split('{glue').length - 1;
                const v5 = panel.querySelectorAll('.jp-RenderedVegaCommon5').length;
                // error outputs, and {eval} expressions that raised (jupyterlab-myst shows them inline)
                const errors = [...panel.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], '
                    + '.jp-MarkdownCell [data-mime-type="application/vnd.jupyter.stderr"]')].map(e => e.innerText.slice(0, 400));
                const charts = [...panel.querySelectorAll('.kit-vega6, .jp-RenderedVegaCommon5')];
                const drawn = charts.filter(c => c.querySelector('svg .mark-rect, svg .mark-symbol, svg .mark-line, svg .mark-area, svg .mark-text, canvas'));
                return {md, errors, charts: charts.length, drawn: drawn.length, unresolved, glue, v5};
            }""")
        result.markdown_text = state["md"]
        result.errors = state["errors"]
        result.charts, result.charts_drawn = state["charts"], state["drawn"]
        result.unresolved, result.glue_roles, result.charts_v5 = state["unresolved"], state["glue"], state["v5"]
        for text in state["md"]:
            for needle in RAW_MYST:
                if needle in text:
                    result.raw_myst.append(f"{needle!r} in: {text[:120]!r}")
        result.outside_requests = list(self.outside)
        result.console_errors = list(self.console_errors)
        return result


    # --- controls -------------------------------------------------------------------------------------

    def _active_cell(self) -> int:
        return self.page.evaluate("""() => [...document.querySelectorAll(
            '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell')].findIndex(c => c.classList.contains('jp-mod-active'))""")

    def _chart_svg(self, chart) -> str:
        return chart.evaluate("c => (c.querySelector('svg') || {innerHTML: ''}).innerHTML")

    def press_on(self, control, key: str, times: int = 1) -> None:
        """Focus ``control`` (as Tab would: no click that moves a slider) and press ``key``."""
        control.evaluate("c => c.focus()")
        for _ in range(times):
            self.page.keyboard.press(key)

    def move_chart_sliders(self) -> list[dict]:
        """For each chart with a slider: ArrowUp/Down on its first slider; did the value and the chart
        change, and did the notebook keep its active cell (Lab's own arrow-key shortcuts left alone)?"""
        moves = []
        charts = self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .kit-vega6")
        for index in range(charts.count()):
            chart = charts.nth(index)
            sliders = chart.locator("input[type=range]")
            if not sliders.count():
                continue
            slider = sliders.first
            slider.scroll_into_view_if_needed()
            slider.evaluate("c => c.focus()")
            self.page.wait_for_timeout(200)
            before = {"value": slider.input_value(), "svg": self._chart_svg(chart), "cell": self._active_cell()}
            at_max = slider.evaluate("c => Number(c.value) >= Number(c.max)")
            self.press_on(slider, "ArrowDown" if at_max else "ArrowUp", 3)
            self.page.wait_for_timeout(600)
            moves.append({"chart": index, "name": slider.get_attribute("name"),
                          "value_changed": slider.input_value() != before["value"],
                          "chart_changed": self._chart_svg(chart) != before["svg"],
                          "active_cell_kept": self._active_cell() == before["cell"]})
        return moves

    def move_explorer_controls(self) -> list[dict]:
        """For each live explorer (an ipywidgets box in an output): change its first control and wait for
        its output (results, message, chart) to change."""
        moves = []
        explorers = self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output > .widget-vbox, "
                                      ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output > .jupyter-widgets.widget-box")
        for index in range(explorers.count()):
            explorer = explorers.nth(index)
            explorer.scroll_into_view_if_needed()
            before = explorer.evaluate("e => e.innerText + (e.querySelector('svg') || {innerHTML: ''}).innerHTML")
            kind = "none"
            if explorer.locator(".noUi-handle").count():
                kind = "slider"
                self.press_on(explorer.locator(".noUi-handle").first, "ArrowRight", 3)
            elif explorer.locator("input[type=number]").count():
                kind = "number"
                box = explorer.locator("input[type=number]").first
                box.fill(str(float(box.input_value() or 0) * 1.5 + 1))
                box.press("Enter")
            elif explorer.locator("select").count():
                kind = "select"
                select = explorer.locator("select").first
                select.select_option(index=select.evaluate("s => s.options.length - 1"))
            changed = False
            for _ in range(40):
                self.page.wait_for_timeout(250)
                now = explorer.evaluate("e => e.innerText + (e.querySelector('svg') || {innerHTML: ''}).innerHTML")
                if now != before:
                    changed = True
                    break
            moves.append({"explorer": index, "control": kind, "output_changed": changed})
        return moves

    def ranking_orders(self) -> list[dict]:
        """Chapter 05's ranking chart: the bar order (top to bottom) and the slider values, at the start and
        after re-weighting from the keyboard (one weight at its maximum, the others at zero)."""
        chart = self.page.locator(".kit-vega6", has=self.page.locator("input[name=weight_cost]")).first
        chart.scroll_into_view_if_needed()
        names = chart.evaluate("c => [...c.querySelectorAll('input[type=range]')].map(i => i.name)")
        states = [self._ranking_state(chart)]
        for favourite in ("weight_rare_earth_exposure", "weight_cost", "weight_efficiency"):
            for name in names:
                if name.startswith("weight_"):
                    key = "End" if name == favourite else "Home"
                    self.press_on(chart.locator(f"input[name={name}]"), key)
            self.page.wait_for_timeout(600)
            states.append(self._ranking_state(chart))
        return states

    def _ranking_state(self, chart) -> dict:
        state = chart.evaluate(r"""c => {
            const params = {};
            c.querySelectorAll('input[type=range]').forEach(i => params[i.name] = Number(i.value));
            const axis = [...c.querySelectorAll('g.role-axis')].find(g => /^Y-axis/.test(g.getAttribute('aria-label') || ''));
            const labels = axis ? [...axis.querySelectorAll('g.role-axis-label text')] : [];
            const y = t => Number(((t.getAttribute('transform') || '').match(/translate\(([^,]+),([^)]+)\)/) || [0, 0, 0])[2]);
            labels.sort((a, b) => y(a) - y(b));
            return {params, bar_order: labels.map(t => t.textContent)};
        }""")
        return state


def git_status(paths: list[str], root: Path = ROOT) -> str:
    return subprocess.run(["git", "status", "--porcelain", "--", *paths], cwd=root, capture_output=True,
                          text=True, check=True).stdout


def launch_browser(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)


def main(argv: list[str]) -> None:
    from playwright.sync_api import sync_playwright
    root = Path(os.environ.get("LAB_ROOT", ROOT))
    shots = Path(os.environ.get("LAB_SHOTS", "/tmp"))
    with LabServer(root, log=shots / "lab-server.log") as server, sync_playwright() as playwright:
        browser = launch_browser(playwright)
        for chapter in argv:
            lab = LabPage(browser, server)
            lab.open(chapter)
            seconds = lab.run_all()
            lab.page.wait_for_timeout(1500)
            result = lab.inspect(chapter)
            result.run_seconds = seconds
            name = Path(chapter).stem
            lab.page.screenshot(path=str(shots / f"lab-{name}.png"))
            print(json.dumps({k: v for k, v in vars(result).items() if k != "markdown_text"}, indent=1))
            (shots / f"lab-{name}.txt").write_text("\n\n----\n".join(result.markdown_text), encoding="utf-8")
            lab.close()
            server.shutdown_kernels()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
