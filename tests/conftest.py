"""Shared fixtures: the repository paths and one strict book build per test session."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from widgets.buildtools import refresh_execution_cache

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
BUILD_COMMAND = [str(Path(sys.executable).with_name("jupyter-book")), "build", ".", "-W", "-n", "--keep-going"]


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


@pytest.fixture(scope="session")
def book_build() -> BookBuild:
    """Run the strict build (the same command as ``make book``) once per session."""
    started = time.perf_counter()
    refresh_execution_cache(ROOT)
    shutil.rmtree(SITE, ignore_errors=True)  # no stale pages from earlier builds
    result = subprocess.run(BUILD_COMMAND, cwd=ROOT, capture_output=True, text=True, env=os.environ.copy())
    log = result.stdout + result.stderr
    (ROOT / "_build").mkdir(exist_ok=True)
    (ROOT / "_build" / "test-build.log").write_text(log, encoding="utf-8")
    return BookBuild(result.returncode, log, time.perf_counter() - started, SITE)


@pytest.fixture(scope="session")
def built_site(book_build: BookBuild) -> Path:
    """The built HTML site; fails (never skips) when the strict build failed."""
    if book_build.returncode != 0:
        pytest.fail("the strict book build failed; see _build/test-build.log:\n" + book_build.log[-4000:])
    return book_build.site


JA_OUTPUT = ROOT / "_build" / "ja"


@pytest.fixture(scope="session")
def book_build_ja() -> BookBuild:
    """The Japanese edition, built as ``make book-ja`` builds it (config override, KIT_LANG=ja)."""
    refresh_execution_cache(ROOT)
    subprocess.run([sys.executable, "-m", "widgets.buildtools", "edition-config", "ja"], cwd=ROOT, check=True,
                   capture_output=True)
    shutil.rmtree(JA_OUTPUT, ignore_errors=True)
    command = BUILD_COMMAND[:3] + ["--config", "_build/config-ja.yml", "--path-output", "_build/ja"] + BUILD_COMMAND[3:]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env={**os.environ, "KIT_LANG": "ja"})
    return BookBuild(result.returncode, result.stdout + result.stderr, time.perf_counter() - started,
                     JA_OUTPUT / "_build" / "html")


@pytest.fixture(scope="session")
def built_site_ja(book_build_ja: BookBuild) -> Path:
    """The built Japanese site; fails (never skips) when its strict build failed."""
    if book_build_ja.returncode != 0:
        pytest.fail("the Japanese edition's strict build failed:\n" + book_build_ja.log[-4000:])
    return book_build_ja.site


def small_regulations() -> pd.DataFrame:
    """A regulations frame shaped like data/regulations.csv: No. 18-like and No. 57-like element licences,
    a 0.1 % value rule, a technology rule, a suspension of the last three to 2026-11-10, and an event."""
    return pd.DataFrame({
        "regulation_id": ["r-apr", "r-oct-elements", "r-value", "r-tech", "r-susp", "r-event"],
        "instrument": ["A", "B", "C", "D", "E", "F"],
        "rule_type": ["element_licence", "element_licence", "value_share_rule", "technology_rule", "suspension",
                      "event"],
        "elements_covered": ["Sm;Gd;Tb;Dy;Lu;Sc;Y", "Ho;Er;Tm;Eu;Yb", "Sm;Gd;Tb;Dy;Lu;Sc;Y;Ho;Er;Tm;Eu;Yb", "",
                             np.nan, np.nan],
        "value_share_threshold_pct": [np.nan, np.nan, 0.1, np.nan, np.nan, np.nan],
        "applies_to": ["exports_from_china", "exports_from_china", "foreign_made_items", "foreign_made_items", "none",
                       "none"],
        "effective_date": [pd.Timestamp("2025-04-04"), pd.Timestamp("2025-11-08"), pd.Timestamp("2025-12-01"), pd.Timestamp("2025-12-01"), pd.Timestamp("2025-11-07"),
                           pd.Timestamp("2025-10-09")],
        "suspends": ["", "", "", "", "r-oct-elements;r-value;r-tech", np.nan],
        "suspended_until": [pd.NaT, pd.NaT, pd.NaT, pd.NaT, pd.Timestamp("2026-11-10"), pd.NaT],
        "status": ["in_force", "suspended", "suspended", "suspended", "in_force", "announced"],
    })
