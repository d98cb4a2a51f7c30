"""Every chart and every explorer computes the same thing in English and in Japanese: only the words change.

The models return codes and numbers, and one place (``widgets.core.labels``) turns codes into words. So a chart
built under ``KIT_LANG=en`` and under ``KIT_LANG=ja`` must have the same shape, the same numbers, and the same
codes (lower-case identifiers such as ``pmsm-ndfeb``), while its titles and labels differ; an explorer must start
from the same values, show the same figures and report the same problems. A model that returned English prose
would break this: its words would not be translated, or a comparison against the English word would fail in
Japanese (the bug of issue 9: ``reason == "ok"`` was false under ``KIT_LANG=ja``).
"""
from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pytest

from widgets.pages import explore, show
from widgets.pages.authors import public_functions

CHARTS = [f.__name__ for f in public_functions(show)]        # every show.…() call the chapters make
EXPLORERS = [f.__name__ for f in public_functions(explore)]  # every explore.…() call
CODE = re.compile(r"^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+$")   # pmsm-ndfeb, cn-mofcom-2025-61, company_claim
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
DATASET_NAME = re.compile(r"^data-[0-9a-f]+$")


def _in_language(monkeypatch, language: str, build):
    monkeypatch.setenv("KIT_LANG", language)
    return build()


def _dataset_order(spec: dict) -> dict[str, str]:
    """Altair names each dataset by a hash of its content, which changes with the words in it: rename them by
    their order, so that two languages' specs can be compared."""
    return {name: f"dataset-{index}" for index, name in enumerate(spec.get("datasets", {}))}


def _differences(en, ja, renames_en, renames_ja, path="spec") -> tuple[list[str], int]:
    """Walk both specs together: (what differs other than words, how many strings differ as words)."""
    if isinstance(en, dict) and isinstance(ja, dict):
        keys_en = {renames_en.get(k, k) for k in en}
        keys_ja = {renames_ja.get(k, k) for k in ja}
        if keys_en != keys_ja:
            return [f"{path}: keys {sorted(keys_en ^ keys_ja)} in one language only"], 0
        by_name_ja = {renames_ja.get(k, k): v for k, v in ja.items()}
        problems, words = [], 0
        for key, value in en.items():
            name = renames_en.get(key, key)
            found, counted = _differences(value, by_name_ja[name], renames_en, renames_ja, f"{path}.{name}")
            problems += found
            words += counted
        return problems, words
    if isinstance(en, list) and isinstance(ja, list):
        if len(en) != len(ja):
            return [f"{path}: {len(en)} items in English, {len(ja)} in Japanese"], 0
        problems, words = [], 0
        for index, (a, b) in enumerate(zip(en, ja)):
            found, counted = _differences(a, b, renames_en, renames_ja, f"{path}[{index}]")
            problems += found
            words += counted
        return problems, words
    if isinstance(en, str) and isinstance(ja, str):
        if DATASET_NAME.match(en) and DATASET_NAME.match(ja):
            same = renames_en.get(en) == renames_ja.get(ja)
            return ([] if same else [f"{path}: points at another dataset"]), 0
        if en == ja:
            return [], 0
        if CODE.match(en) or CODE.match(ja):
            return [f"{path}: code {en!r} became {ja!r}"], 0
        return [], 1
    if type(en) is not type(ja) or en != ja:
        return [f"{path}: {en!r} in English, {ja!r} in Japanese"], 0
    return [], 0


@pytest.mark.parametrize("name", CHARTS)
def test_a_chart_differs_between_the_languages_only_in_its_words(monkeypatch, name):
    build = getattr(show, name)
    en = _in_language(monkeypatch, "en", build).spec
    ja = _in_language(monkeypatch, "ja", build).spec
    problems, words = _differences(en, ja, _dataset_order(en), _dataset_order(ja))
    assert problems == []
    assert words > 0, "the Japanese chart has no Japanese words"


def _codes(result) -> object:
    """A model's result as comparable values: data frames as lists of records, dataclasses as dicts."""
    if isinstance(result, pd.DataFrame):   # NaN is not equal to itself: an unknown value compares as None
        return result.astype(object).where(result.notna(), None).to_dict("records")
    if isinstance(result, pd.Series):
        return result.to_dict()
    if isinstance(result, dict):
        return {key: _codes(value) for key, value in result.items()}
    if dataclasses.is_dataclass(result):
        return {field.name: _codes(getattr(result, field.name)) for field in dataclasses.fields(result)}
    return result


def _renamed(value, names: dict[str, str]):
    """``value`` with the reader's own item names replaced by their position (they are words, not codes)."""
    if isinstance(value, dict):
        return {names.get(k, k) if isinstance(k, str) else k: _renamed(v, names) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_renamed(v, names) for v in value]
    return names.get(value, value) if isinstance(value, str) else value


def _explorer_state(explorer) -> dict:
    """What an explorer computed, without its words: input values, the model's result where the explorer keeps it
    (else the figures of its results table), whether it reported a problem, and its chart's params."""
    chart_params = None
    outputs = explorer.chart_output.outputs
    if outputs:
        data = outputs[-1].get("data", {})
        spec = next((value for key, value in data.items() if "vegalite" in key), None)
        if spec:
            chart_params = {p["name"]: p.get("value") for p in spec.get("params", [])}
    if explorer.result is not None:
        computed = _codes(explorer.result)
        grid = getattr(explorer, "grid", None)   # the export explorer's items, named in the reader's language
        items = list(grid.frame()["item"]) if grid is not None else []
        names = {name: f"item {index}" for index, name in enumerate(items)}
        computed = _renamed(computed, names)
    else:   # every figure in the table's data cells, in order: numbers print the same way in both languages
        cells = re.findall(r"<td[^>]*>(.*?)</td>", explorer.results.value, flags=re.S)
        computed = [figure for cell in cells for figure in NUMBER.findall(re.sub(r"<[^>]+>", " ", cell))]
    return {"values": explorer.values(), "computed": computed, "problem": explorer.last_error is not None,
            "chart_params": chart_params}


@pytest.mark.parametrize("name", EXPLORERS)
def test_an_explorer_computes_the_same_in_both_languages(monkeypatch, name):
    states, texts = {}, {}
    for language in ("en", "ja"):
        explorer = _in_language(monkeypatch, language, getattr(explore, name))
        states[language] = _explorer_state(explorer)
        texts[language] = explorer.results.value
    assert states["en"] == states["ja"]
    assert states["en"]["computed"], "the explorer computes something"
    assert texts["en"] != texts["ja"], "the Japanese explorer speaks English"


@pytest.mark.parametrize("name", EXPLORERS)
def test_an_explorer_reports_a_bad_value_in_both_languages(monkeypatch, name):
    """The same bad input (every number negative) is a problem in both languages, or in neither."""
    reported = {}
    for language in ("en", "ja"):
        explorer = _in_language(monkeypatch, language, getattr(explore, name))
        for widget in explorer.inputs.values():
            if isinstance(widget.value, float) and not isinstance(widget.value, bool):
                try:
                    widget.value = -abs(widget.value) - 1.0
                except Exception:   # a slider clamps to its range; a bounded box refuses: both keep the value
                    pass
        reported[language] = (explorer.last_error is not None, explorer.values())
        if explorer.last_error:
            assert "Traceback" not in explorer.last_error
    assert reported["en"] == reported["ja"]
