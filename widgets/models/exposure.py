"""Export-control exposure of a product's bill of materials (BOM), driven only by the columns of the
``regulations`` table: which rules are in force on a date, and which of them bind a given BOM."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from widgets.labels import label
from widgets.models import checks
from widgets.models.stoichiometry import RARE_EARTH_ELEMENTS

RULE_TYPES = ("event", "technology_catalogue", "element_licence", "value_share_rule", "technology_rule",
              "equipment_controls", "suspension", "framework", "partnership")
APPLIES_TO = ("exports_from_china", "foreign_made_items", "none")
#: Rule types that can bind a BOM, each with the scope the model implements for it.
BINDING_SCOPE = {"element_licence": ("exports_from_china", "foreign_made_items"),
                 "value_share_rule": ("foreign_made_items",),
                 # a technology rule on exports from China controls the know-how itself (building plants),
                 # not components of a product: it is in force but never binds a bill of materials
                 "technology_rule": ("foreign_made_items", "exports_from_china")}
ORIGINS = ("china", "non_china", "unknown")
FREQUENCIES = ("D", "W", "MS", "ME", "QS", "YS")
REGULATION_COLUMNS = ("regulation_id", "rule_type", "elements_covered", "value_share_threshold_pct", "applies_to",
                      "effective_date", "suspends", "suspended_until")
BOM_COLUMNS = ("component", "value_usd", "mass_kg", "rare_earth_elements", "rare_earth_origin", "made_in_china",
               "made_with_chinese_technology")


def _reject(name: str, value: object, allowed: str) -> None:
    raise ValueError(label("error.not_allowed", name=name, value=value, allowed=allowed))


def _date(name: str, value: object, optional: bool = False) -> pd.Timestamp:
    """A pandas Timestamp from a Timestamp, date, numpy datetime64 or ISO 'YYYY-MM-DD' string; NaT if
    missing and ``optional``."""
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


def _symbols(name: str, cell: object, allowed: tuple[str, ...]) -> frozenset[str]:
    """Items of a ';'-joined cell (empty or missing → none), each checked against ``allowed``."""
    if cell is None or checks.is_missing(cell):
        return frozenset()
    if not isinstance(cell, str):
        _reject(name, cell, "a ';'-separated list such as 'Dy;Tb'")
    items = [item.strip() for item in cell.split(";") if item.strip()]
    return frozenset(checks.choice(name, item, allowed) for item in items)


def _frame(name: str, value: object, columns: tuple[str, ...], what: str) -> pd.DataFrame:
    if not isinstance(value, pd.DataFrame):
        _reject(name, type(value).__name__, f"a table with columns {', '.join(columns)}")
    for column in columns:
        checks.choice(f"{name} column", column, list(value.columns))
    checks.not_empty(name, value, what)
    return value


@dataclass(frozen=True)
class _Rule:
    regulation_id: str
    rule_type: str
    elements: frozenset[str]
    threshold_pct: float
    applies_to: str
    effective: pd.Timestamp
    suspends: frozenset[str]
    suspended_until: pd.Timestamp


@dataclass(frozen=True)
class _Component:
    name: str
    value_usd: float
    elements: frozenset[str]
    origin: str
    made_in_china: bool
    made_with_chinese_technology: bool


def _unique_names(name: str, values: pd.Series, what: str) -> list[str]:
    """The values as a list, if each is a non-empty string and none repeats; else ValueError."""
    names = list(values)
    for value in names:
        if not isinstance(value, str) or not value.strip():
            _reject(name, value, f"a non-empty {what}")
    for value in names:
        if names.count(value) > 1:
            _reject(name, value, f"each {what} once")
    return names


def _rules(regulations: pd.DataFrame) -> list[_Rule]:
    _frame("regulations", regulations, REGULATION_COLUMNS, "give at least one regulation")
    ids = _unique_names("regulations.regulation_id", regulations["regulation_id"], "identifier")
    rules = []
    for row in regulations.itertuples(index=False):
        where = f"regulations (regulation_id={row.regulation_id!r})"
        rule_type = checks.choice(f"{where} rule_type", row.rule_type, RULE_TYPES)
        applies_to = checks.choice(f"{where} applies_to", row.applies_to, APPLIES_TO)
        if rule_type in BINDING_SCOPE:
            checks.choice(f"{where} applies_to (for rule_type {rule_type})", applies_to, BINDING_SCOPE[rule_type])
        elements = _symbols(f"{where} elements_covered", row.elements_covered, RARE_EARTH_ELEMENTS)
        if rule_type == "element_licence":
            checks.not_empty(f"{where} elements_covered", elements, "an element licence must list its elements")
        threshold = np.nan
        if rule_type == "value_share_rule":
            threshold = checks.percent(f"{where} value_share_threshold_pct", row.value_share_threshold_pct)
        rules.append(_Rule(row.regulation_id, rule_type, elements, threshold, applies_to,
                           _date(f"{where} effective_date", row.effective_date, optional=True),
                           _symbols(f"{where} suspends", row.suspends, tuple(ids)),
                           _date(f"{where} suspended_until", row.suspended_until, optional=True)))
    return rules


def _components(bom: pd.DataFrame) -> list[_Component]:
    _frame("bom", bom, BOM_COLUMNS, "add at least one component")
    _unique_names("bom.component", bom["component"], "component name")
    components = []
    for row in bom.itertuples(index=False):
        where = f"bom (component={row.component!r})"
        checks.non_negative(f"{where} mass_kg", row.mass_kg, unit="kg")
        for flag in ("made_in_china", "made_with_chinese_technology"):
            if not isinstance(getattr(row, flag), (bool, np.bool_)):
                _reject(f"{where} {flag}", getattr(row, flag), "True, False")
        components.append(_Component(
            row.component, checks.non_negative(f"{where} value_usd", row.value_usd, unit="USD"),
            _symbols(f"{where} rare_earth_elements", row.rare_earth_elements, RARE_EARTH_ELEMENTS),
            checks.choice(f"{where} rare_earth_origin", row.rare_earth_origin, ORIGINS),
            bool(row.made_in_china), bool(row.made_with_chinese_technology)))
    return components


def _in_force(rules: list[_Rule], on: pd.Timestamp) -> list[_Rule]:
    suspended = set()
    for s in rules:
        open_ended = pd.isna(s.suspended_until)
        if s.rule_type == "suspension" and s.effective <= on and (open_ended or on <= s.suspended_until):
            suspended |= s.suspends
    return [r for r in rules if r.rule_type in BINDING_SCOPE and not pd.isna(r.effective) and r.effective <= on
            and r.regulation_id not in suspended]


def rules_in_force(regulations: pd.DataFrame, on_date: object) -> pd.DataFrame:
    """The rows of ``regulations`` that can bind a BOM and are in force on ``on_date``.

    in force ⇔ rule_type ∈ {element_licence, value_share_rule, technology_rule} ∧ effective_date ≤ on_date
               ∧ no suspension row (effective_date ≤ on_date ≤ suspended_until) lists it in ``suspends``.
    A suspension with no suspended_until is open-ended; a rule with no effective_date is not in force.
    The ``status`` column is not used: it describes the data's own date, the model derives status from dates."""
    on = _date("on_date", on_date)
    ids = {r.regulation_id for r in _in_force(_rules(regulations), on)}
    return regulations[regulations["regulation_id"].isin(ids)].copy()


