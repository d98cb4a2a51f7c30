"""The PDF edition: the built HTML book printed into one PDF by the system Chromium, offline.

``python -m widgets.build.pdf SITE OUTPUT.pdf [--toc _toc.yml] [--no-solutions]`` (``make pdf``; ``make workshop``
prints each workshop too):

1. ``print_document`` puts every chapter of the table of contents, in order, into one HTML page next to the
   chapters (so the site's stylesheets, images and chart loader resolve): a title page, a table of contents
   with links, then each chapter's article with its ids made unique and its links pointed inside the document.
   Sliders, live-only cells (the JupyterLab explorers and the boxes announcing them), the download menu and the
   instructor notes are left out; each chapter's solutions move, opened, to the end of the chapter (or are left
   out with ``--no-solutions``).
2. Chromium opens it at the printed column's width, draws every chart (as SVG: vector graphics, legends fitted
   to the column) and prints A4 pages with page numbers, a document outline (bookmarks) and live links.
   Japanese text is drawn with the system's CJK font, which Chromium embeds (on Debian: fonts-noto-cjk, Noto
   Sans CJK, SIL Open Font License 1.1; ``tests/ensure_browser.sh`` installs it with Chromium).
"""
from __future__ import annotations

import argparse
import copy
import re
import sys
import time
from pathlib import Path

from bs4 import BeautifulSoup

from widgets.build.data_gate import toc_chapters
from widgets.core.labels import label

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
PRINT_NAME = "_print.html"
#: A4 at 96 px per inch, less the page margins: the width the charts are fitted to.
PAGE_MARGIN_MM = 16
COLUMN_PX = round((210 - 2 * PAGE_MARGIN_MM) / 25.4 * 96)
LEFT_OUT = (".tag_remove-output", ".kit-live-only", ".headerlink", ".prev-next-area",
            ".dropdown-download-buttons", "details.sd-dropdown", ".toggle-button")
PRINT_CSS = f"""
@page {{ size: A4; margin: {PAGE_MARGIN_MM}mm; }}
html, body {{ background: #fff; }}
body {{ font-size: 11pt; }}
.kit-print-chapter {{ break-before: page; }}
.kit-print-title {{ min-height: 60vh; display: flex; flex-direction: column; justify-content: center; }}
.kit-print-toc a {{ text-decoration: none; }}
figure.kit-chart, .admonition, table, .cell_output {{ break-inside: avoid; }}
.kit-chart-canvas {{ overflow: visible !important; }}
.kit-chart-controls {{ display: none !important; }}   /* sliders: the page shows the starting values */
.solution.admonition {{ display: block !important; }}
a {{ color: #0b5394; }}
"""


def anchor(docname: str, fragment: str = "") -> str:
    """The id a page's element gets in the print document (unique across chapters)."""
    stem = Path(docname).name
    return f"{stem}--{fragment}" if fragment else f"{stem}--top"


def _point_links_inside(article, docname: str, docnames: set[str]) -> None:
    """Ids made unique; links to pages in the document become links inside it; other site links stay."""
    for element in article.select("[id]"):
        element["id"] = anchor(docname, element["id"])
    for link in article.select("a[href]"):
        href = link["href"]
        if re.match(r"^[a-z]+:", href):
            continue
        path, _, fragment = href.partition("#")
        if not path:
            link["href"] = "#" + anchor(docname, fragment)
            continue
        target = re.sub(r"\.html$", "", str((Path(docname).parent / path)).replace("\\", "/"))
        target = re.sub(r"(^|/)[^/]+/\.\./", r"\1", target)
        if target in docnames:
            link["href"] = "#" + anchor(target, fragment)


def chapter_section(soup: BeautifulSoup, page: BeautifulSoup, docname: str, docnames: set[str],
                    solutions: bool):
    """One chapter's article for the print document."""
    article = copy.copy(page.select_one("article.bd-article") or page.select_one("article"))
    for box in article.select(".admonition.seealso"):   # a box announcing the live explorer cell after it
        following = box.find_next_sibling()
        if following is not None and "tag_remove-output" in following.get("class", []):
            box.decompose()
    for selector in LEFT_OUT:
        for element in article.select(selector):
            element.decompose()
    found = article.select(".solution")
    for element in found:
        element.extract()
        element["class"] = [c for c in element.get("class", []) if c not in ("dropdown", "toggle-hidden")]
    if solutions and found:
        heading = soup.new_tag("h2")
        heading.string = label("pdf.solutions")
        block = soup.new_tag("section", attrs={"class": "kit-print-solutions"})
        block.append(heading)
        for element in found:
            block.append(element)
        article.append(block)
    _point_links_inside(article, docname, docnames)
    section = soup.new_tag("section", attrs={"class": "kit-print-chapter", "id": anchor(docname)})
    section.append(article)
    return section


