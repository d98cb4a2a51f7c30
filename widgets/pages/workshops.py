"""Workshop files (``workshops/<name>.yml``): a title, a total time and the chapters with the minutes each takes,
what the session covers and what it cuts. "Start here" shows the seminar plan as a table; each chapter's
instructor notes quote its own slot. A file that breaks a rule stops with the file, the entry and the rule.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from widgets.core import workshop as workshop_overrides
from widgets.core.labels import language, localized
from widgets.core.workshop import WorkshopError  # noqa: F401 (callers catch it from here)

ROOT = Path(__file__).resolve().parents[2]
WORKSHOPS = ROOT / "workshops"
SEMINAR = "seminar-150"
_TITLE = re.compile(r"^# (.+?)\s*$", re.M)


@dataclass(frozen=True)
class Slot:
    file: str          # chapters/NN_name (as in _toc.yml)
    minutes: int
    plan: str
    cut: str

    @property
    def stem(self) -> str:
        return Path(self.file).name


@dataclass(frozen=True)
class Workshop:
    name: str
    title: str
    minutes: int
    slots: tuple[Slot, ...]
    breaks_minutes: int
    overrides: tuple[workshop_overrides.Override, ...]

    def slot(self, stem: str) -> Slot:
        for slot in self.slots:
            if slot.stem == stem:
                return slot
        raise WorkshopError(f"workshops/{self.name}.yml: no chapter '{stem}' in the plan "
                            f"(chapters: {', '.join(s.stem for s in self.slots)})")


def _fail(name: str, where: str, rule: str) -> WorkshopError:
    return WorkshopError(f"workshops/{name}.yml, {where}: {rule}")


def _minutes(name: str, where: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise _fail(name, where, f"minutes must be a whole number above 0, got {value!r}")
    return value


def load(name: str = SEMINAR, root: Path = ROOT) -> Workshop:
    """Read and check ``workshops/<name>.yml``: the chapters exist, every slot has minutes, a plan and a cut, and
    the slots and breaks add up to the total."""
    spec = workshop_overrides.spec(name, root)
    for key in ("title", "minutes", "chapters"):
        if key not in spec:
            raise _fail(name, f"key '{key}'", "required key missing")
    total = _minutes(name, "key 'minutes'", spec["minutes"])
    slots, breaks = [], 0
    for index, entry in enumerate(spec["chapters"], start=1):
        where = f"chapters entry {index}"
        if not isinstance(entry, dict):
            raise _fail(name, where, "each entry is a mapping (file, minutes, plan, cut) or a break")
        if "break" in entry:
            breaks += _minutes(name, f"{where} (break)", entry["break"])
            continue
        missing = [key for key in ("file", "minutes", "plan", "cut") if key not in entry]
        if missing:
            raise _fail(name, where, f"missing {', '.join(missing)}")
        if not (root / f"{entry['file']}.md").exists():
            raise _fail(name, f"{where} (file)", f"no chapter {entry['file']}.md")
        slots.append(Slot(str(entry["file"]), _minutes(name, f"{where} (minutes)", entry["minutes"]),
                          localized(entry, "plan"), localized(entry, "cut")))
    used = sum(slot.minutes for slot in slots) + breaks
    if used != total:
        raise _fail(name, "key 'minutes'", f"the chapters and breaks add up to {used} minutes, not {total}")
    return Workshop(name, localized(spec, "title"), total, tuple(slots), breaks,
                    workshop_overrides.overrides(name, root))


def chapter_title(file: str, root: Path = ROOT) -> str:
    """The chapter's title (its first ``# `` heading), in the reader's language: the Japanese edition takes its
    translation from the page's catalog (``locales/ja/LC_MESSAGES/<file>.po``)."""
    found = _TITLE.search((root / f"{file}.md").read_text(encoding="utf-8"))
    if not found:
        raise WorkshopError(f"chapters/{file}.md has no '# ' title line to link to")
    return translated(found.group(1), file, root)


def translated(text: str, file: str, root: Path = ROOT) -> str:
    """``text`` of page ``file`` as its catalog translates it in the active language (itself in English, or when
    the catalog has no translation for it)."""
    catalog = root / "locales" / language() / "LC_MESSAGES" / f"{file}.po"
    if language() == "en" or not catalog.exists():
        return text
    from babel.messages.pofile import read_po
    with catalog.open("rb") as handle:
        message = read_po(handle).get(text)
    return message.string if message is not None and message.string and not message.fuzzy else text


def chapter_link(file: str, root: Path = ROOT) -> str:
    """A Markdown link to the chapter, by its title: it works in the book and in JupyterLab alike."""
    title = chapter_title(file, root).replace("[", "\\[").replace("]", "\\]")
    return f"[{title}]({Path(file).name}.md)"


def current() -> str:
    """The workshop being built (``KIT_WORKSHOP``), else the seminar plan the full kit shows."""
    return workshop_overrides.active() or SEMINAR


def plan_markdown(name: str | None = None):
    """The plan as a MyST table: chapter (linked), minutes, what the session covers, what it cuts."""
    from IPython.display import Markdown

    from widgets.core.labels import label
    workshop = load(name or current())
    head = " | ".join(label(f"workshop.table.{c}") for c in ("chapter", "minutes", "plan", "cut"))
    lines = [f"| {head} |", "|---|---|---|---|"]
    lines += [f"| {chapter_link(s.file)} | {s.minutes} | {s.plan} | {s.cut} |" for s in workshop.slots]
    if workshop.breaks_minutes:
        lines.append(f"| {label('workshop.table.break')} | {workshop.breaks_minutes} | | |")
    lines.append(f"| **{label('workshop.table.total')}** | **{workshop.minutes}** | | |")
    caption = label("workshop.table.caption", title=workshop.title)
    return Markdown(f":::{{table}} {caption}\n\n" + "\n".join(lines) + "\n:::\n")


def add_slot(numbers, stem: str, name: str | None = None) -> Slot:
    """Add this chapter's slot of the plan to its figures, for its instructor notes: ``slot_minutes``,
    ``slot_total``, ``slot_plan`` and ``slot_cut`` (``numbers`` is the chapter's ``widgets.pages.common.Numbers``).
    The plan is the workshop being built when it has this chapter, else the seminar's."""
    workshop = load(name or current())
    if name is None and stem not in {s.stem for s in workshop.slots}:
        workshop = load(SEMINAR)
    slot = workshop.slot(stem)
    numbers.text("slot_minutes", slot.minutes)
    numbers.text("slot_total", workshop.minutes)
    numbers.text("slot_plan", slot.plan)
    numbers.text("slot_cut", slot.cut)
    return slot
