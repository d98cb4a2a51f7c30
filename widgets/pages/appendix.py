"""Accessible HTML tables for the appendices, and the summaries they show.

:func:`html_table` renders any DataFrame as ``<table>`` with a ``<caption>``, a ``<thead>`` of
``<th scope="col">`` cells, optional row headers (``<th scope="row">``), ``lang`` attributes on
Japanese columns and row ``id`` anchors; every text is HTML-escaped unless the caller marks a column as
ready-made HTML. The table sits in a focusable, labelled scroll region so a wide table can be scrolled
with the keyboard. It returns an ``IPython.display.HTML`` object (the book shows it as is).

The other functions build what the appendices show from the data package: links from a technology row
to its claim-ledger verdicts, one summary per table of ``datapackage.json``, the schema of a table, the
glossary with links to the chapter of first use.
"""
from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd
from IPython.display import HTML, Markdown

from widgets.core.data import DATA_DIR, load_table, resource, split_list, table_names
from widgets.charts import table
from widgets.charts.ledger import section_name
from widgets.core.labels import label, language, localized
from widgets.ledger.model import VERDICTS
from widgets.core import checks

CHAPTERS_DIR = DATA_DIR.parent / "chapters"
LEDGER_PAGE = "a2_claim_ledger"
BIBLIOGRAPHY_PAGE = "a5_bibliography"


def page_file(stem: str) -> str:
    """The file a link to chapter page ``stem`` points at where this output is read: the built page in the book
    (``a2_claim_ledger.html``), the chapter source in JupyterLab, which opens it as a notebook (``….md``)."""
    from widgets.pages.book import for_book
    return f"{stem}.html" if for_book() else f"{stem}.md"
CLAIM_ANCHOR = "claim-{claim_id}"


