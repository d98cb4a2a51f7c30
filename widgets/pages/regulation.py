"""Chapter 02 (China's export controls): every figure and short text its prose shows, the annex table, and the
inputs of the two charts ``show.value_rule()`` and ``show.exposure_timeline()`` draw.

The chapter calls :func:`numbers` once, in its hidden first cell (``n = regulation.numbers()``), and writes
``{eval}`n.share``` where a figure goes.

Rounding: prices and masses are shown as the sources give them; computed shares, values and crossing contents
to two significant figures (their inputs, a vendor magnet price and an annual oxide price, carry no more), with
just the decimal places those figures need (:func:`significant_format`: '46', '0.0065', '18,000').
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from widgets.charts import exposure as charts
from widgets.charts.words import month_name, month_verdicts, regulation_name
from widgets.core.data import figure, row
from widgets.core.labels import label, language, localized
from widgets.core.numbers import round_to
from widgets.exposure import start as sc
from widgets.exposure.model import (ValueRuleInputs, assembly_value_limit_usd, magnet_part_i_share_pct,
                                     monthly_findings, timeline)
from widgets.pages.book import cite
from widgets.pages.common import Numbers
from widgets.pages.workshops import add_slot

DATES = {  # name: (regulation_id, column)
    "cat2023": ("cn-catalogue-2023", "date_announced"),
    "reregs": ("cn-2024-rare-earth-regulations", "effective_date"),
    "dualuse": ("cn-2024-dual-use-regulations", "effective_date"),
    "no18": ("cn-mofcom-2025-18", "effective_date"),
    "faq5": ("cn-mofcom-2025-faq5", "date_announced"),
    "oct": ("cn-mofcom-2025-61-value-rule", "date_announced"),
    "no57": ("cn-mofcom-2025-57", "effective_date"),
    "origin": ("cn-mofcom-2025-61-origin-rule", "effective_date"),
    "value": ("cn-mofcom-2025-61-value-rule", "effective_date"),
    "busan": ("us-cn-2025-busan", "date_announced"),
    "factsheet": ("us-cn-2025-whitehouse-factsheet", "date_announced"),
    "no70": ("cn-mofcom-2025-70", "date_announced"),
    "no70_until": ("cn-mofcom-2025-70", "suspended_until"),
    "general": ("cn-2025-general-licences", "date_announced"),
    "japan": ("cn-mofcom-2026-1-japan", "date_announced"),
    "japan_held": ("cn-jp-2026-shipments-limited", "date_announced"),
}


def _list(elements: list[str]) -> str:
    """Items as a reader lists them: 'Sm, Gd, Tb' in English, 'Sm、Gd、Tb' in Japanese."""
    return "、".join(elements) if language() == "ja" else ", ".join(elements)


def significant_format(value: float, significant: int = 2) -> str:
    """The format spec that shows ``value``, rounded to ``significant`` figures, with just the decimal places
    those figures need and thousands separators: ',.0f' for 46 or 18,000, ',.1f' for 6.1 or 3.0, ',.4f' for
    0.0065 (at two figures). Use it with ``Numbers.rounded`` for figures whose size depends on the data."""
    number = round_to(value, significant)
    if number == 0 or not math.isfinite(number):
        return ",.0f"
    return f",.{max(0, significant - 1 - math.floor(math.log10(abs(number))))}f"


def _rounded(n: Numbers, name: str, value: float, significant: int = 2) -> str:
    return n.rounded(name, significant_format(value, significant), value, significant)


def annex_table() -> pd.DataFrame:
    """The two parts of No. 61's Annex 1 as the chapter's table shows them: part, item (in the reader's language,
    then the Chinese text), reading."""
    items = sc.control_list_items()
    rows = items[items["list_id"] == sc.ANNEX_LIST_ID]
    return pd.DataFrame({"part": [label(f"reg.annex.{p}") for p in rows["annex_part"]],
                         "item": [label("reg.annex.item", item=localized(item, "item"), chinese=item["item_zh"])
                                  for _, item in rows.iterrows()],
                         "reading": [label(f"reg.reading.{r}") for r in rows["reading"]],
                         "source": rows["source_id"]})


def annex_markdown():
    """The annex table as a MyST table (each row cites its source), displayed by the chapter."""
    from IPython.display import Markdown
    frame = annex_table()
    head = " | ".join(label(f"reg.table.{c}") for c in ("part", "item", "reading", "source"))
    lines = [f"| {head} |", "|---|---|---|---|"]
    lines += [f"| {r.part} | {r.item} | {r.reading} | {cite.markdown('p', [r.source])} |" for r in frame.itertuples()]
    return Markdown(f":::{{table}} {label('reg.table.caption')}\n:name: tbl-no61-annex\n\n" + "\n".join(lines)
                    + "\n:::\n")


def numbers() -> Numbers:
    """Every figure and short text of chapter 02, formatted as the reader sees it."""
    n = Numbers("02_regulation")
    add_slot(n, "02_regulation")
    for name, (regulation_id, column) in DATES.items():
        n.date(name, figure("regulations", column, regulation_id=regulation_id))
    n.date("today", sc.assessment_date())
    n.text("after_month", month_name(sc.suspension_end() + pd.Timedelta(days=1)))

    no18, no57 = sc.regulation_elements("cn-mofcom-2025-18"), sc.regulation_elements("cn-mofcom-2025-57")
    n.number("no18_n", "d", len(no18)); n.text("no18_elements", _list(no18))
    n.number("no57_n", "d", len(no57)); n.text("no57_elements", _list(no57))
    n.number("licensed_n", "d", sc.licensed_element_count()); n.number("ree_n", "d", sc.rare_earth_count())
    n.text("part_i_elements", _list(sc.list_elements(sc.ANNEX_LIST_ID, "part_i")))
    threshold = sc.value_rule_threshold_pct().value
    _rounded(n, "threshold", threshold, significant=1)

    scenario, provenance = sc.magnet_scenario()
    _, content_usd = scenario.values_usd
    dy_wt, price = scenario.content_wt_pct["Dy"], scenario.magnet_price_usd_per_kg
    dy = provenance["value_usd_per_kg_Dy"].value
    dy_oxide = sc.oxide_price("Dy")
    n.number("mass_kg", ",.1f", scenario.magnet_mass_kg)
    n.number("price", ",.1f", price)
    _rounded(n, "dy_wt", dy_wt)
    n.number("dy_oxide_price", ",.0f", dy_oxide.value)
    n.number("dy_oxide_year", "d", pd.Timestamp(row("prices", commodity="dy_oxide", market=sc.ELEMENT_PRICE_MARKET,
                                                    basis="annual_average", value_low=dy_oxide.value)["date"]).year)
    _rounded(n, "dy_value", dy)
    _rounded(n, "content_value", content_usd)
    _rounded(n, "share", magnet_part_i_share_pct(dy_wt, dy, price))
    crossing = sc.crossing_dy_wt_pct(price)
    _rounded(n, "crossing", crossing)
    _rounded(n, "crossing_ppm", crossing * 1e4)
    _rounded(n, "times", dy_wt / crossing, significant=1)

    other = sc.alternative_magnet_price().value
    n.number("alt_price", ",.1f", other)
    _rounded(n, "alt_share", magnet_part_i_share_pct(dy_wt, dy, other))
    alt_crossing = sc.crossing_dy_wt_pct(other)
    _rounded(n, "alt_crossing", alt_crossing)
    _rounded(n, "alt_times", dy_wt / alt_crossing, significant=1)
    _rounded(n, "assembly_limit", assembly_value_limit_usd(content_usd, threshold))

    _rounded(n, "tb_value", sc.element_value_usd_per_kg("Tb").value)
    _rounded(n, "tb_crossing", sc.crossing_content_wt_pct_of("Tb", price))
    _rounded(n, "ex_tb_crossing", sc.crossing_content_wt_pct_of("Tb", other))
    origin = pd.Timestamp(figure("regulations", "effective_date", regulation_id="cn-mofcom-2025-61-origin-rule"))
    _rounded(n, "origin_weeks", (sc.suspension_start() - origin).days / 7, significant=1)

    regulations = sc.regulations()
    binding = sc.rules_binding(sc.items(scenario), sc.assessment_date())
    for role, item in sc.item_names().items():
        rules = [regulation_name(r, regulations) for r in binding[item]]
        n.text(f"today_{role}", _list(rules) if rules else label("reg.none"))
    return n


def value_rule_chart_inputs() -> ValueRuleInputs:
    """The value-rule chart's starting values: the lowest magnet price, Dy and Tb values, threshold, Dy content."""
    scenario, provenance = sc.magnet_scenario()
    # element values are oxide prices converted per kg of element: three figures are all the inputs carry
    return ValueRuleInputs(scenario.magnet_price_usd_per_kg, round_to(provenance["value_usd_per_kg_Dy"].value, 3),
                           round_to(sc.element_value_usd_per_kg("Tb").value, 3), sc.value_rule_threshold_pct().value,
                           scenario.content_wt_pct["Dy"])


