"""The benchmark's plumbing (``make bench``, ``make lighthouse``): what it measures and how it counts. The numbers
themselves are a report and are never asserted here."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from test_browser import site_pages
from widgets.build.benchmark import moved, site_to_measure, whole_page_downloads
from widgets.build.lighthouse import failed_audits, summarise, table


def built_edition(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text('<meta http-equiv="Refresh" content="0; url=chapters/00_start_here.html" />')
    return folder


def test_both_editions_are_measured_when_both_are_built_and_redirect_pages_never(tmp_path):
    both, english = tmp_path / "site", tmp_path / "html"
    built_edition(both / "en")
    root, pages = site_to_measure(both, english)
    assert root == english, "with one edition missing, the English build is measured"
    assert "index.html" not in pages and len(pages) == len(site_pages()) - 1
    built_edition(both / "ja")
    root, pages = site_to_measure(both, english)
    assert root == both
    assert {page.split("/", 1)[0] for page in pages} == {"en", "ja"}
    assert "en/index.html" not in pages and "ja/index.html" not in pages
    assert len(pages) == 2 * (len(site_pages()) - 1)


def test_a_moved_input_changes_by_one_percent_or_one_month_a_step():
    import datetime as dt
    assert moved(200.0, 2) == pytest.approx(204.0)
    assert moved(dt.date(2026, 1, 1), 1) == dt.date(2026, 1, 31)


def test_whole_page_downloads_counts_every_request_a_reader_triggers(tmp_path):
    """A page that loads a script, which loads a second one: both count, and the bytes are at least the
    compressed bodies (the server compresses as a real host does)."""
    site = tmp_path / "site"
    site.mkdir()
    filler = "const words = '" + "rare earths " * 4000 + "';\n"
    (site / "late.js").write_text(filler, encoding="utf-8")
    (site / "first.js").write_text(filler + "const s = document.createElement('script'); s.src = 'late.js';"
                                   " document.head.appendChild(s);\n", encoding="utf-8")
    (site / "page.html").write_text('<!DOCTYPE html><html lang="en"><head><title>t</title>'
                                    '<script src="first.js"></script></head><body><main><p>text</p></main></body>'
                                    '</html>', encoding="utf-8")
    counted = whole_page_downloads(site, ["page.html"])["page.html"]
    assert counted["requests"] == 3
    smallest = len(gzip.compress((site / "late.js").read_bytes()))
    assert 2 * smallest < counted["bytes"] < len(filler) * 2, counted


def lighthouse_report(performance: float, failing_a11y: str | None = None) -> dict:
    audits = {"first-contentful-paint": 900.0, "largest-contentful-paint": 1400.0, "total-blocking-time": 20.0,
              "cumulative-layout-shift": 0.0, "speed-index": 1100.0}
    report = {"categories": {}, "audits": {key: {"numericValue": value, "score": 1} for key, value in audits.items()}}
    report["audits"]["total-byte-weight"] = {"numericValue": 95_000.4, "score": 1}
    report["audits"]["network-requests"] = {"details": {"items": [{}] * 17}}
    report["audits"]["color-contrast"] = {"score": 0 if failing_a11y else 1}
    report["audits"]["image-alt"] = {"score": None}   # not applicable on the page: not a failure
    report["audits"]["errors-in-console"] = {"score": 1}
    for category, score in {"performance": performance, "seo": 1.0}.items():
        report["categories"][category] = {"score": score, "auditRefs": []}
    report["categories"]["accessibility"] = {"score": 0.9 if failing_a11y else 1.0, "auditRefs": [
        {"id": "color-contrast", "weight": 7}, {"id": "image-alt", "weight": 10}]}
    report["categories"]["best-practices"] = {"score": 1.0, "auditRefs": [{"id": "errors-in-console", "weight": 1}]}
    return report


def test_a_lighthouse_summary_keeps_the_scores_metrics_bytes_and_failed_audits():
    summary = summarise(lighthouse_report(0.93, failing_a11y="color-contrast"))
    assert summary["performance"] == 0.93 and summary["accessibility"] == 0.9
    assert summary["lcp_ms"] == 1400.0 and summary["transfer_bytes"] == 95_000 and summary["requests"] == 17
    assert summary["failed_accessibility_audits"] == ["color-contrast"]
    assert failed_audits(lighthouse_report(1.0), "accessibility") == []


def test_the_table_has_a_row_per_page_with_seconds_and_kilobytes():
    pages = {"en/a.html": summarise(lighthouse_report(0.97)), "ja/a.html": summarise(lighthouse_report(0.88))}
    rows = table({"pages": pages}).splitlines()
    assert len(rows) == 2 + len(pages)
    assert rows[2].startswith("| en/a.html | 0.97 | 1.00 | 1.00 | 0.9 | 1.4 | 20 | 0.000 | 95 | 17 |")
    assert rows[3].startswith("| ja/a.html | 0.88 |")