def cell_text(value: object) -> str:
    """Plain text of a cell: empty for a missing value, dates as ISO, whole floats without '.0'."""
    if checks.is_missing(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def html_table(frame: pd.DataFrame, columns: Sequence[str], caption: str, *,
               headers: Mapping[str, str] | None = None, row_header: str | None = None,
               raw_html: Iterable[str] = (), lang: Mapping[str, str] | None = None,
               row_id: str | None = None, formats: Mapping[str, str] | None = None,
               widths: Mapping[str, str] | None = None, caption_note: str = "") -> HTML:
    """``frame[columns]`` as an accessible HTML table (``widgets.charts.table.html_table``).

    headers: column → header text (default: the column name); row_header: the column whose cells are
    ``<th scope="row">``; raw_html: columns already holding safe HTML (not escaped: the caller escapes);
    lang: column → language code for its cells (e.g. ``{"text_ja": "ja"}``); row_id: column whose values
    become each row's ``id``; formats: column → ``str.format`` pattern for non-missing values (e.g.
    ``"{:,.0f}"``); widths: column → CSS width (e.g. ``"20%"``), written as a ``<colgroup>`` (the table then
    has a fixed layout at full width, so long words wrap);
    caption_note: escaped text added to the caption in a smaller font."""
    checks.require_columns("frame", frame, [*columns, *([row_header] if row_header else []),
                                            *([row_id] if row_id else [])])
    checks.not_empty("columns", list(columns), "name at least one column")
    if not isinstance(caption, str) or not caption.strip():
        checks.missing("caption", "give the table a caption")
    headers, raw, lang, formats = dict(headers or {}), set(raw_html), dict(lang or {}), dict(formats or {})
    for column in dict(widths or {}):
        checks.choice("widths column", column, list(columns))
    rows = []
    for _, record in frame.iterrows():
        cells = []
        for column in columns:
            value = record[column]
            if column in raw:
                cells.append("" if checks.is_missing(value) else str(value))
            elif column in formats and not checks.is_missing(value):
                cells.append(formats[column].format(value))
            else:
                cells.append(cell_text(value))
        rows.append(cells)
    position = {column: index for index, column in enumerate(columns)}
    return HTML(table.html_table(
        [headers.get(c, c) for c in columns], rows, caption=caption,
        row_header=position.get(row_header) if row_header else None,
        raw=[position[c] for c in raw if c in position], lang={position[c]: v for c, v in lang.items() if c in position},
        row_ids=[cell_text(v) for v in frame[row_id]] if row_id else None,
        widths={position[c]: w for c, w in dict(widths or {}).items()}, caption_note=caption_note))


# --- claim ledger links --------------------------------------------------------------------------------

def claim_link(claim_id: str, verdict: str | None = None, page: str = LEDGER_PAGE) -> str:
    """HTML link to a claim's row in the ledger, e.g. ``c079 · differs``."""
    anchor = CLAIM_ANCHOR.format(claim_id=claim_id)
    text = claim_id if verdict is None else f"{claim_id} · {label(f'verdict.{verdict}')}"
    return f'<a href="{html.escape(page_file(page))}#{html.escape(anchor)}">{html.escape(text)}</a>'


def verdict_links(claim_ids: object, claims: pd.DataFrame | None = None) -> str:
    """The verdicts of a ``;``-list of claim ids, each linked to its ledger row (``<br>``-separated)."""
    claims = load_table("claims") if claims is None else claims
    verdicts = claims.set_index("claim_id")["verdict"]
    links = []
    for claim_id in split_list(claim_ids):
        checks.choice("claim id", claim_id, list(verdicts.index))
        links.append(claim_link(claim_id, str(verdicts[claim_id])))
    return "<br>".join(links)


def source_links(claim: pd.Series, page: str = BIBLIOGRAPHY_PAGE) -> str:
    """A claim's source keys (main first, then the others, one a line), each linked to the bibliography page."""
    keys = dict.fromkeys([str(claim["source_id"]), *split_list(claim["other_source_ids"])])
    return "<br>".join(f'<a href="{html.escape(page_file(page))}"><code>{html.escape(key)}</code></a>'
                       for key in keys)


# --- data package summaries ----------------------------------------------------------------------------

def constraints_text(field: dict) -> str:
    """A field's constraints in words: required, unique, enum, minimum, maximum, pattern, list separator."""
    rules = field.get("constraints", {})
    parts = []
    if rules.get("required"):
        parts.append(label("tables.rule.required"))
    if rules.get("unique"):
        parts.append(label("tables.rule.unique"))
    if "enum" in rules:
        parts.append(label("tables.rule.enum") + " " + ", ".join(map(str, rules["enum"])))
    if "minimum" in rules:
        parts.append(f"≥ {cell_text(rules['minimum'])}")
    if "maximum" in rules:
        parts.append(f"≤ {cell_text(rules['maximum'])}")
    if "pattern" in rules:
        parts.append(label("tables.rule.pattern") + f" {rules['pattern']}")
    if "x-separator" in field:
        parts.append(label("tables.rule.list", separator=field["x-separator"]))
    return "; ".join(parts)


def schema_frame(name: str) -> pd.DataFrame:
    """One row per field of table ``name``: field, type, unit, constraints, description (in the reader's language:
    ``x-description-ja`` in Japanese)."""
    fields = resource(name)["schema"]["fields"]
    return pd.DataFrame([{"field": f["name"], "type": f.get("type", "string"), "unit": f.get("unit", ""),
                          "constraints": constraints_text(f), "description": localized(f, "description")}
                         for f in fields])


def table_summary(name: str) -> dict:
    """Row count, distinct source ids, as_of range and confidence mix of table ``name`` (None where the
    table has no such column); its title and description in the reader's language."""
    frame = load_table(name)
    descriptor = resource(name)
    summary = {"name": name, "title": localized(descriptor, "title") or name,
               "description": localized(descriptor, "description"), "rows": len(frame),
               "sources": None, "as_of_min": None, "as_of_max": None, "confidence": None}
    if "source_id" in frame.columns:
        summary["sources"] = int(frame["source_id"].nunique())
    if "as_of" in frame.columns and frame["as_of"].notna().any():
        summary["as_of_min"] = cell_text(frame["as_of"].min())
        summary["as_of_max"] = cell_text(frame["as_of"].max())
    if "confidence" in frame.columns:
        counts = frame["confidence"].value_counts()
        summary["confidence"] = {str(k): int(v) for k, v in counts.items()}
    return summary


def table_markdown(name: str) -> Markdown:
    """MyST Markdown describing one table: heading, description, counts, as_of range, confidence mix and a
    ``{download}`` link to the CSV (path relative to a page in ``chapters/``)."""
    s = table_summary(name)
    path = resource(name)["path"]
    facts = [label("tables.summary.rows", rows=s["rows"])]
    if s["sources"] is not None:
        facts.append(label("tables.summary.sources", sources=s["sources"]))
    if s["as_of_min"]:
        facts.append(label("tables.summary.as_of", first=s["as_of_min"], last=s["as_of_max"]))
    if s["confidence"]:
        mix = ", ".join(f"{kind} {count}" for kind, count in s["confidence"].items())
        facts.append(label("tables.summary.confidence", mix=mix))
    download = f"{{download}}`{label('tables.summary.download', path=path)} <../data/{path}>`"
    text = (f"### {s['title']}\n\n`{name}` — {s['description']}\n\n"
            + "".join(f"- {fact}\n" for fact in facts) + f"- {download}\n")
    return Markdown(text)


def data_tables() -> list[str]:
    """The CSV tables of the data package, in package order."""
    return table_names()


# --- glossary ------------------------------------------------------------------------------------------

def chapter_page(code: str, chapters_dir: Path = CHAPTERS_DIR) -> tuple[str, str]:
    """(page file name, title) of the chapter a glossary row names: '04' → ('04_supply.html', its # title) in the
    book, ('04_supply.md', …) in JupyterLab (:func:`page_file`); 'appendix' → the first appendix page."""
    pattern = "a1_*.md" if code == "appendix" else f"{code}_*.md"
    found = sorted(chapters_dir.glob(pattern))
    if not found:
        raise ValueError(label("error.not_allowed", name="chapter", value=code,
                               allowed="a chapter number with a file in chapters/, or appendix"))
    title = next((line[2:].strip() for line in found[0].read_text(encoding="utf-8").splitlines()
                  if line.startswith("# ")), found[0].stem)
    return page_file(found[0].stem), title


def glossary_frame(glossary: pd.DataFrame | None = None) -> pd.DataFrame:
    """The glossary sorted by English term (case-insensitive) with an HTML link to the chapter of first use
    (text 'Chapter 4', the chapter's title as the link's title) and the definition in the reader's language
    (``definition``)."""
    frame = load_table("glossary") if glossary is None else glossary.copy()
    frame = frame.iloc[frame["term_en"].str.casefold().argsort(kind="stable")].reset_index(drop=True)
    frame["definition"] = [localized(term, "definition") for _, term in frame.iterrows()]
    links = {}
    for code in frame["chapter"].unique():
        page, title = chapter_page(str(code))
        text = label("appendix.glossary.appendices") if code == "appendix" else label(
            "appendix.glossary.chapter_number", number=int(code))
        links[code] = f'<a href="{html.escape(page)}" title="{html.escape(title)}">{html.escape(text)}</a>'
    frame["chapter_link"] = frame["chapter"].map(links)
    return frame


# --- claim ledger --------------------------------------------------------------------------------------


def verdict_table(claims: pd.DataFrame, by: str) -> pd.DataFrame:
    """Counts of claims by ``by`` (e.g. 'topic') and verdict: one row per value of ``by`` (in order of first
    appearance), one column per verdict (all four, zeros kept) and a 'total' column; a last row 'total'."""
    checks.choice("by", by, list(claims.columns))
    order = list(dict.fromkeys(claims[by].astype(str)))
    counts = pd.crosstab(claims[by].astype(str), claims["verdict"].astype(str))
    counts = counts.reindex(index=order, columns=list(VERDICTS), fill_value=0)
    counts["total"] = counts.sum(axis=1)
    counts.loc["total"] = counts.sum(axis=0)
    return counts.rename_axis(by).reset_index().rename_axis(None, axis=1)


def ledger_frame(claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ledger as the appendix shows it: the claims plus an anchor id per row, the verdict's label, what the
    sources say instead in the reader's language (``what_differs``) and the source keys as HTML links to the
    bibliography."""
    frame = load_table("claims") if claims is None else claims.copy()
    frame["anchor"] = frame["claim_id"].map(lambda c: CLAIM_ANCHOR.format(claim_id=c))
    frame["what_differs"] = [localized(claim, "what_differs") for _, claim in frame.iterrows()]
    frame["verdict_name"] = frame["verdict"].map(lambda v: label(f"verdict.{v}"))
    frame["section"] = frame["section"].astype(str).map(section_name)
    frame["sources_html"] = [source_links(claim) for _, claim in frame.iterrows()]
    return frame


# --- technology table ----------------------------------------------------------------------------------

TECHNOLOGY_FIELDS = ("name", "developers", "advantages", "drawbacks", "rare_earth_use", "status_2025")


def technology_overview(tech: pd.DataFrame | None = None, claims: pd.DataFrame | None = None) -> HTML:
    """All rows of the report's table: technology and status in Japanese and English, and the verdicts of the
    linked claims (each a link to its ledger row). The other columns are in :func:`technology_detail`."""
    tech = load_table("technologies") if tech is None else tech
    claims = load_table("claims") if claims is None else claims
    frame = tech.sort_values("row_order").assign(verdicts=lambda f: f["claim_ids"].map(
        lambda ids: verdict_links(ids, claims)))
    columns = ["name_ja", "name_en", "status_2025_ja", "status_2025_en", "verdicts"]
    return html_table(frame, columns, label("appendix.tech.caption"),
                      headers={c: label(f"appendix.tech.{c}") for c in columns}, row_header="name_en",
                      raw_html=["verdicts"], lang={c: c[-2:] for c in columns if c.endswith(("_ja", "_en"))})


def technology_detail(technology: pd.Series, claims: pd.DataFrame | None = None) -> HTML:
    """One row of the report's table in full, Japanese and English side by side, then the verdicts of its
    linked claims and the kit's note on the row."""
    rows = pd.DataFrame([{"field": label(f"appendix.tech.field.{f}"), "ja": technology[f"{f}_ja"],
                          "en": technology[f"{f}_en"]} for f in TECHNOLOGY_FIELDS])
    caption = label("appendix.tech.row_caption", row=cell_text(technology["row_order"]),
                    name=localized(technology, "name"))
    # the English edition sets the report's words beside their English; the Japanese edition shows the report's own
    columns = ["field", "ja"] if language() == "ja" else ["field", "ja", "en"]
    table = html_table(rows, columns, caption, row_header="field", lang={"ja": "ja", "en": "en"},
                       headers={"field": label("appendix.tech.field"), "ja": label("appendix.tech.japanese"),
                                "en": label("appendix.tech.english")})
    links = verdict_links(technology["claim_ids"], claims).replace("<br>", " · ")
    note_text = localized(technology, "note")
    note = "" if not note_text else (
        f"<br><strong>{html.escape(label('appendix.tech.field.note'))}:</strong> {html.escape(note_text)}")
    return HTML(f"{table.data}<p><strong>{html.escape(label('appendix.tech.field.verdicts'))}:</strong> {links}{note}</p>")


#: The ledger's columns (column → label key under ``appendix.ledger``) and their widths. The Japanese edition
#: leaves out the English paraphrase (``claim_en``): the report's own words are Japanese (``LEDGER_WIDTHS_JA``).
LEDGER_COLUMNS = {"claim_id": "claim_id", "section": "section", "text_ja": "text_ja", "claim_en": "claim_en",
                  "verdict_name": "verdict", "what_differs": "what_differs_en", "sources_html": "sources"}


LEDGER_WIDTHS = {"claim_id": "6%", "section": "6%", "text_ja": "19%", "claim_en": "19%", "verdict_name": "9%",
                 "what_differs": "27%", "sources_html": "14%"}
LEDGER_WIDTHS_JA = {"claim_id": "6%", "section": "6%", "text_ja": "30%", "verdict_name": "9%",
                    "what_differs": "35%", "sources_html": "14%"}


def ledger_table(claims: pd.DataFrame | None = None) -> HTML:
    """The full claim ledger as an HTML table; each row has the anchor ``claim-<id>`` that
    :func:`claim_link` points to, and source keys link to the bibliography page."""
    frame = ledger_frame(claims)
    widths = LEDGER_WIDTHS_JA if language() == "ja" else LEDGER_WIDTHS
    return html_table(frame, list(widths), label("appendix.ledger.caption"),
                      headers={c: label(f"appendix.ledger.{LEDGER_COLUMNS[c]}") for c in widths},
                      row_header="claim_id", raw_html=["sources_html"], lang={"text_ja": "ja"}, row_id="anchor",
                      widths=widths)


def topic_table(claims: pd.DataFrame) -> HTML:
    """Claims by topic (rows, with a total row) and verdict (columns, with a total column)."""
    counts = verdict_table(claims, "topic")
    counts["topic"] = counts["topic"].map(
        lambda x: label("appendix.ledger.total") if x == "total" else label(f"ledgerchart.topic.{x}"))
    columns = ["topic", *VERDICTS, "total"]
    headers = {"topic": label("appendix.ledger.topic"), "total": label("appendix.ledger.total"),
               **{v: label(f"verdict.{v}") for v in VERDICTS}}
    return html_table(counts, columns, label("appendix.ledger.by_topic_caption"), headers=headers, row_header="topic")
