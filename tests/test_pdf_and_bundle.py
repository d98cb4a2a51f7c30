"""The PDF edition and the offline bundle, made from the built site as ``make pdf`` and ``make bundle`` make them.

PDF: every page's title is in its text layer; a page with a chart is not blank when rendered; no slider, raw MyST
or untranslated role is in the text; page numbers, an outline and live links are there; Japanese text is drawn
with an embedded CJK font. Bundle: it holds the site, the PDF, the notebooks and the data; its index.html opens
over file:// in Chromium with no request outside the files, and a chart draws; python -m http.server serves it."""
from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import ROOT, toc_files
from widgets.build.bundle import FOLDER, write_bundle
from widgets.build.site import assemble
from widgets.build.pdf import main as make_pdf

pytestmark = pytest.mark.slow
RAW = ("{eval}", "{glue", ":::{", "{cite", "{ref}", "```{")


@pytest.fixture(scope="module")
def pdf_path(built_site, tmp_path_factory) -> Path:
    # printed from a copy: the print document is written into the site for the time of printing, and other test
    # workers read the built site meanwhile
    site = shutil.copytree(built_site, tmp_path_factory.mktemp("print") / "html")
    path = ROOT / "_build" / "test-book.pdf"
    assert make_pdf([str(site), str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def pdf_pages(pdf_path) -> list[str]:
    document = pdfium.PdfDocument(str(pdf_path))
    return [document[i].get_textpage().get_text_range() for i in range(len(document))]


def _titles(site: Path) -> list[str]:
    titles = []
    for name in toc_files():
        heading = BeautifulSoup((site / f"{name}.html").read_text(encoding="utf-8"), "html.parser").select_one("h1")
        titles.append(heading.get_text(" ", strip=True).rstrip("#¶ "))
    return titles


def _chart_specs(site: Path) -> list[dict]:
    specs = []
    for name in toc_files():
        soup = BeautifulSoup((site / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
        specs += [json.loads(tag.string) for tag in soup.select("script.kit-chart-spec")]
    return specs


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\r", " ").replace("\ufffe", "").replace("\x02", ""))


def test_every_page_title_is_in_the_pdf(built_site, pdf_pages):
    everything = _flat(" ".join(pdf_pages))
    for title in _titles(built_site):
        assert _flat(title) in everything, title


def test_a_chart_page_is_drawn_not_blank(built_site, pdf_path, pdf_pages):
    titles = [spec.get("title", {}).get("text") if isinstance(spec.get("title"), dict) else spec.get("title")
              for spec in _chart_specs(built_site)]
    titles = [t if isinstance(t, str) else " ".join(t) for t in titles if t]
    page = next((i for i, text in enumerate(pdf_pages) for t in titles if _flat(t)[:40] in _flat(text)), None)
    assert page is not None, "no chart title found in the PDF's text"
    bitmap = pdfium.PdfDocument(str(pdf_path))[page].render(scale=1).to_numpy()
    ink = (bitmap[..., :3].mean(axis=2) < 200).mean()
    assert ink > 0.02, f"page {page + 1} is nearly blank ({ink:.3%} ink)"


def _strings(value) -> str:
    """Every string inside a chart spec (titles, legends, axes, data), joined."""
    if isinstance(value, dict):
        return " ".join(_strings(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(_strings(v) for v in value)
    return value if isinstance(value, str) else ""


def _article_text(site: Path) -> str:
    """The pages' text as the reader sees it, without the charts' control panels."""
    texts = []
    for name in toc_files():
        soup = BeautifulSoup((site / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
        for controls in soup.select(".kit-chart-controls, script"):
            controls.decompose()
        texts.append((soup.select_one("article") or soup).get_text(" "))
    return " ".join(texts)


def _code_text(site: Path) -> str:
    """The text of the book's code blocks (the authors' guide shows MyST source on purpose)."""
    return " ".join(pre.get_text(" ") for name in toc_files()
                    for pre in BeautifulSoup((site / f"{name}.html").read_text(encoding="utf-8"),
                                             "html.parser").select("pre"))


def test_no_slider_and_no_raw_myst_in_the_text(built_site, pdf_pages):
    everything = _flat(" ".join(pdf_pages))
    code = _flat(_code_text(built_site))
    for needle in RAW:   # raw MyST only where a code block shows it
        assert everything.count(needle) <= code.count(needle), needle
    specs = _chart_specs(built_site)
    sliders = {p["bind"]["name"].strip() for spec in specs for p in spec.get("params", [])
               if isinstance(p.get("bind"), dict) and p["bind"].get("name")}
    assert sliders, "the book's charts have sliders"
    # a control's name may also be a legend's or an axis's title, or a table's heading ("Topic"): only a name
    # found nowhere but on a control can tell that the controls were printed
    elsewhere = _flat(" ".join(_strings({k: v for k, v in spec.items() if k != "params"}) for spec in specs)
                      + " " + _article_text(built_site))
    shown = [name for name in sliders if _flat(name) in everything and _flat(name) not in elsewhere]
    assert shown == []


def test_page_numbers_outline_links_and_a_japanese_font(pdf_path, pdf_pages):
    assert re.search(r"\b2 / \d+", pdf_pages[1])
    reader = PdfReader(str(pdf_path))
    assert len(reader.outline) > 0
    links = sum(1 for page in reader.pages for a in (page.get("/Annots") or [])
                if a.get_object().get("/Subtype") == "/Link")
    assert links > len(toc_files())
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", " ".join(pdf_pages))   # Japanese terms in the text layer
    # the Japanese glyphs are embedded: Chromium writes an OpenType CJK font (Noto Sans CJK) as a Type3 font,
    # a named CJK font otherwise
    fonts = [font.get_object() for page in reader.pages
             for font in ((page.get("/Resources") or {}).get("/Font") or {}).values()]
    assert any(f.get("/Subtype") == "/Type3" or re.search(r"CJK|JP", str(f.get("/BaseFont"))) for f in fonts)


@pytest.fixture(scope="module")
def bundle(built_site, built_site_ja, pdf_path, tmp_path_factory) -> Path:
    """The bundle as make bundle writes it: both editions in one site, the PDF as book.pdf."""
    site = assemble({"en": built_site, "ja": built_site_ja}, tmp_path_factory.mktemp("site") / "site")
    pdf = tmp_path_factory.mktemp("pdf") / "book.pdf"
    shutil.copyfile(pdf_path, pdf)
    archive = write_bundle(site, [pdf], tmp_path_factory.mktemp("bundle") / "kit.zip")
    target = tmp_path_factory.mktemp("usb")
    zipfile.ZipFile(archive).extractall(target)
    return target / FOLDER


def test_the_bundle_holds_site_pdf_notebooks_and_data(bundle):
    assert (bundle / "index.html").exists() and (bundle / "book" / "index.html").exists()
    assert (bundle / "book" / "en" / "index.html").exists() and (bundle / "book" / "ja" / "index.html").exists()
    assert (bundle / "book.pdf").stat().st_size > 0 and (bundle / "README.txt").exists()
    assert list((bundle / "notebooks" / "en").glob("*.ipynb")) and list((bundle / "notebooks" / "ja").glob("*.ipynb"))
    assert (bundle / "data" / "datapackage.json").exists()


def test_the_bundle_opens_from_files_and_draws_a_chart(bundle):
    from playwright.sync_api import sync_playwright
    from widgets.build.pdf import CHROMIUM, CHROMIUM_ARGS
    outside, errors = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.route(re.compile(r"^(?!file:)"), lambda route: (outside.append(route.request.url), route.abort()))
        page.goto((bundle / "index.html").as_uri())
        # index.html → book (the root page picks English for this browser) → en → Start here
        page.wait_for_url(re.compile(r"book/en/chapters/00_start_here\.html"))
        page.wait_for_load_state("load")
        chart_page = next(name for name in toc_files()
                          if "kit-chart-spec" in (bundle / "book" / "en" / f"{name}.html").read_text(encoding="utf-8"))
        page.goto((bundle / "book" / "en" / f"{chart_page}.html").as_uri())
        page.locator("figure.kit-chart").first.scroll_into_view_if_needed()
        page.wait_for_selector("figure.kit-chart.kit-chart-drawn", timeout=60_000)
        browser.close()
    assert outside == [] and errors == []


def test_the_bundle_is_served_by_python_http_server(bundle):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"], cwd=bundle,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(50):
            try:
                start = f"http://127.0.0.1:{port}/book/ja/{toc_files()[0]}.html"
                with urllib.request.urlopen(start, timeout=5) as answer:
                    assert answer.status == 200 and b"<html" in answer.read().lower()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("python -m http.server did not answer")
    finally:
        server.terminate()
        server.wait(timeout=10)
