"""The authors' guide (appendix F) and the instructors' page (appendix E): what they show is read from the code,
the chapters and the workshop files themselves, so it cannot go stale.

- ``catalogue("show")`` / ``catalogue("explore")``: every chart and live explorer, with its one-line call and what
  it shows (the function's docstring);
- ``models_catalogue()``: every topic's model functions with their signatures;
- ``excerpt(path, ...)``: a real file, or part of one, as a code block (a chapter's header, its setup cell, a
  workshop file);
- ``workshops_table()``: the workshops in ``workshops/`` with their length and chapters.
"""
from __future__ import annotations

import html
import importlib
import inspect
import re
from pathlib import Path

import pandas as pd
from IPython.display import HTML, Markdown

from widgets.core.labels import label
from widgets.pages import appendix

ROOT = Path(__file__).resolve().parents[2]
TOPICS = ("ore", "magnets", "exposure", "motors", "fleet", "ledger", "shares", "timeline")
MODEL_MODULES = ("model", "cost", "profiles", "levers", "sample")


def first_line(thing) -> str:
    """The first paragraph of a docstring, without its worked examples ('(e.g. …)'); empty when there is none."""
    doc = inspect.getdoc(thing) or ""
    text = doc.split("\n\n")[0].replace("\n", " ").strip()
    return re.sub(r"\s*\(e\.g\.[^)]*\)", "", text)


def public_functions(module) -> list:
    """A module's own public functions, in the order they are written."""
    found = [f for name, f in inspect.getmembers(module, inspect.isfunction)
             if not name.startswith("_") and f.__module__ == module.__name__]
    return sorted(found, key=lambda f: f.__code__.co_firstlineno)


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("$", "\\$")


def _code(text: str) -> str:
    return f"<code>{html.escape(text)}</code>"


def catalogue(module_name: str) -> HTML:
    """A table of every function of ``widgets.pages.<module_name>`` (show or explore): the one-line call, what it
    shows (the first line of its docstring: English in both editions, marked as such)."""
    module = importlib.import_module(f"widgets.pages.{module_name}")
    frame = pd.DataFrame([{"call": _code(f"{module_name}.{f.__name__}()"), "what": first_line(f)}
                          for f in public_functions(module)])
    return appendix.html_table(frame, ["call", "what"], label(f"authors.table.caption_{module_name}"),
                               headers={"call": label("authors.table.call"), "what": label("authors.table.what")},
                               raw_html=["call"], lang={"what": "en"}, widths={"call": "35%", "what": "65%"},
                               caption_note=label("authors.table.docstring_note"))


def models_catalogue() -> HTML:
    """A table of every topic's model functions: module, call with its parameters, what it computes."""
    rows = []
    for topic in TOPICS:
        for part in MODEL_MODULES:
            try:
                module = importlib.import_module(f"widgets.{topic}.{part}")
            except ModuleNotFoundError:
                continue
            for function in public_functions(module):
                parameters = ", ".join(inspect.signature(function).parameters)
                rows.append({"module": _code(f"widgets.{topic}.{part}"),
                             "call": _code(f"{function.__name__}({parameters})"), "what": first_line(function)})
    return appendix.html_table(pd.DataFrame(rows), ["module", "call", "what"], label("authors.table.caption_models"),
                               headers={c: label(f"authors.table.{c}") for c in ("module", "call", "what")},
                               raw_html=["module", "call"], lang={"what": "en"},
                               widths={"module": "22%", "call": "33%", "what": "45%"},
                               caption_note=label("authors.table.docstring_note"))


def excerpt(path: str, start: str | None = None, end: str | None = None, language: str = "",
            lines: int | None = None) -> Markdown:
    """The file at ``path`` (relative to the kit) as a code block: from the first line containing ``start`` (the
    file's first line when None) to the next line containing ``end``, or ``lines`` lines, or the end of the file."""
    text = (ROOT / path).read_text(encoding="utf-8").splitlines()
    first = next((i for i, line in enumerate(text) if start is None or start in line), None)
    if first is None:
        raise ValueError(f"{path} has no line containing {start!r}")
    last = len(text) - 1
    if lines is not None:
        last = min(last, first + lines - 1)
    elif end is not None:
        last = next((i for i in range(first + 1, len(text)) if end in text[i]), None)
        if last is None:
            raise ValueError(f"{path} has no line containing {end!r} after {start!r}")
    body = "\n".join(text[first:last + 1])
    fence = "````" if "```" in body else "```"
    return Markdown(f"{fence}{language}\n{body}\n{fence}\n")


def workshops_table() -> Markdown:
    """The workshop files: name, title, minutes, chapters and whether the workshop sets its own values."""
    from widgets.pages import workshops
    head = (f"| {label('authors.table.workshop')} | {label('authors.table.title')} | "
            f"{label('authors.table.minutes')} | {label('authors.table.chapters')} | "
            f"{label('authors.table.values')} |\n|---|---|---|---|---|\n")
    rows = []
    for path in sorted((ROOT / "workshops").glob("*.yml")):
        plan = workshops.load(path.stem)
        chapters = ", ".join(re.sub(r"_.*", "", slot.stem) for slot in plan.slots)
        rows.append(f"| `{path.stem}` | {_escape(plan.title)} | {plan.minutes} | {chapters} | {len(plan.overrides)} |")
    return Markdown(head + "\n".join(rows) + "\n")
