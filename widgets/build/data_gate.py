"""The data gate: before a build, every table of ``data/`` is validated; a broken one stops the build with one
short block (file, line, column, rule, and the chapters that need the table) instead of a chapter's traceback.

``python -m widgets.build.data_gate`` (``make book``, ``make workshop``, ``make pdf`` run it first) exits 0 when
the data is valid, else prints the block and exits 1. To name the chapters, it runs each chapter's code cells
in this process (they are short: a setup line, ``show.…()``, ``explore.…()``, source checks) and notes which
ones stop on the broken table; that costs a few seconds, and only when the data is broken.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import sys
from pathlib import Path

import jupytext
import yaml

from widgets.core.data import DATA_DIR, DataValidationError, load_all
from widgets.core.workshop import WorkshopError

ROOT = Path(__file__).resolve().parents[2]


def broken_table(data_dir: Path | None = None) -> DataValidationError | WorkshopError | None:
    """The first broken rule in the data, or in the workshop's own values (None when all is valid)."""
    try:
        load_all(data_dir)
    except (DataValidationError, WorkshopError) as error:
        return error
    return None


def toc_chapters(toc: Path = ROOT / "_toc.yml") -> list[str]:
    """The chapters of a table of contents, in reading order (``chapters/NN_name``)."""
    spec = yaml.safe_load(toc.read_text(encoding="utf-8"))
    files = [spec["root"]]
    for part in spec.get("parts", []):
        files += [entry["file"] for entry in part.get("chapters", [])]
    files += [entry["file"] for entry in spec.get("chapters", [])]
    return files


def needs_the_broken_table(chapter: Path, error: DataValidationError) -> bool:
    """Whether running the chapter's code cells stops on the same broken rule."""
    namespace: dict = {"__name__": "__kit_data_gate__"}
    silent = io.StringIO()
    with contextlib.redirect_stdout(silent), contextlib.redirect_stderr(silent):
        for cell in jupytext.read(chapter).cells:
            if cell.cell_type != "code" or cell.source.lstrip().startswith(("%", "!")):
                continue
            try:
                exec(compile(cell.source, str(chapter), "exec"), namespace)
            except DataValidationError as raised:
                return str(raised) == str(error)
            except Exception:          # another failure (a display needing a kernel): not this table's
                continue
    return False


def report(error: DataValidationError, chapters: list[str]) -> str:
    """The block the build ends with."""
    lines = ["The data stopped the build: a table breaks one of its rules.", ""]
    if error.file:
        lines += [f"  file:      {error.file}", f"  line:      {error.line}", f"  column:    {error.column}",
                  f"  rule:      {error.rule} ({error.detail})"]
    else:
        lines += [f"  problem:   {error}"]
    lines.append(f"  needed by: {', '.join(chapters) if chapters else 'no chapter in this build'}")
    lines += ["", "Each table's rules are in data/datapackage.json (described in data/README.md)."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--toc", type=Path, default=ROOT / "_toc.yml", help="the build's table of contents")
    args = parser.parse_args(argv)
    error = broken_table(DATA_DIR)
    if error is None:
        return 0
    if isinstance(error, WorkshopError):
        print(f"The workshop's values stopped the build.\n\n  {error}", file=sys.stderr)
        return 1
    chapters = [f"{name}.md" for name in toc_chapters(args.toc)
                if needs_the_broken_table(ROOT / f"{name}.md", error)]
    print(report(error, chapters), file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
