"""Export-control model on small tables mirroring the real structure (conftest): which rules are in force when,
and which apply to which item — above all No. 61's value test, which is made on the magnet (a Part II item), not
on the motor or vehicle the magnet goes into."""
import datetime as dt

import numpy as np
import pandas as pd
import pytest

from conftest import small_control_lists, small_regulations

from widgets.exposure.model import (BINDING_CODES, CODES, ITEM_COLUMNS, assembly_value_limit_usd, assess_items,
                                     crossing_content_wt_pct, magnet_part_i_share_pct, monthly_findings,
                                     part_i_share_pct, rules_in_force, timeline)

T, NAN = pd.Timestamp, np.nan
AFTER = "2026-11-11"  # the day after the suspension ends: the October rules are in force again


def item(name="magnet", form="permanent_magnet", elements="Nd;Dy", made_in_china=False, origin="china",
         technology=False, value=100.0, content=10.0) -> dict:
    return {"item": name, "form": form, "rare_earth_elements": elements, "made_in_china": made_in_china,
            "rare_earth_origin": origin, "made_with_chinese_technology": technology, "value_usd": value,
            "part_i_content_value_usd": content}


def items(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(ITEM_COLUMNS))


def assess(table: pd.DataFrame, day: str = AFTER, **context):
    return assess_items(small_regulations(), small_control_lists(), table, day, **context)


def codes(result, name: str) -> list[tuple[str, str]]:
    found = result.findings[result.findings["item"] == name]
    return list(zip(found["regulation_id"], found["code"]))


# --- which rules are in force ------------------------------------------------------------------------------

@pytest.mark.parametrize("day, expected", [
    ("2025-03-01", []),
    ("2025-04-04", ["r-apr"]),                                  # first day of the April licence
    ("2025-10-20", ["r-apr", "r-origin"]),                      # the origin rule took effect on publication
    ("2025-11-08", ["r-apr"]),                                  # suspended from 7 November
    ("2026-01-06", ["r-apr", "r-ban"]),                         # the end-use ban takes effect
    ("2026-11-10", ["r-apr", "r-ban"]),                         # last day of the suspension
    (AFTER, ["r-apr", "r-oct-elements", "r-origin", "r-value", "r-tech", "r-ban"]),  # the day after
])
def test_rules_in_force_follow_the_dates(day, expected):
    assert list(rules_in_force(small_regulations(), day)["regulation_id"]) == expected


def test_a_technology_rule_on_exports_from_china_never_applies_to_items():
    assert "r-know-how" not in set(rules_in_force(small_regulations(), "2030-01-01")["regulation_id"])


def test_an_open_ended_suspension_never_ends():
    regs = small_regulations().assign(suspended_until=pd.NaT)
    assert list(rules_in_force(regs, "2030-01-01")["regulation_id"]) == ["r-apr", "r-ban"]


def test_dates_may_be_python_dates_or_iso_strings():
    assert list(rules_in_force(small_regulations(), dt.date(2026, 11, 11))["regulation_id"]) == list(
        rules_in_force(small_regulations(), AFTER)["regulation_id"])


# --- No. 61 Art. I(1): the value test is made on the magnet ---------------------------------------------------

@pytest.mark.parametrize("content_usd, code", [
    (0.1, "value_rule_met"),          # exactly 0.1 % of a US$100 magnet: "0.1 % or more" binds
    (0.0999, "value_rule_below"),     # just under
    (0.1001, "value_rule_met"),       # just over
    (0.0, "value_rule_below"),        # no Part I content at all
])
def test_value_rule_on_a_magnet_at_under_and_over_the_threshold(content_usd, code):
    result = assess(items(item(value=100.0, content=content_usd)))
    finding = result.findings.set_index(["item", "regulation_id"]).loc[("magnet", "r-value")]
    assert finding["code"] == code
    assert finding["share_pct"] == pytest.approx(content_usd)
    assert result.licence_needed["magnet"] is (code in BINDING_CODES)


def test_a_motor_is_not_tested_by_value_whatever_it_contains():
    # the same Chinese Dy in a motor (an assembly) that would make a magnet cross the threshold many times over
    motor = item("motor", form="assembly", value=1.0, content=1.0)
    result = assess(items(motor))
    assert codes(result, "motor") == [("r-value", "not_a_part_ii_item")]
    assert result.licence_needed["motor"] is False


