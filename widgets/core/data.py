"""Load the CSV tables in ``data/`` as typed DataFrames, validated against ``data/datapackage.json``.

Every rule of the Table Schema subset the kit uses is checked on load: the header matches the
schema's fields in order; each cell parses as its type (string, integer, number, date, boolean);
``required``, ``enum``, ``minimum``, ``maximum``, ``pattern`` and ``unique`` hold, and the kit's one row rule,
``x-maximum-when`` (a percentage is at most 100); the primary key is
unique; every foreign key resolves (``source_id`` to a key of ``references.bib``). Fields marked
``"x-separator": ";"`` hold lists; enum and foreign-key rules then apply to each item.

The first broken rule stops the load with :class:`DataValidationError`, whose message names the
file, the line, the column, the rule and the value. Nothing is dropped or coerced silently.
"""
from __future__ import annotations

import csv
import json
import math
import os
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from widgets.core import workshop

#: The data folder; ``KIT_DATA_DIR`` points elsewhere (tests use it to run chapters on a corrupted copy).
DATA_DIR = Path(os.environ.get("KIT_DATA_DIR") or Path(__file__).resolve().parents[2] / "data")
BIBLIOGRAPHY_RESOURCE = "references"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INTEGER = re.compile(r"[+-]?\d+")
_BIB_KEY = re.compile(r"^@\w+\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)


class DataValidationError(ValueError):
    """A data file breaks its schema: the message names file, line, column, rule and value; the same parts are
    attributes (``file``, ``line``, ``column``, ``rule``, ``detail``) when the break is in one cell."""

    def __init__(self, message: str, *, file: str = "", line: int = 0, column: str = "", rule: str = "",
                 detail: str = ""):
        super().__init__(message)
        self.file, self.line, self.column, self.rule, self.detail = file, line, column, rule, detail


@dataclass(frozen=True)
class Cell:
    """Where a value sits, for error messages."""

    path: Path
    line: int
    column: str

    def fail(self, rule: str, detail: str) -> DataValidationError:
        where = f"{_display(self.path)}, line {self.line}, column '{self.column}'"
        return DataValidationError(f"{where}: rule '{rule}' broken: {detail}", file=_display(self.path),
                                   line=self.line, column=self.column, rule=rule, detail=detail)


def _display(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _data_dir(data_dir: Path | str | None) -> Path:
    return Path(data_dir) if data_dir is not None else DATA_DIR


def datapackage(data_dir: Path | str | None = None) -> dict:
    """The parsed ``datapackage.json``."""
    path = _data_dir(data_dir) / "datapackage.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise DataValidationError(f"{_display(path)}, line {error.lineno}: not valid JSON ({error.msg})") from None


def table_names(data_dir: Path | str | None = None) -> list[str]:
    """Names of the tabular resources, in package order."""
    return [resource["name"] for resource in datapackage(data_dir)["resources"]
            if resource.get("path", "").endswith(".csv")]


def resource(name: str, data_dir: Path | str | None = None) -> dict:
    """The package's resource descriptor called ``name``."""
    for candidate in datapackage(data_dir)["resources"]:
        if candidate["name"] == name:
            return candidate
    raise KeyError(f"no resource {name!r} in datapackage.json; tables: {', '.join(table_names(data_dir))}")


def enum_of(table: str, column: str, data_dir: Path | str | None = None) -> list[str]:
    """The allowed values of ``table.column`` as the schema lists them (the schema's order is meaningful:
    verdicts and confidence tags run from most to least supported)."""
    for field in resource(table, data_dir)["schema"]["fields"]:
        if field["name"] == column:
            enum = field.get("constraints", {}).get("enum")
            if not enum:
                raise KeyError(f"{table}.{column} has no enum in the schema")
            return list(enum)
    raise KeyError(f"table {table!r} has no column {column!r}")


def bibliography_keys(data_dir: Path | str | None = None) -> frozenset[str]:
    """Entry keys of ``references.bib``."""
    return _bibliography_keys(_data_dir(data_dir) / "references.bib")


@lru_cache(maxsize=8)
def _bibliography_keys(path: Path) -> frozenset[str]:
    return frozenset(_BIB_KEY.findall(path.read_text(encoding="utf-8")))


def _parse(value: str, field: dict, cell: Cell) -> object:
    """One non-missing cell as its schema type."""
    kind = field.get("type", "string")
    if kind == "string":
        return value
    if kind == "integer":
        if not _INTEGER.fullmatch(value):
            raise cell.fail("type integer", f"value {value!r} is not a whole number")
        return int(value)
    if kind == "number":
        try:
            number = float(value)
        except ValueError:
            raise cell.fail("type number", f"value {value!r} is not a number") from None
        if not math.isfinite(number):
            raise cell.fail("type number", f"value {value!r} is not a finite number")
        return number
    if kind == "date":
        try:
            if not _DATE.fullmatch(value):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            raise cell.fail("type date", f"value {value!r} is not a date in the form YYYY-MM-DD") from None
    if kind == "boolean":
        if value not in ("true", "false"):
            raise cell.fail("type boolean", f"value {value!r} is not 'true' or 'false'")
        return value == "true"
    raise cell.fail("schema", f"field type {kind!r} is not supported")


def _check_constraints(value: object, raw: str, field: dict, cell: Cell) -> None:
    constraints = field.get("constraints", {})
    if "enum" in constraints and value not in constraints["enum"]:
        allowed = ", ".join(map(str, constraints["enum"]))
        raise cell.fail("enum", f"value {raw!r} is not one of: {allowed}")
    if "minimum" in constraints and value < constraints["minimum"]:
        raise cell.fail("minimum", f"value {raw} is below the minimum {constraints['minimum']}")
    if "maximum" in constraints and value > constraints["maximum"]:
        raise cell.fail("maximum", f"value {raw} is above the maximum {constraints['maximum']}")
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], raw):
        raise cell.fail("pattern", f"value {raw!r} does not match {constraints['pattern']}")