def print_document(site: Path, docnames: list[str], title: str, solutions: bool = True) -> Path:
    """Write the one-page print document next to the chapters and return its path."""
    first = BeautifulSoup((site / f"{docnames[0]}.html").read_text(encoding="utf-8"), "html.parser")
    soup = BeautifulSoup("<!DOCTYPE html><html><head></head><body></body></html>", "html.parser")
    soup.html["lang"] = first.html.get("lang", "en")
    for element in first.head.find_all(["meta", "link", "style"]):
        if element.name == "link" and element.get("rel") not in (["stylesheet"],):
            continue
        soup.head.append(copy.copy(element))
    style = soup.new_tag("style")
    style.string = PRINT_CSS
    soup.head.append(style)
    titled = soup.new_tag("title")
    titled.string = title
    soup.head.append(titled)
    main = soup.new_tag("main", attrs={"class": "bd-main kit-print"})
    soup.body.append(main)
    cover = soup.new_tag("section", attrs={"class": "kit-print-title"})
    heading = soup.new_tag("h1")
    heading.string = title
    cover.append(heading)
    contents = soup.new_tag("nav", attrs={"class": "kit-print-toc", "aria-label": label("pdf.contents")})
    contents_title = soup.new_tag("h2")
    contents_title.string = label("pdf.contents")
    contents.append(contents_title)
    listing = soup.new_tag("ol")
    pages = {}
    for docname in docnames:
        pages[docname] = BeautifulSoup((site / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
        page_title = pages[docname].select_one("article h1")
        item = soup.new_tag("li")
        link = soup.new_tag("a", href="#" + anchor(docname))
        link.string = page_title.get_text(" ", strip=True).rstrip("#¶ ") if page_title else docname
        item.append(link)
        listing.append(item)
    contents.append(listing)
    cover.append(contents)
    main.append(cover)
    for docname in docnames:
        main.append(chapter_section(soup, pages[docname], docname, set(docnames), solutions))
    loader = first.find("script", attrs={"data-vega-bundle": True})
    if loader is not None:
        script = soup.new_tag("script", src=loader["src"], attrs={"data-vega-bundle": loader["data-vega-bundle"]})
        soup.body.append(script)
    target = site / Path(docnames[0]).parent / PRINT_NAME
    target.write_text(str(soup), encoding="utf-8")
    return target


def print_pdf(document: Path, output: Path, timeout_ms: int = 180_000) -> Path:
    """Chromium draws every chart of ``document`` and prints it to ``output``."""
    from playwright.sync_api import sync_playwright
    output.parent.mkdir(parents=True, exist_ok=True)
    footer = ('<div style="font-size:8px;width:100%;text-align:center;color:#555">'
              '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": COLUMN_PX, "height": 1100})
        page.route(re.compile(r"^https?://"), lambda route: route.abort())   # offline, as the site is
        page.goto(document.as_uri())
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        page.wait_for_function("""() => [...document.querySelectorAll('figure.kit-chart')]
            .every(f => f.classList.contains('kit-chart-drawn') || f.classList.contains('kit-chart-failed'))""",
                               timeout=timeout_ms)
        failed = page.evaluate("document.querySelectorAll('figure.kit-chart.kit-chart-failed').length")
        if failed:
            raise RuntimeError(f"{failed} chart(s) could not be drawn for the PDF")
        page.pdf(path=str(output), format="A4", print_background=True, display_header_footer=True,
                 header_template="<div></div>", footer_template=footer, outline=True, tagged=True,
                 margin={side: f"{PAGE_MARGIN_MM}mm" for side in ("top", "bottom", "left", "right")})
        browser.close()
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built HTML site (e.g. _build/html)")
    parser.add_argument("output", type=Path, help="the PDF to write")
    parser.add_argument("--toc", type=Path, default=ROOT / "_toc.yml")
    parser.add_argument("--title", default=None, help="the title page's title (default: the book's)")
    parser.add_argument("--no-solutions", action="store_true", help="leave the exercises' solutions out")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"no built site at {args.site} (build it first: make book)", file=sys.stderr)
        return 1
    from widgets.build.site import edition_titles
    from widgets.core.labels import language
    title = args.title or edition_titles()[language()]   # KIT_LANG=ja: the Japanese edition's title
    started = time.perf_counter()
    document = print_document(args.site, toc_chapters(args.toc), title, solutions=not args.no_solutions)
    try:
        print_pdf(document, args.output)
    finally:
        document.unlink(missing_ok=True)
    size_mb = args.output.stat().st_size / 1e6
    print(f"PDF: {args.output} ({size_mb:.1f} MB, {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
