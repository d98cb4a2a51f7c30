"""Which of China's rare-earth export rules apply to the items a company exports, read as the instruments
word them. Pure functions over the ``regulations`` and ``control_list_items`` tables and a table of items;
they return result CODES and numbers, never prose (``widgets.core.labels`` turns codes into English or Japanese).

The rules, as the texts state them (see ``data/regulations.csv`` and ``data/control_list_items.csv``):

* element_licence (No. 18 of April 2025; No. 57): an item made in China that is on the rule's list needs a
  licence to leave China. An item is on a list when its form (metal, alloy, oxide, compound, target,
  permanent_magnet, assembly) equals an entry's form and it contains one of the entry's elements. A
  Dy-bearing NdFeB magnet is listed; an Nd-Pr-only magnet is not; a rotor or motor (form ``assembly``) is not,
  which is also what MOFCOM's FAQ of September 2025 says.
* origin_rule (No. 61, Art. I(3)): an Annex 1 item that originates in China (here: made in China) needs a
  licence to be re-exported from abroad.
* value_share_rule (No. 61, Art. I(1)): a Part II item (rare-earth magnet or target material) made OUTSIDE
  China needs a licence if its Chinese-origin Part I content is worth at least the threshold share of the
  Part II item's OWN value:

      share_pct = 100 · part_i_content_value_usd / value_usd ≥ threshold_pct      (0.1 % in No. 61)

  The test is on the magnet, not on the motor or vehicle the magnet goes into. Whether parts and
  assemblies containing such magnets are Part II items is disputed; those entries carry ``reading =
  contested`` and count only when ``include_contested`` is True.
* technology_rule (No. 61, Art. I(2)): an Annex 1 item made outside China with Chinese rare-earth technology
  needs a licence, whatever the origin of its rare earths. (A technology rule on exports FROM China, such as
  No. 62, controls know-how, not items, and never applies to an item.)
* end_use_ban (MOFCOM No. 1 of 2026): a listed item of an element licence in force, made in China, may not go
  to a military end use in the rule's destination country.

A rule is in force on day d if its effective_date ≤ d and no suspension row in force on d lists it.
Assumptions: 'unknown' origin counts as Chinese (conservative; findings flag it). Licensing practice
(general licences, approvals, exemptions) is outside the model: it says where a licence is needed, not
whether it would be granted.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from widgets.core import checks
from widgets.core.stoichiometry import RARE_EARTH_ELEMENTS

ITEM_RULES = ("element_licence", "origin_rule", "value_share_rule", "technology_rule", "end_use_ban")
FORMS = ("metal", "alloy", "oxide", "compound", "target", "permanent_magnet", "assembly", "other")
ORIGINS = ("china", "non_china", "unknown")
END_USES = ("civil", "military")
FREQUENCIES = ("D", "W", "MS", "ME", "QS", "YS")
REGULATION_COLUMNS = ("regulation_id", "rule_type", "control_list", "value_share_threshold_pct", "applies_to",
                      "destination", "effective_date", "suspends", "suspended_until")
CONTROL_LIST_COLUMNS = ("list_id", "item_id", "annex_part", "form", "elements", "reading")
ITEM_COLUMNS = ("item", "form", "rare_earth_elements", "made_in_china", "rare_earth_origin",
                "made_with_chinese_technology", "value_usd", "part_i_content_value_usd")
FINDING_COLUMNS = ("item", "regulation_id", "code", "binds", "share_pct", "threshold_pct", "elements",
                   "origin_assumed")

#: Finding codes. Binding: a licence is needed (or, for the ban, the export is prohibited).
BINDING_CODES = ("export_licence", "reexport_licence", "value_rule_met", "technology_licence", "banned_end_use")
#: Not binding, but what the reader needs to know about the item under that rule.
INFO_CODES = ("value_rule_below", "value_rule_value_unknown", "not_a_part_ii_item", "assembly_not_listed")
CODES = BINDING_CODES + INFO_CODES


@dataclass(frozen=True)
class ValueRuleInputs:
    """Inputs of the value-rule chart: a magnet's price, the values of its heavy rare earths per kg of element,
    the threshold and the traction magnet's Dy content (the point marked on the chart)."""

    magnet_price_usd_per_kg: float
    dy_value_usd_per_kg: float
    tb_value_usd_per_kg: float
    threshold_pct: float
    traction_dy_wt_pct: float

    def __post_init__(self):
        checks.positive("magnet_price_usd_per_kg", self.magnet_price_usd_per_kg, unit="USD/kg")
        checks.non_negative("dy_value_usd_per_kg", self.dy_value_usd_per_kg, unit="USD/kg")
        checks.non_negative("tb_value_usd_per_kg", self.tb_value_usd_per_kg, unit="USD/kg")
        checks.percent("threshold_pct", self.threshold_pct, min_exclusive=True)
        checks.percent("traction_dy_wt_pct", self.traction_dy_wt_pct)


