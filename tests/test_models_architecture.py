"""Hand-checked weighted ranking of motor architectures and the per-vehicle energy index."""
import math
import re

import pandas as pd
import pytest

from widgets.motors.model import per_vehicle, rank_architectures


def _scores():
    rows = [("A", "cost", 4), ("A", "efficiency", 2), ("A", "rare_earth_free", 5),
            ("B", "cost", 2), ("B", "efficiency", 5), ("B", "rare_earth_free", 1),
            ("C", "cost", 3), ("C", "efficiency", 3), ("C", "rare_earth_free", 3)]
    return pd.DataFrame(rows, columns=["architecture", "criterion", "score_1_to_5"])


def test_rank_hand_checked():
    r = rank_architectures(_scores(), {"cost": 1, "efficiency": 1, "rare_earth_free": 2})
    # A = (1×4 + 1×2 + 2×5) / 4 = 16/4 = 4.0; B = (2 + 5 + 2×1) / 4 = 2.25; C = (3 + 3 + 2×3) / 4 = 3.0
    assert list(r["architecture"]) == ["A", "C", "B"]
    assert list(r["weighted_score_1_to_5"]) == pytest.approx([4.0, 3.0, 2.25])
    assert list(r["rank"]) == [1, 2, 3]


def test_ties_share_the_lowest_rank():
    r = rank_architectures(_scores(), {"cost": 1, "efficiency": 1})
    # A = (4 + 2)/2 = 3.0; B = (2 + 5)/2 = 3.5; C = (3 + 3)/2 = 3.0 → B 1st, A and C both 2nd
    assert list(zip(r["architecture"], r["rank"])) == [("B", 1), ("A", 2), ("C", 2)]


def test_zero_weight_criterion_may_lack_scores():
    scores = pd.concat([_scores(), pd.DataFrame([("D", "cost", 5)], columns=_scores().columns)])
    r = rank_architectures(scores, {"cost": 1, "efficiency": 0})
    assert r.set_index("architecture").loc["D", "weighted_score_1_to_5"] == pytest.approx(5.0)  # 1×5 / 1


@pytest.mark.parametrize("weights, message", [
    ({"cost": 0, "efficiency": 0}, "Parameter 'sum of weights' = 0.0 is outside the allowed range (0, ∞)"),
    ({"cost": 1, "noise": 1}, "Parameter 'weights (criterion)' = 'noise' is not allowed; allowed: cost, efficiency"),
    ({"cost": -1}, "Parameter 'weights['cost']' = -1 is outside the allowed range [0, ∞)"),
    ({"cost": math.nan}, "Parameter 'weights['cost']' = nan is outside"),
    ({"cost": "1"}, "Parameter 'weights['cost']' must be a number; got '1'"),
    ({"cost": True}, "Parameter 'weights['cost']' must be a number; got True"),
    ({}, "Parameter 'weights' is empty; give at least one criterion weight"),
    ([("cost", 1)], "Parameter 'weights' = [('cost', 1)] is not allowed"),
])
def test_rank_bad_weights(weights, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        rank_architectures(_scores(), weights)


def test_missing_score_names_architecture_and_criterion():
    scores = pd.concat([_scores(), pd.DataFrame([("D", "cost", 5)], columns=_scores().columns)])
    with pytest.raises(ValueError, match=re.escape("Parameter 'scores (architecture='D', criterion='efficiency')' "
                                                   "is missing; score every criterion that has a weight above zero")):
        rank_architectures(scores, {"cost": 1, "efficiency": 1})


@pytest.mark.parametrize("scores, message", [
    (_scores().assign(score_1_to_5=[6, 2, 5, 2, 5, 1, 3, 3, 3]),
     "Parameter 'scores (architecture='A', criterion='cost') score_1_to_5' = 6 is outside the allowed range [1, 5]"),
    (_scores().assign(score_1_to_5=[0, 2, 5, 2, 5, 1, 3, 3, 3]), "criterion='cost') score_1_to_5' = 0 is outside"),
    (_scores().assign(score_1_to_5=[math.nan, 2, 5, 2, 5, 1, 3, 3, 3]),
     "criterion='cost') score_1_to_5' = nan is outside"),
    (_scores().assign(score_1_to_5=["good", 2, 5, 2, 5, 1, 3, 3, 3]),
     "criterion='cost') score_1_to_5' must be a number; got 'good'"),
    (_scores().iloc[0:0], "Parameter 'scores' is empty; give at least one architecture score"),
    (pd.concat([_scores(), _scores().iloc[:1]]),
     "Parameter 'scores (architecture, criterion)' has ('A', 'cost') more than once"),
    (_scores().drop(columns="criterion"), "Parameter 'scores' lacks the columns criterion"),
    ("A", "Parameter 'scores' = 'str' is not allowed"),
])
def test_rank_bad_scores(scores, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        rank_architectures(scores, {"cost": 1})


def test_per_vehicle_hand_checked():
    r = per_vehicle(30, 110, 95, 0.0)
    assert r.energy_index_pmsm_100 == pytest.approx(105.5)   # 0.7 × 110 + 0.3 × 95 = 77 + 28.5
    assert r.rare_earth_kg_per_vehicle == 0.0 and r.highway_share_pct == 30
    assert per_vehicle(0, 110, 95, 1.2).energy_index_pmsm_100 == pytest.approx(110)    # all city
    assert per_vehicle(100, 110, 95, 1.2).energy_index_pmsm_100 == pytest.approx(95)   # all highway


@pytest.mark.parametrize("args, message", [
    ((120, 110, 95, 1), "Parameter 'highway_share_pct' = 120 is outside the allowed range [0, 100] %"),
    ((-1, 110, 95, 1), "Parameter 'highway_share_pct' = -1 is outside"),
    ((math.nan, 110, 95, 1), "Parameter 'highway_share_pct' = nan is outside"),
    ((30, 0, 95, 1), "Parameter 'relative_energy_city' = 0 is outside the allowed range (0, ∞)"),
    ((30, 110, -95, 1), "Parameter 'relative_energy_highway' = -95 is outside"),
    ((30, 110, math.inf, 1), "Parameter 'relative_energy_highway' = inf is outside"),
    ((30, 110, 95, -1), "Parameter 'rare_earth_kg_per_vehicle' = -1 is outside the allowed range [0, ∞) kg"),
    ((30, 110, 95, "1"), "Parameter 'rare_earth_kg_per_vehicle' must be a number; got '1'"),
    ((False, 110, 95, 1), "Parameter 'highway_share_pct' must be a number; got False"),
])
def test_per_vehicle_bad_inputs(args, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        per_vehicle(*args)
