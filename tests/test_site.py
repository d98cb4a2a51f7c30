"""Both editions in one site: en/ and ja/ side by side, a root page that picks by language, and on every page a
link to the same page in the other edition that leads to a page that exists."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from widgets.build.site import EDITIONS, assemble, edition_switch, edition_titles, first_page, root_page


def test_the_switch_climbs_out_of_the_edition_and_into_the_other():
    assert 'href="../../ja/chapters/04_supply.html"' in edition_switch("chapters/04_supply", "ja")
    assert 'href="../en/index.html"' in edition_switch("index", "en")
    link = edition_switch("search", "ja")
    assert 'hreflang="ja"' in link and 'lang="ja"' in link and ">日本語</a>" in link   # named as it reads


def test_an_unknown_edition_is_refused_with_what_is_allowed():
    with pytest.raises(ValueError, match="kit_other_edition = 'fr' is not allowed; allowed: en, ja"):
        edition_switch("index", "fr")


def test_the_root_page_links_each_edition_and_picks_by_language():
    page = root_page(edition_titles())
    for code in EDITIONS:
        assert f'href="{code}/index.html" hreflang="{code}"' in page
    assert "navigator.languages" in page and '"ja" : "en"' in page


def test_the_root_page_opens_the_books_first_page_without_a_second_redirect(tmp_path):
    toc = tmp_path / "_toc.yml"
    toc.write_text("format: jb-book\nroot: chapters/intro\nchapters:\n  - file: chapters/one\n", encoding="utf-8")
    start = first_page(toc)
    assert start == "chapters/intro.html"
    page = root_page({"en": "Book", "ja": "本"}, start)
    assert 'href="en/chapters/intro.html" hreflang="en"' in page and 'href="ja/chapters/intro.html"' in page
    assert '+ "/chapters/intro.html" + location.hash' in page


@pytest.fixture(scope="module")
def site(built_site, built_site_ja, tmp_path_factory) -> Path:
    return assemble({"en": built_site, "ja": built_site_ja}, tmp_path_factory.mktemp("site") / "site")


def test_every_page_links_its_twin_in_the_other_edition(site):
    checked, broken = 0, []
    for code in EDITIONS:
        for page in sorted((site / code).rglob("*.html")):
            relative = page.relative_to(site / code)
            if any(part.startswith("_") for part in relative.parts):
                continue   # assets and helper files, not pages
            html = page.read_text(encoding="utf-8")
            if 'http-equiv="refresh"' in html.lower():
                continue   # index.html only redirects
            found = re.search(r'<nav class="kit-edition"[^>]*><a href="([^"]+)"', html)
            if not found:
                broken.append(f"{code}/{relative}: no link to the other edition")
                continue
            target = (page.parent / found.group(1)).resolve()
            other = target.relative_to(site.resolve()).parts[0]
            if other == code or not target.exists() or target.relative_to(site.resolve() / other) != relative:
                broken.append(f"{code}/{relative} → {found.group(1)}")
            checked += 1
    assert broken == []
    assert checked >= 2 * 10


def test_the_site_has_a_root_page_and_a_favicon(site):
    root = (site / "index.html").read_text(encoding="utf-8")
    assert "navigator.languages" in root
    for code in EDITIONS:   # the page the root opens exists in each edition
        assert (site / code / first_page()).exists()
        assert f'href="{code}/{first_page()}"' in root
    assert (site / "favicon.ico").exists()
    assert not site.with_name(site.name + ".new").exists()   # the staging folder is gone


def test_assembling_without_an_edition_says_what_to_build(tmp_path):
    with pytest.raises(SystemExit, match="no built edition at ja: .* \\(build it first: make book\\)"):
        assemble({"ja": tmp_path / "nothing"}, tmp_path / "site")
    assert not (tmp_path / "site").exists()
