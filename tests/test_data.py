"""The data package: every table loads and validates, and each table corrupted five ways stops the
load with the exact message (file, line, column, rule, value)."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

from widgets.core import data

TABLES = data.table_names()
def fields(table: str) -> list[dict]:
    return data.resource(table)["schema"]["fields"]


CONFIDENCE_LEVELS = ["primary", "secondary", "company-claim", "vendor", "weak"]


def test_package_lists_every_csv_in_data_folder():
    on_disk = {path.name for path in data.DATA_DIR.glob("*.csv")}
    described = {data.resource(name)["path"] for name in TABLES}
    assert on_disk == described


@pytest.mark.parametrize("table", TABLES)
def test_table_loads_typed_and_complete(table):
    frame = data.load_table(table)
    descriptor = data.resource(table)
    with (data.DATA_DIR / descriptor["path"]).open(encoding="utf-8", newline="") as handle:
        physical_rows = sum(1 for record in csv.reader(handle) if record) - 1
    assert len(frame) == physical_rows > 0  # nothing dropped, nothing empty
    for field in descriptor["schema"]["fields"]:
        if field["type"] == "date":
            assert pd.api.types.is_datetime64_any_dtype(frame[field["name"]]), field["name"]
        if field["type"] == "number":
            assert pd.api.types.is_float_dtype(frame[field["name"]]), field["name"]


@pytest.mark.parametrize("table", TABLES)
def test_every_row_carries_provenance(table):
    frame = data.load_table(table)
    if "source_id" not in frame.columns:  # tables that describe sources themselves (gaps) say where they looked
        assert table == "gaps"
        return
    assert frame["source_id"].notna().all()
    assert frame["as_of"].notna().all()
    assert set(frame["confidence"]) <= set(CONFIDENCE_LEVELS)
    assert set(frame["source_id"]) <= data.bibliography_keys()


def test_bibliography_entries_name_publisher_title_and_date():
    text = (data.DATA_DIR / "references.bib").read_text(encoding="utf-8")
    entries = text.split("\n@")[1:] if not text.startswith("@") else ("\n" + text).split("\n@")[1:]
    assert len(entries) == len(data.bibliography_keys())
    for entry in entries:
        key = entry.split("{", 1)[1].split(",", 1)[0]
        lowered = entry.lower()
        assert "title" in lowered, key
        assert "year" in lowered or "date" in lowered, key
        assert any(word in lowered for word in ("author", "organization", "publisher", "journal",
                                                 "institution", "howpublished")), key


# --- corruption: copy data/ to a temporary folder, break one table, expect the exact message ----------

def copy_package(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(data.DATA_DIR, target)
    return target


def read_table_text(folder: Path, table: str) -> tuple[list[str], list[list[str]]]:
    with (folder / data.resource(table, folder)["path"]).open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle) if row]
    return rows[0], rows[1:]


def write_table_text(folder: Path, table: str, header: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    (folder / data.resource(table, folder)["path"]).write_text(buffer.getvalue(), encoding="utf-8")


def expect_error(folder: Path, table: str, message: str) -> None:
    with pytest.raises(data.DataValidationError) as caught:
        data.load_table(table, folder)
    assert str(caught.value) == message


@pytest.mark.parametrize("table", TABLES)
def test_missing_column_is_named(table, tmp_path):
    folder = copy_package(tmp_path)
    header, rows = read_table_text(folder, table)
    dropped = header[-2]
    keep = [i for i, name in enumerate(header) if name != dropped]
    write_table_text(folder, table, [header[i] for i in keep], [[row[i] for i in keep] for row in rows])
    expect_error(folder, table,
                 f"data/{table}.csv, line 1, column '{dropped}': rule 'header' broken: column is missing")


@pytest.mark.parametrize("table", TABLES)
def test_wrong_type_is_named(table, tmp_path):
    typed = [f for f in fields(table) if f["type"] in ("number", "integer", "date", "boolean")]
    assert typed, f"{table} has no typed column to corrupt"
    field = typed[0]
    folder = copy_package(tmp_path)
    header, rows = read_table_text(folder, table)
    rows[0][header.index(field["name"])] = "n/a-value"
    write_table_text(folder, table, header, rows)
    detail = {"number": "is not a number", "integer": "is not a whole number",
              "date": "is not a date in the form YYYY-MM-DD", "boolean": "is not 'true' or 'false'"}
    expect_error(folder, table, f"data/{table}.csv, line 2, column '{field['name']}': rule 'type {field['type']}' "
                                f"broken: value 'n/a-value' {detail[field['type']]}")


@pytest.mark.parametrize("table", TABLES)
def test_value_outside_enum_or_range_is_named(table, tmp_path):
    folder = copy_package(tmp_path)
    header, rows = read_table_text(folder, table)
    enum_fields = [f for f in fields(table) if "enum" in f.get("constraints", {}) and "x-separator" not in f]
    range_fields = [f for f in fields(table) if "minimum" in f.get("constraints", {})]
    if enum_fields:
        field = enum_fields[0]
        rows[0][header.index(field["name"])] = "rumour"
        allowed = ", ".join(map(str, field["constraints"]["enum"]))
        message = (f"data/{table}.csv, line 2, column '{field['name']}': rule 'enum' broken: "
                   f"value 'rumour' is not one of: {allowed}")
    else:
        field = range_fields[0]
        low = field["constraints"]["minimum"]
        rows[0][header.index(field["name"])] = str(low - 1)
        message = (f"data/{table}.csv, line 2, column '{field['name']}': rule 'minimum' broken: "
                   f"value {low - 1} is below the minimum {low}")
    write_table_text(folder, table, header, rows)
    expect_error(folder, table, message)


BOUNDED_TABLES = [t for t in TABLES if any("maximum" in f.get("constraints", {}) for f in fields(t))]


@pytest.mark.parametrize("table", BOUNDED_TABLES)
def test_range_rule_is_named(table, tmp_path):
    field = [f for f in fields(table) if "maximum" in f.get("constraints", {})][0]
    folder = copy_package(tmp_path)
    header, rows = read_table_text(folder, table)
    high = field["constraints"]["maximum"]
    rows[0][header.index(field["name"])] = str(high + 1)
    write_table_text(folder, table, header, rows)
    expect_error(folder, table, f"data/{table}.csv, line 2, column '{field['name']}': rule 'maximum' broken: "
                                f"value {high + 1} is above the maximum {high}")


@pytest.mark.parametrize("table", [t for t in TABLES if t != "gaps"])
def test_empty_source_id_is_named(table, tmp_path):
    folder = copy_package(tmp_path)
    header, rows = read_table_text(folder, table)
    rows[0][header.index("source_id")] = ""
    write_table_text(folder, table, header, rows)
    expect_error(folder, table, f"data/{table}.csv, line 2, column 'source_id': rule 'required' broken: "
                                f"value is missing")


@pytest.mark.parametrize("table", [t for t in TABLES if t != "gaps"])
def test_unknown_source_id_is_named(table, tmp_path):
    folder = copy_package(tmp_path)
    header, rows = read_table_text(folder, table)
    rows[0][header.index("source_id")] = "nosuchsource2099"
    write_table_text(folder, table, header, rows)
    expect_error(folder, table, f"data/{table}.csv, line 2, column 'source_id': rule 'foreign key' broken: "
                                f"value 'nosuchsource2099' is not a key in data/references.bib")


@pytest.mark.parametrize("table", TABLES)
def test_duplicate_key_is_named(table, tmp_path):
    folder = copy_package(tmp_path)
    header, rows = read_table_text(folder, table)
    rows.append(list(rows[0]))
    write_table_text(folder, table, header, rows)
    schema = data.resource(table, folder)["schema"]
    key = schema["primaryKey"]
    key = [key] if isinstance(key, str) else key
    unique_fields = [f["name"] for f in schema["fields"] if f.get("constraints", {}).get("unique")]
    appended_line = 1 + sum(1 + "".join(row).count("\n") for row in rows)
    frame = data.load_table(table)
    if unique_fields:  # a unique column is checked row by row, before the table-wide primary key
        name = unique_fields[0]
        raw = rows[0][header.index(name)]
        expected = (f"data/{table}.csv, line {appended_line}, column '{name}': rule 'unique' broken: "
                    f"value {raw!r} also on line 2")
    else:
        shown = ", ".join(str(frame.iloc[0][name].date() if isinstance(frame.iloc[0][name], pd.Timestamp)
                              else frame.iloc[0][name]) for name in key)
        expected = (f"data/{table}.csv, line {appended_line}, column '{', '.join(key)}': rule 'primary key' "
                    f"broken: ({shown}) also on line 2")
    expect_error(folder, table, expected)


def test_ragged_row_is_named(tmp_path):
    folder = copy_package(tmp_path)
    table = TABLES[0]
    header, rows = read_table_text(folder, table)
    rows[0] = rows[0][:-1]
    write_table_text(folder, table, header, rows)
    expect_error(folder, table, f"data/{table}.csv, line 2: rule 'row length' broken: "
                                f"{len(header) - 1} cells for {len(header)} columns")


def test_missing_file_is_named(tmp_path):
    folder = copy_package(tmp_path)
    table = TABLES[-1]
    (folder / data.resource(table, folder)["path"]).unlink()
    expect_error(folder, table, f"data/{table}.csv: file is missing (rule 'resource path')")