@dataclass(frozen=True)
class Rule:
    regulation_id: str
    rule_type: str
    applies_to: str
    control_list: str
    threshold_pct: float
    destination: str
    effective: pd.Timestamp
    suspends: frozenset[str]
    suspended_until: pd.Timestamp


@dataclass(frozen=True)
class ListEntry:
    annex_part: str
    form: str
    elements: frozenset[str]
    contested: bool


@dataclass(frozen=True)
class Item:
    name: str
    form: str
    elements: frozenset[str]
    made_in_china: bool
    origin: str
    chinese_technology: bool
    value_usd: float            # NaN when unknown (allowed only where no ratio needs it)
    part_i_content_value_usd: float

    @property
    def chinese_content(self) -> bool:
        """Its rare earths count as Chinese-origin ('unknown' is treated as Chinese)."""
        return self.origin in ("china", "unknown")


@dataclass(frozen=True)
class ExportContext:
    """Where the items go and for what: an end-use ban applies only to its destination and a military use."""

    destination: str = ""
    end_use: str = "civil"


@dataclass(frozen=True)
class ItemsAssessment:
    on_date: pd.Timestamp
    findings: pd.DataFrame            # one row per (item, rule in force) that says something: FINDING_COLUMNS
    licence_needed: dict[str, bool]   # item -> any binding finding
    regulation_ids_in_force: tuple[str, ...]

    @property
    def binding(self) -> pd.DataFrame:
        return self.findings[self.findings["binds"]]


_reject = checks.reject


def as_date(name: str, value: object, optional: bool = False) -> pd.Timestamp:
    """A Timestamp from a Timestamp, date, numpy datetime64 or ISO 'YYYY-MM-DD' string (NaT if missing and
    ``optional``); anything else is a ValueError naming ``name``."""
    if optional and (value is None or value is pd.NaT or checks.is_missing(value)):
        return pd.NaT
    if isinstance(value, str):
        try:
            return pd.Timestamp(dt.date.fromisoformat(value.strip()))
        except ValueError:
            pass
    elif isinstance(value, (dt.date, np.datetime64)) and not checks.is_missing(value):
        return pd.Timestamp(value)
    _reject(name, value, "a date (YYYY-MM-DD)")


def symbols(name: str, cell: object, allowed: tuple[str, ...]) -> frozenset[str]:
    """Items of a ';'-joined cell (empty or missing → none), each checked against ``allowed``."""
    if cell is None or checks.is_missing(cell):
        return frozenset()
    if not isinstance(cell, str):
        _reject(name, cell, "a ';'-separated list such as 'Dy;Tb'")
    return frozenset(checks.choice(name, item.strip(), allowed) for item in cell.split(";") if item.strip())


def _table(name: str, value: object, columns: tuple[str, ...], what: str) -> pd.DataFrame:
    checks.require_columns(name, value, columns)
    checks.not_empty(name, value, what)
    return value


