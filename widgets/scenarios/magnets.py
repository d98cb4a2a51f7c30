"""Starting values for the magnet cost chart and explorer, from the data package.

Choices (not data) are named as such in their provenance:
- the baseline magnet is the N42SH grade and the required temperature is its rated maximum, a stand-in for a
  traction-motor duty (a scenario choice);
- the processing cost per kg of magnet starts at zero because no source in the data gives one: the cost chart
  then shows the rare-earth oxide content cost only, and the reader adds processing as an assumption;
- a price that the prices table does not hold (samarium oxide) starts at zero, with the gap named.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from widgets.charts.magnets import (PRICE_GROUPS, MagnetSliders, magnet_per_kg_table,
                                    one_content_row_per_element)
from widgets.data import DATA_DIR, load_table
from widgets.models.magnet_cost import magnet_options
from widgets.models.magnet_profiles import CONFIDENCE_RANK, EXCLUDED_KINDS, material_profiles
from widgets.models.stoichiometry import RARE_EARTH_ELEMENTS
from widgets.scenarios.common import Provenance, parameter

#: The magnet being replaced: a sintered NdFeB grade rated for traction-motor-like temperatures (a choice).
BASELINE_MAGNET_ID = "ndfeb-n42sh"
PRICE_SCENARIOS = ("base", "shock")


def magnets() -> pd.DataFrame:
    """The magnets table (one row per source; the charts and explorer pick one profile per material)."""
    return load_table("magnets")


def content() -> pd.DataFrame:
    """The rare-earth content table (one row per source)."""
    return load_table("magnet_rare_earth_content")


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
    """The materials the model cannot size or cost, with the model's reasons (material name, reason)."""
    result = options(sliders, baseline_magnet_id)
    missing = result[result["material_cost_usd_per_motor"].isna()]
    return pd.DataFrame({"magnet_id": missing["magnet_id"], "material": missing["name_en"],
                         "reason": missing["reason"]}).reset_index(drop=True)