@dataclass(frozen=True)
class ExposureTimeline:
    """The exposure time line's data: one row per item and month, the verdicts per month, the starting month."""

    frame: pd.DataFrame      # date, item, licence_needed, regulation_ids, rules (display names)
    months: pd.DataFrame     # month_index, date, item_verdicts, verdict (the text the chart shows)
    start_index: int

    @property
    def chart(self):
        return charts.exposure_timeline_chart(self.frame, self.months, self.start_index)


def exposure_timeline() -> ExposureTimeline:
    """The teaching items month by month from January 2025 to December 2027, starting at the first month after
    the suspension's end."""
    regulations, lists, table = sc.regulations(), sc.control_list_items(), sc.items()
    frame = timeline(regulations, lists, table, charts.START_MONTH, charts.END_MONTH)
    frame["rules"] = [", ".join(regulation_name(r, regulations) for r in cell.split(";") if r) or label("reg.none")
                      for cell in frame["regulation_ids"]]
    monthly = monthly_findings(regulations, lists, table, charts.START_MONTH, charts.END_MONTH)
    months = month_verdicts(monthly, list(table["item"]), regulations)
    months["verdict"] = [charts.month_verdict_text(day, lines) for day, lines in zip(months["date"],
                                                                                    months["item_verdicts"])]
    later = months[months["date"] > sc.suspension_end()]
    start = int(later["month_index"].iloc[0]) if len(later) else len(months) - 1
    return ExposureTimeline(frame, months, start)
