"""Export-control exposure on a small regulations table mirroring the real structure: April 2025 element
licences, October 2025 announcements (elements from 2025-11-08, value-share 0.1 % and technology rules from
2025-12-01) and their suspension from 2025-11-07 until 2026-11-10."""
import math
import re

import numpy as np
import pandas as pd
import pytest

from conftest import small_regulations

from widgets.models.exposure import assess_bom, rules_in_force, timeline

T, NAT, NAN = pd.Timestamp, pd.NaT, np.nan


def _regulations():
    return small_regulations()


def _bom():
    return pd.DataFrame({
        "component": ["magnet", "gearbox", "sensor", "inverter"],
        "value_usd": [200.0, 500.0, 20.0, 300.0],
        "mass_kg": [2.0, 20.0, 0.1, 5.0],
        "rare_earth_elements": ["Nd;Pr;Dy", "", "Tb", NAN],
        "rare_earth_origin": ["china", "non_china", "unknown", "non_china"],
        "made_in_china": [True, False, False, False],
        "made_with_chinese_technology": [False, False, False, True],
    })


@pytest.mark.parametrize("day, expected", [
    ("2025-03-01", []),                                   # before everything
    ("2025-04-04", ["r-apr"]),                            # April rule's first day
    ("2025-11-08", ["r-apr"]),                            # inside suspension: the element rule is suspended
    ("2025-12-15", ["r-apr"]),                            # inside suspension: value and technology rules too
    ("2026-11-10", ["r-apr"]),                            # last day of the suspension
    ("2026-11-11", ["r-apr", "r-oct-elements", "r-value", "r-tech"]),  # after: all bind again
])
def test_rules_in_force(day, expected):
    assert list(rules_in_force(_regulations(), T(day))["regulation_id"]) == expected


def test_rules_in_force_without_the_suspension():
    regs = _regulations()[lambda d: d.rule_type != "suspension"]
    assert list(rules_in_force(regs, "2025-12-15")["regulation_id"]) == ["r-apr", "r-oct-elements", "r-value", "r-tech"]


def test_dates_may_be_python_dates_or_iso_strings():
    import datetime as dt
    regs = _regulations()
    assert list(rules_in_force(regs, dt.date(2026, 11, 11))["regulation_id"]) == list(
        rules_in_force(regs, "2026-11-11")["regulation_id"])


def test_open_ended_suspension():
    regs = _regulations().assign(suspended_until=NAT)
    assert list(rules_in_force(regs, T("2030-01-01"))["regulation_id"]) == ["r-apr"]


def test_before_any_rule():
    a = assess_bom(_regulations(), _bom(), T("2025-03-01"), 30_000)
    assert not a.licence_needed and a.regulation_ids_in_force == ()
    assert a.chinese_controlled_value_usd == 0 and a.chinese_controlled_value_share_pct == 0
    assert a.reasons == ("no licence needed on 2025-03-01: 0 rule(s) in force, none applies",)


@pytest.mark.parametrize("day", ["2025-06-01", "2025-12-15", "2026-11-10"])
def test_before_and_inside_suspension_only_april_licence(day):
    a = assess_bom(_regulations(), _bom(), T(day), 30_000)
    rows = a.components.set_index("component")
    assert a.licence_needed and a.product_regulation_ids == ()
    assert rows.loc["magnet", "regulation_ids"] == "r-apr"       # made in China, contains Dy
    assert rows.loc["magnet", "reason"] == "r-apr: exported from China and contains Dy"
    assert not rows.loc["inverter", "licence_needed"]            # technology rule suspended
    assert not rows.loc["sensor", "licence_needed"]              # not exported from China itself
    assert a.chinese_controlled_value_usd == pytest.approx(220)  # magnet 200 (Dy) + sensor 20 (Tb, origin unknown)
    assert a.chinese_controlled_value_share_pct == pytest.approx(0.733333, rel=1e-5)  # 220 / 30,000 × 100


def test_after_suspension_all_three_bind():
    a = assess_bom(_regulations(), _bom(), T("2026-11-11"), 30_000)
    rows = a.components.set_index("component")
    assert rows.loc["magnet", "regulation_ids"] == "r-apr"       # no Ho/Er/Tm/Eu/Yb → r-oct-elements does not bind
    assert rows.loc["inverter", "regulation_ids"] == "r-tech"
    assert rows.loc["inverter", "reason"] == "r-tech: made with Chinese technology"
    assert rows.loc["gearbox", "licence_needed"] == False  # noqa: E712
    assert a.product_regulation_ids == ("r-value",)              # 220 / 30,000 × 100 = 0.733 % ≥ 0.1 %
    value_reason = a.reasons[-1]
    assert value_reason.startswith("r-value: components with Chinese-origin covered rare earths (magnet, sensor) "
                                   "are 0.733 % of the product value, at or above the 0.1 % threshold")
    assert value_reason.endswith("origin of sensor unknown, treated as Chinese (conservative)")