def _unique(name: str, values: pd.Series, what: str) -> None:
    for value in values:
        if not isinstance(value, str) or not value.strip():
            _reject(name, value, f"a non-empty {what}")
    checks.unique(name, values)


def read_rules(regulations: pd.DataFrame) -> list[Rule]:
    """The regulations table as rules (every row; events and frameworks are never in force)."""
    _table("regulations", regulations, REGULATION_COLUMNS, "give at least one regulation")
    _unique("regulations.regulation_id", regulations["regulation_id"], "identifier")
    ids = tuple(regulations["regulation_id"])
    rules = []
    for row in regulations.itertuples(index=False):
        where = f"regulations (regulation_id={row.regulation_id!r})"
        threshold = np.nan
        if row.rule_type == "value_share_rule":
            threshold = checks.percent(f"{where} value_share_threshold_pct", row.value_share_threshold_pct,
                                       min_exclusive=True)
        rules.append(Rule(row.regulation_id, str(row.rule_type), str(row.applies_to),
                          "" if checks.is_missing(row.control_list) else str(row.control_list), threshold,
                          "" if checks.is_missing(row.destination) else str(row.destination),
                          as_date(f"{where} effective_date", row.effective_date, optional=True),
                          symbols(f"{where} suspends", row.suspends, ids),
                          as_date(f"{where} suspended_until", row.suspended_until, optional=True)))
    return rules


def read_control_lists(control_list_items: pd.DataFrame) -> dict[str, list[ListEntry]]:
    """Entries of every control list, by list_id."""
    _table("control_list_items", control_list_items, CONTROL_LIST_COLUMNS, "give at least one list entry")
    lists: dict[str, list[ListEntry]] = {}
    for row in control_list_items.itertuples(index=False):
        where = f"control_list_items (item_id={row.item_id!r})"
        form = checks.choice(f"{where} form", row.form, FORMS)
        part = checks.choice(f"{where} annex_part", row.annex_part, ("listed", "part_i", "part_ii"))
        elements = symbols(f"{where} elements", row.elements, RARE_EARTH_ELEMENTS)
        checks.not_empty(f"{where} elements", elements, "name the elements that put an item on the list")
        lists.setdefault(row.list_id, []).append(ListEntry(part, form, elements, row.reading == "contested"))
    return lists


def read_items(items: pd.DataFrame) -> list[Item]:
    """The items table as items; bad cells raise ValueError naming the item and the column."""
    _table("items", items, ITEM_COLUMNS, "add at least one item")
    _unique("items.item", items["item"], "item name")
    result = []
    for row in items.itertuples(index=False):
        where = f"items (item={row.item!r})"
        for flag in ("made_in_china", "made_with_chinese_technology"):
            if not isinstance(getattr(row, flag), (bool, np.bool_)):
                _reject(f"{where} {flag}", getattr(row, flag), "True, False")
        value = np.nan if checks.is_missing(row.value_usd) else checks.positive(f"{where} value_usd", row.value_usd,
                                                                                 unit="USD")
        content = checks.non_negative(f"{where} part_i_content_value_usd", row.part_i_content_value_usd, unit="USD")
        if not np.isnan(value) and content > value:
            checks.number(f"{where} part_i_content_value_usd", content, maximum=value, unit="USD (the item's value)")
        result.append(Item(row.item, checks.choice(f"{where} form", row.form, FORMS),
                           symbols(f"{where} rare_earth_elements", row.rare_earth_elements, RARE_EARTH_ELEMENTS),
                           bool(row.made_in_china), checks.choice(f"{where} rare_earth_origin", row.rare_earth_origin,
                                                                  ORIGINS),
                           bool(row.made_with_chinese_technology), value, content))
    return result


def read_context(destination: object = "", end_use: object = "civil") -> ExportContext:
    if not isinstance(destination, str):
        _reject("destination", destination, "a country code such as 'JP', or '' for any")
    return ExportContext(destination.strip().upper(), checks.choice("end_use", end_use, END_USES))