def _items(raw: str, field: dict) -> list[str]:
    separator = field.get("x-separator")
    return raw.split(separator) if separator else [raw]


def _read_rows(path: Path, fields: list[dict]) -> list[tuple[int, dict[str, str]]]:
    """Rows with their line numbers, after checking the header against the schema."""
    if not path.exists():
        raise DataValidationError(f"{_display(path)}: file is missing (rule 'resource path')")
    expected = [field["name"] for field in fields]
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            raise DataValidationError(f"{_display(path)}, line 1: file is empty (rule 'header')")
        for name in expected:
            if name not in header:
                raise DataValidationError(f"{_display(path)}, line 1, column '{name}': rule 'header' broken: "
                                          f"column is missing")
        for name in header:
            if name not in expected:
                raise DataValidationError(f"{_display(path)}, line 1, column '{name}': rule 'header' broken: "
                                          f"column is not in the schema")
        if header != expected:
            raise DataValidationError(f"{_display(path)}, line 1: rule 'header' broken: columns must be in "
                                      f"schema order: {', '.join(expected)}")
        rows = []
        line = reader.line_num
        for record in reader:
            start, line = line + 1, reader.line_num
            if not record:
                continue
            if len(record) != len(header):
                raise DataValidationError(f"{_display(path)}, line {start}: rule 'row length' broken: "
                                          f"{len(record)} cells for {len(header)} columns")
            rows.append((start, dict(zip(header, record))))
    return rows


def _validate_rows(path: Path, schema: dict, rows: list[tuple[int, dict[str, str]]]) -> list[dict]:
    """Typed records; raises on the first broken field rule, unique or primary-key rule."""
    missing_values = set(schema.get("missingValues", [""]))
    fields = schema["fields"]
    typed_rows: list[dict] = []
    seen_unique: dict[str, dict[object, int]] = {f["name"]: {} for f in fields
                                                 if f.get("constraints", {}).get("unique")}
    for line, row in rows:
        typed: dict[str, object] = {}
        for field in fields:
            name, raw = field["name"], row[field["name"]]
            cell = Cell(path, line, name)
            if raw in missing_values:
                if field.get("constraints", {}).get("required"):
                    raise cell.fail("required", "value is missing")
                typed[name] = None
                continue
            items = [_parse(item, field, cell) for item in _items(raw, field)]
            for item, raw_item in zip(items, _items(raw, field)):
                _check_constraints(item, raw_item, field, cell)
            typed[name] = raw if field.get("x-separator") else items[0]
            if name in seen_unique:
                if typed[name] in seen_unique[name]:
                    raise cell.fail("unique", f"value {raw!r} also on line {seen_unique[name][typed[name]]}")
                seen_unique[name][typed[name]] = line
        _check_row_rules(typed, fields, path, line)
        typed_rows.append(typed)
    primary_key = schema.get("primaryKey", [])
    primary_key = [primary_key] if isinstance(primary_key, str) else primary_key
    if primary_key:
        seen: dict[tuple, int] = {}
        for (line, _), typed in zip(rows, typed_rows):
            key = tuple(typed[name] for name in primary_key)
            if key in seen:
                cell = Cell(path, line, ", ".join(primary_key))
                shown = ", ".join(str(part) for part in key)
                raise cell.fail("primary key", f"({shown}) also on line {seen[key]}")
            seen[key] = line
    return typed_rows


