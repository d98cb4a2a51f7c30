"""Putting a folder built beside its target in the target's place, whole: readers (a running JupyterLab, a
server, another build) see the old folder or the new one, never half of either; two runs at once both succeed."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

ATTEMPTS = 10


def swap_in(staging: Path, target: Path) -> Path:
    """Rename ``staging`` to ``target``, moving an existing ``target`` out of the way first (a folder can only
    be renamed onto a missing one; another run may put its own there in between, hence the retries)."""
    for _attempt in range(ATTEMPTS):
        try:
            os.replace(staging, target)
            return target
        except OSError:
            retire(target)
    raise OSError(f"could not put {staging} in place of {target}: another process keeps replacing it")


def retire(folder: Path) -> None:
    """Move ``folder`` out of the way under a hidden name (one rename), then delete it; already gone is fine."""
    retired = Path(tempfile.mkdtemp(prefix=f".{folder.name}-old-", dir=folder.parent))
    try:
        os.replace(folder, retired / folder.name)
    except FileNotFoundError:
        pass
    shutil.rmtree(retired, ignore_errors=True)
