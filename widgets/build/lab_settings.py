"""Set up JupyterLab (inside the project's venv only) for a seminar room.

Writes, under the venv (never the user's home):

- ``share/jupyter/lab/settings/overrides.json``: MyST Markdown chapters open as notebooks (what
  jupytext's "set-default-viewer" would put in the user's home); no "official Jupyter news" prompt and
  no update check;
- ``etc/jupyter/jupyter_server_config.json`` (the ``.d`` folder beside it only enables extensions): the server fetches no news feed,
  checks no update, lists no extensions from PyPI, and a save that changes no cell of a chapter leaves
  the chapter byte-identical (``widgets.build.lab_server.keep_unchanged_chapter``), so opening, running and
  autosaving a chapter never dirties the checkout; kernels talk over encrypted sockets;
- ``share/jupyter/labextensions/kit-vega6/``: the renderer that draws Vega-Lite 6 chart outputs with the
  book's vendored Vega bundle (``_assets/labextension/kit-vega6`` plus ``_assets/static/vega/vega-bundle.js``).

Usage: ``python -m widgets.build.lab_settings [ENVIRONMENT]`` (default: the environment running it).
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from widgets.build.folders import swap_in

ROOT = Path(__file__).resolve().parents[2]
JUPYTEXT_VIEWERS = {"markdown": "Jupytext Notebook", "myst": "Jupytext Notebook"}
SEMINAR_SETTINGS = {
    # "Would you like to get notified about official Jupyter news?" never asked; no update check.
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    # The extension manager would query PyPI when opened.
    "@jupyterlab/extensionmanager-extension:plugin": {"enabled": False},
}
SERVER_CONFIG = {
    "LabApp": {
        "news_url": None,
        "check_for_updates_class": "jupyterlab.handlers.announcements.NeverCheckForUpdate",
        "extension_manager": "readonly",
    },
    "ContentsManager": {"pre_save_hook": "widgets.build.lab_server.keep_unchanged_chapter"},
    # Kernels get CurveZMQ keys (their kernelspec declares support): on a shared JupyterHub or a seminar
    # server nobody on the machine can read another participant's code and outputs off the sockets.
    "KernelManager": {"transport_encryption": "auto"},
}
LAB_EXTENSION = ROOT / "_assets" / "labextension" / "kit-vega6"
VEGA_BUNDLE = ROOT / "_assets" / "static" / "vega" / "vega-bundle.js"


def write_overrides(venv: Path) -> Path:
    path = venv / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    overrides = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    plugin = overrides.setdefault("@jupyterlab/docmanager-extension:plugin", {})
    plugin.setdefault("defaultViewers", {}).update(JUPYTEXT_VIEWERS)
    for plugin_id, settings in SEMINAR_SETTINGS.items():
        overrides.setdefault(plugin_id, {}).update(settings)
    write_json_atomically(path, overrides)
    return path


def write_server_config(venv: Path) -> Path:
    path = venv / "etc" / "jupyter" / "jupyter_server_config.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    config = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    for section, values in SERVER_CONFIG.items():
        config.setdefault(section, {}).update(values)
    write_json_atomically(path, config)
    return path


def write_json_atomically(path: Path, value: dict) -> None:
    """Write ``value`` to ``path`` through a temporary file and one rename, so that a server starting at the
    same moment, or a second set-up run (two seminar machines sharing a venv, two test workers), reads
    either the old file or the new one, never half of one."""
    handle, staging = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(json.dumps(value, indent=2) + "\n")
    os.replace(staging, path)


def install_lab_extension(venv: Path) -> Path:
    """Copy the chart renderer into the environment's ``labextensions`` folder.

    The copy is assembled in a hidden folder beside the target and renamed into place, so a running
    JupyterLab never sees a half-copied extension and two set-up runs at once both succeed (deleting the
    old copy and then copying the new one let a second run's copy land in between: ``File exists``)."""
    target = venv / "share" / "jupyter" / "labextensions" / LAB_EXTENSION.name
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        shutil.copytree(LAB_EXTENSION, staging, dirs_exist_ok=True)
        shutil.copy2(VEGA_BUNDLE, staging / "static" / VEGA_BUNDLE.name)
        for licence in VEGA_BUNDLE.parent.glob("*LICENSE*"):
            shutil.copy2(licence, staging / "static" / licence.name)
        return swap_in(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str]) -> int:
    """Set up the environment named on the command line, or the running one (``sys.prefix``)."""
    venv = Path(argv[0]) if argv else Path(sys.prefix)
    print("JupyterLab settings:", write_overrides(venv))
    print("Jupyter server config:", write_server_config(venv))
    print("JupyterLab extension:", install_lab_extension(venv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
