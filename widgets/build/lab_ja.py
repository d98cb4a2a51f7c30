"""The Japanese chapters for JupyterLab, made from the English sources and the Japanese catalogs.

``python -m widgets.build.lab_ja [TARGET]`` (``make lab-ja``) writes every chapter of the book to
``TARGET/chapters/`` (default ``_build/lab-ja``) with its prose replaced by the catalog's translation, block by
block, exactly as the Japanese book is made from the same catalogs: a paragraph, a heading, a list item, a quoted
line, a table cell, a box's title. Code cells are left as they are; the kernels run with ``KIT_LANG=ja``, so charts,
explorers, tables and figures speak Japanese too. Nothing is copied by hand: an English block whose translation is
missing stays English (and ``make gettext`` then lists it as untranslated).

The catalogs hold the prose as the book's reader turns it (``{eval}`expr``` becomes a glue role keyed by the
expression, ``{eval}`cite.p("k")``` a citation role, :mod:`widgets.build.eval_reader`); this module turns each
block into that form to look it up, and turns the translation back into ``{eval}`` roles for JupyterLab.
"""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from widgets.build.data_gate import toc_chapters
from widgets.build.eval_reader import EVAL_ROLE, cite_role, glue_name
from widgets.build.folders import swap_in

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = ROOT / "locales" / "ja" / "LC_MESSAGES"
TARGET = ROOT / "_build" / "lab-ja"

_HEADING = re.compile(r"^(#{1,6}\s+)(.+)$")
_DIRECTIVE = re.compile(r"^(\s*(?::{3,}|`{3,})\{[\w:-]+\}\s*)(.*)$")
_ITEM = re.compile(r"^(\s*(?:[-*+]|\d+\.)\s+)(.*)$")
_QUOTE = re.compile(r"^(>\s?)(.*)$")
_LABEL = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
_VERBATIM = re.compile(r"^\s*(`{3,}|:{3,})\{(?:math|code|code-block)\}")
_DEFINITION = re.compile(r"^(:\s+)(.*)$")
_KEEP = re.compile(r"^\s*(?::{3,}|`{3,}|\$\$|:[\w-]+:|\(.+\)=$|\|?\s*:?-{3,})")


def as_message(text: str) -> tuple[str, dict[str, str]]:
    """A block as the catalog holds it, and the roles to turn back: (message id, catalog role → ``{eval}`` role)."""
    back = {}

    def replace(match: re.Match) -> str:
        expression = match.group(1)
        role = cite_role(expression) or f"{{glue:md}}`{glue_name(expression)}:myst`"
        back[role] = match.group(0)
        return role
    return EVAL_ROLE.sub(replace, " ".join(line.strip() for line in text.splitlines()).strip()), back


class Catalog:
    """One page's translations (message id → Japanese), and how many blocks it did and did not translate."""

    def __init__(self, path: Path):
        self.messages = {}
        if path.exists():
            with path.open("rb") as handle:
                self.messages = {m.id: m.string for m in read_po(handle) if m.id and m.string and not m.fuzzy}
        self.translated = self.missed = 0

    def translate(self, text: str) -> str:
        """``text`` in Japanese, with its ``{eval}`` roles; ``text`` itself when the catalog has no translation."""
        message, back = as_message(text)
        if not re.sub(r"\{[a-z:]+\}`[^`]*`|[^\w]", "", message) or _LABEL.fullmatch(message):
            return text   # nothing to translate: a value alone, or a label (a solution names its exercise)
        japanese = self.messages.get(message)
        if japanese is None:
            self.missed += 1
            return text
        self.translated += 1
        for role, original in back.items():
            japanese = japanese.replace(role, original)
        return japanese


def _table_row(line: str, catalog: Catalog) -> str:
    cells = line.strip().strip("|").split("|")
    return "| " + " | ".join(catalog.translate(cell.strip()) if cell.strip() else "" for cell in cells) + " |"


def translate_markdown(source: str, catalog: Catalog) -> str:
    """A Markdown cell with each block of prose replaced by its translation."""
    out, paragraph, prefix = [], [], ""
    in_maths = False

    def flush():
        nonlocal paragraph, prefix
        if paragraph:
            out.append(prefix + catalog.translate("\n".join(paragraph)))
        paragraph, prefix = [], ""

    fence = ""
    for line in source.split("\n"):
        if fence:   # inside an equation or a code block: kept as it is
            out.append(line)
            if line.strip() == fence:
                fence = ""
            continue
        verbatim = _VERBATIM.match(line)
        if verbatim:
            flush()
            fence = verbatim.group(1)
            out.append(line)
            continue
        definition = _DEFINITION.match(line)
        if definition and paragraph:   # a definition list: the term is its own block, then its definition
            flush()
            prefix, paragraph = definition.group(1), [definition.group(2)]
            continue
        if line.strip() == "$$" or (line.strip().startswith("$$") and line.strip().endswith("$$") and len(line.strip()) > 4):
            flush()
            in_maths = in_maths != (line.strip() == "$$")
            out.append(line)
            continue
        if in_maths or not line.strip():
            flush()
            out.append(line)
            continue
        heading, directive, item, quote = (_HEADING.match(line), _DIRECTIVE.match(line), _ITEM.match(line),
                                           _QUOTE.match(line))
        if heading:
            flush()
            out.append(heading.group(1) + catalog.translate(heading.group(2)))
        elif directive:
            flush()
            title = directive.group(2).strip()
            out.append(directive.group(1) + (catalog.translate(title) if title else ""))
        elif line.lstrip().startswith("|") and not _KEEP.match(line.replace("|", "").strip() and line or ""):
            flush()
            is_rule = re.fullmatch(r"\s*\|?[\s:|-]+\|?\s*", line) is not None
            out.append(line if is_rule else _table_row(line, catalog))
        elif _KEEP.match(line):
            flush()
            out.append(line)
        elif item:
            flush()
            prefix, paragraph = item.group(1), [item.group(2)]
        elif quote:
            flush()
            prefix, paragraph = quote.group(1), [quote.group(2)]
        else:
            paragraph.append(line)
    flush()
    return "\n".join(out)


def translate_chapter(text: str, catalog: Catalog) -> str:
    """A MyST text notebook with every Markdown cell translated (front matter and code cells kept)."""
    front, body = "", text
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4) + 5
        front, body = text[:end], text[end:]
    parts = re.split(r"(^```\{code-cell\}[^\n]*\n.*?^```\s*$)", body, flags=re.S | re.M)
    return front + "".join(part if part.startswith("```{code-cell}") else translate_markdown(part, catalog)
                           for part in parts)


def write_chapters(target: Path = TARGET, root: Path = ROOT) -> dict[str, tuple[int, int]]:
    """Write the Japanese chapters into ``target/chapters``; return, per page, (blocks translated, missed)."""
    staging = target.with_name(target.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "chapters").mkdir(parents=True)
    report = {}
    for page in toc_chapters(root / "_toc.yml"):
        catalog = Catalog(CATALOGS / f"{page}.po")
        text = translate_chapter((root / f"{page}.md").read_text(encoding="utf-8"), catalog)
        (staging / f"{page}.md").write_text(text, encoding="utf-8")
        report[page] = (catalog.translated, catalog.missed)
    swap_in(staging, target)
    return report


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else TARGET
    report = write_chapters(target)
    for page, (done, missed) in report.items():
        print(f"{page}: {done} blocks in Japanese" + (f", {missed} left in English" if missed else ""))
    print(f"Japanese chapters for JupyterLab: {target / 'chapters'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