@dataclass(frozen=True)
class BomAssessment:
    on_date: pd.Timestamp
    components: pd.DataFrame  # component, regulation_ids (';'-joined), licence_needed, reason
    licence_needed: bool
    reasons: tuple[str, ...]
    product_regulation_ids: tuple[str, ...]
    regulation_ids_in_force: tuple[str, ...]
    chinese_controlled_value_usd: float
    chinese_controlled_value_share_pct: float


def _hits(rule: _Rule, c: _Component) -> frozenset[str]:
    """Covered elements the component contains (a rule with no elements listed covers every rare earth)."""
    return c.elements & rule.elements if rule.elements else c.elements


def _chinese(c: _Component) -> bool:
    return c.origin in ("china", "unknown")


def _unknown_note(components: list[_Component]) -> str:
    unknown = [c.name for c in components if c.origin == "unknown"]
    return label("reason.exposure.unknown_origin", components=", ".join(unknown)) if unknown else ""


def _evaluate(rules: list[_Rule], components: list[_Component], on: pd.Timestamp,
              product_value_usd: float) -> BomAssessment:
    in_force = _in_force(rules, on)
    rows = []
    for c in components:
        ids, reasons = [], []
        for r in in_force:
            if (r.rule_type == "element_licence" and r.applies_to == "exports_from_china"
                    and c.made_in_china and _hits(r, c)):
                ids.append(r.regulation_id)
                elements = ", ".join(sorted(_hits(r, c)))
                reasons.append(label("reason.exposure.exported", rule=r.regulation_id, elements=elements))
            elif (r.rule_type == "element_licence" and r.applies_to == "foreign_made_items"
                  and not c.made_in_china and _chinese(c) and _hits(r, c)):
                ids.append(r.regulation_id)
                elements = ", ".join(sorted(_hits(r, c)))
                reasons.append(label("reason.exposure.shipped_on", rule=r.regulation_id, elements=elements)
                               + _unknown_note([c]))
            elif (r.rule_type == "technology_rule" and r.applies_to == "foreign_made_items"
                  and c.made_with_chinese_technology
                  and (not r.elements or _hits(r, c))):
                ids.append(r.regulation_id)
                reasons.append(label("reason.exposure.technology", rule=r.regulation_id))
        rows.append({"component": c.name, "regulation_ids": ";".join(ids), "licence_needed": bool(ids),
                     "reason": "; ".join(reasons) or label("reason.exposure.none")})
    product_ids, product_reasons = [], []
    for r in (r for r in in_force if r.rule_type == "value_share_rule"):
        counted = [c for c in components if _chinese(c) and _hits(r, c)]
        value = sum(c.value_usd for c in counted)
        share = value / product_value_usd * 100
        if value > 0 and share >= r.threshold_pct:
            product_ids.append(r.regulation_id)
            product_reasons.append(label("reason.exposure.value_rule", rule=r.regulation_id,
                                         components=", ".join(c.name for c in counted), share=f"{share:.3g}",
                                         threshold=f"{r.threshold_pct:g}") + _unknown_note(counted))
    controls = [r for r in in_force if r.rule_type in ("element_licence", "value_share_rule")]
    controlled = [c for c in components if _chinese(c) and any(_hits(r, c) for r in controls)]
    controlled_usd = sum(c.value_usd for c in controlled)
    component_reasons = [f"{row['component']}: {row['reason']}" for row in rows if row["licence_needed"]]
    reasons = tuple(component_reasons + product_reasons)
    licence = bool(reasons)
    if not licence:
        reasons = (label("reason.exposure.no_licence", date=on.date(), count=len(in_force)),)
    return BomAssessment(on, pd.DataFrame(rows, columns=["component", "regulation_ids", "licence_needed", "reason"]),
                         licence, reasons, tuple(product_ids), tuple(r.regulation_id for r in in_force),
                         controlled_usd, controlled_usd / product_value_usd * 100)


