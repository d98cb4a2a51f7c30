"""Shared fixtures: the repository paths and one strict book build per test session."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

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