def test_value_rule_below_threshold():
    a = assess_bom(_regulations(), _bom(), T("2026-12-01"), 1_000_000)
    assert a.product_regulation_ids == ()                        # 220 / 1,000,000 × 100 = 0.022 % < 0.1 %
    assert a.chinese_controlled_value_share_pct == pytest.approx(0.022)


def test_non_chinese_origin_does_not_count():
    bom = _bom().assign(rare_earth_origin=["non_china", "non_china", "non_china", "non_china"],
                        made_in_china=False, made_with_chinese_technology=False)
    a = assess_bom(_regulations(), bom, T("2026-12-01"), 30_000)
    assert not a.licence_needed and a.chinese_controlled_value_usd == 0


def test_chinese_origin_magnet_made_elsewhere_triggers_only_value_rule():
    bom = _bom().iloc[[0]].assign(made_in_china=False)           # Chinese Dy, magnet made outside China
    a = assess_bom(_regulations(), bom, T("2026-12-01"), 1_000)
    assert a.components.loc[0, "licence_needed"] == False  # noqa: E712
    assert a.product_regulation_ids == ("r-value",)              # 200 / 1,000 × 100 = 20 % ≥ 0.1 %
    assert a.chinese_controlled_value_share_pct == pytest.approx(20)


def test_timeline():
    t = timeline(_regulations(), _bom(), 30_000, T("2025-03-01"), T("2026-12-01"))
    assert list(t.columns) == ["date", "regulation_id", "binds"]
    assert len(t) == 22 * 4                                       # 22 month starts × 4 binding-type rules
    binds = t.pivot(index="date", columns="regulation_id", values="binds")
    assert not binds.loc["2025-04-01", "r-apr"] and binds.loc["2025-05-01", "r-apr"]  # effective 2025-04-04
    assert not binds.loc["2026-11-01", "r-tech"] and binds.loc["2026-12-01", "r-tech"]  # suspended to 2026-11-10
    assert binds.loc["2026-12-01", "r-value"] and not binds["r-oct-elements"].any()   # magnet has no Ho…Yb


BAD_BOM = [
    (_bom().iloc[0:0], "Parameter 'bom' is empty; add at least one component"),
    (_bom().assign(value_usd=[-1.0, 500, 20, 300]),
     "Parameter 'bom (component='magnet') value_usd' = -1.0 is outside the allowed range [0, ∞) USD"),
    (_bom().assign(value_usd=[NAN, 500, 20, 300]), "Parameter 'bom (component='magnet') value_usd' = nan is outside"),
    (_bom().assign(mass_kg=[2.0, -20, 0.1, 5]), "Parameter 'bom (component='gearbox') mass_kg' = -20.0 is outside"),
    (_bom().assign(rare_earth_elements=["Nd;Qq", "", "Tb", ""]),
     "Parameter 'bom (component='magnet') rare_earth_elements' = 'Qq' is not allowed"),
    (_bom().assign(rare_earth_elements=["Nd", 5, "Tb", ""]),
     "Parameter 'bom (component='gearbox') rare_earth_elements' = 5 is not allowed"),
    (_bom().assign(rare_earth_origin=["russia", "china", "china", "china"]),
     "Parameter 'bom (component='magnet') rare_earth_origin' = 'russia' is not allowed; allowed: china, non_china, unknown"),
    (_bom().assign(rare_earth_origin=[pd.NA, "china", "china", "china"]),
     "Parameter 'bom (component='magnet') rare_earth_origin' = nan is not allowed; allowed: china, non_china, unknown"),
    (_bom().assign(component=["magnet", pd.NA, "sensor", "inverter"]),
     "Parameter 'bom.component' = nan is not allowed; allowed: a non-empty component name"),
    (_bom().assign(made_in_china=["yes", False, False, False]),
     "Parameter 'bom (component='magnet') made_in_china' = 'yes' is not allowed; allowed: True, False"),
    (_bom().assign(component=["magnet", "magnet", "sensor", "inverter"]),
     "Parameter 'bom.component' = 'magnet' is not allowed; allowed: each component name once"),
    (_bom().drop(columns="rare_earth_origin"), "Parameter 'bom column' = 'rare_earth_origin' is not allowed"),
    ([{"component": "magnet"}], "Parameter 'bom' = 'list' is not allowed"),
]


