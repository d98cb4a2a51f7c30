"""A workshop's own values: ``overrides`` in ``workshops/<name>.yml`` replace rows of ``model_parameters`` for
that workshop's build (``KIT_WORKSHOP=<name>``), and every replaced value stays marked as the instructor's.

Each override names a row (``parameter``, ``scenario``), the workshop's ``value`` and the instructor's ``note``
(why this value). The value must keep the column's rules (no negative value, a % at most 100). A figure read
from an overridden row comes back as a :class:`WorkshopValue` (a float that carries the note), a starting
value's provenance says "workshop-assumption" instead of naming the source, and the chapter shows the
value with the words "workshop assumption" and the appendix lists every override with its note.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from widgets.core.labels import localized

ROOT = Path(__file__).resolve().parents[2]
ENV = "KIT_WORKSHOP"
TABLE = "model_parameters"
#: The confidence a workshop's own value carries in a starting value's provenance.
ASSUMPTION = "workshop-assumption"


class WorkshopError(ValueError):
    """A workshop file that breaks a rule: the message names the file, the entry and the rule."""


class WorkshopValue(float):
    """A number an instructor set for a workshop, with the instructor's note."""

    note: str

    def __new__(cls, value: float, note: str):
        number = super().__new__(cls, value)
        number.note = note
        return number


@dataclass(frozen=True)
class Override:
    parameter: str
    scenario: str
    value: float
    note: str


def active() -> str | None:
    """The workshop this process builds (``KIT_WORKSHOP``), or None for the full kit."""
    return os.environ.get(ENV) or None


def _fail(name: str, where: str, rule: str) -> WorkshopError:
    return WorkshopError(f"workshops/{name}.yml, {where}: {rule}")


@lru_cache(maxsize=8)
def _read(name: str, root: Path, _mtime: float) -> dict:
    return yaml.safe_load((root / "workshops" / f"{name}.yml").read_text(encoding="utf-8")) or {}


def spec(name: str, root: Path | None = None) -> dict:
    """The workshop file as YAML (fails with the list of workshops when it does not exist)."""
    root = root or ROOT
    path = root / "workshops" / f"{name}.yml"
    if not path.exists():
        available = ", ".join(sorted(p.stem for p in (root / "workshops").glob("*.yml")))
        raise WorkshopError(f"workshops/{name}.yml does not exist (workshops: {available})")
    return _read(name, root, path.stat().st_mtime)


def overrides(name: str, root: Path | None = None) -> tuple[Override, ...]:
    """The workshop's overrides, each checked for its keys, a number and a note."""
    entries = spec(name, root).get("overrides") or []
    if not isinstance(entries, list):
        raise _fail(name, "key 'overrides'", "a list of entries (parameter, scenario, value, note)")
    found = []
    for index, entry in enumerate(entries, start=1):
        where = f"overrides entry {index}"
        if not isinstance(entry, dict):
            raise _fail(name, where, "each entry is a mapping with parameter, scenario, value and note")
        missing = [key for key in ("parameter", "scenario", "value", "note") if key not in entry]
        if missing:
            raise _fail(name, where, f"missing {', '.join(missing)}")
        value = entry["value"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
            raise _fail(name, f"{where} (value)", f"a number, got {value!r}")
        if not str(entry["note"]).strip():
            raise _fail(name, f"{where} (note)", "say why the workshop uses this value")
        found.append(Override(str(entry["parameter"]), str(entry["scenario"]), float(value),
                              localized(entry, "note")))   # note_ja in the Japanese edition
    keys = [(o.parameter, o.scenario) for o in found]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise _fail(name, "key 'overrides'", f"row {repeated[0]} is overridden twice")
    return tuple(found)


def active_overrides() -> tuple[Override, ...]:
    name = active()
    return overrides(name) if name else ()
