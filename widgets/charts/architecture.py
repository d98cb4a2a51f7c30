"""Motor architectures: a weighted ranking the reader re-weights with sliders, and a score matrix
that shows which scores are sourced and which are judgement.

The Vega expressions below restate :func:`widgets.motors.model.rank_architectures`; the parity
test (``tests/test_charts_architecture.py``) evaluates the chart at several slider positions and compares.
"""
from __future__ import annotations

import json

import altair as alt
import pandas as pd

from widgets.charts.style import finish, HEIGHT_PX, OKABE_ITO, slider, WIDTH_PX
from widgets.core.labels import keys, label, localized
from widgets.core import checks
from widgets.motors.model import BASES, CRITERIA, WEIGHTED, ArchitectureSliders, score_matrix

MATRIX_CELL_PX = 44


def display_name(kind: str, value: str) -> str:
    """The reader's name for an architecture or criterion id (the id itself when no label exists)."""
    key = f"architecture.{kind}.{value}"
    return label(key) if key in keys() else value


def _basis(value: object) -> str:
    return label(f"architecture.basis.{value}") if value in BASES else str(value)


def architecture_table(scores: pd.DataFrame) -> pd.DataFrame:
    """One row per architecture: ``score_<criterion>`` for every criterion, and ``detail_<criterion>``,
    the score with its basis (sourced or judgement) in words, for the tooltip."""
    checks.require_columns("scores", scores, ("basis",))
    for criterion in scores["criterion"]:
        checks.choice("scores.criterion", criterion, CRITERIA)
    matrix = score_matrix(scores, CRITERIA)  # the model's checks: one score per pair, in [1, 5], none missing
    basis = {(row.architecture, row.criterion): row.basis for row in scores.itertuples(index=False)}
    rows = []
    for arch, per_arch in matrix.items():
        entry = {"architecture": arch, "architecture_name": display_name("name", arch)}
        for criterion, score in per_arch.items():
            entry[f"score_{criterion}"] = score
            entry[f"detail_{criterion}"] = f"{score:g} · {_basis(basis[(arch, criterion)])}"
        rows.append(entry)
    return pd.DataFrame(rows)


def _weight(criterion: str) -> str:
    """The Vega expression for a criterion's weight (the split of the efficiency weight included)."""
    if criterion == "city_efficiency":
        return "weight_efficiency * (1 - highway_share_pct / 100)"
    if criterion == "highway_efficiency":
        return "weight_efficiency * highway_share_pct / 100"
    return f"weight_{criterion}"


# Σ w_i (the six slider weights; the city/highway split sums back to the efficiency weight).
WEIGHT_SUM_EXPR = " + ".join(f"weight_{name}" for name in WEIGHTED)
# Σ w_i · s_i / Σ w_i, or null when no weight is set (the text layer then asks for one).
SCORE_EXPR = (f"({WEIGHT_SUM_EXPR}) > 0 ? ("
              + " + ".join(f"({_weight(c)}) * datum.score_{c}" for c in CRITERIA)
              + f") / ({WEIGHT_SUM_EXPR}) : null")


def architecture_ranking_chart(scores: pd.DataFrame, sliders: ArchitectureSliders) -> alt.LayerChart:
    """Horizontal bars of the weighted score per architecture, sorted best first; the sliders set the
    weights and the highway share. A text layer asks for a weight when all weights are zero."""
    params = [slider("architecture", f"weight_{name}", getattr(sliders, f"weight_{name}"), 0, 10, 0.5) for name in WEIGHTED]
    params.append(slider("architecture", "highway_share_pct", sliders.highway_share_pct, 0, 100, 5))
    table = architecture_table(scores)
    bars = (alt.Chart(table).mark_bar(color=OKABE_ITO[0])
            .transform_calculate(weighted_score_1_to_5=SCORE_EXPR)
            .transform_calculate(rank_key="round(datum.weighted_score_1_to_5 * 1e9) / 1e9")
            .transform_window(rank="rank()", sort=[alt.SortField("rank_key", order="descending")])
            .encode(x=alt.X("weighted_score_1_to_5:Q", scale=alt.Scale(domain=[0, 5]),
                            title=label("architecture.axis.score")),
                    y=alt.Y("architecture_name:N", sort="-x", title=label("architecture.axis.architecture")),
                    tooltip=[alt.Tooltip("architecture_name:N", title=label("architecture.tooltip.architecture")),
                             alt.Tooltip("weighted_score_1_to_5:Q", format=".2f",
                                         title=label("architecture.tooltip.score")),
                             alt.Tooltip("rank:Q", title=label("architecture.tooltip.rank")),
                             *[alt.Tooltip(f"detail_{c}:N", title=display_name("criterion", c)) for c in CRITERIA]]))
    values = (bars.mark_text(align="left", dx=4, color="#000000", fontSize=12)
              .encode(text=alt.Text("weighted_score_1_to_5:Q", format=".2f")))
    message = json.dumps(label("architecture.text.no_weights"))
    no_weights = (alt.Chart(pd.DataFrame({"row": [0]}))
                  .mark_text(x=alt.expr("width / 2"), y=alt.expr("height / 2"), align="center", fontSize=14, color="#000000")
                  .transform_calculate(weight_sum=WEIGHT_SUM_EXPR, message=f"datum.weight_sum > 0 ? '' : {message}")
                  .encode(text="message:N"))
    layered = (alt.layer(bars, values, no_weights).add_params(*params)
               .properties(width=WIDTH_PX, height=HEIGHT_PX))
    return finish(layered, title=label("architecture.title"), subtitle=label("architecture.subtitle"),
                  description=label("architecture.description"))


