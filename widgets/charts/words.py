"""Where model result codes become words: every chart and explorer that shows a model's verdict calls these
functions, which look the words up in ``widgets/core/labels.csv`` (English or Japanese by ``KIT_LANG``).
Models return codes and numbers only, so the same model result reads the same in both languages."""
from __future__ import annotations

import math

import pandas as pd

from widgets.core.labels import label, language


MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def month_name(day: pd.Timestamp) -> str:
    """'December 2026' / '2026年12月'."""
    day = pd.Timestamp(day)
    return label("words.month", month_name=MONTHS_EN[day.month - 1], month=day.month, year=day.year)


def date_name(day: object) -> str:
    """'7 September 2010' / '2010年9月7日'."""
    day = pd.Timestamp(day)
    return label("words.date", day=day.day, month_name=MONTHS_EN[day.month - 1], month=day.month, year=day.year)


def magnet_reason(result: pd.Series) -> str:
    """A row of ``magnet_options`` in words: why a material fails the temperature or cannot be sized or costed
    ('' when nothing is wrong)."""
    texts = []
    codes = [code for code in str(result.get("reason_codes") or "").split(";") if code]
    for code in codes:
        if code == "temp_unknown":
            texts.append(label("reason.magnet.temp_unknown"))
        elif code == "too_cold":
            texts.append(label("reason.magnet.too_cold", rated=f"{result['max_operating_temp_c']:g}",
                               required=f"{result['required_temp_c']:g}"))
        elif code == "content_unknown":
            elements = str(result.get("content_unknown_elements") or "").replace(";", ", ")
            texts.append(label("reason.magnet.not_costed", elements=elements))
    missing = [label(f"reason.magnet.{code}") for code in codes if code.startswith("missing_")]
    if missing:
        texts.append(label("reason.magnet.not_sized", missing=label("reason.and").join(missing)))
    return "; ".join(texts)


def regulation_name(regulation_id: str, regulations: pd.DataFrame) -> str:
    """The short name readers know a rule by ('No. 61 value rule'), in the active language."""
    column = "short_ja" if language() == "ja" else "short_en"
    names = regulations.set_index("regulation_id")[column]
    return str(names.get(regulation_id, regulation_id))


def _share(value: object) -> str:
    """A share as read in a verdict: two significant figures ('crosses at 27 %', '0.0067 %')."""
    number = float(value)
    if number == 0 or math.isnan(number):
        return "0"
    return f"{number:.2g}" if abs(number) < 1000 else f"{number:,.0f}"


def finding_text(finding: pd.Series, regulations: pd.DataFrame) -> str:
    """One finding of ``assess_items`` in words: '<rule>: <why>' (code → ``reason.exposure.<code>``)."""
    rule = regulation_name(str(finding["regulation_id"]), regulations)
    elements = str(finding.get("elements") or "").replace(";", ", ")
    threshold = finding.get("threshold_pct")
    text = label(f"reason.exposure.{finding['code']}", rule=rule, elements=elements,
                 share=_share(finding["share_pct"]) if pd.notna(finding.get("share_pct")) else "",
                 threshold=f"{float(threshold):g}" if pd.notna(threshold) else "")
    if bool(finding.get("origin_assumed")):
        text += label("reason.exposure.origin_assumed")
    return text


def item_verdict(item: str, findings: pd.DataFrame, regulations: pd.DataFrame) -> str:
    """'<item>: licence needed (<reasons>)' or '<item>: no licence needed (<notes>)' for one item's findings."""
    own = findings[findings["item"] == item]
    binding = own[own["binds"].astype(bool)]
    reasons = "; ".join(finding_text(f, regulations) for _, f in (binding if len(binding) else own).iterrows())
    verdict = label("exposure.verdict.licence" if len(binding) else "exposure.verdict.no_licence")
    return f"{item}: {verdict}" + (f" ({reasons})" if reasons else "")


def month_verdicts(monthly: pd.DataFrame, items: list[str], regulations: pd.DataFrame) -> pd.DataFrame:
    """One row per month of ``monthly_findings``: month_index, date and the item verdicts (a list of str)."""
    rows = []
    for (index, day), found in monthly.groupby(["month_index", "date"], sort=True):
        rows.append({"month_index": int(index), "date": day,
                     "item_verdicts": [item_verdict(item, found, regulations) for item in items]})
    return pd.DataFrame(rows)