def _check_row_rules(typed: dict, fields: list[dict], path: Path, line: int) -> None:
    """Rules that read two cells of a row: ``"x-maximum-when": {"field": "unit", "values": ["%"], "maximum": 100}``
    caps a value when another cell of its row has one of the listed values (a share in % is at most 100)."""
    for field in fields:
        rule = field.get("x-maximum-when")
        value = typed.get(field["name"])
        if not rule or value is None or typed.get(rule["field"]) not in rule["values"]:
            continue
        if value > rule["maximum"]:
            raise Cell(path, line, field["name"]).fail(
                "maximum", f"value {value:g} is above {rule['maximum']:g} for a {rule['field']} of "
                           f"{typed[rule['field']]!r}")


def _check_foreign_keys(name: str, path: Path, schema: dict, rows: list[tuple[int, dict[str, str]]],
                        typed_rows: list[dict], data_dir: Path) -> None:
    fields_by_name = {field["name"]: field for field in schema["fields"]}
    for foreign_key in schema.get("foreignKeys", []):
        field_name = foreign_key["fields"]
        field_name = field_name[0] if isinstance(field_name, list) else field_name
        target = foreign_key["reference"]["resource"]
        target_field = foreign_key["reference"]["fields"]
        target_field = target_field[0] if isinstance(target_field, list) else target_field
        if target == BIBLIOGRAPHY_RESOURCE:
            allowed = bibliography_keys(data_dir)
            described = "a key in data/references.bib"
        elif target == name:
            allowed = {typed[target_field] for typed in typed_rows}
            described = f"a value of {target}.{target_field}"
        else:
            allowed = set(load_table(target, data_dir)[target_field].dropna())
            described = f"a value of {target}.{target_field}"
        for (line, _), typed in zip(rows, typed_rows):
            value = typed[field_name]
            if value is None:
                continue
            for item in _items(str(value), fields_by_name[field_name]):
                if item not in allowed:
                    raise Cell(path, line, field_name).fail("foreign key", f"value {item!r} is not {described}")


_PANDAS_TYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean", "string": "string"}


def _to_frame(typed_rows: list[dict], schema: dict) -> pd.DataFrame:
    columns = [field["name"] for field in schema["fields"]]
    frame = pd.DataFrame(typed_rows, columns=columns)
    for field in schema["fields"]:
        kind = field.get("type", "string")
        if kind == "date":
            frame[field["name"]] = pd.to_datetime(frame[field["name"]])
        else:
            frame[field["name"]] = frame[field["name"]].astype(_PANDAS_TYPES[kind])
    return frame


#: The tables this process has loaded, in first-use order (the book lists them as a chapter's data).
_TABLES_READ: dict[str, None] = {}


def tables_read() -> list[str]:
    """The names of the tables :func:`load_table` has returned in this process, in first-use order."""
    return list(_TABLES_READ)


def load_table(name: str, data_dir: Path | str | None = None, *, workshop_values: bool = True) -> pd.DataFrame:
    """Table ``name`` as a typed DataFrame, validated (including its foreign keys).

    The schema descriptor is attached as ``frame.attrs["resource"]``. Raises
    :class:`DataValidationError` on the first broken rule. In a workshop's build, ``model_parameters`` carries
    the workshop's own values (``widgets.core.workshop``) unless ``workshop_values`` is False.
    """
    _TABLES_READ.setdefault(name)
    directory = _data_dir(data_dir).resolve()
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(directory.glob("*")) if p.is_file())
    frame = _load_table_cached(name, directory, stamp).copy()
    if name == workshop.TABLE and workshop.active() and workshop_values:
        frame = _with_workshop_values(frame, workshop.active())
    return frame