def assess_bom(regulations: pd.DataFrame, bom: pd.DataFrame, on_date: object,
               product_value_usd: float) -> BomAssessment:
    """Which rules in force on ``on_date`` bind this BOM, and why.

    element_licence (exports_from_china): binds a component made_in_china that contains a covered element.
    technology_rule (foreign_made_items): binds a component made_with_chinese_technology (that contains a
      covered element, if the rule lists elements).
    value_share_rule (foreign_made_items): binds the PRODUCT when
      Σ value_usd(components with Chinese-origin rare earths containing a covered element) / product_value_usd
      · 100 ≥ value_share_threshold_pct (and that value > 0); a rule listing no elements covers every rare earth.
    chinese_controlled_value_usd = Σ value_usd of components with Chinese-origin rare earths that contain an
      element covered by an element licence or value-share rule in force; share = that / product_value_usd · 100.
    Assumptions: origin 'unknown' is treated as China (conservative, and the reason says so); rules are read
    only from the table's columns, never by name; licensing practice (general licences, exemptions) is ignored.
    """
    rules, components = _rules(regulations), _components(bom)
    value = checks.positive("product_value_usd", product_value_usd, unit="USD")
    return _evaluate(rules, components, _date("on_date", on_date), value)


def timeline(regulations: pd.DataFrame, bom: pd.DataFrame, product_value_usd: float, start: object, end: object,
             freq: str = "MS") -> pd.DataFrame:
    """Long table (date, regulation_id, binds) for every rule that can bind a BOM, at dates from ``start`` to
    ``end`` every ``freq`` (pandas frequency: D, W, MS, ME, QS, YS). binds = the rule is in force on that date
    and binds a component or the product under ``assess_bom``'s semantics."""
    rules, components = _rules(regulations), _components(bom)
    value = checks.positive("product_value_usd", product_value_usd, unit="USD")
    first, last = _date("start", start), _date("end", end)
    if last < first:
        _reject("end", last.date().isoformat(), f"a date on or after start ({first.date()})")
    checks.choice("freq", freq, FREQUENCIES)
    dates = pd.date_range(first, last, freq=freq)
    checks.not_empty("start..end", dates, f"widen the range or use a shorter freq than {freq}")
    binding = [r.regulation_id for r in rules if r.rule_type in BINDING_SCOPE]
    records = []
    for day in dates:
        result = _evaluate(rules, components, day, value)
        applying = set(result.product_regulation_ids)
        for ids in result.components["regulation_ids"]:
            applying |= set(filter(None, ids.split(";")))
        records += [{"date": day, "regulation_id": rid, "binds": rid in applying} for rid in binding]
    return pd.DataFrame(records, columns=["date", "regulation_id", "binds"])
