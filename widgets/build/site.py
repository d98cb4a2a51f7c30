"""Both editions in one site: ``en/``, ``ja/`` and a root page that opens the reader's language.

``python -m widgets.build.site EN_HTML JA_HTML TARGET`` copies the two built editions side by side into
``TARGET`` (``make book``: ``_build/site``) and writes ``TARGET/index.html``. That page sends a browser whose
first preferred language is Japanese to ``ja/`` and any other to ``en/``; without JavaScript it shows a link to
each edition. Every page of an edition links the same page of the other (:func:`edition_switch`, added by the
book's Sphinx extension when ``kit_other_edition`` is set), so a reader can change language anywhere.
"""
from __future__ import annotations

import html
import json
import shutil
import sys
from pathlib import Path

from widgets.build.buildtools import edition_config
from widgets.build.folders import swap_in
from widgets.build.data_gate import toc_chapters

ROOT = Path(__file__).resolve().parents[2]
#: Each edition's folder, the name of its language in that language, and the link text to it.
EDITIONS = {"en": "English", "ja": "日本語"}
ROOT_FILES = ("favicon.ico",)


def edition_switch(pagename: str, other: str, nav_label: str = "This page in another language") -> str:
    """The link from page ``pagename`` (e.g. ``chapters/04_supply``) to the same page of edition ``other``, for
    pages that sit in sibling folders (``en/…``, ``ja/…``)."""
    if other not in EDITIONS:
        raise ValueError(f"kit_other_edition = {other!r} is not allowed; allowed: {', '.join(EDITIONS)} or empty")
    up = "../" * (pagename.count("/") + 1)
    href = f"{up}{other}/{pagename}.html"
    name = EDITIONS[other]
    return (f'<nav class="kit-edition" aria-label="{html.escape(nav_label)}">'
            f'<a href="{html.escape(href)}" hreflang="{other}" lang="{other}">{html.escape(name)}</a></nav>')


def first_page(toc: Path = ROOT / "_toc.yml") -> str:
    """The book's first page inside an edition (the table of contents' root, e.g. ``chapters/00_start_here.html``):
    the root page links there, not to the edition's ``index.html``, which is only one more redirect."""
    return f"{toc_chapters(toc)[0]}.html"


def root_page(titles: dict[str, str], start: str = "index.html") -> str:
    """The site's root page: picks the edition by the browser's languages and opens its page ``start``; links
    both for a reader without JavaScript."""
    links = "\n".join(f'    <li lang="{code}"><a href="{code}/{html.escape(start)}" hreflang="{code}">'
                      f'{html.escape(titles.get(code, code))} ({html.escape(EDITIONS[code])})</a></li>'
                      for code in EDITIONS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{html.escape(titles.get("en", ""))} · {html.escape(titles.get("ja", ""))}</title>
  <link rel="icon" href="favicon.ico">
  <script>
    (function () {{
      var wanted = (navigator.languages && navigator.languages[0]) || navigator.language || "en";
      location.replace((/^ja\\b/i.test(wanted) ? "ja" : "en") + {json.dumps("/" + start)} + location.hash);
    }})();
  </script>
  <style>body{{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.6}}</style>
</head>
<body>
  <main>
  <h1>{html.escape(titles.get("en", ""))}</h1>
  <ul>
{links}
  </ul>
  </main>
</body>
</html>
"""


def edition_titles(root: Path = ROOT) -> dict[str, str]:
    """Each edition's title, as its book configuration sets it."""
    return {code: edition_config(code, root)["title"] for code in EDITIONS}


def assemble(editions: dict[str, Path], target: Path) -> Path:
    """Copy each built edition into ``target/<code>`` and write the root page; return ``target``."""
    missing = [f"{code}: {path}" for code, path in editions.items() if not (path / "index.html").exists()]
    if missing:
        raise SystemExit("no built edition at " + "; ".join(missing) + " (build it first: make book)")
    staging = target.with_name(target.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for code, path in editions.items():
        shutil.copytree(path, staging / code)
        for name in ROOT_FILES:
            if (path / name).exists() and not (staging / name).exists():
                shutil.copy2(path / name, staging / name)
    (staging / "index.html").write_text(root_page(edition_titles(), first_page()), encoding="utf-8")
    swap_in(staging, target)   # nothing half-written: the old site goes only when the new one is whole
    return target


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        raise SystemExit("usage: python -m widgets.build.site EN_HTML JA_HTML TARGET")
    target = assemble({"en": Path(argv[0]), "ja": Path(argv[1])}, Path(argv[2]))
    print(f"The site is built: {target}/index.html (en/ and ja/). Serve it with 'make serve'.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
