"""Regenerate ``requirements.txt``: exact pins of every package the kit and its tests need.

``python -m widgets.build.lock`` (``make lock``) resolves ``pyproject.toml``'s dependencies and its ``test``
extra with pip-tools on the running Python, newest versions allowed by the ranges, and writes the lock with
a header and the kit itself (``-e .``) at the end, so Binder and JupyterHub can install the file as it is.

Two packages are left out on purpose (``LEFT_OUT``): JupyterLab's event system asks jsonschema for the
optional IRI format checker ``rfc3987-syntax``, which builds a parser grammar (with ``lark``) when
jsonschema is imported — about a second in every kernel that imports Altair, and the kit never checks
IRIs. ``make`` installs the lock with ``--no-deps``, so they stay out; jsonschema then skips that format.
"""
from __future__ import annotations

import argparse
import datetime
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LEFT_OUT = ("rfc3987-syntax", "lark")


def header(python_version: str, today: datetime.date) -> str:
    """The comment block at the top of the lock: what it is, how it was made, what it leaves out."""
    return "\n".join([
        f"# Exact pins of every package (direct and transitive), resolved on Python {python_version} on "
        f"{today.isoformat()}",
        "# by `make lock` from pyproject.toml (dependencies + the test extra). Do not edit by hand.",
        "# `make` installs it with --no-deps into .venv; Binder/JupyterHub may install it as it is.",
        f"# Left out on purpose (widgets/build/lock.py says why): {', '.join(LEFT_OUT)}.",
        "",
    ])


def compile_pins(pyproject: Path, upgrade: bool) -> str:
    """The pinned lines pip-compile resolves for ``pyproject`` (pins only, no comments)."""
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "requirements.txt"
        current = ROOT / "requirements.txt"
        if current.exists() and not upgrade:
            out.write_text(current.read_text(encoding="utf-8"), encoding="utf-8")
        command = [sys.executable, "-m", "piptools", "compile", "--quiet", "--extra", "test", "--strip-extras",
                   "--no-header", "--no-annotate", "--no-emit-index-url", "--no-emit-find-links",
                   "--output-file", str(out), str(pyproject)]
        for name in LEFT_OUT:
            command += ["--unsafe-package", name]
        if upgrade:
            command.append("--upgrade")
        subprocess.run(command, check=True, cwd=ROOT)
        lines = out.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if line and not line.startswith(("#", "-e "))) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upgrade", action="store_true", help="move every pin to the newest allowed version")
    args = parser.parse_args(argv)
    pins = compile_pins(ROOT / "pyproject.toml", args.upgrade)
    text = header(platform.python_version(), datetime.date.today()) + pins + "-e .\n"
    (ROOT / "requirements.txt").write_text(text, encoding="utf-8")
    print(f"requirements.txt: {pins.count('==')} pinned packages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
