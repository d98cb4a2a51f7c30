"""Starting values for the magnet cost chart and explorer, from the data package.

Choices (not data) are named as such in their provenance:
- the baseline magnet is the N42SH grade and the required temperature is its rated maximum, a stand-in for a
  traction-motor duty (a scenario choice);
- the processing cost per kg of magnet starts at zero because no source in the data gives one: the cost chart
  then shows the rare-earth oxide content cost only, and the reader adds processing as an assumption;
- a price that the prices table does not hold (samarium oxide) starts at zero, with the gap named.

One composition of the traction magnet serves the whole kit (:func:`traction_magnet_composition`): the cost
model of chapter 03 reads it through :func:`content` / :func:`content_per_element`, the fleet model of chapter 06
through ``widgets.fleet.start``, so the Dy kg per motor agree everywhere.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from widgets.magnets.cost import (PRICE_GROUPS, MagnetSliders, magnet_per_kg_table,
                                    one_content_row_per_element)
from widgets.core.data import DATA_DIR, load_table
from widgets.core.labels import label
from widgets.magnets.cost import magnet_options
from widgets.magnets.profiles import CONFIDENCE_RANK, EXCLUDED_KINDS, material_profiles
from widgets.core.stoichiometry import RARE_EARTH_ELEMENTS
from widgets.core.sourced import Provenance, parameter

#: The magnet being replaced: a sintered NdFeB grade rated for traction-motor-like temperatures (a choice).
BASELINE_MAGNET_ID = "ndfeb-n42sh"
#: The traction magnet whose composition the whole kit uses (chapters 02, 03 and 06).
TRACTION_MAGNET_ID = BASELINE_MAGNET_ID
#: Which point of the traction grade's Dy range the composition uses (see :func:`traction_magnet_composition`).
DY_POINT = "low"
POINTS = ("low", "mid", "high")
PRICE_SCENARIOS = ("base", "shock")


@dataclass(frozen=True)
class MagnetComposition:
    """The rare-earth content of one magnet grade, in % of the magnet's mass, each share with its provenance."""

    magnet_id: str
    nd_pr_wt_pct: Provenance
    dy_wt_pct: Provenance
    tb_wt_pct: Provenance

    @property
    def rare_earth_wt_pct(self) -> float:
        """All rare earths together, % of the magnet's mass."""
        return self.nd_pr_wt_pct.value + self.dy_wt_pct.value + self.tb_wt_pct.value


def _content_row(magnet_id: str, element: str) -> pd.Series:
    table = load_table("magnet_rare_earth_content")
    rows = table[(table["magnet_id"] == magnet_id) & (table["element"] == element)]
    if len(rows) != 1 or rows[["wt_pct_min", "wt_pct_max"]].isna().any(axis=None):
        raise ValueError(label("error.not_allowed", name=f"magnet_rare_earth_content ({magnet_id}, {element})",
                               value=f"{len(rows)} rows", allowed="exactly one row with wt_pct_min and wt_pct_max"))
    return rows.iloc[0]


def traction_magnet_composition(dy_point: str = DY_POINT) -> MagnetComposition:
    """The one composition of the N42SH-class traction magnet that the kit uses everywhere.

    SUBSTITUTION, NOT ADDITION. Dy (and Tb) sit on the Nd sites of the Nd2Fe14B crystal, so a grade with more Dy
    has less Nd, not more rare earth: the rare-earth total of sintered NdFeB stays at about 31–32 wt %, "mainly
    Nd + Pr" plus heavy rare earths that vary with the application (Yang et al. 2017, peer-reviewed). The content
    table holds the traction grade's rows in that form: Dy 3–10 wt % (Nikkei xTech 2012, the only traction-specific
    range in the data) and Nd+Pr = 31.5 (the middle of 31–32) − Dy, i.e. 28.5 … 21.5 wt %. The two rows must
    describe one total (Nd max + Dy min = Nd min + Dy max); if an edit breaks that, this raises a ValueError.

    THE POINT. Dy is taken at the ``dy_point`` of its range, by default the LOW end (3 wt %): the range dates from
    2012, and grain-boundary diffusion has cut Dy use since (chapter 03), so the low end is the nearer guess
    for a current magnet and avoids overstating what heavy-rare-earth-free magnets save. Nd+Pr is the rest of the
    total (28.5 wt % at the low end). No source in the data gives a current traction grade's full composition.

    Tb: no source in the data splits the heavy rare earths of a traction grade into Dy and Tb, so the Dy share
    stands for both and Tb is 0 (an assumption, named in its provenance).
    """
    if dy_point not in POINTS:
        raise ValueError(label("error.not_allowed", name="dy_point", value=dy_point, allowed=", ".join(POINTS)))
    nd, dy = _content_row(TRACTION_MAGNET_ID, "Nd"), _content_row(TRACTION_MAGNET_ID, "Dy")
    total = float(nd["wt_pct_max"]) + float(dy["wt_pct_min"])
    other_end = float(nd["wt_pct_min"]) + float(dy["wt_pct_max"])
    if not math.isclose(total, other_end, abs_tol=1e-9):
        raise ValueError(label("error.not_allowed", name=f"magnet_rare_earth_content ({TRACTION_MAGNET_ID}) Nd and Dy",
                               value=f"total {total:g} wt % at the least Dy, {other_end:g} wt % at the most",
                               allowed="one rare-earth total (Dy replaces Nd): Nd max + Dy min = Nd min + Dy max"))
    low, high = float(dy["wt_pct_min"]), float(dy["wt_pct_max"])
    dy_value = {"low": low, "mid": (low + high) / 2, "high": high}[dy_point]
    point_name = {"low": "low end", "mid": "middle", "high": "high end"}[dy_point]
    weaker = max((str(nd["confidence"]), str(dy["confidence"])), key=lambda c: CONFIDENCE_RANK.get(c, 99))
    return MagnetComposition(
        magnet_id=TRACTION_MAGNET_ID,
        nd_pr_wt_pct=Provenance(total - dy_value, str(nd["source_id"]), weaker,
                                f"[calc] rare-earth total {total:g} wt % minus Dy {dy_value:g} wt % (Dy replaces Nd)"),
        dy_wt_pct=Provenance(dy_value, str(dy["source_id"]), str(dy["confidence"]),
                             f"{point_name} of the {low:g}–{high:g} wt % Dy range for traction-motor sintered NdFeB"),
        tb_wt_pct=Provenance(0.0, "", "assumption",
                             "no source in the data splits Dy and Tb in a traction grade: the Dy share stands for both"))