def test_a_cheap_or_dear_motor_gets_the_same_verdict():
    cheap, dear = item("cheap", form="assembly", value=50.0, content=40.0), item("dear", form="assembly", value=1e9)
    result = assess(items(cheap, dear))
    assert codes(result, "cheap") == codes(result, "dear") == [("r-value", "not_a_part_ii_item")]


def test_the_contested_reading_tests_assemblies_by_their_own_value():
    motor = item("motor", form="assembly", value=5000.0, content=10.0)   # 0.2 % of the motor's value
    result = assess(items(motor), include_contested=True)
    assert codes(result, "motor") == [("r-value", "value_rule_met")]
    unknown = assess(items(item("motor", form="assembly", value=NAN, content=10.0)), include_contested=True)
    assert codes(unknown, "motor") == [("r-value", "value_rule_value_unknown")]


def test_only_chinese_origin_part_i_content_counts():
    assert codes(assess(items(item(origin="non_china", content=50.0))), "magnet") == [("r-value", "value_rule_below")]
    unknown = assess(items(item(origin="unknown", content=50.0)))
    finding = unknown.findings.iloc[0]
    assert finding["code"] == "value_rule_met" and bool(finding["origin_assumed"])


def test_a_magnet_without_listed_elements_is_no_part_ii_item():
    # an Nd-Pr magnet is not on Part II (only Dy- and Tb-bearing magnets are), so no rule reaches it
    result = assess(items(item(elements="Nd;Pr", content=0.0)))
    assert codes(result, "magnet") == []
    assert result.licence_needed["magnet"] is False


def test_a_magnet_made_in_china_is_not_tested_by_value_but_by_its_origin():
    result = assess(items(item(made_in_china=True)))
    assert codes(result, "magnet") == [("r-apr", "export_licence"), ("r-origin", "reexport_licence")]


# --- the other rules ------------------------------------------------------------------------------------------

def test_no18_reaches_listed_items_made_in_china_and_not_assemblies():
    table = items(item("dy magnet", made_in_china=True), item("nd magnet", elements="Nd;Pr", made_in_china=True),
                  item("rotor", form="assembly", made_in_china=True), item("dy oxide", form="oxide", elements="Dy",
                                                                             made_in_china=True, value=10.0, content=10.0))
    result = assess(table, "2025-05-01")
    assert codes(result, "dy magnet") == [("r-apr", "export_licence")]
    assert codes(result, "nd magnet") == []
    assert codes(result, "rotor") == [("r-apr", "assembly_not_listed")]
    assert codes(result, "dy oxide") == [("r-apr", "export_licence")]
    assert result.licence_needed == {"dy magnet": True, "nd magnet": False, "rotor": False, "dy oxide": True}


def test_technology_rule_reaches_listed_items_made_abroad_with_chinese_technology_whatever_their_origin():
    tech = item("magnet", technology=True, origin="non_china", content=0.0)
    assert ("r-tech", "technology_licence") in codes(assess(items(tech)), "magnet")
    assert ("r-tech", "technology_licence") not in codes(assess(items(item(technology=False))), "magnet")


def test_end_use_ban_needs_the_destination_and_a_military_use():
    chinese = items(item(made_in_china=True))
    assert ("r-ban", "banned_end_use") in codes(assess(chinese, "2026-02-01", destination="JP", end_use="military"),
                                                "magnet")
    assert ("r-ban", "banned_end_use") not in codes(assess(chinese, "2026-02-01", destination="JP"), "magnet")
    assert ("r-ban", "banned_end_use") not in codes(assess(chinese, "2026-02-01", destination="US",
                                                           end_use="military"), "magnet")


def test_every_code_is_known_and_every_finding_names_a_rule_in_force():
    table = items(item("a"), item("b", made_in_china=True), item("c", form="assembly"), item("d", technology=True))
    result = assess(table, AFTER, include_contested=True)
    assert set(result.findings["code"]) <= set(CODES)
    assert set(result.findings["regulation_id"]) <= set(result.regulation_ids_in_force)


