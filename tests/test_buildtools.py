"""The execution cache is dropped exactly when widgets/ or data/ change."""
from __future__ import annotations

import shutil

from widgets.buildtools import refresh_execution_cache


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