def magnets() -> pd.DataFrame:
    """The magnets table (one row per source; the charts and explorer pick one profile per material)."""
    return load_table("magnets")


def raw_content() -> pd.DataFrame:
    """The rare-earth content table as the data package holds it (one row per source)."""
    return load_table("magnet_rare_earth_content")


def content(composition: MagnetComposition | None = None) -> pd.DataFrame:
    """The rare-earth content table with the traction magnet's rows replaced by its one composition
    (:func:`traction_magnet_composition`, default point): Nd (with Pr) and Dy as single values, so the cost model,
    whose rule is the midpoint of each row, uses exactly the composition's shares. Tb is added only if non-zero."""
    composition = composition or traction_magnet_composition()
    table = raw_content()
    mine = table["magnet_id"] == composition.magnet_id
    rows = []
    for element, share in (("Nd", composition.nd_pr_wt_pct), ("Dy", composition.dy_wt_pct),
                           ("Tb", composition.tb_wt_pct)):
        if element == "Tb" and share.value == 0:
            continue
        rows.append({"magnet_id": composition.magnet_id, "element": element, "wt_pct_min": share.value,
                     "wt_pct_max": share.value, "content_kind": "typical", "source_id": share.source_id,
                     "confidence": share.confidence, "note": share.how})
    first = int(mine.idxmax()) if mine.any() else len(table)
    parts = [table.iloc[:first][~mine.iloc[:first]], pd.DataFrame(rows), table.iloc[first:][~mine.iloc[first:]]]
    return pd.concat(parts, ignore_index=True)


def profiles() -> pd.DataFrame:
    """One property profile per material (:func:`material_profiles`: each property from the most trusted row).
    Computed once per version of the data files (the profile rule is slow enough to matter in a chapter)."""
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(DATA_DIR.glob("*")) if p.is_file())
    return _profiles(stamp).copy()


@lru_cache(maxsize=4)
def _profiles(_stamp: tuple) -> pd.DataFrame:
    return material_profiles(magnets())


def map_table() -> pd.DataFrame:
    """The profiles with the columns :func:`magnet_property_map` reads for its tooltip: ``source_id`` (the
    profile's ';'-joined sources) and ``confidence`` (the least trusted confidence among the picked values).
    (The map reads ``source_id``/``confidence``, which ``material_profiles`` names ``profile_*``.)"""
    table = profiles()
    return table.assign(source_id=table["profile_source_ids"], confidence=table["profile_confidence"])


def content_per_element() -> pd.DataFrame:
    """One content row per (material, element) (:func:`one_content_row_per_element`)."""
    return one_content_row_per_element(content())


def per_kg_table(baseline_magnet_id: str = BASELINE_MAGNET_ID) -> pd.DataFrame:
    """The cost chart's per-material table for the baseline magnet."""
    return magnet_per_kg_table(profiles(), content_per_element(), baseline_magnet_id)


