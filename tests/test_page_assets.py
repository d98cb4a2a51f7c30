"""What each built page loads (issue 12): only what it uses, and nothing that blocks the first paint
except the stylesheets and the one script inline code reads at once."""
from __future__ import annotations

import re

import pytest

from conftest import toc_files

PAGES = [f"{name}.html" for name in toc_files()] + ["genindex.html", "search.html"]
SCRIPT_SRC = re.compile(r'<script\b([^>]*)\bsrc="([^"]+)"')


def scripts(html: str) -> list[tuple[str, str]]:
    """(attributes, src) of every external script of a page."""
    return SCRIPT_SRC.findall(html)


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_only_what_it_uses(built_site, page):
    html = (built_site / page).read_text(encoding="utf-8")
    head = html.split("</head>")[0]
    sources = [src for _, src in scripts(html)]
    has_charts = 'class="kit-chart"' in html
    has_math = 'class="math notranslate' in html
    assert not any("fontawesome" in src for src in sources)
    assert not any("vega-bundle" in src for src in sources)  # fetched by kit-charts.js when needed
    assert any("kit-charts.js" in src for src in sources) == has_charts
    assert any("kit-math.js" in src for src in sources) == has_math
    assert not any("tex-chtml" in src for src in sources)   # fetched by kit-math.js when needed
    assert ("searchindex.js" in html) == (page == "search.html")
    assert "widget-state+json" not in html
    blocking = [src.split("?")[0].rsplit("/", 1)[-1] for attrs, src in scripts(head)
                if "defer" not in attrs and "async" not in attrs]
    if page != "search.html":  # the search page runs its search scripts at once; it keeps them in order
        assert blocking == ["documentation_options.js"]
    assert 'rel="icon"' in head and "fa-solid" not in html


def test_site_has_a_favicon_and_the_trimmed_theme_stylesheet(built_site):
    assert (built_site / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    trimmed = (built_site / "_static" / "styles" / "pydata-sphinx-theme-trimmed.css").read_text(encoding="utf-8")
    assert "@font-face" not in trimmed and "webfonts/fa-" not in trimmed and ".bd-header" in trimmed


def test_each_page_links_one_stylesheet_that_holds_what_it_uses(built_site):
    """The site's stylesheets are purged of rules no page can use and bundled into one file (kit-site.css)."""
    from widgets.build.bookhtml.site_css import BUNDLE, site_pages
    bundle = (built_site / BUNDLE).read_text(encoding="utf-8")
    assert ".bd-header" in bundle and ".kit-chart" in bundle      # the theme's and the kit's own rules
    assert ".btn-outline-warning" not in bundle                    # Bootstrap that no page uses
    styled = 0
    for page in site_pages(built_site):
        html = page.read_text(encoding="utf-8")
        sheets = [s.split("?")[0].rsplit("/", 1)[-1] for s in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)]
        if "http-equiv=\"refresh\"" in html.lower() and not sheets:
            continue   # index.html only redirects to the first chapter
        assert sheets == ["kit-site.css"], page.name
        styled += 1
    assert styled >= len(toc_files())
