"""The README's plain commands (JupyterLab without ``make``) and Binder's post-build step do what ``make lab``
does. The test runs the README block as written, except its two environment lines (creating and activating
``.venv``: the test runs inside the kit's environment already), and starts JupyterLab the way the block does,
adding only what a headless test needs (no browser, a free port, a token, running as root in CI)."""
from __future__ import annotations

import filecmp
import json
import os
import re
import secrets
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT
from lab_driver import free_port

BLOCK = re.compile(r"<!-- plain-commands:.*?-->\s*```bash\n(.*?)```\s*<!-- /plain-commands -->", re.S)
ENVIRONMENT_LINES = ("python -m venv", "activate")

pytestmark = pytest.mark.slow


def readme_commands() -> list[str]:
    found = BLOCK.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert found, "README.md has no plain-commands block"
    lines = [line.split("  #")[0].strip() for line in found.group(1).splitlines()]
    return [line for line in lines if line]


def as_run_here(command: str) -> list[str]:
    """The README command run with this environment's Python (the one ``.venv`` activation would give)."""
    words = command.split()
    if words[0] == "python":
        return [sys.executable, *words[1:]]
    if words[0] == "jupyter":
        return [str(Path(sys.executable).with_name("jupyter")), *words[1:]]
    raise AssertionError(f"unexpected command in the README block: {command}")


def test_the_block_is_the_four_steps_a_participant_types():
    commands = readme_commands()
    setup = [c for c in commands if not any(word in c for word in ENVIRONMENT_LINES)]
    assert [c.split()[:3] for c in setup] == [["python", "-m", "pip"], ["python", "-m", "widgets.build.lab_settings"],
                                              ["jupyter", "lab", "chapters/00_start_here.md"]]
    assert any(c.startswith("python -m venv") for c in commands)


def test_plain_commands_install_set_up_and_start_the_seminar_lab():
    commands = [c for c in readme_commands() if not any(word in c for word in ENVIRONMENT_LINES)]
    *setup, start = commands
    for command in setup:
        done = subprocess.run(as_run_here(command), cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"{command}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    port, token = free_port(), secrets.token_hex(16)
    headless = ["--no-browser", f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
                "--ServerApp.ip=127.0.0.1", "--ServerApp.allow_root=True"]
    server = subprocess.Popen(as_run_here(start) + headless, cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        settings = None
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab/api/settings/"
                                            f"@jupyterlab/docmanager-extension:plugin?token={token}", timeout=5) as r:
                    settings = json.loads(r.read())
                break
            except OSError:
                time.sleep(0.5)
        assert settings is not None, "JupyterLab did not answer"
        # the kit's overrides are the schema's defaults now: MyST chapters open as notebooks
        viewers = settings["schema"]["properties"]["defaultViewers"]["default"]
        assert viewers.get("myst") == "Jupytext Notebook" and viewers.get("markdown") == "Jupytext Notebook"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_binder_post_build_sets_up_lab_as_make_does(tmp_path):
    env = {**os.environ, "KIT_LAB_PREFIX": str(tmp_path), "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    done = subprocess.run(["bash", str(ROOT / ".binder" / "postBuild")], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    reference = tmp_path / "reference"
    subprocess.run([sys.executable, "-m", "widgets.build.lab_settings", str(reference)], cwd=ROOT, check=True,
                   capture_output=True)
    for relative in ("share/jupyter/lab/settings/overrides.json", "etc/jupyter/jupyter_server_config.json"):
        assert json.loads((tmp_path / relative).read_text()) == json.loads((reference / relative).read_text())
    server = json.loads((tmp_path / "etc/jupyter/jupyter_server_config.json").read_text())
    assert server["ContentsManager"]["pre_save_hook"] == "widgets.build.lab_server.keep_unchanged_chapter"
    assert server["KernelManager"]["transport_encryption"] == "auto" and server["LabApp"]["news_url"] is None
    extension = "share/jupyter/labextensions/kit-vega6"
    comparison = filecmp.dircmp(tmp_path / extension, reference / extension)
    assert not comparison.diff_files and not comparison.left_only and not comparison.right_only
    assert (ROOT / ".binder" / "requirements.txt").read_text().count("-r ../requirements.txt") == 1
