"""Workshops and stand-alone chapters build strictly: every example workshop (its chapters, title and values) and
every chapter on its own, where a link to a chapter left out becomes text naming it ("… (in the full kit)").

The single-chapter builds reuse the full book's execution cache (the ``built_site`` fixture builds it first), two
at a time (they only read that cache: every chapter is in it); a workshop with values or a plan of its own has a
cache of its own (its values and notes change what the chapters show), the full kit's seminar plan shares the
book's; the workshops build side by side."""
from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, toc_files
from widgets.build.workshop import build_chapters, build_workshop
from widgets.core.labels import label
from widgets.pages import workshops

pytestmark = pytest.mark.slow
WARNING = re.compile(r"\bWARNING\b|\bERROR\b")
WORKSHOPS = sorted(path.stem for path in (ROOT / "workshops").glob("*.yml"))
SINGLE = [name for name in toc_files() if name != "chapters/a5_bibliography"]


def _text(site: Path, page: str) -> str:
    soup = BeautifulSoup((site / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
    return (soup.select_one("article") or soup).get_text(" ", strip=True)


@pytest.fixture(scope="module")
def single_chapter_builds(built_site) -> dict[str, tuple[int, str, Path]]:
    """Every chapter built alone (plus the bibliography)."""
    def build(name: str):
        folder = ROOT / "_build" / "subsets" / Path(name).name
        done = build_chapters([name], folder)
        return name, (done.returncode, done.stdout + done.stderr, folder / "_build" / "html")
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(build, SINGLE))


@pytest.fixture(scope="module")
def workshop_builds(built_site) -> dict:
    """Every example workshop, built as ``make workshop NAME=…`` builds its pages (two at a time)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(WORKSHOPS, pool.map(build_workshop, WORKSHOPS)))


@pytest.mark.parametrize("name", SINGLE)
def test_each_chapter_builds_alone_strictly(single_chapter_builds, name):
    code, log, site = single_chapter_builds[name]
    assert code == 0, log[-3000:]
    assert not [line for line in log.splitlines() if WARNING.search(line)]
    text = _text(site, name)
    links = re.findall(r"\]\((\d\d_[a-z_]+|a\d_[a-z_]+)\.md", (ROOT / f"{name}.md").read_text(encoding="utf-8"))
    left_out = [link for link in links if f"chapters/{link}" != name and link != "a5_bibliography"]
    if left_out:
        assert label("book.chapter_elsewhere") in text or "in the full kit" in text


@pytest.mark.parametrize("name", WORKSHOPS)
def test_example_workshops_build_strictly_with_their_values_labelled(workshop_builds, name):
    plan = workshops.load(name)
    done = workshop_builds[name]
    log = done.stdout + done.stderr
    assert done.returncode == 0, log[-3000:]
    assert not [line for line in log.splitlines() if WARNING.search(line)]
    site = ROOT / "_build" / "workshops" / name / "_build" / "html"
    index = BeautifulSoup((site / f"{plan.slots[0].file}.html").read_text(encoding="utf-8"), "html.parser")
    assert plan.title in index.title.get_text()
    for slot in plan.slots:
        assert (site / f"{slot.file}.html").exists()
    if plan.overrides:
        appendix = _text(site, "chapters/a3_data_methods")
        for override in plan.overrides:
            assert override.parameter in appendix
        pages = " ".join(_text(site, slot.file) for slot in plan.slots)
        assert label("book.workshop_assumption") in pages
