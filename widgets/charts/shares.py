"""China's share of world rare-earth output by stage (mining, separation, refining, magnet making): one bar per
source and year, stated or computed from tonnes by :func:`widgets.shares.model.country_shares`. Sources that
disagree are separate bars, never averaged; the bar's colour is the row's confidence, and the tooltip names the
source, its basis and, for a computed share, the two tonnages it divides. A static chart (no slider)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from widgets.charts.style import CONFIDENCE_COLOURS, WIDTH_PX, finish
from widgets.core.labels import label, localized
from widgets.shares.model import STAGES, country_shares

ROW_PX = 22
PROJECTION_OPACITY = 0.45


def share_bars(production: pd.DataFrame, country: str = "China") -> pd.DataFrame:
    """The chart's rows: :func:`country_shares` plus display columns (stage name, bar label, how, text)."""
    shares = country_shares(production, country)
    out = shares.copy()
    out["stage_label"] = out["stage"].map(lambda stage: label(f"shares.stage.{stage}"))
    out["how_label"] = out["how"].map(lambda how: label(f"shares.how.{how}"))

    def estimate(row: pd.Series) -> str:
        text = f"{row['year']} · {row['source_id']}"
        if row["how"] == "computed":
            text += f" ({label('shares.text.computed')})"
        if row["projection"]:
            text += f" ({label('shares.text.projection')})"
        return text

    out["estimate"] = out.apply(estimate, axis=1) if len(out) else pd.Series(dtype="string")
    out["share_text"] = out["share_pct"].map(lambda share: f"{share:.0f} %")
    # what a share measures, in the reader's language (the model keeps the English basis as its key)
    basis_text = {str(source["basis"]): localized(source, "basis") for _, source in production.iterrows()}
    out["basis_text"] = out["basis"].map(lambda basis: basis_text.get(str(basis), str(basis)))
    out["as_of"] = out["as_of"].map(lambda day: pd.Timestamp(day).date().isoformat())
    return out


def shares_chart(production: pd.DataFrame) -> alt.FacetChart:
    """China's shares: horizontal bars, one panel per stage (in ``STAGES`` order), 0–100 % axis."""
    bars = share_bars(production, "China")
    present = [label(f"shares.stage.{stage}") for stage in STAGES if stage in set(bars["stage"])]
    confidences = [tag for tag in CONFIDENCE_COLOURS if tag in set(bars["confidence"])]
    y = alt.Y("estimate:N", title=None, sort=alt.EncodingSortField("year", order="ascending"),
              axis=alt.Axis(labelLimit=320))
    x = alt.X("share_pct:Q", title=label("shares.axis.share"), scale=alt.Scale(domain=[0, 100]),
              axis=alt.Axis(values=[0, 25, 50, 75, 100]))
    tooltip = [alt.Tooltip("stage_label:N", title=label("shares.tooltip.stage")),
               alt.Tooltip("year:O", title=label("shares.tooltip.year")),
               alt.Tooltip("share_pct:Q", format=".1f", title=label("shares.tooltip.share")),
               alt.Tooltip("how_label:N", title=label("shares.tooltip.how")),
               alt.Tooltip("quantity_t:Q", format=",.0f", title=label("shares.tooltip.tonnes")),
               alt.Tooltip("world_t:Q", format=",.0f", title=label("shares.tooltip.world")),
               alt.Tooltip("basis_text:N", title=label("shares.tooltip.basis")),
               alt.Tooltip("source_id:N", title=label("chart.tooltip.source")),
               alt.Tooltip("as_of:N", title=label("shares.tooltip.as_of")),
               alt.Tooltip("confidence:N", title=label("chart.tooltip.confidence"))]
    bar = alt.Chart().mark_bar(height=14).encode(
        x=x, y=y, tooltip=tooltip,
        color=alt.Color("confidence:N", title=label("shares.legend.confidence"),
                        scale=alt.Scale(domain=confidences, range=[CONFIDENCE_COLOURS[c] for c in confidences])),
        opacity=alt.condition("datum.projection", alt.value(PROJECTION_OPACITY), alt.value(1.0)))
    text = alt.Chart().mark_text(align="left", dx=4, fontSize=12, color="#000000").encode(
        x=x, y=y, text="share_text:N", tooltip=tooltip)
    layered = alt.layer(bar, text, data=bars).properties(width=WIDTH_PX - 180, height=alt.Step(ROW_PX))
    faceted = (layered.facet(row=alt.Row("stage_label:N", sort=present, title=None,
                                         header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                                           labelOrient="top", labelFontSize=13,
                                                           labelFontWeight="bold")),
                             spacing=10)
               .resolve_scale(y="independent"))
    observed = bars[~bars["projection"].astype(bool)]
    mining = observed.loc[observed["stage"] == "mining", "share_pct"]
    later = observed.loc[observed["stage"] != "mining", "share_pct"]
    description = label("shares.description", mining_min=mining.min(), mining_max=mining.max(),
                        later_min=later.min(), later_max=later.max())
    return finish(faceted, title=label("shares.title"), subtitle=label("shares.subtitle"), description=description)