def _with_workshop_values(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """``model_parameters`` with the workshop's overrides in place, each checked against the column's rules;
    ``frame.attrs["workshop_notes"]`` maps (parameter, scenario) to the instructor's note."""
    field = next(f for f in frame.attrs["resource"]["schema"]["fields"] if f["name"] == "value")
    notes: dict[tuple[str, str], str] = {}
    for index, override in enumerate(workshop.overrides(name), start=1):
        where = f"workshops/{name}.yml, overrides entry {index}"
        match = frame.index[(frame["parameter"] == override.parameter) & (frame["scenario"] == override.scenario)]
        if len(match) != 1:
            raise workshop.WorkshopError(f"{where}: no row ({override.parameter}, {override.scenario}) in "
                                         f"data/{workshop.TABLE}.csv")
        row_index = match[0]
        typed = frame.loc[row_index].to_dict() | {"value": override.value}
        try:
            _check_constraints(override.value, str(override.value), field, Cell(Path(where), 0, "value"))
            _check_row_rules(typed, [field], Path(where), 0)
        except DataValidationError as error:
            raise workshop.WorkshopError(f"{where} (value): {error.rule} broken: {error.detail}") from None
        frame.loc[row_index, "value"] = override.value
        notes[(override.parameter, override.scenario)] = override.note
    frame.attrs = {**frame.attrs, "workshop_notes": notes}
    return frame


@lru_cache(maxsize=64)
def _load_table_cached(name: str, directory: Path, _stamp: tuple) -> pd.DataFrame:
    descriptor = resource(name, directory)
    path = directory / descriptor["path"]
    schema = descriptor["schema"]
    rows = _read_rows(path, schema["fields"])
    typed_rows = _validate_rows(path, schema, rows)
    _check_foreign_keys(name, path, schema, rows, typed_rows, directory)
    frame = _to_frame(typed_rows, schema)
    frame.attrs["resource"] = descriptor
    return frame


def load_all(data_dir: Path | str | None = None) -> dict[str, pd.DataFrame]:
    """Every table, validated; the first broken rule in any file stops the load."""
    return {name: load_table(name, data_dir) for name in table_names(data_dir)}


def split_list(value: object) -> list[str]:
    """The items of a ``;``-list cell (empty for a missing cell)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return []
    return [item for item in str(value).split(";") if item]


# --- one-row lookups (starting values and chapters read sourced figures this way) ---------------------------

class FigureLookupError(LookupError):
    """A lookup that does not match exactly one row."""


def row(table: str, **where: object) -> pd.Series:
    """The single row of ``table`` whose columns equal ``where``; raises if none or several match."""
    frame = load_table(table)
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        if column not in frame.columns:
            raise FigureLookupError(f"table {table!r} has no column {column!r}")
        if isinstance(value, str) and pd.api.types.is_datetime64_any_dtype(frame[column]):
            value = pd.Timestamp(value)
        mask &= frame[column] == value
    matches = frame[mask.fillna(False)]
    if len(matches) != 1:
        raise FigureLookupError(f"{table} where {where}: {len(matches)} rows match, expected exactly 1")
    return matches.iloc[0]


def figure(table: str, column: str, **where: object) -> float | int | str:
    """One value from one row (plain Python type); a missing value is an error, not a NaN in prose. A value a
    workshop set comes back as a ``WorkshopValue`` that carries the instructor's note."""
    found = row(table, **where)
    value = found[column]
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        raise FigureLookupError(f"{table}.{column} where {where} is empty")
    note = workshop_note(found) if table == workshop.TABLE and column == "value" else None
    return workshop.WorkshopValue(float(value), note) if note else plain(value)


def workshop_note(parameter_row: pd.Series) -> str | None:
    """The instructor's note when a workshop set this ``model_parameters`` row's value, else None."""
    if not workshop.active():
        return None
    notes = load_table(workshop.TABLE).attrs.get("workshop_notes", {})
    return notes.get((parameter_row["parameter"], parameter_row["scenario"]))


def plain(value: object) -> float | int | str:
    """numpy / pandas scalars → float, int or str (myst-nb glue wants plain Python values)."""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, (bool, int, float, str)):
        return value
    return str(value)
