"""`make lab` setup: MyST Markdown chapters open as notebooks (jupytext's viewer), set inside the venv only."""
from __future__ import annotations

import json
import subprocess
import sys

from widgets.build.lab_settings import JUPYTEXT_VIEWERS, LAB_EXTENSION, ROOT, VEGA_BUNDLE, write_overrides


def test_overrides_set_jupytext_viewer_and_keep_other_settings(tmp_path):
    path = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}))
    write_overrides(tmp_path)
    settings = json.loads(path.read_text())
    assert settings["@jupyterlab/docmanager-extension:plugin"]["defaultViewers"] == JUPYTEXT_VIEWERS
    assert settings["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}


def test_set_up_runs_at_once_all_succeed_and_leave_one_complete_copy(tmp_path):
    """Two test workers (or two seminar machines sharing a venv) may set up the same environment at the same
    moment; removing the old extension and then copying the new one failed with ``File exists`` in CI."""
    runs = [subprocess.Popen([sys.executable, "-m", "widgets.build.lab_settings", str(tmp_path)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(6)]
    results = [(run.wait(timeout=120), run.stderr.read()) for run in runs]
    assert all(code == 0 for code, _ in results), [error for code, error in results if code]
    extensions = tmp_path / "share" / "jupyter" / "labextensions"
    assert sorted(p.name for p in extensions.iterdir()) == [LAB_EXTENSION.name], "a staging copy was left behind"
    installed = extensions / LAB_EXTENSION.name
    source = sorted(p.relative_to(LAB_EXTENSION) for p in LAB_EXTENSION.rglob("*") if p.is_file())
    assert set(source) <= {p.relative_to(installed) for p in installed.rglob("*") if p.is_file()}
    assert (installed / "static" / VEGA_BUNDLE.name).read_bytes() == VEGA_BUNDLE.read_bytes()
    for relative in ("share/jupyter/lab/settings/overrides.json", "etc/jupyter/jupyter_server_config.json"):
        json.loads((tmp_path / relative).read_text())  # whole JSON, not one run's half-written file
        assert not [p for p in (tmp_path / relative).parent.iterdir() if p.name.startswith(".")]
