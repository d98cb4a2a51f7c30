"""The data gate that runs before every build: valid data passes silently; a broken cell stops the build with
one short block naming file, line, column, rule and the chapters that need the table — no traceback. The test
breaks a copy of data/ the way an instructor might (a negative price, a share above 100 %)."""
from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from widgets.build.data_gate import report, toc_chapters
from widgets.core.data import DataValidationError, load_table


def _edit(data: Path, table: str, key_column: str, key: str, column: str, value: str) -> int:
    """Set one cell of a CSV copy; returns the cell's line number (the header is line 1)."""
    path = data / f"{table}.csv"
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    header = rows[0]
    index = next(i for i, r in enumerate(rows) if i and r[header.index(key_column)] == key)
    rows[index][header.index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return index + 1


def _gate(data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "widgets.build.data_gate"], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "KIT_DATA_DIR": str(data)}, timeout=600)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def test_valid_data_passes_silently():
    done = _gate(ROOT / "data")
    assert done.returncode == 0 and done.stdout == "" and done.stderr == ""


@pytest.mark.slow
def test_a_negative_parameter_stops_the_build_with_one_short_block(data_copy):
    parameter = load_table("model_parameters")["parameter"].iloc[0]
    line = _edit(data_copy, "model_parameters", "parameter", parameter, "value", "-5")
    done = _gate(data_copy)
    assert done.returncode == 1
    block = done.stderr
    assert "Traceback" not in block and len(block.splitlines()) <= 12
    assert "data/model_parameters.csv" in block and f"line:      {line}" in block and "column:    value" in block
    assert "minimum" in block and "needed by: chapters/" in block


def test_a_percentage_above_100_breaks_a_row_rule(data_copy):
    frame = load_table("model_parameters")
    percent = frame[frame["unit"] == "%"]["parameter"].iloc[0]
    _edit(data_copy, "model_parameters", "parameter", percent, "value", "140")
    with pytest.raises(DataValidationError, match="above 100 for a unit of '%'"):
        load_table("model_parameters", data_copy)


def test_the_block_names_every_part_and_says_when_no_chapter_needs_the_table():
    error = DataValidationError("x", file="data/deposits.csv", line=7, column="ore_mt", rule="type number",
                                detail="value 'lots' is not a number")
    block = report(error, [])
    for part in ("data/deposits.csv", "line:      7", "ore_mt", "type number", "'lots'", "no chapter"):
        assert part in block
    assert report(error, ["chapters/04_supply.md"]).count("chapters/04_supply.md") == 1


def test_the_gate_reads_the_chapters_of_the_build():
    chapters = toc_chapters()
    assert chapters[0] == "chapters/00_start_here" and len(chapters) == len(set(chapters))
    assert all((ROOT / f"{c}.md").exists() for c in chapters)
