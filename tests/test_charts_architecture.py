"""Parity: the architecture ranking chart's Vega expressions, evaluated by VegaFusion at several slider
positions, equal the Python model (widgets.motors.model.rank_architectures); the score matrix
carries every score with its basis and rationale."""
from __future__ import annotations

import pandas as pd
import pytest

from widgets.charts import architecture as arch_chart
from widgets.motors.model import ArchitectureSliders, CRITERIA, criterion_weights
from widgets.core.labels import label
from widgets.motors.model import rank_architectures

# Scores per architecture in CRITERIA order:
# rare_earth_exposure, cost, city_efficiency, highway_efficiency, power_density, nvh, maturity
SCORE_ROWS = {
    "pmsm-ndfeb": [1, 2, 5, 4, 5, 4, 5],
    "eesm-brushed": [5, 3, 3, 2, 3, 5, 2],
    "induction": [5, 4, 2, 3, 2, 3, 3],
}


def make_scores(rows=SCORE_ROWS) -> pd.DataFrame:
    records = []
    for arch, values in rows.items():
        for criterion, score in zip(CRITERIA, values):
            records.append({"architecture": arch, "criterion": criterion, "score_1_to_5": score,
                            "basis": "sourced" if criterion in ("rare_earth_exposure", "maturity") else "judgement",
                            "rationale_en": f"why {arch} scores {score} on {criterion}", "source_id": "src",
                            "as_of": "2024-01-01", "confidence": "weak", "note": None})
    return pd.DataFrame(records)


SCORES = make_scores()

POSITIONS = [
    ArchitectureSliders(5, 3, 4, 2, 1, 2, 30),
    ArchitectureSliders(10, 0, 0, 0, 0, 0, 50),    # rare earths only
    ArchitectureSliders(0, 1, 8, 6, 0, 3, 90),
    ArchitectureSliders(2.5, 7, 10, 0, 4.5, 0, 0),
]


def bar_frame(chart) -> pd.DataFrame:
    bars, _values, _message = chart.transformed_data()
    return bars.set_index("architecture").sort_index()


@pytest.mark.parametrize("sliders", POSITIONS)
def test_chart_matches_model(sliders):
    bars = bar_frame(arch_chart.architecture_ranking_chart(SCORES, sliders))
    model = rank_architectures(SCORES, criterion_weights(**sliders.__dict__)).set_index("architecture").sort_index()
    assert list(bars.index) == list(model.index)
    assert bars["weighted_score_1_to_5"].tolist() == pytest.approx(model["weighted_score_1_to_5"].tolist(), rel=1e-9)
    assert bars["rank"].astype(int).tolist() == model["rank"].tolist()


def test_hand_checked_score_and_split():
    sliders = ArchitectureSliders(5, 3, 4, 2, 1, 2, 30)
    bars = bar_frame(arch_chart.architecture_ranking_chart(SCORES, sliders))
    # pmsm-ndfeb: efficiency weight 4 splits 2.8 city / 1.2 highway (h = 30 %)
    # Σ w·s = 5·1 + 3·2 + 2.8·5 + 1.2·4 + 2·5 + 1·4 + 2·5 = 5 + 6 + 14 + 4.8 + 10 + 4 + 10 = 53.8; Σ w = 17
    assert bars.loc["pmsm-ndfeb", "weighted_score_1_to_5"] == pytest.approx(53.8 / 17)  # = 3.1647
    # eesm-brushed: 25 + 9 + 8.4 + 2.4 + 6 + 5 + 4 = 59.8 → 59.8 / 17 = 3.5176, the best of the three
    assert bars.loc["eesm-brushed", "weighted_score_1_to_5"] == pytest.approx(59.8 / 17)
    assert bars.loc["eesm-brushed", "rank"] == 1


