"""Lighthouse over every page of a built site (part of ``make bench``; a report, never a test).

Each page is served by ``widgets/build/site_server.py`` (gzip, as a real host serves it) and measured by the npm
``lighthouse`` pinned in ``tests/node/package.json``, driving Debian's Chromium: mobile form factor,
simulated slow 4G and 4x CPU slowdown (Lighthouse's defaults). Per page it records the category scores,
FCP, LCP, TBT, CLS, Speed Index, the bytes transferred and the number of requests, plus the ids of the
accessibility and best-practices audits that failed.

    python widgets/build/lighthouse.py [_build/html] [--runs N]   # prints the table and the JSON
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
NODE_DIR = TESTS / "node"
LIGHTHOUSE = NODE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {"fcp_ms": "first-contentful-paint", "lcp_ms": "largest-contentful-paint",
           "tbt_ms": "total-blocking-time", "cls": "cumulative-layout-shift", "speed_index_ms": "speed-index"}
GOALS = {"performance": 0.90, "accessibility": 1.0, "best-practices": 1.0, "lcp_ms": 2500,
         "heaviest_page_bytes": 600_000}


def ensure_lighthouse() -> Path:
    """Install the pinned Lighthouse (``npm ci`` in tests/node) when it is missing; return its path."""
    if not LIGHTHOUSE.exists():
        if shutil.which("npm") is None:
            raise SystemExit("npm is missing: run 'sh tests/ensure_node.sh' (make bench does) or install Node.js")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=NODE_DIR, check=True)
    return LIGHTHOUSE


def failed_audits(report: dict, category: str) -> list[str]:
    """Ids of the scored audits of ``category`` that did not pass."""
    refs = report["categories"][category]["auditRefs"]
    return sorted(ref["id"] for ref in refs if ref.get("weight", 0) > 0
                  and report["audits"][ref["id"]].get("score") not in (None, 1))


def summarise(report: dict) -> dict:
    """The numbers ``bench.json`` keeps from one Lighthouse report."""
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    summary = {category: report["categories"][category]["score"] for category in CATEGORIES}
    summary.update({name: audits[audit_id]["numericValue"] for name, audit_id in METRICS.items()})
    summary["transfer_bytes"] = int(audits["total-byte-weight"]["numericValue"])
    summary["requests"] = len(requests)
    summary["failed_accessibility_audits"] = failed_audits(report, "accessibility")
    summary["failed_best_practices_audits"] = failed_audits(report, "best-practices")
    return summary


def run_once(url: str, workdir: Path) -> dict:
    """One Lighthouse run of ``url`` (mobile defaults); the parsed JSON report."""
    output = workdir / "report.json"
    command = [str(ensure_lighthouse()), url, "--output=json", f"--output-path={output}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROME_FLAGS)}"]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not output.exists():
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(output.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse could not load {url}: {report['runtimeError']}")
    return report


def measure_page(url: str, runs: int = 1) -> dict:
    """Median numbers over ``runs`` Lighthouse runs of one page (audit lists from the median-performance run)."""
    with tempfile.TemporaryDirectory() as tmp:
        summaries = [summarise(run_once(url, Path(tmp))) for _ in range(runs)]
    summaries.sort(key=lambda s: s["performance"] or 0)
    median = dict(summaries[len(summaries) // 2])
    for key, value in median.items():
        if isinstance(value, (int, float)) and runs > 1:
            median[key] = statistics.median(s[key] for s in summaries)
    median["runs"] = runs
    return median


def measure_site(site: Path, pages: list[str], runs: int = 1) -> dict:
    """Lighthouse numbers for every page of ``site``, served with gzip; pages keyed by their path."""
    from widgets.build.site_server import start
    server, base = start(site)
    try:
        per_page = {}
        for page in pages:
            per_page[page] = measure_page(base + page, runs)
            print(f"  lighthouse {page}: performance {per_page[page]['performance']:.2f}", flush=True)
    finally:
        server.shutdown()
    return {"settings": "Lighthouse mobile defaults: simulated slow 4G, 4x CPU slowdown; gzip server",
            "lighthouse_version": lighthouse_version(), "goals": GOALS, "pages": per_page,
            "heaviest_page_bytes": max(p["transfer_bytes"] for p in per_page.values()),
            "lowest_performance": min(p["performance"] for p in per_page.values())}


def lighthouse_version() -> str:
    return json.loads((NODE_DIR / "node_modules" / "lighthouse" / "package.json").read_text())["version"]


def table(results: dict) -> str:
    """A Markdown table of the per-page numbers."""
    lines = ["| page | perf | a11y | best pr. | FCP s | LCP s | TBT ms | CLS | kB (gzip) | requests |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for page, p in results["pages"].items():
        lines.append(f"| {page} | {p['performance']:.2f} | {p['accessibility']:.2f} | {p['best-practices']:.2f} "
                     f"| {p['fcp_ms'] / 1000:.1f} | {p['lcp_ms'] / 1000:.1f} | {p['tbt_ms']:.0f} | {p['cls']:.3f} "
                     f"| {p['transfer_bytes'] / 1000:.0f} | {p['requests']} |")
    return "\n".join(lines)


def main() -> None:
    import argparse
    sys.path.insert(0, str(TESTS))
    from test_browser import site_pages
    parser = argparse.ArgumentParser(description="Lighthouse over every page of a built site")
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--pages", nargs="*", help="page paths (default: every page)")
    args = parser.parse_args()
    results = measure_site(args.site, args.pages or site_pages(), args.runs)
    print(table(results))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
