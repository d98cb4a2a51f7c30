"""The offline bundle: one zip with the web book, the PDF, the chapter notebooks and the data, for a USB stick.

``python -m widgets.build.bundle SITE PDF [PDF …] OUTPUT.zip`` (``make bundle``: the two-edition site, the English
and the Japanese PDF) writes::

    rare-earth-kit/
      README.txt       what is inside and how to open it
      index.html       opens the book (a link into book/, for a double-click)
      book/            the built web book (both editions: book/en, book/ja): opens over file:// with no server,
                       charts and sliders included
      book.pdf, book-ja.pdf   the PDF editions
      notebooks/       each chapter as a notebook with its outputs (the pages' take-home notebooks), per edition
      data/            the data package: CSV tables, schema, README and bibliography

The web book needs no server: every page, chart and slider works from the files (``python -m http.server``
inside ``rare-earth-kit`` serves it too, for a browser that restricts ``file://`` pages).
"""
from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

from widgets.core.data import DATA_DIR

FOLDER = "rare-earth-kit"
README = """Out from under: the car industry and Chinese rare earths — offline bundle
===========================================================================

Open index.html (double-click it) to read the book in your browser. Nothing needs installing and nothing is
fetched from the internet: every chart and slider works from these files.

  index.html   opens the web book (book/index.html), in English or Japanese by your browser's language;
               every page links the same page in the other language
  book.pdf     the whole book as a PDF (book-ja.pdf: the Japanese edition)
  notebooks/   each chapter as a Jupyter notebook, with its outputs (en/, ja/); to run one, install the kit from its
               repository (see the README there) and open the notebook in JupyterLab
  data/        the data package: one CSV file per table, datapackage.json (the schema: units, allowed values,
               keys), README.md (what each table holds) and references.bib (the sources)

If your browser will not open pages from a USB stick, open a terminal in this folder and run
    python -m http.server 8000
then visit http://127.0.0.1:8000/ .

Licences: code MIT; text and data CC BY 4.0 (LICENSE-content in the repository).
"""
ENTRY = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=book/index.html">
<title>Out from under: the car industry and Chinese rare earths</title></head>
<body><p><a href="book/index.html">Open the book</a></p></body></html>
"""


def _add_tree(archive: zipfile.ZipFile, folder: Path, prefix: str) -> int:
    count = 0
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            archive.write(path, f"{prefix}/{path.relative_to(folder).as_posix()}")
            count += 1
    return count


def _notebook_name(site: Path, notebook: Path) -> str:
    """A take-home notebook's place in the bundle: ``notebooks/<edition>/<name>`` for a two-edition site."""
    edition = notebook.relative_to(site).parts[0]
    return f"notebooks/{edition}/{notebook.name}" if edition != "_sources" else f"notebooks/{notebook.name}"


def write_bundle(site: Path, pdf: Path | list[Path], output: Path, data_dir: Path = DATA_DIR) -> Path:
    """Write the bundle zip and return its path; nothing is left half-written if an input is missing."""
    pdfs = [pdf] if isinstance(pdf, Path) else list(pdf)
    if not (site / "index.html").exists():
        raise FileNotFoundError(f"no built site at {site}: build it first (make book)")
    for path in pdfs:
        if not path.exists():
            raise FileNotFoundError(f"no PDF at {path}: print it first (make pdf)")
    notebooks = sorted(p for p in site.rglob("*.ipynb") if "_sources" in p.relative_to(site).parts)
    if not notebooks:
        raise FileNotFoundError(f"no chapter notebooks under {site}/…/_sources: was the site built by the kit?")
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{FOLDER}/README.txt", README)
        archive.writestr(f"{FOLDER}/index.html", ENTRY)
        _add_tree(archive, site, f"{FOLDER}/book")
        for path in pdfs:
            archive.write(path, f"{FOLDER}/{path.name}")
        for notebook in notebooks:
            archive.write(notebook, f"{FOLDER}/{_notebook_name(site, notebook)}")
        for path in sorted(data_dir.iterdir()):
            if path.is_file():
                archive.write(path, f"{FOLDER}/data/{path.name}")
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("pdfs", type=Path, nargs="+", help="the PDFs, then the zip to write")
    args = parser.parse_args(argv)
    if len(args.pdfs) < 2:
        parser.error("give at least one PDF and the zip to write")
    try:
        path = write_bundle(args.site, args.pdfs[:-1], args.pdfs[-1])
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Bundle: {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
