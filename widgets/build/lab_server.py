"""Jupyter server hook for the seminar room: opening, running and autosaving a chapter leaves it unchanged.

When JupyterLab saves a MyST chapter (autosave after a run, or Ctrl+S), jupytext writes the notebook
back as text: the kernel's display name, jupytext's version, jupyterlab-myst's evaluated
``user_expressions``, the view state Lab keeps in a cell's metadata (``scrolled``, ``collapsed``, ``jupyter``,
``execution``) and blank lines may all differ from the file, and the checkout turns dirty although the reader
changed nothing. Configured as ``ContentsManager.pre_save_hook`` (see ``widgets/build/lab_settings.py``), this hook
keeps the file's own bytes whenever the new text has the same cells: type, source, tags, and the metadata the file's
own cells carry; a real edit is saved as usual.
"""
from __future__ import annotations

from pathlib import Path

def same_cells(new_text: str, current_text: str) -> bool:
    """Whether two MyST text notebooks have the same cells: type, source, tags, and the metadata keys the current
    file's own cell carries (what its author wrote; Lab's view state and evaluated expressions are not)."""
    import jupytext
    new = jupytext.reads(new_text, fmt="md:myst").cells
    current = jupytext.reads(current_text, fmt="md:myst").cells
    if len(new) != len(current):
        return False
    for fresh, kept in zip(new, current):
        keys = {"tags"} | set(kept.metadata)
        if (fresh.cell_type, fresh.source, {key: fresh.metadata.get(key) for key in keys}) != \
                (kept.cell_type, kept.source, {key: kept.metadata.get(key) for key in keys}):
            return False
    return True


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
        unchanged = same_cells(new, current)
    except Exception:  # an unreadable text is saved as given
        return
    if unchanged:
        model["content"] = current
