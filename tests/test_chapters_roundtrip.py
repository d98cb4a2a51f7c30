"""JupyterLab saves a chapter through jupytext: reading and writing it back must give the same bytes,
or an autosave dirties the checkout (fix with ``python -m widgets.build.buildtools normalise-chapters``)."""
from __future__ import annotations

import pytest

from widgets.build.buildtools import jupytext_round_trip, myst_chapters


@pytest.mark.parametrize("path", myst_chapters(), ids=lambda p: p.name)
def test_chapter_survives_a_jupytext_round_trip_byte_for_byte(path):
    text = path.read_text(encoding="utf-8")
    assert jupytext_round_trip(text) == text, "run: python -m widgets.build.buildtools normalise-chapters"