def test_highway_share_moves_the_efficiency_weight():
    weights = criterion_weights(0, 0, 10, 0, 0, 0, highway_share_pct=100)
    assert weights["city_efficiency"] == 0 and weights["highway_efficiency"] == 10  # 10 × (1 − 1), 10 × 1
    bars = bar_frame(arch_chart.architecture_ranking_chart(SCORES, ArchitectureSliders(0, 0, 10, 0, 0, 0, 100)))
    # only highway efficiency counts: the score equals that column
    assert bars["weighted_score_1_to_5"].to_dict() == {"eesm-brushed": 2.0, "induction": 3.0, "pmsm-ndfeb": 4.0}


def test_all_weights_zero_shows_the_message_and_no_bars():
    chart = arch_chart.architecture_ranking_chart(SCORES, ArchitectureSliders(0, 0, 0, 0, 0, 0, 40))
    bars, _values, message = chart.transformed_data()
    assert len(bars) == 0  # no division by zero: the score is null and no bar is drawn
    assert message["message"].iloc[0] == label("architecture.text.no_weights")
    chart = arch_chart.architecture_ranking_chart(SCORES, POSITIONS[0])
    assert chart.transformed_data()[2]["message"].iloc[0] == ""


def test_tooltip_details_say_sourced_or_judgement():
    table = arch_chart.architecture_table(SCORES).set_index("architecture")
    assert table.loc["pmsm-ndfeb", "detail_rare_earth_exposure"] == f"1 · {label('architecture.basis.sourced')}"
    assert table.loc["induction", "detail_cost"] == f"4 · {label('architecture.basis.judgement')}"
    assert table.loc["induction", "architecture_name"] == label("architecture.name.induction")


@pytest.mark.parametrize("name, bad, fragment", [
    ("highway_share_pct", 120, "'highway_share_pct' = 120 is outside the allowed range [0, 100] %"),
    ("weight_cost", -1, "'weight_cost' = -1 is outside the allowed range [0, ∞)"),
])
def test_criterion_weights_rejects_bad_input(name, bad, fragment):
    values = {**POSITIONS[0].__dict__, name: bad}
    with pytest.raises(ValueError) as error:
        criterion_weights(**values)
    assert fragment in str(error.value)


def test_missing_score_is_named():
    scores = SCORES[~((SCORES["architecture"] == "induction") & (SCORES["criterion"] == "nvh"))]
    with pytest.raises(ValueError) as error:
        arch_chart.architecture_table(scores)
    assert "scores (architecture='induction', criterion='nvh')" in str(error.value)


def test_chart_has_title_description_and_bound_sliders():
    spec = arch_chart.architecture_ranking_chart(SCORES, POSITIONS[0]).to_dict()
    assert spec["title"]["text"] == label("architecture.title") and spec["description"]
    bound = [p for p in spec.get("params", []) if "bind" in p]
    assert {p["name"] for p in bound} == {
        "weight_rare_earth_exposure", "weight_cost", "weight_efficiency", "weight_power_density", "weight_nvh",
        "weight_maturity", "highway_share_pct"}
    assert spec["config"]["axis"]["labelAngle"] == 0


def test_score_matrix_has_every_cell_with_basis_and_rationale():
    chart = arch_chart.architecture_score_matrix(SCORES)
    spec = chart.to_dict()
    assert spec["title"]["text"] == label("architecture.matrix.title") and spec["description"]
    heat, _numbers, dots = chart.transformed_data()
    assert len(heat) == 21  # 3 architectures × 7 criteria
    cell = heat.set_index(["architecture_name", "criterion_name"]).loc[
        (label("architecture.name.pmsm-ndfeb"), label("architecture.criterion.cost"))]
    assert cell["score_1_to_5"] == 2
    assert cell["basis_name"] == label("architecture.basis.judgement")
    assert cell["rationale"] == "why pmsm-ndfeb scores 2 on cost"
    # the basis drives the dots' shape and fill
    dot_layer = spec["layer"][2]["encoding"]
    assert dot_layer["shape"]["field"] == "basis_name" and dot_layer["fill"]["field"] == "basis_name"
    assert set(dots["basis_name"]) == {label("architecture.basis.sourced"), label("architecture.basis.judgement")}
