"""Build a workshop, or any subset of the chapters, as its own strict book.

``python -m widgets.build.workshop NAME`` (``make workshop NAME=…``) reads ``workshops/NAME.yml``, checks it and
its overrides, runs the data gate with the workshop's values, and builds its chapters, in its order, with its
title, into ``_build/workshops/NAME/_build/html``. The bibliography is always added (citations need it), and
the data appendix when the workshop sets its own values (it lists them with the instructor's notes). Links to
chapters the workshop leaves out become plain text naming them (``widgets.build.standalone``).

``python -m widgets.build.workshop --chapters chapters/02_regulation [...]`` builds those chapters alone, without
workshop values, reusing the full book's execution cache (the chapters' code and data are the same), which is
how the tests check that every chapter stands alone.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

from widgets.build import pdf
from widgets.build.buildtools import deep_merge, edition_config, execution_cache
from widgets.pages import workshops

ROOT = Path(__file__).resolve().parents[2]
BIBLIOGRAPHY = "chapters/a5_bibliography"
DATA_APPENDIX = "chapters/a3_data_methods"
STRICT = ["-W", "-n", "--keep-going"]


def book_chapters(chapters: list[str], with_values: bool) -> list[str]:
    """The workshop's chapters in its order, then the data appendix (when it sets values) and the bibliography."""
    files = list(dict.fromkeys(chapters))
    if with_values and DATA_APPENDIX not in files:
        files.append(DATA_APPENDIX)
    if BIBLIOGRAPHY not in files:
        files.append(BIBLIOGRAPHY)
    return files


def toc(chapters: list[str]) -> dict:
    """A jb-book table of contents: the first chapter is the root page, the others follow in order."""
    first, *rest = chapters
    spec: dict = {"format": "jb-book", "root": first}
    if rest:
        spec["chapters"] = [{"file": file} for file in rest]
    return spec


def config(title: str, cache: Path, root: Path = ROOT, edition: str = "en") -> dict:
    """The book's ``_config.yml`` (with the edition's override, ``locales/<edition>/config_override.yml``) with the
    workshop's title and its own execution cache; a workshop is one book on its own, with no other edition beside it
    to link to."""
    return deep_merge(edition_config(edition, root), {"title": title, "execute": {"cache": str(cache)}, "only_build_toc_files": True,
                             "sphinx": {"config": {"kit_other_edition": ""}}})


def write_book_files(folder: Path, chapters: list[str], title: str, cache: Path,
                     edition: str = "en") -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    toc_path, config_path = folder / "_toc.yml", folder / "_config.yml"
    toc_path.write_text(yaml.safe_dump(toc(chapters), sort_keys=False), encoding="utf-8")
    config_path.write_text(yaml.safe_dump(config(title, cache, edition=edition), allow_unicode=True, sort_keys=False),
                           encoding="utf-8")
    return toc_path, config_path


def run_build(folder: Path, toc_path: Path, config_path: Path, env: dict) -> subprocess.CompletedProcess:
    """The strict build of one subset, into ``folder/_build/html``; the gate first, as ``make book`` does."""
    gate = subprocess.run([sys.executable, "-m", "widgets.build.data_gate", "--toc", str(toc_path)], cwd=ROOT,
                          env=env, capture_output=True, text=True)
    if gate.returncode != 0:
        return gate
    shutil.rmtree(folder / "_build" / "html", ignore_errors=True)
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", ".", "--config", str(config_path),
               "--toc", str(toc_path), "--path-output", str(folder), *STRICT]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def workshop_folder(name: str, edition: str = "en") -> Path:
    """Where a workshop is built: ``_build/workshops/<name>`` (the Japanese edition: ``<name>-ja``)."""
    return ROOT / "_build" / "workshops" / (name if edition == "en" else f"{name}-{edition}")


def build_workshop(name: str, edition: str = "en") -> subprocess.CompletedProcess:
    """A workshop's pages, strictly, in the edition's language (``en`` or ``ja``)."""
    env = {**os.environ, "KIT_WORKSHOP": name, "KIT_LANG": edition}
    previous = os.environ.get("KIT_LANG")
    os.environ["KIT_LANG"] = edition      # the plan's title and notes in the edition's language
    try:
        plan = workshops.load(name)       # checks the plan and its overrides
    finally:
        if previous is None:
            del os.environ["KIT_LANG"]
        else:
            os.environ["KIT_LANG"] = previous
    folder = workshop_folder(name, edition)
    chapters = book_chapters([slot.file for slot in plan.slots], with_values=bool(plan.overrides))
    # the full kit's own plan with no values of its own computes what the full book computes: its execution cache
    # serves (any other workshop changes the instructor notes or the values, and executes its chapters afresh)
    shared = name == workshops.SEMINAR and not plan.overrides
    cache = execution_cache(edition) if shared else folder / ".jupyter_cache"
    toc_path, config_path = write_book_files(folder, chapters, plan.title, cache, edition)
    return run_build(folder, toc_path, config_path, env)


def build_chapters(chapters: list[str], folder: Path) -> subprocess.CompletedProcess:
    """Build ``chapters`` alone (no workshop values), reusing the full book's execution cache."""
    title = edition_config("en")["title"]
    files = book_chapters(chapters, with_values=False)
    toc_path, config_path = write_book_files(folder, files, title, execution_cache("en"))
    env = {key: value for key, value in os.environ.items() if key != "KIT_WORKSHOP"}
    return run_build(folder, toc_path, config_path, env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", nargs="?", help="a workshop file's name (workshops/NAME.yml)")
    parser.add_argument("--chapters", nargs="+", help="build these chapters alone instead (chapters/NN_name)")
    parser.add_argument("--output", type=Path, help="with --chapters: the build folder")
    parser.add_argument("--no-pdf", action="store_true", help="a workshop's HTML only, without its PDF")
    parser.add_argument("--edition", choices=["en", "ja"], default="en", help="the language (default: en)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        if args.chapters:
            folder = args.output or ROOT / "_build" / "subsets" / "-".join(Path(c).name for c in args.chapters)
            done = build_chapters(args.chapters, folder)
        elif args.name:
            folder = workshop_folder(args.name, args.edition)
            done = build_workshop(args.name, args.edition)
        else:
            parser.error("name a workshop or give --chapters")
    except workshops.WorkshopError as error:
        print(error, file=sys.stderr)
        return 1
    if done.returncode != 0:
        print((done.stdout + done.stderr)[-6000:], file=sys.stderr)
        return done.returncode
    print(f"Built in {time.perf_counter() - started:.0f} s: open {folder / '_build' / 'html' / 'index.html'}")
    if args.name and not args.no_pdf:
        os.environ["KIT_LANG"] = args.edition   # the PDF's own words (contents, solutions) in the edition's language
        title = workshops.load(args.name).title
        return pdf.main([str(folder / "_build" / "html"), str(folder / f"{args.name}.pdf"),
                         "--toc", str(folder / "_toc.yml"), "--title", title])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
