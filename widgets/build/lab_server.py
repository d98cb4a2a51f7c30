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

def cells(text: str, keys: list[set[str]] | None = None) -> list[tuple[str, str, dict]]:
    """The cells of a MyST text notebook as (type, source, metadata that matters): its tags, and for cell ``i`` the
    keys ``keys[i]`` (the metadata the file's own cell carries), when given."""
    import jupytext
    notebook = jupytext.reads(text, fmt="md:myst")
    found = []
    for index, cell in enumerate(notebook.cells):
        kept = {"tags"} | (keys[index] if keys is not None and index < len(keys) else set())
        found.append((cell.cell_type, cell.source, {key: cell.metadata[key] for key in kept if key in cell.metadata}))
    return found


def metadata_keys(text: str) -> list[set[str]]:
    """Per cell of a MyST text notebook, the metadata keys it carries (what the file's author wrote)."""
    import jupytext
    return [set(cell.metadata) for cell in jupytext.reads(text, fmt="md:myst").cells]


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
        keys = metadata_keys(current)
        unchanged = cells(new, keys) == cells(current, keys)
    except Exception:  # an unreadable text is saved as given
        return
    if unchanged:
        model["content"] = current
