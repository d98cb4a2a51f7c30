"""Chapters that stand alone: a link to a chapter left out of the build becomes plain text.

A workshop (``workshops/<name>.yml``) builds a subset of the chapters. A chapter's Markdown link to another
chapter (``[Magnet materials](03_materials.md)``) that is not in this build would fail the strict build
("Unknown source document"); this post-transform runs just before myst-parser resolves links and turns such a
link into text naming the chapter: "*Magnet materials: using less, or none* (in the full kit)", or, when the
link's words differ from the title, "the magnet chapter (see *Magnet materials: using less, or none* in the
full kit)". The title is read from the chapter file itself, so the reader learns where to look.
"""
from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from widgets.core.labels import label

_TITLE = re.compile(r"^# (.+?)\s*$", re.M)


def chapter_title(source: Path) -> str | None:
    """The first '# ' heading of a chapter file, or None when the file does not exist or has none."""
    if not source.is_file():
        return None
    found = _TITLE.search(source.read_text(encoding="utf-8"))
    return found.group(1) if found else None


def missing_chapter_nodes(link_text: str, title: str) -> list[nodes.Node]:
    """The words that replace a link to a chapter this build leaves out."""
    if link_text.strip() == title.strip():
        return [nodes.emphasis(title, title), nodes.Text(" " + label("book.chapter_elsewhere"))]
    before, after = label("book.see_chapter_elsewhere").split("{title}")
    return [nodes.Text(f"{link_text} {before}"), nodes.emphasis(title, title), nodes.Text(after)]


class LinksToLeftOutChapters(SphinxPostTransform):
    """Replace Markdown links to chapters not in this build by plain text naming the chapter."""

    default_priority = 8  # before myst-parser's link resolver (9), which would warn

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("reftype") != "myst" or node.get("refdomain") != "doc":
                continue
            target = node["reftarget"]
            if target in self.env.all_docs:
                continue
            title = chapter_title(Path(self.env.srcdir) / f"{target}.md")
            if title is None:
                continue  # not a chapter of the kit: let myst-parser report the broken link
            text = node.astext()
            node.replace_self(nodes.inline("", "", *missing_chapter_nodes(text, title), classes=["kit-left-out"]))


def setup(app) -> dict:
    app.add_post_transform(LinksToLeftOutChapters)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
