"""`make lab` works: a JupyterLab server from the venv serves a MyST chapter as a notebook (jupytext)
and opens Markdown with the notebook viewer by default (venv-wide settings override)."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

TOKEN = "kit-test-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def lab_url():
    subprocess.run([sys.executable, "-m", "widgets.build.lab_settings", sys.prefix], check=True,
                   capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("jupyter")), "lab", "--no-browser", "--ServerApp.allow_root=True",
         "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", f"--IdentityProvider.token={TOKEN}",
         f"--ServerApp.root_dir={ROOT}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("JupyterLab did not start within 60 s")
    yield url
    server.terminate()
    server.wait(timeout=20)


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def test_chapter_is_served_as_a_notebook(lab_url):
    model = get_json(f"{lab_url}/api/contents/chapters/04_supply.md?type=notebook&content=1&token={TOKEN}")
    assert model["type"] == "notebook"
    cells = model["content"]["cells"]
    assert any(cell["cell_type"] == "code" for cell in cells)


def test_markdown_opens_with_the_notebook_viewer(lab_url):
    settings = get_json(f"{lab_url}/lab/api/settings/@jupyterlab/docmanager-extension:plugin?token={TOKEN}")
    viewers = settings["settings"].get("defaultViewers") or settings["schema"]["properties"]["defaultViewers"]["default"]
    assert viewers.get("markdown") == "Jupytext Notebook"
