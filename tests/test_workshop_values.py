"""A workshop's own values: overrides replace model_parameters rows only in that workshop's build, keep the
column's rules, and are labelled as the instructor's, never as the source's. The tests write their own
workshop files (in a temporary copy of the kit's folders) and use whatever parameter rows the data has."""
from __future__ import annotations

import shutil

import pytest
import yaml

from conftest import ROOT
from widgets.build.workshop import book_chapters, toc
from widgets.core import workshop
from widgets.core.data import figure, load_table
from widgets.core.sourced import parameter
from widgets.core.workshop import WorkshopError, WorkshopValue
from widgets.pages.common import Numbers


@pytest.fixture
def a_row():
    frame = load_table("model_parameters")
    found = frame[frame["unit"] != "%"].iloc[0]
    return str(found["parameter"]), str(found["scenario"]), float(found["value"])


@pytest.fixture
def workshop_file(tmp_path, monkeypatch):
    """Write workshops/<name>.yml in a temporary kit root and make it the active workshop."""
    shutil.copytree(ROOT / "workshops", tmp_path / "workshops")
    monkeypatch.setattr(workshop, "ROOT", tmp_path)

    def write(overrides: list[dict], name: str = "test-workshop") -> str:
        spec = {"title": "A test", "minutes": 5, "overrides": overrides,
                "chapters": [{"file": "chapters/00_start_here", "minutes": 5, "plan": "p", "cut": "c"}]}
        (tmp_path / "workshops" / f"{name}.yml").write_text(yaml.safe_dump(spec), encoding="utf-8")
        monkeypatch.setenv(workshop.ENV, name)
        return name
    return write


def test_an_override_changes_the_value_and_marks_it_as_the_instructors(workshop_file, a_row):
    name, scenario, original = a_row
    workshop_file([{"parameter": name, "scenario": scenario, "value": original * 2 + 1, "note": "room's guess"}])
    value = figure("model_parameters", "value", parameter=name, scenario=scenario)
    assert isinstance(value, WorkshopValue) and value == original * 2 + 1 and value.note == "room's guess"
    provenance = parameter(name, scenario)
    assert provenance.workshop_assumption and provenance.source_id == "" and provenance.how == "room's guess"
    numbers = Numbers("test")
    assert numbers.number("x", ".0f", value).endswith("(workshop assumption)")
    assert "room's guess" in numbers.source("y", provenance) and "[" not in numbers["y"]


def test_without_a_workshop_nothing_changes(monkeypatch, a_row):
    monkeypatch.delenv(workshop.ENV, raising=False)
    name, scenario, original = a_row
    value = figure("model_parameters", "value", parameter=name, scenario=scenario)
    assert not isinstance(value, WorkshopValue) and value == original
    assert not parameter(name, scenario).workshop_assumption


@pytest.mark.parametrize("entry, message", [
    ({"parameter": "no_such_row", "scenario": "base", "value": 1, "note": "n"}, "no row"),
    ({"scenario": "base", "value": 1, "note": "n"}, "missing parameter"),
    ({"parameter": "{p}", "scenario": "{s}", "value": "lots", "note": "n"}, "a number"),
    ({"parameter": "{p}", "scenario": "{s}", "value": -1, "note": "n"}, "minimum"),
    ({"parameter": "{p}", "scenario": "{s}", "value": 1, "note": " "}, "say why"),
])
def test_a_bad_override_names_the_file_the_entry_and_the_rule(workshop_file, a_row, entry, message):
    entry = {k: (v.format(p=a_row[0], s=a_row[1]) if isinstance(v, str) else v) for k, v in entry.items()}
    name = workshop_file([entry])
    with pytest.raises(WorkshopError, match=message) as failure:
        load_table("model_parameters")
    assert f"workshops/{name}.yml" in str(failure.value) and "entry 1" in str(failure.value)


def test_a_workshop_book_is_its_chapters_then_appendices():
    assert book_chapters(["chapters/02_regulation"], with_values=False) == ["chapters/02_regulation",
                                                                          "chapters/a5_bibliography"]
    with_values = book_chapters(["chapters/02_regulation", "chapters/02_regulation"], with_values=True)
    assert with_values == ["chapters/02_regulation", "chapters/a3_data_methods", "chapters/a5_bibliography"]
    spec = toc(with_values)
    assert spec["root"] == "chapters/02_regulation" and [c["file"] for c in spec["chapters"]] == with_values[1:]


def test_the_example_workshops_are_valid():
    from widgets.pages import workshops
    for path in sorted((ROOT / "workshops").glob("*.yml")):
        plan = workshops.load(path.stem)
        assert plan.slots and sum(s.minutes for s in plan.slots) + plan.breaks_minutes == plan.minutes
        for override in plan.overrides:
            assert override.note.strip()
