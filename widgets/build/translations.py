"""The Japanese edition's prose: Sphinx gettext catalogs, one per page, in ``locales/ja/LC_MESSAGES/``.

``python -m widgets.build.translations update`` (``make gettext``) extracts every translatable message of the
book (paragraphs, list items, titles, admonition titles, table cells; MyST roles stay in the message, so glued
figures, citations and cross-references survive) with Sphinx's gettext builder, then merges it into each page's
``.po`` file: translations whose message is unchanged stay, a changed message keeps its old translation marked
fuzzy (to be checked), a new one is empty, and messages no page has any more are dropped.

``python -m widgets.build.translations check`` lists, per page, the messages still untranslated or fuzzy
(``tests/test_translations.py`` fails on any). The build compiles the catalogs itself (``gettext_auto_build``).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from widgets.build.buildtools import write_edition_config

ROOT = Path(__file__).resolve().parents[2]
LANGUAGE = "ja"
CATALOGS = ROOT / "locales" / LANGUAGE / "LC_MESSAGES"
TEMPLATES = ROOT / "_build" / "gettext"


def extract(root: Path = ROOT) -> Path:
    """Run Sphinx's gettext builder over the book (the Japanese edition's settings); return the templates' folder."""
    config = write_edition_config(LANGUAGE, root)
    import shutil
    shutil.rmtree(root / "_build" / "gettext-run", ignore_errors=True)   # read every page afresh
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", ".", "--config", str(config),
               "--path-output", str(root / "_build" / "gettext-run"), "--builder", "custom",
               "--custom-builder", "gettext"]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True,
                          env={**os.environ, "KIT_LANG": LANGUAGE})
    if done.returncode != 0:
        raise SystemExit((done.stdout + done.stderr)[-4000:])
    built = root / "_build" / "gettext-run" / "_build" / "gettext"
    if TEMPLATES.exists():
        import shutil
        shutil.rmtree(TEMPLATES)
    built.rename(TEMPLATES)
    return TEMPLATES


def _read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=LANGUAGE)


def merge(template: Catalog, existing: Catalog | None) -> Catalog:
    """The template's messages with the existing translations: kept when the message is unchanged, kept but
    fuzzy when babel finds a close earlier message, empty for a new one; messages gone from the book drop."""
    if existing is None:
        catalog = Catalog(locale=LANGUAGE, project=template.project, charset="utf-8")
        for message in template:
            if message.id:
                catalog.add(message.id, "", locations=message.locations, context=message.context)
        return catalog
    existing.update(template, no_fuzzy_matching=False)
    existing.obsolete.clear()
    return existing


def update(templates: Path = TEMPLATES, catalogs: Path = CATALOGS) -> list[Path]:
    """Merge every template (``.pot``) into its page's catalog (``.po``); return the catalogs written."""
    written = []
    for pot in sorted(templates.rglob("*.pot")):
        relative = pot.relative_to(templates).with_suffix(".po")
        target = catalogs / relative
        catalog = merge(_read(pot), _read(target) if target.exists() else None)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            write_po(handle, catalog, width=0, omit_header=False, sort_output=False, include_previous=True)
        written.append(target)
    return written


def status(catalogs: Path = CATALOGS) -> dict[str, dict[str, int]]:
    """Per catalog: its messages, how many are translated, untranslated and fuzzy."""
    report = {}
    for path in sorted(catalogs.rglob("*.po")):
        messages = [m for m in _read(path) if m.id]
        report[str(path.relative_to(catalogs))] = {
            "messages": len(messages),
            "untranslated": sum(1 for m in messages if not m.string),
            "fuzzy": sum(1 for m in messages if m.fuzzy),
        }
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["update", "check"])
    args = parser.parse_args(argv)
    if args.command == "update":
        extract()
        for path in update():
            print("catalog:", path.relative_to(ROOT))
    report = status()
    open_items = {name: s for name, s in report.items() if s["untranslated"] or s["fuzzy"]}
    for name, counts in report.items():
        print(f"{name}: {counts['messages']} messages, {counts['untranslated']} untranslated, {counts['fuzzy']} fuzzy")
    return 1 if (args.command == "check" and open_items) else 0


if __name__ == "__main__":
    raise SystemExit(main())
