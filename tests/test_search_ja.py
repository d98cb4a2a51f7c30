"""Search in the Japanese edition finds Japanese words: the pages and the search box cut text the same way
(``widgets.build.search_ja``), so a term such as 輸出管理 finds the pages that use it."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from test_browser import CHROMIUM, CHROMIUM_ARGS
from widgets.build.search_ja import JS_SPLITTER, split
from widgets.build.site_server import start as start_server

SAMPLES = ["輸出管理と重希土類(Dy・Tb)のNdFeB磁石、2025年10月", "ネオジム", "酸化物1kgあたり米ドル", "a_b c-d", "ー", ""]
TERMS = ["重希土類", "輸出管理", "酸化物", "ネオジム"]


def test_a_japanese_run_becomes_its_bigrams_and_other_words_stay_whole():
    assert split("輸出管理 NdFeB") == ["輸出", "出管", "管理", "NdFeB"]
    assert split("の") == ["の"]


def indexed_text(path) -> str:
    """A page's article as the search index holds it: without code outputs written as raw HTML (tables,
    widgets) and charts, which Sphinx does not index."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article") or soup
    for element in article.select(".text_html, .kit-chart, script, style, .kit-edition"):
        element.decompose()
    return article.get_text()


def results_settled(page, timeout_ms: int = 20_000) -> int:
    """Wait until the search has listed its results (their count stops changing); return the count. (Sphinx's
    own "finished" signals are not reliable: its progress dots can restart after the search ends.)"""
    last, stable_ms, waited = -1, 0, 0
    while waited < timeout_ms:
        count = page.locator("#search-results ul.search li").count()
        summary = page.locator("#search-results .search-summary").all_inner_texts()
        if count == last and (count > 0 or any(summary)):
            stable_ms += 250
            if stable_ms >= 1000:
                return count
        else:
            stable_ms = 0
        last = count
        page.wait_for_timeout(250)
        waited += 250
    raise AssertionError(f"the search listed no results within {timeout_ms} ms")


@pytest.fixture(scope="module")
def page():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser.new_page()
        browser.close()


@pytest.mark.browser
def test_the_search_box_cuts_a_query_as_the_pages_were_cut(page):
    cut = page.evaluate(f"(samples) => {{ {JS_SPLITTER}; return samples.map(splitQuery); }}", SAMPLES)
    assert cut == [split(sample) for sample in SAMPLES]


@pytest.mark.browser
def test_searching_a_japanese_term_finds_the_pages_that_use_it(built_site_ja, page):
    server, url = start_server(built_site_ja)
    try:
        missed = []
        for term in TERMS:
            expected = {path.relative_to(built_site_ja).as_posix()
                        for path in (built_site_ja / "chapters").glob("*.html") if term in indexed_text(path)}
            page.goto(f"{url}search.html?q={term}")
            results_settled(page)
            found = set(page.eval_on_selector_all("#search-results ul.search li a",
                                                  "links => links.map(a => a.getAttribute('href').split('#')[0])"))
            assert expected, f"no page of the Japanese edition uses {term}"
            if not expected <= found:
                missed.append((term, sorted(expected - found)))
        assert missed == []
    finally:
        server.shutdown()
