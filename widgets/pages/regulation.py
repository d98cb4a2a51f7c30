"""Chapter 02 (China's export controls): every figure and short text its prose shows.

Rounding: prices and masses are shown as the sources give them; computed shares and crossing contents to two
significant figures (their inputs, a vendor magnet price and an annual oxide price, carry no more).
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from widgets.pages.book import cite, date_text, figure, month_text, number_text, round_to, row
from widgets.charts import exposure as charts
from widgets.charts.words import month_verdicts, regulation_name
from widgets.core.labels import label, language
from widgets.exposure.model import (ValueRuleInputs, assembly_value_limit_usd, magnet_part_i_share_pct,
                                     monthly_findings, timeline)
from widgets.pages.common import Numbers
from widgets.exposure import start as sc

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
    return "、".join(elements) if language() == "ja" else ", ".join(elements)


def annex_table() -> pd.DataFrame:
    """The two parts of No. 61's Annex 1 as the chapter's table shows them: part, item, reading."""
    items = sc.control_list_items()
    rows = items[items["list_id"] == sc.ANNEX_LIST_ID]
    return pd.DataFrame({"part": [label(f"reg.annex.{p}") for p in rows["annex_part"]],
                         "item": rows["item_en"] + " (" + rows["item_zh"] + ")",
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
    n = Numbers("reg")
    for name, (regulation_id, column) in DATES.items():
        n[name] = date_text(figure("regulations", column, regulation_id=regulation_id))
    n["today"] = date_text(sc.assessment_date())
    n["after_month"] = month_text(sc.suspension_end() + pd.Timedelta(days=1))

    no18, no57 = sc.regulation_elements("cn-mofcom-2025-18"), sc.regulation_elements("cn-mofcom-2025-57")
    n["no18_n"], n["no18_elements"] = len(no18), _list(no18)
    n["no57_n"], n["no57_elements"] = len(no57), _list(no57)
    n["licensed_n"], n["ree_n"] = sc.licensed_element_count(), sc.rare_earth_count()
    n["part_i_elements"] = _list(sc.list_elements(sc.ANNEX_LIST_ID, "part_i"))
    threshold = sc.value_rule_threshold_pct().value
    n["threshold"] = number_text(threshold, significant=1)

    scenario, provenance = sc.magnet_scenario()
    value_usd, content_usd = scenario.values_usd
    dy = provenance["value_usd_per_kg_Dy"]
    dy_oxide = sc.oxide_price("Dy")
    n["mass_kg"] = number_text(scenario.magnet_mass_kg, decimals=1)
    n["price"] = number_text(scenario.magnet_price_usd_per_kg, decimals=1)
    n["dy_wt"] = number_text(scenario.content_wt_pct["Dy"], significant=2)
    n["nd_wt"] = number_text(scenario.content_wt_pct["Nd"], significant=3)
    n["dy_oxide_price"] = number_text(dy_oxide.value, decimals=0)
    n["dy_oxide_year"] = pd.Timestamp(row("prices", commodity="dy_oxide", market=sc.ELEMENT_PRICE_MARKET,
                                          basis="annual_average", value_low=dy_oxide.value)["date"]).year
    n["dy_value"] = number_text(dy.value, significant=2)
    n["magnet_value"] = number_text(value_usd, decimals=0)
    n["content_value"] = number_text(content_usd, significant=2)
    share = magnet_part_i_share_pct(scenario.content_wt_pct["Dy"], dy.value, scenario.magnet_price_usd_per_kg)
    n["share"] = number_text(share, significant=2)
    crossing = sc.crossing_dy_wt_pct(scenario.magnet_price_usd_per_kg)
    n["crossing"] = number_text(crossing, significant=2)
    n["crossing_ppm"] = number_text(crossing * 1e4, significant=2)
    n["times"] = number_text(scenario.content_wt_pct["Dy"] / crossing, significant=1)

    other = sc.alternative_magnet_price()
    n["alt_price"] = number_text(other.value, decimals=1)
    alt_share = magnet_part_i_share_pct(scenario.content_wt_pct["Dy"], dy.value, other.value)
    n["alt_share"] = number_text(alt_share, significant=2)
    alt_crossing = sc.crossing_dy_wt_pct(other.value)
    n["alt_crossing"] = number_text(alt_crossing, significant=2)
    n["alt_times"] = number_text(scenario.content_wt_pct["Dy"] / alt_crossing, significant=1)
    n["assembly_limit"] = number_text(assembly_value_limit_usd(content_usd, threshold), significant=2)

    tb = sc.element_value_usd_per_kg("Tb")
    n["tb_value"] = number_text(tb.value, significant=2)
    n["tb_crossing"] = number_text(sc.crossing_content_wt_pct_of("Tb", scenario.magnet_price_usd_per_kg),
                                   significant=2)

    n["ex_tb_crossing"] = number_text(sc.crossing_content_wt_pct_of("Tb", other.value), significant=2)
    origin_days = (sc.suspension_start() - pd.Timestamp(figure("regulations", "effective_date",
                                                               regulation_id="cn-mofcom-2025-61-origin-rule"))).days
    n["origin_weeks"] = number_text(origin_days / 7, significant=1)

    regulations = sc.regulations()
    table = sc.items(scenario)
    names = sc.item_names()
    today = sc.rules_binding(table, sc.assessment_date())
    for role, item in names.items():
        rules = [regulation_name(r, regulations) for r in today[item]]
        n[f"today_{role}"] = _list(rules) if rules else label("reg.none")
    return n


def value_rule_chart_inputs() -> ValueRuleInputs:
    """The value-rule chart's starting values: the lowest magnet price, Dy and Tb values, threshold, Dy content."""
    scenario, provenance = sc.magnet_scenario()
    # element values are oxide prices converted per kg of element: three figures are all the inputs carry
    return ValueRuleInputs(scenario.magnet_price_usd_per_kg, round_to(provenance["value_usd_per_kg_Dy"].value, 3),
                           round_to(sc.element_value_usd_per_kg("Tb").value, 3), sc.value_rule_threshold_pct().value,
                           scenario.content_wt_pct["Dy"])


def value_rule_chart():
    return charts.value_rule_chart(value_rule_chart_inputs())


@dataclass(frozen=True)
class ExposureTimeline:
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


def explorer():
    """The live exposure explorer at the chapter's starting values."""
    from widgets.explorers.exposure import exposure_explorer
    return exposure_explorer(sc.regulations(), sc.control_list_items(), sc.items(), sc.assessment_date().date())


def glue_all() -> Numbers:
    return numbers().glue_all()