def latest_oxide_price(element: str) -> Provenance | None:
    """The latest annual-average price of ``element``'s oxide in ``prices`` (commodity ``<el>_oxide``),
    or None if the table holds none."""
    prices = load_table("prices")
    rows = prices[(prices["commodity"] == f"{element.lower()}_oxide") & (prices["basis"] == "annual_average")]
    if rows.empty:
        return None
    latest = rows.sort_values("date", kind="stable").iloc[-1]
    year = pd.Timestamp(latest["date"]).year
    return Provenance(float(latest["value_low"]), str(latest["source_id"]), str(latest["confidence"]),
                      f"{element} oxide annual average {year}, {latest['market']}")


def _price_or_gap(element: str) -> Provenance:
    found = latest_oxide_price(element)
    if found is not None:
        return found
    return Provenance(0.0, "", "gap", f"no {element} oxide price in the prices table: starts at zero (gap)")


def other_rare_earths() -> list[str]:
    """Rare earths in the content table that no named price slider covers (they take the "other" price)."""
    named = {el for members in PRICE_GROUPS.values() for el in members}
    present = set(content()["element"])
    return [el for el in RARE_EARTH_ELEMENTS if el in present and el not in named]


def _other_price() -> Provenance:
    """The "other rare earths" price: the latest oxide price of the one other rare earth in the content table,
    if exactly one is there and the prices table holds its price; else zero with the gap named."""
    others = other_rare_earths()
    if len(others) == 1:
        return _price_or_gap(others[0])
    return Provenance(0.0, "", "gap", f"other rare earths {others}: no single price to use, starts at zero (gap)")


def magnet_sliders(prices: str = "base") -> tuple[MagnetSliders, dict[str, Provenance]]:
    """Slider starting values with provenance; ``prices`` picks the ``base`` or ``shock`` oxide prices of
    ``model_parameters`` (NdPr, Dy, Tb)."""
    if prices not in PRICE_SCENARIOS:
        raise ValueError(f"prices must be one of {PRICE_SCENARIOS}, got {prices!r}")
    rated = trusted_row(BASELINE_MAGNET_ID, "max_operating_temp_c")
    provenance = {
        "required_temp_c": Provenance(float(rated["max_operating_temp_c"]), str(rated["source_id"]),
                                      str(rated["confidence"]),
                                      f"scenario choice: the rated maximum of the {rated['grade']} grade, "
                                      "standing for a traction-motor-like duty"),
        "baseline_mass_kg": parameter("ndfeb_magnet_mass_per_motor_kg_mp", "reference"),
        "ndpr_oxide_price_usd_per_kg": parameter("ndpr_oxide_price_usd_per_kg", prices),
        "dy_oxide_price_usd_per_kg": parameter("dy_oxide_price_usd_per_kg", prices),
        "tb_oxide_price_usd_per_kg": parameter("tb_oxide_price_usd_per_kg", prices),
        "sm_oxide_price_usd_per_kg": _price_or_gap("Sm"),
        "processing_cost_usd_per_kg_magnet": Provenance(
            0.0, "", "assumption", "no source gives a processing cost per kg of magnet: the reader's assumption, "
            "starts at zero, so the chart shows the rare-earth oxide content cost only"),
        "other_re_oxide_price_usd_per_kg": _other_price(),
    }
    return MagnetSliders(**{name: p.value for name, p in provenance.items()}), provenance


def trusted_row(magnet_id: str, column: str) -> pd.Series:
    """The row of ``magnets`` whose ``column`` the material's profile uses: the most trusted non-theoretical
    row that gives it, ties to the first in table order (the rule of :func:`material_profiles`)."""
    rows = magnets()
    given = rows[(rows["magnet_id"] == magnet_id) & rows[column].notna()
                 & ~rows["value_kind"].isin(EXCLUDED_KINDS)]
    if given.empty:
        raise LookupError(f"magnets: no row gives {column} for {magnet_id!r}")
    rank = given["confidence"].map(CONFIDENCE_RANK).fillna(len(CONFIDENCE_RANK))
    return given.loc[rank.sort_values(kind="stable").index[0]]


def options(sliders: MagnetSliders, baseline_magnet_id: str = BASELINE_MAGNET_ID) -> pd.DataFrame:
    """:func:`magnet_options` on the material profiles at the sliders' values."""
    return magnet_options(profiles(), content_per_element(), sliders.required_temp_c, baseline_magnet_id,
                          sliders.baseline_mass_kg, sliders.element_prices(),
                          sliders.processing_cost_usd_per_kg_magnet)


def data_gaps(sliders: MagnetSliders, baseline_magnet_id: str = BASELINE_MAGNET_ID) -> pd.DataFrame:
    """The materials the model cannot size or cost, with the model's result row (its reason codes among them)."""
    result = options(sliders, baseline_magnet_id)
    return result[result["material_cost_usd_per_motor"].isna()].reset_index(drop=True)