def applies_to_items(rule: Rule) -> bool:
    """Whether a rule can apply to an item at all: the item rule types, except a technology rule on exports
    FROM China (such as No. 62), which controls know-how, not items."""
    if rule.rule_type == "technology_rule":
        return rule.applies_to == "foreign_made_items"
    return rule.rule_type in ITEM_RULES


def in_force(rules: list[Rule], on: pd.Timestamp) -> list[Rule]:
    """Rules that can apply to an item and are in force on ``on``:

    in force ⇔ the rule applies to items (``applies_to_items``) ∧ effective_date ≤ on ∧ no suspension in force on ``on`` lists it,
    where a suspension is in force from its effective_date to its suspended_until (open-ended if empty)."""
    suspended: set[str] = set()
    for rule in rules:
        if (rule.rule_type == "suspension" and not pd.isna(rule.effective) and rule.effective <= on
                and (pd.isna(rule.suspended_until) or on <= rule.suspended_until)):
            suspended |= rule.suspends
    return [r for r in rules if applies_to_items(r) and not pd.isna(r.effective) and r.effective <= on
            and r.regulation_id not in suspended]


def rules_in_force(regulations: pd.DataFrame, on_date: object) -> pd.DataFrame:
    """The rows of ``regulations`` that can apply to an item and are in force on ``on_date`` (``in_force``).
    The ``status`` column is not used: it describes the data's own date; the model derives status from dates."""
    ids = {r.regulation_id for r in in_force(read_rules(regulations), as_date("on_date", on_date))}
    return regulations[regulations["regulation_id"].isin(ids)].copy()


def listed_elements(item: Item, entries: list[ListEntry], parts: tuple[str, ...],
                    include_contested: bool) -> frozenset[str]:
    """The elements that put ``item`` on a list: entries of the given parts with the item's form, whose elements
    the item contains (empty: not listed)."""
    hits: set[str] = set()
    for entry in entries:
        if entry.annex_part in parts and entry.form == item.form and (include_contested or not entry.contested):
            hits |= item.elements & entry.elements
    return frozenset(hits)


def part_i_share_pct(part_i_content_value_usd: float, item_value_usd: float) -> float:
    """share_pct = 100 · part_i_content_value_usd / item_value_usd (the No. 61 Art. I(1) ratio)."""
    content = checks.non_negative("part_i_content_value_usd", part_i_content_value_usd, unit="USD")
    value = checks.positive("item_value_usd", item_value_usd, unit="USD")
    return 100 * content / value


def _finding(item: Item, rule: Rule, code: str, elements: frozenset[str] = frozenset(), share: float = np.nan,
             origin_counts: bool = False) -> dict:
    return {"item": item.name, "regulation_id": rule.regulation_id, "code": code, "binds": code in BINDING_CODES,
            "share_pct": share, "threshold_pct": rule.threshold_pct, "elements": ";".join(sorted(elements)),
            "origin_assumed": origin_counts and item.origin == "unknown"}


