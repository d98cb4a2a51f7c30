"""Chapter 01 (from resource war to technology blockade): every figure and short text its prose shows."""
from __future__ import annotations

import pandas as pd

from widgets.pages.book import date_text, figure, number_text
from widgets.timeline.model import day_index, events_on, timeline_events
from widgets.charts.words import regulation_name
from widgets.core.data import load_table
from widgets.core.labels import language
from widgets.shares.model import country_shares, share_pct
from widgets.pages.common import Numbers
from widgets.exposure import start as sc

DATES = {  # name: (regulation_id, column)
    "collision": ("cn-jp-2010-collision", "date_announced"),
    "halt": ("cn-jp-2010-shipments-halt", "date_announced"),
    "release": ("cn-jp-2010-captain-release", "date_announced"),
    "jogmec": ("jp-2011-jogmec-lynas", "date_announced"),
    "quota2010_reported": ("cn-export-quota-2010", "date_announced"),
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


def quota_cut_pct(quotas: pd.DataFrame, year: int) -> float:
    """How much lower ``year``'s export quota was than the year before's, in % of the year before."""
    by_year = quotas.set_index("year")["quota_t"]
    return (1 - by_year[year] / by_year[year - 1]) * 100


def known_on(day: object) -> list[str]:
    """Short names of the regulations-table entries announced on or before ``day`` (the time line in colour)."""
    regulations = load_table("regulations")
    events = events_on(timeline_events(regulations), day)
    return [regulation_name(rid, regulations) for rid in events.loc[~events["after"], "regulation_id"]]


def numbers() -> Numbers:
    n = Numbers("intro")
    for name, (regulation_id, column) in DATES.items():
        n[name] = date_text(figure("regulations", column, regulation_id=regulation_id))
    n["today"] = date_text(sc.assessment_date())
    n["halt_instrument"] = figure("regulations", "instrument", regulation_id="cn-jp-2010-shipments-halt")
    n["no18_n"] = len(sc.regulation_elements("cn-mofcom-2025-18"))

    quotas = load_table("export_quotas")
    n["quota2009_t"] = number_text(figure("export_quotas", "quota_t", year=2009), decimals=0)
    n["quota2010_t"] = number_text(figure("export_quotas", "quota_t", year=2010), decimals=0)
    n["quota_cut_pct"] = number_text(quota_cut_pct(quotas, 2010), significant=2)
    n["quota2012_t"] = number_text(figure("export_quotas", "quota_t", year=2012), decimals=0)
    n["exports2012_t"] = number_text(figure("export_quotas", "exports_t", year=2012), decimals=0)

    shares = country_shares(load_table("production_shares")).set_index(["stage", "year", "source_id"])["share_pct"]
    for name, key in SHARES.items():
        n[name] = number_text(shares[key], significant=2)
    usgs24 = dict(stage="mining", year=2024, source_id="usgs2025mcs_ree")
    china_t = figure("production_shares", "quantity_t", country="China", **usgs24)
    world_t = figure("production_shares", "quantity_t", country="World", **usgs24)
    n["cn24_t"], n["world24_t"] = number_text(china_t, decimals=0), number_text(world_t, decimals=0)
    n["usgs24_exact"] = number_text(share_pct(china_t, world_t), decimals=1)

    halt = figure("regulations", "date_announced", regulation_id="cn-jp-2010-shipments-halt")
    n["known_2010"] = ("、" if language() == "ja" else ", ").join(known_on(halt))
    return n


def glue_all() -> Numbers:
    return numbers().glue_all()


def timeline_chart():
    """The regulation time line, its slider on the day the book is built."""
    from widgets.charts.timeline import regulation_timeline_chart
    return regulation_timeline_chart(load_table("regulations"), day_index(sc.assessment_date()))


def shares_chart():
    from widgets.charts.shares import shares_chart as chart
    return chart(load_table("production_shares"))
