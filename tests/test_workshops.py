"""Workshop files: the plan adds up, names existing chapters, and a broken file stops with the file, the entry
and the rule."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from widgets.pages import workshops


def test_every_shipped_workshop_adds_up_and_names_existing_chapters():
    for path in sorted((ROOT / "workshops").glob("*.yml")):
        workshop = workshops.load(path.stem)
        assert sum(s.minutes for s in workshop.slots) + workshop.breaks_minutes == workshop.minutes
        for slot in workshop.slots:
            assert (ROOT / f"{slot.file}.md").exists() and slot.plan and slot.cut


def _copy(tmp_path, text: str):
    (tmp_path / "workshops").mkdir()
    (tmp_path / "chapters").mkdir()
    shutil.copy(ROOT / "chapters" / "00_start_here.md", tmp_path / "chapters")
    (tmp_path / "workshops" / "w.yml").write_text(text, encoding="utf-8")


GOOD = """title: T
minutes: 15
chapters:
  - file: chapters/00_start_here
    minutes: 10
    plan: p
    cut: c
  - break: 5
"""


def test_a_good_file_loads(tmp_path):
    _copy(tmp_path, GOOD)
    workshop = workshops.load("w", root=tmp_path)
    assert workshop.slot("00_start_here").minutes == 10 and workshop.breaks_minutes == 5


@pytest.mark.parametrize("text, message", [
    (GOOD.replace("minutes: 15", "minutes: 20"), "add up to 15 minutes, not 20"),
    (GOOD.replace("00_start_here", "99_nowhere"), "no chapter chapters/99_nowhere.md"),
    (GOOD.replace("    minutes: 10\n", "    minutes: -3\n"), "whole number above 0"),
    (GOOD.replace("    cut: c\n", ""), "missing cut"),
    (GOOD.replace("title: T\n", ""), "key 'title'"),
])
def test_a_broken_file_names_the_file_the_entry_and_the_rule(tmp_path, text, message):
    _copy(tmp_path, text)
    with pytest.raises(workshops.WorkshopError, match="workshops/w.yml") as error:
        workshops.load("w", root=tmp_path)
    assert message in str(error.value)


def test_an_unknown_workshop_lists_the_ones_there_are():
    with pytest.raises(workshops.WorkshopError, match="seminar-150"):
        workshops.load("no-such-workshop")


def test_a_japanese_workshop_is_configured_as_the_japanese_edition(tmp_path):
    from widgets.build.workshop import config, workshop_folder
    japanese = config("題", tmp_path / "cache", edition="ja")
    assert japanese["sphinx"]["config"]["language"] == "ja" and japanese["title"] == "題"
    assert japanese["sphinx"]["config"]["kit_other_edition"] == ""     # a workshop stands alone
    assert "language" not in config("Title", tmp_path / "cache")["sphinx"]["config"]
    assert workshop_folder("executive-90", "ja").name == "executive-90-ja"