def _findings_for(item: Item, rule: Rule, entries: list[ListEntry], context: ExportContext,
                  include_contested: bool) -> list[dict]:
    listed = listed_elements(item, entries, ("listed", "part_i", "part_ii"), include_contested)
    if rule.rule_type == "element_licence":
        if item.made_in_china and listed:
            return [_finding(item, rule, "export_licence", listed)]
        if item.made_in_china and item.form == "assembly" and item.elements & frozenset().union(
                *(e.elements for e in entries)):
            return [_finding(item, rule, "assembly_not_listed", item.elements)]
        return []
    if rule.rule_type == "origin_rule":
        return [_finding(item, rule, "reexport_licence", listed)] if item.made_in_china and listed else []
    if rule.rule_type == "technology_rule":
        applies = not item.made_in_china and item.chinese_technology and listed
        return [_finding(item, rule, "technology_licence", listed)] if applies else []
    if rule.rule_type == "value_share_rule":
        if item.made_in_china:
            return []
        part_ii = listed_elements(item, entries, ("part_ii",), include_contested)
        if not part_ii:
            touched = item.elements & frozenset().union(*(e.elements for e in entries if e.annex_part == "part_i"))
            return [_finding(item, rule, "not_a_part_ii_item", touched)] if touched else []
        chinese_value = item.part_i_content_value_usd if item.chinese_content else 0.0
        if np.isnan(item.value_usd):
            return [_finding(item, rule, "value_rule_value_unknown", part_ii, origin_counts=True)]
        share = part_i_share_pct(chinese_value, item.value_usd)
        code = "value_rule_met" if chinese_value > 0 and share >= rule.threshold_pct else "value_rule_below"
        return [_finding(item, rule, code, part_ii, share, origin_counts=True)]
    if rule.rule_type == "end_use_ban":
        applies = (context.end_use == "military" and rule.destination == context.destination
                   and item.made_in_china and listed)
        return [_finding(item, rule, "banned_end_use", listed)] if applies else []
    return []


def _evaluate(rules: list[Rule], lists: dict[str, list[ListEntry]], items: list[Item], on: pd.Timestamp,
              context: ExportContext, include_contested: bool) -> ItemsAssessment:
    active = in_force(rules, on)
    listed_of_licences = [e for r in active if r.rule_type == "element_licence" for e in lists.get(r.control_list, [])]
    rows = []
    for item in items:
        for rule in active:
            entries = listed_of_licences if rule.rule_type == "end_use_ban" else lists.get(rule.control_list, [])
            rows += _findings_for(item, rule, entries, context, include_contested)
    findings = pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
    findings["binds"] = findings["binds"].astype(bool)
    needed = {item.name: bool(findings.loc[findings["item"] == item.name, "binds"].any()) for item in items}
    return ItemsAssessment(on, findings, needed, tuple(r.regulation_id for r in active))


def _check_lists(rules: list[Rule], lists: dict[str, list[ListEntry]]) -> None:
    for rule in rules:
        if applies_to_items(rule) and rule.rule_type != "end_use_ban" and rule.control_list not in lists:
            _reject(f"regulations (regulation_id={rule.regulation_id!r}) control_list", rule.control_list or "(empty)",
                    ", ".join(sorted(lists)))


def assess_items(regulations: pd.DataFrame, control_list_items: pd.DataFrame, items: pd.DataFrame,
                 on_date: object, *, destination: str = "", end_use: str = "civil",
                 include_contested: bool = False) -> ItemsAssessment:
    """Which rules in force on ``on_date`` apply to each item, with a code per (item, rule) (see the module
    docstring for each rule; codes in ``CODES``, binding ones in ``BINDING_CODES``)."""
    rules, lists = read_rules(regulations), read_control_lists(control_list_items)
    _check_lists(rules, lists)
    return _evaluate(rules, lists, read_items(items), as_date("on_date", on_date),
                     read_context(destination, end_use), bool(include_contested))


def timeline(regulations: pd.DataFrame, control_list_items: pd.DataFrame, items: pd.DataFrame, start: object,
             end: object, freq: str = "MS", *, destination: str = "", end_use: str = "civil",
             include_contested: bool = False) -> pd.DataFrame:
    """Long table (date, item, licence_needed, regulation_ids) from ``start`` to ``end`` every ``freq`` (pandas
    frequency: D, W, MS, ME, QS, YS): for each item, whether any rule in force binds it, and which."""
    rules, lists = read_rules(regulations), read_control_lists(control_list_items)
    _check_lists(rules, lists)
    parsed, context = read_items(items), read_context(destination, end_use)
    first, last = as_date("start", start), as_date("end", end)
    if last < first:
        _reject("end", last.date().isoformat(), f"a date on or after start ({first.date()})")
    checks.choice("freq", freq, FREQUENCIES)
    dates = pd.date_range(first, last, freq=freq)
    checks.not_empty("start..end", dates, f"widen the range or use a shorter freq than {freq}")
    records = []
    for day in dates:
        result = _evaluate(rules, lists, parsed, day, context, bool(include_contested))
        binding = result.binding
        for item in parsed:
            ids = list(dict.fromkeys(binding.loc[binding["item"] == item.name, "regulation_id"]))
            records.append({"date": day, "item": item.name, "licence_needed": bool(ids), "regulation_ids": ";".join(ids)})
    return pd.DataFrame(records, columns=["date", "item", "licence_needed", "regulation_ids"])


