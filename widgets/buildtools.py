"""Build helper: drop the execution cache when what the chapters import has changed.

Jupyter Book's execution cache is keyed on each notebook's code cells only, so a change in
``widgets/`` or ``data/`` would otherwise leave stale figures in the book. ``make book`` and the
test build call ``python -m widgets.buildtools`` first: it hashes the package, the label table, the
data files and the pins, and removes ``_build/.jupyter_cache`` when the hash differs from the last build.
"""
from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INPUT_PATTERNS = ("widgets/**/*.py", "widgets/*.csv", "data/*.csv", "data/*.json", "data/*.bib", "requirements.txt")


def inputs_digest(root: Path = ROOT) -> str:
    """SHA-256 over the paths and contents of every file the chapters' code depends on."""
    digest = hashlib.sha256()
    for pattern in INPUT_PATTERNS:
        for path in sorted(root.glob(pattern)):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def refresh_execution_cache(root: Path = ROOT) -> bool:
    """Remove the execution cache if the inputs changed; return True if it was removed."""
    cache, stamp = root / "_build" / ".jupyter_cache", root / "_build" / ".execution-inputs.sha256"
    current = inputs_digest(root)
    if stamp.exists() and stamp.read_text().strip() == current:
        return False
    shutil.rmtree(cache, ignore_errors=True)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(current + "\n")
    return True


if __name__ == "__main__":
    removed = refresh_execution_cache()
    print("execution cache:", "cleared (widgets/ or data/ changed)" if removed else "kept (inputs unchanged)")
    sys.exit(0)
