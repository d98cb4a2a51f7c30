"""Jupyter server hook for the seminar room: opening, running and autosaving a chapter leaves it unchanged.

When JupyterLab saves a MyST chapter (autosave after a run, or Ctrl+S), jupytext writes the notebook
back as text: the kernel's display name, jupytext's version, jupyterlab-myst's evaluated
``user_expressions`` and blank lines may all differ from the file, and the checkout turns dirty
although the reader changed nothing. Configured as ``ContentsManager.pre_save_hook`` (see
``widgets/build/lab_settings.py``), this hook keeps the file's own bytes whenever the new text has the same
cells (type, source, metadata other than ``user_expressions``); a real edit is saved as usual.
"""
from __future__ import annotations

from pathlib import Path

IGNORED_CELL_METADATA = {"user_expressions", "trusted", "execution"}


def cells(text: str) -> list[tuple[str, str, dict]]:
    """The cells of a MyST text notebook as (type, source, metadata that matters)."""
    import jupytext
    notebook = jupytext.reads(text, fmt="md:myst")
    return [(cell.cell_type, cell.source,
             {key: value for key, value in cell.metadata.items() if key not in IGNORED_CELL_METADATA})
            for cell in notebook.cells]


def is_myst_notebook(text: str) -> bool:
    head = text.split("\n---", 1)[0]
    return text.startswith("---") and "format_name: myst" in head


def keep_unchanged_chapter(model: dict, path: str, contents_manager, **_kwargs) -> None:
    """``pre_save_hook``: a save of a MyST notebook that changes no cell keeps the file byte-identical."""
    if model.get("type") != "file" or model.get("format") != "text" or not str(path).endswith(".md"):
        return
    os_path = Path(contents_manager._get_os_path(path))
    try:
        current = os_path.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return
    new = model.get("content") or ""
    if new == current or not is_myst_notebook(current):
        return
    try:
        unchanged = cells(new) == cells(current)
    except Exception:  # an unreadable text is saved as given
        return
    if unchanged:
        model["content"] = current
