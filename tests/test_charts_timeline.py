"""Regulation timeline: the slider's day index maps to dates exactly; at each slider position the chart greys the
events that :func:`events_on` puts after the date (parity); the tooltip carries instrument, controls, source and
confidence; every regulations row is drawn once in the overview, and the detail panel holds the rows since 2023."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from widgets.charts import timeline
from widgets.core.data import load_table
from widgets.core.labels import label

T, NAT, NAN = pd.Timestamp, pd.NaT, np.nan


def regulations() -> pd.DataFrame:
    return pd.DataFrame({
        "regulation_id": ["cat-2001", "shock-2010", "cat-2023", "lic-2025", "value-2025", "susp-2025"],
        "short_en": ["Catalogue 2001", "Halt", "Catalogue 2023", "No. 18", "No. 61 value", "No. 70"],
        "short_ja": ["カタログ2001", "停止", "カタログ2023", "第18号", "第61号", "第70号"],
        "date_announced": [T("2001-01-01"), T("2010-09-21"), T("2023-12-21"), T("2025-04-04"), T("2025-10-09"),
                           T("2025-11-07")],
        "jurisdiction": ["CN", "CN-JP", "CN", "CN", "CN", "CN"],
        "instrument": ["Catalogue", "None (incident)", "Catalogue 2023", "No. 18", "No. 61", "No. 70"],
        "title_en": ["a", "b", "c", "d", "e", "f"],
        "controls_en": ["tech", "halt", "ban", "licence", "value rule", "suspends value-2025"],
        "rule_type": ["technology_catalogue", "event", "technology_catalogue", "element_licence",
                      "value_share_rule", "suspension"],
        "effective_date": [T("2001-01-01"), NAT, T("2023-12-21"), T("2025-04-04"), T("2025-12-01"), T("2025-11-07")],
        "suspended_until": [NAT, NAT, NAT, NAT, NAT, T("2026-11-10")],
        "source_id": ["s1", "s2", "s3", "s4", "s5", "s6"],
        "confidence": ["secondary", "secondary", "secondary", "primary", "primary", "secondary"],
    })


def test_day_index_is_days_since_the_origin():
    origin = timeline.ORIGIN
    assert timeline.day_index(origin) == 0
    assert timeline.day_index(origin + pd.Timedelta(days=31)) == 31
    assert timeline.day_index("2001-01-01") - timeline.day_index("2000-01-01") == 366   # 2000 is a leap year
    assert timeline.day_of_index(timeline.day_index("2026-11-29")) == T("2026-11-29")
    with pytest.raises(ValueError, match=r"Parameter 'day' = -1 is outside the allowed range"):
        timeline.day_index(origin - pd.Timedelta(days=1))


@pytest.mark.parametrize("day, after", [
    ("2010-09-21", {"cat-2023", "lic-2025", "value-2025", "susp-2025"}),   # the day of the halt: not after itself
    ("2025-10-08", {"value-2025", "susp-2025"}),
    ("2026-11-29", set()),
])
def test_chart_greys_the_events_the_model_puts_after_the_date(day, after):
    chart = timeline.regulation_timeline_chart(regulations(), timeline.day_index(day))
    frames = chart.transformed_data()
    dots, here = frames[1], frames[2]
    assert set(dots.loc[dots["after"], "regulation_id"]) == after
    model = timeline.events_on(timeline.timeline_events(regulations()), day)
    assert set(model.loc[model["after"], "regulation_id"]) == after
    assert here["here_ms"].iloc[0] == pd.Timestamp(day).value // 1_000_000


def test_effective_dates_are_greyed_separately():
    chart = timeline.regulation_timeline_chart(regulations(), timeline.day_index("2025-11-15"))
    effective = chart.transformed_data()[6]                            # the detail panel's diamonds
    flags = dict(zip(effective["regulation_id"], effective["effective_after"]))
    assert flags == {"cat-2023": False, "lic-2025": False, "value-2025": True, "susp-2025": False}


def test_you_are_here_label_shows_the_date():
    chart = timeline.regulation_timeline_chart(regulations(), timeline.day_index("2026-11-29"))
    text = chart.transformed_data()[-1]
    assert text["here_text"].iloc[0] == label("timeline.text.here") + ":\n2026-11-29"  # two lines (lineBreak)
    assert text["here_date"].iloc[0] == "2026-11-29"


def test_panels_slider_tooltip_and_style():
    spec = timeline.regulation_timeline_chart(regulations(), 100).to_dict()
    (here,) = [p for p in spec["params"] if "bind" in p]
    assert here["name"] == "here_day" and here["value"] == 100
    assert here["bind"]["min"] == 0 and here["bind"]["max"] == (timeline.END - timeline.ORIGIN).days
    assert spec["title"]["text"] == label("timeline.title") and spec["description"]
    assert spec["config"]["axis"]["labelAngle"] == 0
    overview, detail = spec["vconcat"]
    dots = overview["layer"][1]
    fields = {tip["field"] for tip in dots["encoding"]["tooltip"]}
    assert {"instrument", "controls", "source_id", "confidence"} <= fields
    assert dots["encoding"]["color"]["condition"]["test"] == "datum.after"


def test_overview_has_every_row_and_detail_only_recent_rows():
    frames = timeline.regulation_timeline_chart(regulations(), 0).transformed_data()
    assert sorted(frames[1]["regulation_id"]) == sorted(regulations()["regulation_id"])
    assert set(frames[5]["regulation_id"]) == {"cat-2023", "lic-2025", "value-2025", "susp-2025"}
    span = frames[4]                                                   # the suspension bar
    assert list(span["regulation_id"]) == ["susp-2025"]
    assert pd.Timestamp(span["suspended_until"].iloc[0]).date().isoformat() == "2026-11-10"


def test_real_table_draws_and_rule_types_are_labelled():
    events = timeline.labelled_events(load_table("regulations"))
    assert events["announced_ms"].is_monotonic_increasing
    assert not events["rule_type_label"].isna().any() and not events["name"].isna().any()
    assert len(events) == len(load_table("regulations"))


def test_bad_inputs_are_named():
    bad = regulations()
    bad.loc[0, "rule_type"] = "embargo"
    with pytest.raises(ValueError, match=r"rule_type' = 'embargo' is not allowed"):
        timeline.timeline_events(bad)
    with pytest.raises(ValueError, match=r"Parameter 'here_day_index' = -5 is outside the allowed range"):
        timeline.regulation_timeline_chart(regulations(), -5)