# --- the equations ----------------------------------------------------------------------------------------------

def test_share_equations_hand_checked():
    assert part_i_share_pct(0.5, 200.0) == pytest.approx(0.25)
    # 3 wt % Dy at US$300 per kg of Dy in a US$50/kg magnet: 3 · 300 / 50 = 18 % of the magnet's value
    assert magnet_part_i_share_pct(3.0, 300.0, 50.0) == pytest.approx(18.0)
    # it crosses 0.1 % at 0.1 · 50 / 300 = 0.01667 wt %
    assert crossing_content_wt_pct(0.1, 300.0, 50.0) == pytest.approx(0.1 * 50 / 300)
    assert magnet_part_i_share_pct(crossing_content_wt_pct(0.1, 300.0, 50.0), 300.0, 50.0) == pytest.approx(0.1)
    # US$6 of Part I content: any assembly worth up to US$6,000 would be caught under the contested reading
    assert assembly_value_limit_usd(6.0, 0.1) == pytest.approx(6000.0)


@pytest.mark.parametrize("call, parameter", [
    (lambda: part_i_share_pct(1.0, 0.0), "item_value_usd"),
    (lambda: magnet_part_i_share_pct(120.0, 300.0, 50.0), "element_wt_pct"),
    (lambda: crossing_content_wt_pct(0.0, 300.0, 50.0), "threshold_pct"),
    (lambda: assembly_value_limit_usd(-1.0, 0.1), "part_i_content_value_usd"),
])
def test_equations_reject_bad_input_by_name(call, parameter):
    with pytest.raises(ValueError, match=parameter):
        call()


# --- bad tables -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("change, message", [
    (lambda t: t.assign(form="gadget"), "form"),
    (lambda t: t.assign(rare_earth_elements="Nd;Xx"), "rare_earth_elements"),
    (lambda t: t.assign(made_in_china="yes"), "made_in_china"),
    (lambda t: t.assign(rare_earth_origin="mars"), "rare_earth_origin"),
    (lambda t: t.assign(value_usd=0.0), "value_usd"),
    (lambda t: t.assign(part_i_content_value_usd=500.0), "part_i_content_value_usd"),
    (lambda t: t.drop(columns=["form"]), "form"),
    (lambda t: pd.concat([t, t]), "more than once"),
    (lambda t: t.iloc[0:0], "add at least one item"),
])
def test_bad_items_are_named(change, message):
    with pytest.raises(ValueError, match=message):
        assess(change(items(item())))


def test_bad_context_and_dates_are_named():
    with pytest.raises(ValueError, match="end_use"):
        assess(items(item()), end_use="peaceful")
    with pytest.raises(ValueError, match="on_date"):
        assess(items(item()), "yesterday")


def test_a_rule_naming_a_missing_control_list_is_named():
    regs = small_regulations()
    regs.loc[regs["regulation_id"] == "r-value", "control_list"] = "L99"
    with pytest.raises(ValueError, match="control_list"):
        assess_items(regs, small_control_lists(), items(item()), AFTER)


# --- over time ----------------------------------------------------------------------------------------------------

def test_timeline_and_monthly_findings_agree_with_assess_items():
    table = items(item("abroad"), item("china", made_in_china=True), item("motor", form="assembly"))
    frame = timeline(small_regulations(), small_control_lists(), table, "2025-01-01", "2027-06-01")
    months = monthly_findings(small_regulations(), small_control_lists(), table, "2025-01-01", "2027-06-01")
    assert len(frame) == 30 * 3 and months["month_index"].nunique() == 30
    for day in ("2025-05-01", "2026-01-01", "2026-12-01"):
        expected = assess(table, day).licence_needed
        got = frame[frame["date"] == T(day)].set_index("item")["licence_needed"].to_dict()
        assert got == expected
        month = months[months["date"] == T(day)]
        assert set(month.loc[month["binds"].astype(bool), "item"]) == {k for k, v in expected.items() if v}


def test_timeline_rejects_a_reversed_range():
    with pytest.raises(ValueError, match="end"):
        timeline(small_regulations(), small_control_lists(), items(item()), "2026-01-01", "2025-01-01")
