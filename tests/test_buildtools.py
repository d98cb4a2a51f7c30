"""The execution cache is dropped exactly when widgets/ or data/ change."""
from __future__ import annotations

import shutil

from widgets.build.buildtools import refresh_execution_cache


def test_cache_cleared_on_change_and_kept_otherwise(tmp_path):
    (tmp_path / "widgets").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "widgets" / "m.py").write_text("x = 1\n")
    cache = tmp_path / "_build" / ".jupyter_cache"
    assert refresh_execution_cache(tmp_path) is True          # first build: no stamp yet
    cache.mkdir(parents=True)
    assert refresh_execution_cache(tmp_path) is False and cache.exists()
    (tmp_path / "data" / "t.csv").write_text("a\n1\n")
    assert refresh_execution_cache(tmp_path) is True and not cache.exists()
    shutil.rmtree(tmp_path / "_build")


def test_deep_merge_overrides_nested_keys_only():
    from widgets.build.buildtools import deep_merge
    base = {"title": "T", "sphinx": {"config": {"a": 1, "b": [1]}}, "execute": {"cache": "c"}}
    merged = deep_merge(base, {"sphinx": {"config": {"b": [2], "language": "ja"}}, "title": "題"})
    assert merged == {"title": "題", "sphinx": {"config": {"a": 1, "b": [2], "language": "ja"}},
                      "execute": {"cache": "c"}}
    assert base["sphinx"]["config"]["b"] == [1]                   # the base is not changed


def test_japanese_override_sets_language_and_its_own_cache():
    import yaml
    from widgets.build.buildtools import write_edition_config
    config = yaml.safe_load(write_edition_config("ja").read_text(encoding="utf-8"))
    assert config["sphinx"]["config"]["language"] == "ja"
    assert config["execute"]["cache"] != "_build/.jupyter_cache"
    assert config["bibtex_bibfiles"] == ["data/references.bib"]  # everything else as in _config.yml


def test_doctrees_are_dropped_with_the_cache(tmp_path):
    (tmp_path / "widgets").mkdir()
    (tmp_path / "widgets" / "m.py").write_text("x = 1\n")
    refresh_execution_cache(tmp_path)
    doctrees = tmp_path / "_build" / ".doctrees"
    doctrees.mkdir(parents=True)
    (tmp_path / "widgets" / "m.py").write_text("x = 2\n")
    assert refresh_execution_cache(tmp_path) is True and not doctrees.exists()


def test_html_only_code_keeps_the_cache(tmp_path):
    """widgets/build/bookhtml and the Sphinx extension shape written pages only: editing them re-runs no chapter."""
    (tmp_path / "widgets" / "build" / "bookhtml").mkdir(parents=True)
    (tmp_path / "widgets" / "m.py").write_text("x = 1\n")
    assert refresh_execution_cache(tmp_path) is True
    (tmp_path / "widgets" / "build" / "bookhtml" / "icons.py").write_text("ICONS = {}\n")
    (tmp_path / "widgets" / "build" / "sphinx_ext.py").write_text("def setup(app): pass\n")
    assert refresh_execution_cache(tmp_path) is False
    (tmp_path / "widgets" / "m.py").write_text("x = 2\n")
    assert refresh_execution_cache(tmp_path) is True