def architecture_score_matrix(scores: pd.DataFrame) -> alt.LayerChart:
    """Heatmap of the scores (architecture × criterion); a filled dot marks a sourced score, a hollow
    ring a judgement; the rationale, source and confidence are in the tooltip."""
    cells = scores.copy()
    for column in ("rationale_en", "source_id", "confidence"):
        if column not in cells.columns:
            cells[column] = ""
    cells["rationale"] = [localized(score, "rationale") for _, score in cells.iterrows()]
    cells["architecture_name"] = [display_name("name", a) for a in cells["architecture"]]
    cells["criterion_name"] = [display_name("criterion", c) for c in cells["criterion"]]
    cells["basis_name"] = [_basis(b) for b in cells["basis"]]
    cells = cells[["architecture_name", "criterion_name", "score_1_to_5", "basis_name", "rationale",
                   "source_id", "confidence"]].fillna("")
    criterion_order = [display_name("criterion", c) for c in CRITERIA if c in set(scores["criterion"])]
    x = alt.X("criterion_name:N", sort=criterion_order, title=label("architecture.axis.criterion"),
              axis=alt.Axis(labelExpr="split(datum.label, ' ')", labelAngle=0))
    y = alt.Y("architecture_name:N", title=label("architecture.axis.architecture"))
    tooltip = [alt.Tooltip("architecture_name:N", title=label("architecture.tooltip.architecture")),
               alt.Tooltip("criterion_name:N", title=label("architecture.tooltip.criterion")),
               alt.Tooltip("score_1_to_5:Q", format=".0f", title=label("architecture.tooltip.criterion_score")),
               alt.Tooltip("basis_name:N", title=label("architecture.legend.basis")),
               alt.Tooltip("rationale:N", title=label("architecture.tooltip.rationale")),
               alt.Tooltip("source_id:N", title=label("chart.tooltip.source")),
               alt.Tooltip("confidence:N", title=label("chart.tooltip.confidence"))]
    base = alt.Chart(cells).encode(x=x, y=y, tooltip=tooltip)
    heat = base.mark_rect(stroke="#FFFFFF", strokeWidth=1).encode(
        color=alt.Color("score_1_to_5:Q", scale=alt.Scale(domain=[1, 5], range=[OKABE_ITO[6], OKABE_ITO[0]]),
                        title=label("architecture.legend.score")))
    numbers = base.mark_text(fontSize=13, fontWeight="bold", dx=-7).encode(
        text=alt.Text("score_1_to_5:Q", format=".0f"),
        color=alt.condition("datum.score_1_to_5 > 4.5", alt.value("#FFFFFF"), alt.value("#000000")))
    basis_domain = [_basis(b) for b in BASES]
    dots = base.mark_point(size=60, xOffset=9, color="#000000", strokeWidth=1.5, opacity=1).encode(
        shape=alt.Shape("basis_name:N", title=label("architecture.legend.basis"),
                        scale=alt.Scale(domain=basis_domain, range=["circle", "diamond"])),
        fill=alt.Fill("basis_name:N", title=label("architecture.legend.basis"),
                      scale=alt.Scale(domain=basis_domain, range=["#000000", "#FFFFFF"])))
    n_arch, n_crit = cells["architecture_name"].nunique(), max(len(criterion_order), 1)
    layered = (alt.layer(heat, numbers, dots)
               .properties(width=max(WIDTH_PX, n_crit * 80), height=max(n_arch, 1) * MATRIX_CELL_PX))
    return finish(layered, title=label("architecture.matrix.title"), subtitle=label("architecture.matrix.subtitle"),
                  description=label("architecture.matrix.description"))
