"""Shared fixtures: the repository paths and one strict book build per test session."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from widgets.build.buildtools import refresh_execution_cache

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
BUILD_COMMAND = [str(Path(sys.executable).with_name("jupyter-book")), "build", ".", "-W", "-n", "--keep-going"]


#: The front matter jupytext writes at the top of a MyST chapter: test chapters start with it.
MYST_FRONT_MATTER = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
    format_version: 0.13
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
"""


def toc_files() -> list[str]:
    """The book's pages, in TOC order, as paths without suffix (e.g. ``chapters/01_introduction``)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [chapter["file"] for chapter in part["chapters"]]
    return files


CHAPTERS = [ROOT / f"{name}.md" for name in toc_files()]


@dataclass(frozen=True)
class BookBuild:
    returncode: int
    log: str
    seconds: float
    site: Path


JA_OUTPUT = ROOT / "_build" / "ja"
JA_COMMAND = BUILD_COMMAND[:3] + ["--config", "_build/config-ja.yml", "--path-output", "_build/ja"] + BUILD_COMMAND[3:]
#: This test run: the id pytest-xdist gives all its workers (``make test`` runs several), else this process's own.
RUN_ID = os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"solo-{os.getpid()}"
#: The builds started by this process: edition → process (so that an interrupted run stops them).
_STARTED: dict[str, subprocess.Popen] = {}
_RESULTS: dict[str, dict] = {}


def _build_both() -> dict[str, dict]:
    """The data gate, then the English and the Japanese strict builds side by side (each runs its own kernels, so on
    two cores they take about the time of one), as ``make book-en`` and ``make book-ja`` run them: per edition, its
    return code, seconds and log file."""
    gate = subprocess.run([sys.executable, "-m", "widgets.build.data_gate"], cwd=ROOT, capture_output=True, text=True)
    if gate.returncode != 0:
        (ROOT / "_build").mkdir(exist_ok=True)
        log = ROOT / "_build" / "test-build-gate.log"
        log.write_text(gate.stdout + gate.stderr, encoding="utf-8")
        return {edition: {"returncode": gate.returncode, "seconds": 0.0, "log": str(log)} for edition in ("en", "ja")}
    refresh_execution_cache(ROOT)
    subprocess.run([sys.executable, "-m", "widgets.build.buildtools", "edition-config", "ja"], cwd=ROOT, check=True,
                   capture_output=True)
    shutil.rmtree(SITE, ignore_errors=True)  # no stale pages from earlier builds
    shutil.rmtree(JA_OUTPUT, ignore_errors=True)
    (ROOT / "_build").mkdir(exist_ok=True)
    started, logs = time.perf_counter(), {}
    for edition, command, env in (("en", BUILD_COMMAND, os.environ.copy()),
                                  ("ja", JA_COMMAND, {**os.environ, "KIT_LANG": "ja"})):
        logs[edition] = (ROOT / "_build" / f"test-build-{edition}.log").open("w", encoding="utf-8")
        _STARTED[edition] = subprocess.Popen(command, cwd=ROOT, stdout=logs[edition], stderr=subprocess.STDOUT,
                                             text=True, env=env, start_new_session=True)  # stopped with its kernels
    results = {}
    for edition, process in _STARTED.items():
        results[edition] = {"returncode": process.wait(), "seconds": time.perf_counter() - started,
                            "log": logs[edition].name}
        logs[edition].close()
    return results


def _builds() -> dict[str, dict]:
    """The two builds of this test run, made once for all its workers: the first worker to need them builds them
    while holding a lock; the others wait for it and read its record."""
    if _RESULTS:
        return _RESULTS
    import fcntl
    (ROOT / "_build").mkdir(exist_ok=True)
    record = ROOT / "_build" / f"test-builds-{RUN_ID}.json"
    with (ROOT / "_build" / "test-builds.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if record.exists():
            _RESULTS.update(json.loads(record.read_text(encoding="utf-8")))
        else:
            for old in (ROOT / "_build").glob("test-builds-*.json"):
                old.unlink()
            _RESULTS.update(_build_both())
            record.write_text(json.dumps(_RESULTS), encoding="utf-8")
    return _RESULTS


def _finished(edition: str, site: Path) -> BookBuild:
    result = _builds()[edition]
    return BookBuild(result["returncode"], Path(result["log"]).read_text(encoding="utf-8"), result["seconds"], site)


@pytest.fixture(scope="session")
def book_build() -> BookBuild:
    """The strict English build (the same steps as ``make book-en``: data gate, then the build), once per session;
    its log is ``_build/test-build-en.log``."""
    return _finished("en", SITE)


@pytest.fixture(scope="session")
def built_site(book_build: BookBuild) -> Path:
    """The built HTML site; fails (never skips) when the strict build failed."""
    if book_build.returncode != 0:
        pytest.fail("the strict book build failed; see _build/test-build-en.log:\n" + book_build.log[-4000:])
    return book_build.site


@pytest.fixture(scope="session")
def book_build_ja() -> BookBuild:
    """The Japanese edition, built as ``make book-ja`` builds it (config override, KIT_LANG=ja), side by side with
    the English one."""
    return _finished("ja", JA_OUTPUT / "_build" / "html")


@pytest.fixture(scope="session")
def built_site_ja(book_build_ja: BookBuild) -> Path:
    """The built Japanese site; fails (never skips) when its strict build failed."""
    if book_build_ja.returncode != 0:
        pytest.fail("the Japanese edition's strict build failed:\n" + book_build_ja.log[-4000:])
    return book_build_ja.site


def small_regulations() -> pd.DataFrame:
    """A regulations frame shaped like data/regulations.csv: an April element licence (list L18), an October
    element licence (L57), an origin rule, a 0.1 % value rule and a technology rule on list L61, a technology rule
    on exports from China (know-how: never applies to items), a suspension of the October rules to 2026-11-10,
    an end-use ban for Japan, and an event."""
    ids = ["r-apr", "r-oct-elements", "r-origin", "r-value", "r-tech", "r-know-how", "r-susp", "r-ban", "r-event"]
    return pd.DataFrame({
        "regulation_id": ids,
        "short_en": [f"rule {i}" for i in ids], "short_ja": [f"規則 {i}" for i in ids],
        "rule_type": ["element_licence", "element_licence", "origin_rule", "value_share_rule", "technology_rule",
                      "technology_rule", "suspension", "end_use_ban", "event"],
        "control_list": ["L18", "L57", "L61", "L61", "L61", np.nan, np.nan, np.nan, np.nan],
        "value_share_threshold_pct": [np.nan, np.nan, np.nan, 0.1, np.nan, np.nan, np.nan, np.nan, np.nan],
        "applies_to": ["exports_from_china", "exports_from_china", "reexports_from_abroad", "foreign_made_items",
                       "foreign_made_items", "exports_from_china", "none", "exports_from_china", "none"],
        "destination": [np.nan] * 7 + ["JP", np.nan],
        "effective_date": [pd.Timestamp(d) if d else pd.NaT for d in
                           ["2025-04-04", "2025-11-08", "2025-10-09", "2025-12-01", "2025-12-01", "2025-10-09",
                            "2025-11-07", "2026-01-06", ""]],
        "suspends": ["", "", "", "", "", "", "r-oct-elements;r-origin;r-value;r-tech;r-know-how", "", np.nan],
        "suspended_until": [pd.NaT] * 6 + [pd.Timestamp("2026-11-10"), pd.NaT, pd.NaT],
        "status": ["in_force", "suspended", "suspended", "suspended", "suspended", "suspended", "in_force",
                   "in_force", "announced"],
    })


def small_control_lists() -> pd.DataFrame:
    """Control lists shaped like data/control_list_items.csv: L18 (metals and oxides of Sm, Dy, Tb; Dy- and
    Tb-bearing magnets), L57 (Ho items), L61 Part I (Dy, Tb metal and oxide) and Part II (Dy/Tb magnets, and a
    contested entry for assemblies containing them)."""
    rows = [("L18", "a", "listed", "metal", "Sm;Dy;Tb", "text_seen"), ("L18", "b", "listed", "oxide", "Sm;Dy;Tb", "text_seen"),
            ("L18", "c", "listed", "permanent_magnet", "Dy;Tb", "text_seen"),
            ("L57", "d", "listed", "metal", "Ho", "reported"), ("L57", "e", "listed", "permanent_magnet", "Ho", "reported"),
            ("L61", "f", "part_i", "metal", "Dy;Tb", "reported"), ("L61", "g", "part_i", "oxide", "Dy;Tb", "reported"),
            ("L61", "h", "part_ii", "permanent_magnet", "Dy;Tb", "reported"),
            ("L61", "i", "part_ii", "assembly", "Dy;Tb", "contested")]
    return pd.DataFrame(rows, columns=["list_id", "item_id", "annex_part", "form", "elements", "reading"])


def pytest_sessionfinish(session, exitstatus):
    """A build this process started and an interrupted run left running is stopped, with its kernels."""
    for process in _STARTED.values():
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


#: Test files that take minutes, started first so that the test workers finish together (``make test`` hands out
#: whole files, in collection order): the JupyterLab run needs no book; the others wait for the two builds.
LONG_FIRST = ("test_lab_browser.py", "test_workshop_builds.py", "test_browser.py", "test_browser_ja.py",
              "test_pdf_and_bundle.py", "test_take_home.py")


def pytest_collection_modifyitems(session, config, items):
    def rank(item) -> int:
        name = item.path.name
        return LONG_FIRST.index(name) if name in LONG_FIRST else len(LONG_FIRST)
    items.sort(key=rank)   # a stable sort: tests keep their order within a file
