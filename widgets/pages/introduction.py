"""Chapter 01 (from resource war to technology blockade): every figure and short text its prose shows.

The chapter calls :func:`numbers` once, in its hidden first cell (``n = introduction.numbers()``), and writes
``{eval}`n.quota_cut_pct``` where a figure goes. Its charts are ``show.regulation_timeline()`` and
``show.production_shares()``.

Rounding: tonnages are shown as their sources give them (whole tonnes); China's shares of a stage, and the cut
in the export quota, to two significant figures (the sources' own counts are no more precise: USGS counts the
Chinese quota, not undocumented output).
"""
from __future__ import annotations

import pandas as pd

from widgets.charts.words import regulation_name
from widgets.core.data import figure, load_table, row
from widgets.core.labels import language, localized
from widgets.exposure import start as sc
from widgets.pages.common import Numbers
from widgets.pages.workshops import add_slot
from widgets.shares.model import country_shares
from widgets.timeline.model import events_on, timeline_events

DATES = {  # name: (regulation_id, column)
    "collision": ("cn-jp-2010-collision", "date_announced"),
    "halt": ("cn-jp-2010-shipments-halt", "date_announced"),
    "release": ("cn-jp-2010-captain-release", "date_announced"),
    "jogmec": ("jp-2011-jogmec-lynas", "date_announced"),
    "wto": ("wto-2014-rare-earths", "date_announced"),
    "quotas_end": ("cn-2015-quotas-end", "effective_date"),
    "cat2023": ("cn-catalogue-2023", "date_announced"),
    "no18": ("cn-mofcom-2025-18", "effective_date"),
    "oct": ("cn-mofcom-2025-61-value-rule", "date_announced"),
    "no70_until": ("cn-mofcom-2025-70", "suspended_until"),
}
#: name: (stage, year, source_id) of a China share the chapter quotes
SHARES = {"usgs24": ("mining", 2024, "usgs2025mcs_ree"), "usgs23": ("mining", 2023, "usgs2025mcs_ree"),
          "iea23": ("mining", 2023, "iea2024gcmo"), "bm24": ("mining", 2024, "benchmark_reemining30yrs"),
          "ref": ("separation", 2023, "iea2024gcmo"), "sep": ("separation", 2025, "iea2025commentary"),
          "mag": ("magnet_making", 2025, "iea2025commentary")}
#: the regulations-table entry of the 2010 halt of shipments to Japan
HALT_ID = "cn-jp-2010-shipments-halt"


def quota_cut_pct(quotas: pd.DataFrame, year: int) -> float:
    """How much lower ``year``'s export quota was than the year before's, in % of the year before."""
    by_year = quotas.set_index("year")["quota_t"]
    return (1 - by_year[year] / by_year[year - 1]) * 100


def known_on(day: object, regulations: pd.DataFrame | None = None) -> list[str]:
    """Short names of the regulations-table entries announced on or before ``day`` (the time line in colour),
    in the time line's order."""
    regulations = load_table("regulations") if regulations is None else regulations
    events = events_on(timeline_events(regulations), day)
    return [regulation_name(rid, regulations) for rid in events.loc[~events["after"], "regulation_id"]]


def numbers() -> Numbers:
    """Every figure and short text of chapter 01, formatted as the reader sees it."""
    n = Numbers("01_introduction")
    add_slot(n, "01_introduction")
    for name, (regulation_id, column) in DATES.items():
        n.date(name, figure("regulations", column, regulation_id=regulation_id))
    n.date("today", sc.assessment_date())
    n.text("halt_instrument", localized(row("regulations", regulation_id=HALT_ID), "instrument"))
    n.number("no18_n", "d", len(sc.regulation_elements("cn-mofcom-2025-18")))

    for year in (2009, 2010, 2012):
        n.number(f"quota{year}_t", ",.0f", figure("export_quotas", "quota_t", year=year))
    n.number("exports2012_t", ",.0f", figure("export_quotas", "exports_t", year=2012))
    n.rounded("quota_cut_pct", ",.0f", quota_cut_pct(load_table("export_quotas"), 2010))

    shares = country_shares(load_table("production_shares")).set_index(["stage", "year", "source_id"])["share_pct"]
    for name, key in SHARES.items():
        n.rounded(name, ",.0f", shares[key])
    usgs24 = dict(stage="mining", year=2024, source_id="usgs2025mcs_ree")
    n.number("cn24_t", ",.0f", figure("production_shares", "quantity_t", country="China", **usgs24))
    n.number("world24_t", ",.0f", figure("production_shares", "quantity_t", country="World", **usgs24))

    halt = figure("regulations", "date_announced", regulation_id=HALT_ID)
    n.text("known_2010", ("、" if language() == "ja" else ", ").join(known_on(halt)))
    return n
