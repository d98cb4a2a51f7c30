"""One stylesheet per site, holding only the rules its pages can use (Sphinx ``build-finished``).

A page of the book linked ten stylesheets (the theme with all of Bootstrap, Pygments, myst-nb, sphinx-design, …),
about 450 kB that block the first paint on a phone. After the build this reads every page, collects the classes,
ids and elements they use, keeps each stylesheet's rules whose selectors can match (plus the classes the
theme's, Bootstrap's and the kit's scripts add while the page runs, ``DYNAMIC``), and writes them, in the
pages' order, to ``_static/kit-site.css``; every page then links that one file instead.

A selector is kept when every class and id it names outside ``:not(…)`` is used; element, attribute and
pseudo-class parts are not judged (they are cheap, and dark mode hangs on an attribute of ``<html>``). At-rules
that group rules (``@media``, ``@supports``, ``@layer``) are filtered inside; ``@font-face``, ``@keyframes`` and
``@page`` are kept whole. Relative ``url()``s are rebased to the new file's folder.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import tinycss2
from bs4 import BeautifulSoup

BUNDLE = Path("_static", "kit-site.css")
SKIPPED_FOLDERS = {"_static", "_sources", "_images", "_downloads", "_sphinx_design_static"}
#: Classes and ids that scripts add while a page runs (so no built page has them): theme and Bootstrap
#: states, search results, copy and toggle buttons, highlighting, the kit's own chart and maths loaders.
DYNAMIC = re.compile(r"^(?:show|showing|hiding|collapse|collapsing|collapsed|expanded|active|disabled|fade|open|in|"
                     r"visible|focus.*|dropdown.*|modal.*|tooltip.*|bs-.*|popover.*|bd-search.*|search.*|pst-.*|"
                     r"theme-.*|scroll.*|bd-sidebar.*|tb-.*|toggle.*|copybtn|o-tooltip.*|success|highlighted|"
                     r"goodmatch|keywordmatches|context|summary|kit-.*|vega.*|mjx-.*|MathJax.*|was-validated|"
                     r"is-.*|has-.*|hidden|sr-only.*|visually-hidden.*)$")
_CLASS_OR_ID = re.compile(r"([.#])(-?[_a-zA-Z][\w-]*)")
_NOT = re.compile(r":not\((?:[^()]|\([^()]*\))*\)")
_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")


def used_names(pages: list[Path]) -> tuple[set[str], set[str]]:
    """The classes and ids the pages' HTML uses."""
    classes, ids = set(), set()
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(True):
            classes.update(element.get("class") or [])
            if element.get("id"):
                ids.add(element["id"])
    return classes, ids


def split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside ``:is(…)`` or ``:not(…)``)."""
    parts, depth, current = [], 0, ""
    for char in prelude:
        depth += char == "("
        depth -= char == ")"
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [part.strip() for part in parts if part.strip()]


def can_match(selector: str, classes: set[str], ids: set[str]) -> bool:
    """Whether every class and id the selector requires (outside ``:not(…)``) is used or added by a script."""
    for kind, name in _CLASS_OR_ID.findall(_NOT.sub("", selector)):
        if DYNAMIC.match(name):
            continue
        if (kind == "." and name not in classes) or (kind == "#" and name not in ids):
            return False
    return True


def _filtered(rules, classes: set[str], ids: set[str]) -> str:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [s for s in split_selectors(tinycss2.serialize(rule.prelude)) if can_match(s, classes, ids)]
            if kept:
                out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule":
            keyword = rule.lower_at_keyword
            if keyword in ("media", "supports", "layer", "container") and rule.content is not None:
                inner = _filtered(tinycss2.parse_rule_list(rule.content, skip_whitespace=True,
                                                           skip_comments=True), classes, ids)
                if inner:
                    out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
            elif keyword == "charset":
                continue
            else:
                out.append(rule.serialize())
    return "".join(out)


def purge(css: str, classes: set[str], ids: set[str]) -> str:
    """The stylesheet's rules that the pages can use."""
    rules = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    return _filtered(rules, classes, ids)


def rebase_urls(css: str, source: Path, target_dir: Path) -> str:
    """Relative ``url()``s of a stylesheet at ``source``, made relative to ``target_dir``."""
    def rebase(match: re.Match) -> str:
        url = match.group(2)
        if re.match(r"^(?:[a-z]+:|/|#)", url):
            return match.group(0)
        new = os.path.relpath((source.parent / url).resolve(), target_dir.resolve()).replace(os.sep, "/")
        return f"url({match.group(1)}{new}{match.group(1)})"
    return _URL.sub(rebase, css)


def site_pages(outdir: Path) -> list[Path]:
    return [p for p in sorted(outdir.rglob("*.html"))
            if not set(p.relative_to(outdir).parts[:-1]) & SKIPPED_FOLDERS]


def _stylesheet_links(soup: BeautifulSoup) -> list:
    return [link for link in soup.find_all("link") if "stylesheet" in (link.get("rel") or [])
            and not re.match(r"^[a-z]+:", link.get("href", ""))]


def bundle_site_css(outdir: Path) -> Path | None:
    """Write ``_static/kit-site.css`` from the stylesheets the pages link and point every page to it."""
    pages = site_pages(outdir)
    if not pages:
        return None
    classes, ids = used_names(pages)
    order: list[Path] = []
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for link in _stylesheet_links(soup):
            path = (page.parent / link["href"].split("?")[0]).resolve()
            if path.exists() and path not in order:
                order.append(path)
    target = outdir / BUNDLE
    css = "".join(rebase_urls(purge(path.read_text(encoding="utf-8"), classes, ids), path, target.parent)
                  for path in order)
    target.write_text(css, encoding="utf-8")
    version = hashlib.sha256(css.encode()).hexdigest()[:10]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(text, "html.parser")
        links = _stylesheet_links(soup)
        bundled = [l for l in links if (page.parent / l["href"].split("?")[0]).resolve() in order]
        if not bundled:
            continue
        href = os.path.relpath(target, page.parent).replace(os.sep, "/") + f"?v={version}"
        first = str(bundled[0])
        for link in bundled:
            # edit the text, not the soup: the rest of the page stays byte for byte as Sphinx wrote it
            text = re.sub(r'<link[^>]*href="' + re.escape(link["href"]) + r'"[^>]*/?>\s*', "", text, count=1)
        text = text.replace("</title>", f'</title>\n    <link rel="stylesheet" href="{href}" />', 1) \
            if first else text
        page.write_text(text, encoding="utf-8")
    return target


def write_site_css(app, exception) -> None:
    """``build-finished``: bundle the site's CSS after a successful HTML build."""
    if exception is not None or app.builder.format != "html":
        return
    bundle_site_css(Path(app.outdir))
