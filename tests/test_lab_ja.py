"""The Japanese chapters for JupyterLab (``make lab-ja``) and the Japanese edition's take-home notebooks are made
from the English sources and the catalogs: every block of prose found in its catalog, every ``{eval}`` role and
every code cell kept, and the result still a notebook jupytext reads with the same cells."""
from __future__ import annotations

from collections import Counter

import jupytext
import pytest

from conftest import ROOT, toc_files
from widgets.build.eval_reader import EVAL_ROLE
from widgets.build.lab_ja import CATALOGS, Catalog, as_message, translate_chapter, translate_markdown, write_chapters


def test_a_block_is_looked_up_as_the_book_reader_wrote_it_and_turned_back():
    catalog = Catalog(CATALOGS / "none.po")
    catalog.messages = {"About {glue:md}`" + as_message("{eval}`n.x`")[0].split("`")[1] + "` t {cite:p}`k`.":
                        "約{glue:md}`" + as_message("{eval}`n.x`")[0].split("`")[1] + "`トン{cite:p}`k`。"}
    assert catalog.translate("About {eval}`n.x` t\n{eval}`cite.p(\"k\")`.") == '約{eval}`n.x`トン{eval}`cite.p("k")`。'
    assert catalog.translate("Not in the catalog.") == "Not in the catalog." and catalog.missed == 1


def test_structure_is_kept_and_only_prose_is_looked_up():
    catalog = Catalog(CATALOGS / "none.po")
    catalog.messages = {"Title": "題", "First item": "一つ目", "Term": "用語", "Its meaning": "意味", "Cell": "セル"}
    source = ("(lbl)=\n# Title\n\n:::{admonition} Title\n:class: tip\n- First item\n:::\n\nTerm\n: Its meaning\n\n"
              "| Cell | Cell |\n|---|---|\n\n```{math}\nx = Title\n```")
    assert translate_markdown(source, catalog) == ("(lbl)=\n# 題\n\n:::{admonition} 題\n:class: tip\n- 一つ目\n:::\n\n"
                                                   "用語\n: 意味\n\n| セル | セル |\n|---|---|\n\n```{math}\nx = Title\n```")


@pytest.mark.parametrize("page", toc_files())
def test_every_block_is_translated_and_roles_and_code_survive(page):
    source = (ROOT / f"{page}.md").read_text(encoding="utf-8")
    catalog = Catalog(CATALOGS / f"{page}.po")
    japanese = translate_chapter(source, catalog)
    assert catalog.missed == 0
    assert Counter(EVAL_ROLE.findall(japanese)) == Counter(EVAL_ROLE.findall(source))
    english_cells = jupytext.reads(source, fmt="md:myst").cells
    japanese_cells = jupytext.reads(japanese, fmt="md:myst").cells
    assert [c.cell_type for c in japanese_cells] == [c.cell_type for c in english_cells]
    assert [c.source for c in japanese_cells if c.cell_type == "code"] == \
        [c.source for c in english_cells if c.cell_type == "code"]


def test_the_chapters_are_written_whole(tmp_path):
    report = write_chapters(tmp_path / "lab-ja")
    assert set(report) == set(toc_files())
    assert all((tmp_path / "lab-ja" / f"{page}.md").exists() for page in report)
    assert not (tmp_path / "lab-ja.new").exists()
