"""Make JupyterLab (inside the project's venv only) open MyST Markdown chapters as notebooks.

Writes the venv-wide settings override that jupytext's "set-default-viewer" would put in the user's
home: ``<venv>/share/jupyter/lab/settings/overrides.json``. Usage: ``python tests/lab_settings.py .venv``.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

JUPYTEXT_VIEWERS = {"markdown": "Jupytext Notebook", "myst": "Jupytext Notebook"}


def write_overrides(venv: Path) -> Path:
    path = venv / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    overrides = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    plugin = overrides.setdefault("@jupyterlab/docmanager-extension:plugin", {})
    plugin.setdefault("defaultViewers", {}).update(JUPYTEXT_VIEWERS)
    path.write_text(json.dumps(overrides, indent=2) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print("JupyterLab settings:", write_overrides(Path(sys.argv[1])))