def monthly_findings(regulations: pd.DataFrame, control_list_items: pd.DataFrame, items: pd.DataFrame,
                     start: object, end: object, *, destination: str = "", end_use: str = "civil",
                     include_contested: bool = False) -> pd.DataFrame:
    """``assess_items`` at every month start from ``start`` to ``end``: the findings of each month, with its
    month_index (0 …) and date, in FINDING_COLUMNS order after those two. A month with no finding has one row
    with an empty item (so every month is present)."""
    rules, lists = read_rules(regulations), read_control_lists(control_list_items)
    _check_lists(rules, lists)
    parsed, context = read_items(items), read_context(destination, end_use)
    first, last = as_date("start", start), as_date("end", end)
    if last < first:
        _reject("end", last.date().isoformat(), f"a date on or after start ({first.date()})")
    dates = pd.date_range(first, last, freq="MS")
    checks.not_empty("start..end", dates, "the range must include the first day of a month")
    frames = []
    for index, day in enumerate(dates):
        found = _evaluate(rules, lists, parsed, day, context, bool(include_contested)).findings
        if found.empty:
            found = pd.DataFrame([{column: None for column in FINDING_COLUMNS} | {"item": "", "binds": False}])
        frames.append(found.assign(month_index=index, date=day))
    result = pd.concat(frames, ignore_index=True)
    return result[["month_index", "date", *FINDING_COLUMNS]]


def magnet_part_i_share_pct(element_wt_pct: float, element_value_usd_per_kg: float,
                            magnet_price_usd_per_kg: float) -> float:
    """The Art. I(1) share for a magnet whose only Part I content is one element:

        share_pct = element_wt_pct · element_value_usd_per_kg / magnet_price_usd_per_kg

    (per kg of magnet: element_wt_pct/100 kg of the element worth element_value_usd_per_kg each, over the
    magnet's price per kg, times 100). Assumes the element's value is its price per kg of element contained."""
    wt = checks.percent("element_wt_pct", element_wt_pct)
    value = checks.non_negative("element_value_usd_per_kg", element_value_usd_per_kg, unit="USD/kg")
    price = checks.positive("magnet_price_usd_per_kg", magnet_price_usd_per_kg, unit="USD/kg")
    return wt * value / price


def crossing_content_wt_pct(threshold_pct: float, element_value_usd_per_kg: float,
                            magnet_price_usd_per_kg: float) -> float:
    """The element content at which a magnet reaches the threshold (solve the share equation for wt %):

        wt*_pct = threshold_pct · magnet_price_usd_per_kg / element_value_usd_per_kg"""
    threshold = checks.percent("threshold_pct", threshold_pct, min_exclusive=True)
    value = checks.positive("element_value_usd_per_kg", element_value_usd_per_kg, unit="USD/kg")
    price = checks.positive("magnet_price_usd_per_kg", magnet_price_usd_per_kg, unit="USD/kg")
    return threshold * price / value


def assembly_value_limit_usd(part_i_content_value_usd: float, threshold_pct: float) -> float:
    """Under the contested reading (assemblies are Part II items): the largest assembly value the rule still
    reaches, P* = part_i_content_value_usd / (threshold_pct / 100)."""
    content = checks.non_negative("part_i_content_value_usd", part_i_content_value_usd, unit="USD")
    threshold = checks.percent("threshold_pct", threshold_pct, min_exclusive=True)
    return content / (threshold / 100)
