"""The Japanese edition builds strictly from the same sources: the English config deep-merged with
locales/ja/config_override.yml, KIT_LANG=ja for the kernels, its own execution cache and output folder.
Charts, sliders and Sphinx's own interface come out in Japanese (prose translations are .po files)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import BUILD_COMMAND, ROOT
from widgets.buildtools import refresh_execution_cache

OUTPUT = ROOT / "_build" / "ja"


@pytest.fixture(scope="module")
def ja_build():
    refresh_execution_cache(ROOT)
    subprocess.run([sys.executable, "-m", "widgets.buildtools", "edition-config", "ja"], cwd=ROOT, check=True,
                   capture_output=True)
    shutil.rmtree(OUTPUT, ignore_errors=True)
    command = BUILD_COMMAND[:3] + ["--config", "_build/config-ja.yml", "--path-output", "_build/ja"] + BUILD_COMMAND[3:]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env={**os.environ, "KIT_LANG": "ja"})
    return result.returncode, result.stdout + result.stderr


@pytest.mark.slow
def test_japanese_edition_builds_with_zero_warnings(ja_build):
    returncode, log = ja_build
    warnings = [line for line in log.splitlines() if re.search(r"\bWARNING\b|\bERROR\b", line)]
    assert warnings == [] and returncode == 0, "\n".join(warnings) or log[-3000:]


@pytest.mark.slow
def test_charts_and_interface_are_in_japanese(ja_build, monkeypatch):
    page = (OUTPUT / "_build" / "html" / "chapters" / "04_supply.html").read_text(encoding="utf-8")
    assert '<html lang="ja"' in page
    monkeypatch.setenv("KIT_LANG", "ja")
    from widgets.labels import label
    assert json.dumps(label("ore.title"))[1:-1] in page          # the chart title, as the spec carries it
    assert label("book.source_check") in page                     # the source-check boxes
    english = (ROOT / "_build" / "html" / "chapters" / "04_supply.html")
    if english.exists():
        assert page != english.read_text(encoding="utf-8")
