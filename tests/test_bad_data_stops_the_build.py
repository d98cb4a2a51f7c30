"""A bad data file stops the build: a chapter executed (as the book build executes it) on a corrupted
copy of data/ fails, and the error names file, line, column and rule."""
from __future__ import annotations

import csv
import os
import shutil

import jupytext
import nbclient
import pytest
from nbclient.exceptions import CellExecutionError

from conftest import ROOT


@pytest.mark.slow
def test_chapter_fails_with_the_validation_message(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "deposits.csv"
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    header = rows[0]
    rows[1][header.index("ore_mt")] = "lots"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    monkeypatch.setenv("KIT_DATA_DIR", str(data))
    notebook = jupytext.read(ROOT / "chapters" / "04_supply.md")
    client = nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(ROOT / "chapters")}})
    with pytest.raises(CellExecutionError) as failure:
        client.execute(env=dict(os.environ))
    assert ("data/deposits.csv, line 2, column 'ore_mt': rule 'type number' broken: "
            "value 'lots' is not a number") in str(failure.value)
