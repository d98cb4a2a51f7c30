"""The package's layers hold: the import-linter contracts declared in pyproject.toml (build > pages > explorers >
charts > topics > core; within a topic, start > model; models import no presentation, data loading or starting
values), and no model writes words: models return codes and numbers, ``widgets.charts.words`` phrases them."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

MODEL_MODULES = sorted(p for topic in ("ore", "magnets", "exposure", "motors", "fleet", "ledger", "shares", "timeline")
                       for p in (ROOT / "widgets" / topic).glob("*.py") if p.stem not in ("__init__", "start"))


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "pyproject.toml", "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]
    assert "Contracts: 3 kept, 0 broken." in result.stdout


@pytest.mark.parametrize("path", MODEL_MODULES, ids=[str(p.relative_to(ROOT / "widgets")) for p in MODEL_MODULES])
def test_models_write_no_words(path):
    """No call to ``label`` (or any function named like it) in a model module, and no import of the label table."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)]
    assert "label" not in calls
    imported = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert "widgets.core.labels" not in imported


def test_importing_the_package_changes_nothing_global():
    code = ("import sys, altair; before = altair.renderers.active; import widgets, widgets.pages.regulation, "
            "widgets.explorers.exposure; print(altair.renderers.active == before, 'rfc3987_syntax' not in sys.modules "
            "or sys.modules['rfc3987_syntax'] is not None)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "True"]
