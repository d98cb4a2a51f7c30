"""One property profile per magnet material from a table that holds one row per source.

Rule (nothing is averaged): for each property — the Br pair, the HcJ pair, the BHmax pair, the
maximum operating temperature and the density — take the whole value (both ends of a pair together)
from the most trusted row that gives it: primary > secondary > vendor > company-claim > weak, ties
to the first row in table order. Rows whose ``value_kind`` is ``theoretical`` describe limits, not
products, and are left out. The profile lists the source ids it drew on, and takes the material's name
from a product row (catalogue first, then company claim, then measurement).
"""
from __future__ import annotations

import pandas as pd

from widgets.core import checks, trust

#: Most trusted first: the schema's trust order (``widgets.core.trust``).
CONFIDENCE_RANK = {tag: rank for rank, tag in enumerate(trust.confidences())}
PROPERTY_GROUPS = (("br_t_min", "br_t_max"), ("hcj_ka_per_m_min", "hcj_ka_per_m_max"),
                   ("bhmax_kj_per_m3_min", "bhmax_kj_per_m3_max"), ("max_operating_temp_c",),
                   ("density_g_per_cm3",))
DESCRIPTIVE = ("magnet_id", "family", "grade", "name_en", "name_ja", "maturity", "developers")
EXCLUDED_KINDS = ("theoretical",)
NAME_KIND_ORDER = ("catalogue", "company-claim", "measured", "theoretical")


def material_profiles(magnets: pd.DataFrame) -> pd.DataFrame:
    """One row per ``magnet_id`` with each property picked as described in the module docstring,
    plus ``profile_source_ids`` (';'-joined, in property order) and ``profile_confidence`` (the
    least trusted confidence among the picked values). Materials keep first-appearance order."""
    checks.not_empty("magnets", magnets, "give at least one magnet material")
    usable = magnets[~magnets["value_kind"].isin(EXCLUDED_KINDS)] if "value_kind" in magnets else magnets
    rank = usable["confidence"].map(CONFIDENCE_RANK).fillna(len(CONFIDENCE_RANK))
    profiles = []
    for magnet_id in pd.unique(magnets["magnet_id"]):
        own = magnets[magnets["magnet_id"] == magnet_id]
        first = own.iloc[0]
        if "value_kind" in own:  # the name comes from a product row (catalogue, then company claim) if any
            kind_rank = own["value_kind"].map({kind: i for i, kind in enumerate(NAME_KIND_ORDER)})
            first = own.loc[kind_rank.fillna(len(NAME_KIND_ORDER)).sort_values(kind="stable").index[0]]
        profile = {column: first[column] for column in DESCRIPTIVE if column in magnets}
        rows = usable[usable["magnet_id"] == magnet_id].assign(_rank=rank)
        sources, worst = [], -1
        for group in PROPERTY_GROUPS:
            given = rows[rows[list(group)].notna().any(axis=1)].sort_values("_rank", kind="stable")
            for column in group:
                profile[column] = given.iloc[0][column] if len(given) else pd.NA
            if len(given):
                sources.append(str(given.iloc[0]["source_id"]))
                worst = max(worst, int(given.iloc[0]["_rank"]))
        profile["profile_source_ids"] = ";".join(dict.fromkeys(sources))
        profile["profile_confidence"] = next((name for name, value in CONFIDENCE_RANK.items() if value == worst), "")
        profiles.append(profile)
    frame = pd.DataFrame(profiles)
    for group in PROPERTY_GROUPS:
        for column in group:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    return frame