@pytest.mark.parametrize("bom, message", BAD_BOM)
def test_assess_bom_bad_bom(bom, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        assess_bom(_regulations(), bom, T("2026-12-01"), 30_000)


@pytest.mark.parametrize("on_date, value, message", [
    ("yesterday", 30_000, "Parameter 'on_date' = 'yesterday' is not allowed; allowed: a date (YYYY-MM-DD)"),
    (20251201, 30_000, "Parameter 'on_date' = 20251201 is not allowed"),
    (True, 30_000, "Parameter 'on_date' = True is not allowed"),
    (NAT, 30_000, "Parameter 'on_date' = NaT is not allowed"),
    (T("2026-12-01"), 0, "Parameter 'product_value_usd' = 0 is outside the allowed range (0, ∞) USD"),
    (T("2026-12-01"), -5, "Parameter 'product_value_usd' = -5 is outside"),
    (T("2026-12-01"), math.nan, "Parameter 'product_value_usd' = nan is outside"),
    (T("2026-12-01"), "30000", "Parameter 'product_value_usd' must be a number; got '30000'"),
])
def test_assess_bom_bad_date_and_value(on_date, value, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        assess_bom(_regulations(), _bom(), on_date, value)


@pytest.mark.parametrize("column, values, message", [
    ("rule_type", ["element_licence", "element_licence", "value_share_rule", "technology_rule", "suspension", "rumour"],
     "Parameter 'regulations (regulation_id='r-event') rule_type' = 'rumour' is not allowed"),
    ("elements_covered", ["Sm;Dy;Zz", "Ho", "", "", NAN, NAN],
     "Parameter 'regulations (regulation_id='r-apr') elements_covered' = 'Zz' is not allowed"),
    ("elements_covered", ["", "Ho", "", "", NAN, NAN],
     "Parameter 'regulations (regulation_id='r-apr') elements_covered' is empty; an element licence must list"),
    ("value_share_threshold_pct", [NAN, NAN, 120, NAN, NAN, NAN],
     "Parameter 'regulations (regulation_id='r-value') value_share_threshold_pct' = 120.0 is outside the allowed range [0, 100] %"),
    ("value_share_threshold_pct", [NAN] * 6,
     "Parameter 'regulations (regulation_id='r-value') value_share_threshold_pct' = nan is outside"),
    ("applies_to", ["exports_from_china", "exports_from_china", "exports_from_china", "foreign_made_items", "none",
                    "none"],
     "Parameter 'regulations (regulation_id='r-value') applies_to (for rule_type value_share_rule)' = 'exports_from_china'"),
    ("suspends", ["", "", "", "", "r-value;r-nope", NAN],
     "Parameter 'regulations (regulation_id='r-susp') suspends' = 'r-nope' is not allowed"),
    ("effective_date", [T("2025-04-04"), "soon", T("2025-12-01"), T("2025-12-01"), T("2025-11-07"), NAT],
     "Parameter 'regulations (regulation_id='r-oct-elements') effective_date' = 'soon' is not allowed"),
])
def test_bad_regulations(column, values, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        rules_in_force(_regulations().assign(**{column: values}), T("2026-12-01"))


def test_empty_regulations():
    with pytest.raises(ValueError, match=re.escape("Parameter 'regulations' is empty; give at least one regulation")):
        rules_in_force(_regulations().iloc[0:0], T("2026-12-01"))


@pytest.mark.parametrize("start, end, freq, message", [
    (T("2026-01-01"), T("2025-01-01"), "MS", "Parameter 'end' = '2025-01-01' is not allowed; allowed: a date on or after start (2026-01-01)"),
    ("2025-01-01", "2026-01-01", "fortnightly", "Parameter 'freq' = 'fortnightly' is not allowed"),
    ("later", "2026-01-01", "MS", "Parameter 'start' = 'later' is not allowed; allowed: a date (YYYY-MM-DD)"),
    ("2025-01-02", "2025-01-30", "MS", "Parameter 'start..end' is empty; widen the range or use a shorter freq than MS"),
])
def test_timeline_bad_inputs(start, end, freq, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        timeline(_regulations(), _bom(), 30_000, start, end, freq)


def test_timeline_bad_product_value():
    with pytest.raises(ValueError, match=re.escape("Parameter 'product_value_usd' = 0 is outside")):
        timeline(_regulations(), _bom(), 0, "2025-01-01", "2026-01-01")


def test_element_licence_on_foreign_made_items_catches_chinese_origin_items_shipped_on():
    # a rule like No. 61's origin provision: Chinese-origin controlled items re-exported from abroad
    regulations = _regulations().assign(applies_to=lambda f: f["applies_to"].where(
        f["regulation_id"] != "r-apr", "foreign_made_items"))
    bom = pd.DataFrame([{"component": "magnet", "value_usd": 100.0, "mass_kg": 2.0, "rare_earth_elements": "Nd;Dy",
                         "rare_earth_origin": "china", "made_in_china": False, "made_with_chinese_technology": False},
                        {"component": "rest", "value_usd": 900.0, "mass_kg": 50.0, "rare_earth_elements": "",
                         "rare_earth_origin": "non_china", "made_in_china": False, "made_with_chinese_technology": False}])
    result = assess_bom(regulations, bom, T("2025-06-01"), 1000.0)   # only r-apr (from 2025-04-04) is in force
    magnet = result.components.set_index("component").loc["magnet"]
    assert magnet["licence_needed"] and magnet["regulation_ids"] == "r-apr"
    assert "Chinese-origin Dy shipped on from outside China" in magnet["reason"]
    non_chinese = bom.assign(rare_earth_origin="non_china")
    assert not assess_bom(regulations, non_chinese, T("2025-06-01"), 1000.0).licence_needed
