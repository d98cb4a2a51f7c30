"""A long table (the claim ledger) is laid out only when it nears the screen (``content-visibility: auto`` in
``kit.css``), and that costs the reader nothing: a link to one of its rows still lands on the row, and its rows
are in the page's text. Checked on a page of its own with a made-up table, not the book's data."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from widgets.build.pdf import CHROMIUM, CHROMIUM_ARGS
from widgets.build.site_server import start as start_server
from widgets.charts.table import LONG_TABLE_ROWS, html_table

ROWS = LONG_TABLE_ROWS * 3


def table(rows: int) -> str:
    return html_table(["claim", "text"], [[f"c{i:03d}", f"claim number {i} " * 8] for i in range(rows)],
                      caption="Made-up ledger", row_ids=[f"claim-c{i:03d}" for i in range(rows)])


def test_only_a_long_table_is_marked_long():
    assert 'class="kit-table-wrap kit-table-long"' in table(LONG_TABLE_ROWS)
    assert 'class="kit-table-wrap"' in table(LONG_TABLE_ROWS - 1)


@pytest.mark.browser
def test_a_link_to_a_row_of_a_long_table_lands_on_the_row(tmp_path):
    from playwright.sync_api import sync_playwright
    shutil.copy2(ROOT / "_assets" / "static" / "kit.css", tmp_path / "kit.css")
    filler = "<p>" + "An introduction long enough to push the table off the first screen. " * 40 + "</p>"
    (tmp_path / "page.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="kit.css">'
        f'</head><body><main>{filler}{table(ROWS)}{filler}</main></body></html>', encoding="utf-8")
    server, url = start_server(tmp_path)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 360, "height": 700})
            page.goto(f"{url}page.html")
            wrap = page.locator("div.kit-table-long")
            assert wrap.evaluate("el => getComputedStyle(el).contentVisibility") == "auto"
            assert f"claim number {ROWS - 1}" in page.locator("main").inner_text()
            target = f"claim-c{ROWS - 5:03d}"
            page.goto(f"{url}page.html#{target}")
            page.wait_for_timeout(300)
            top = page.evaluate(f"document.getElementById('{target}').getBoundingClientRect().top")
            assert 0 <= top < 700, f"row {target} is {top} px from the top of the screen"
            browser.close()
    finally:
        server.shutdown()
