"""`make lab` setup: MyST Markdown chapters open as notebooks (jupytext's viewer), set inside the venv only."""
from __future__ import annotations

import json

from widgets.build.lab_settings import JUPYTEXT_VIEWERS, write_overrides


def test_overrides_set_jupytext_viewer_and_keep_other_settings(tmp_path):
    path = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}))
    write_overrides(tmp_path)
    settings = json.loads(path.read_text())
    assert settings["@jupyterlab/docmanager-extension:plugin"]["defaultViewers"] == JUPYTEXT_VIEWERS
    assert settings["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}
