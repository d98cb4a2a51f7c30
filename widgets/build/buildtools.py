"""Build helpers.

``python -m widgets.build.buildtools refresh-cache``: Jupyter Book's execution cache is keyed on each
notebook's code cells only, so a change in ``widgets/`` or ``data/`` would otherwise leave stale
figures in the book. ``make book`` and the test build call this first: it hashes the package, the label
table, the data files, the pins and the date (pages state the day they were built), and removes every edition's ``_build/.jupyter_cache*`` and Sphinx's
doctrees (which keep the chart HTML that ``widgets.build.book_renderer`` wrote) when the hash differs
from the last build.

``python -m widgets.build.buildtools edition-config ja``: writes ``_build/config-ja.yml``, the English
``_config.yml`` deep-merged with ``locales/ja/config_override.yml`` (language, title, its own
execution cache), for ``jupyter-book build . --config _build/config-ja.yml``.

``python -m widgets.build.buildtools normalise-chapters``: rewrites each MyST chapter as jupytext writes it
back (a blank line after a code cell's options, a blank line before a code cell), so that JupyterLab
saving a chapter through jupytext changes no byte (``tests/test_chapters_roundtrip.py`` checks it).
"""
from __future__ import annotations

import copy
import datetime as dt
import hashlib
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
INPUT_PATTERNS = ("widgets/**/*.py", "widgets/**/*.csv", "workshops/*.yml", "data/*.csv", "data/*.json", "data/*.bib", "requirements.txt")
# Code that only shapes the written HTML pages (run when Sphinx writes them, never by a chapter).
HTML_ONLY = ("widgets/build/bookhtml/", "widgets/build/sphinx_ext.py", "widgets/build/take_home.py")


def inputs_digest(root: Path = ROOT) -> str:
    """SHA-256 over the paths and contents of every file the chapters' code depends on."""
    digest = hashlib.sha256()
    digest.update(dt.date.today().isoformat().encode())  # pages show the build date and today's verdicts
    for pattern in INPUT_PATTERNS:
        for path in sorted(root.glob(pattern)):
            if path.relative_to(root).as_posix().startswith(HTML_ONLY):
                continue
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def refresh_execution_cache(root: Path = ROOT) -> bool:
    """Remove the execution cache if the inputs changed; return True if it was removed."""
    stamp = root / "_build" / ".execution-inputs.sha256"
    current = inputs_digest(root)
    if stamp.exists() and stamp.read_text().strip() == current:
        return False
    for cache in (*(root / "_build").glob(".jupyter_cache*"), root / "_build" / ".doctrees"):
        shutil.rmtree(cache, ignore_errors=True)  # doctrees hold chart HTML rendered by widgets' mime renderer
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(current + "\n")
    return True


def deep_merge(base: dict, override: dict) -> dict:
    """``base`` with ``override`` laid over it: nested mappings merge, anything else is replaced."""
    merged = copy.deepcopy(base)
    for key, value in override.items():
        both_maps = isinstance(value, dict) and isinstance(merged.get(key), dict)
        merged[key] = deep_merge(merged[key], value) if both_maps else copy.deepcopy(value)
    return merged


def edition_config(language: str, root: Path = ROOT) -> dict:
    """An edition's book configuration: ``_config.yml``, with ``locales/<language>/config_override.yml`` laid over
    it for any edition but the English one."""
    base = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    if language == "en":
        return base
    override_path = root / "locales" / language / "config_override.yml"
    if not override_path.exists():
        raise SystemExit(f"no edition '{language}': {override_path.relative_to(root)} is missing")
    return deep_merge(base, yaml.safe_load(override_path.read_text(encoding="utf-8")))


def execution_cache(language: str, root: Path = ROOT) -> Path:
    """The folder where an edition's book keeps its executed chapters (its configuration's ``execute.cache``)."""
    return root / edition_config(language, root)["execute"]["cache"]


def write_edition_config(language: str, root: Path = ROOT) -> Path:
    """Write ``_build/config-<language>.yml`` and return its path."""
    merged = edition_config(language, root)
    target = root / "_build" / f"config-{language}.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(merged, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def jupytext_round_trip(text: str) -> str:
    """A MyST text notebook as jupytext reads and writes it back."""
    import jupytext
    return jupytext.writes(jupytext.reads(text, fmt="md:myst"), fmt="md:myst")


def myst_chapters(root: Path = ROOT) -> list[Path]:
    return [path for path in sorted((root / "chapters").glob("*.md"))
            if "format_name: myst" in path.read_text(encoding="utf-8").split("\n---", 1)[0]]


def normalise_chapters(root: Path = ROOT) -> list[Path]:
    """Rewrite every chapter that jupytext would write differently; return the changed ones."""
    changed = []
    for path in myst_chapters(root):
        text = path.read_text(encoding="utf-8")
        stable = jupytext_round_trip(text)
        if stable != text:
            path.write_text(stable, encoding="utf-8")
            changed.append(path)
    return changed


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "refresh-cache"
    if command == "refresh-cache":
        removed = refresh_execution_cache()
        print("execution cache:", "cleared (widgets/ or data/ changed)" if removed else "kept (inputs unchanged)")
    elif command == "edition-config" and len(sys.argv) == 3:
        print("edition config:", write_edition_config(sys.argv[2]).relative_to(ROOT))
    elif command == "normalise-chapters":
        print("rewritten:", ", ".join(p.name for p in normalise_chapters()) or "none")
    else:
        raise SystemExit("usage: python -m widgets.build.buildtools [refresh-cache | edition-config LANGUAGE | normalise-chapters]")
