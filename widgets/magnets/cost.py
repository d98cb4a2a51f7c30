"""Magnet cost per motor: how much of each magnet material would replace a baseline magnet, how many kg of
each rare earth that carries, and what the oxide content plus processing costs."""
from __future__ import annotations

import math
from dataclasses import dataclass
from collections.abc import Mapping

import pandas as pd

from widgets.core import checks
from widgets.core.stoichiometry import RARE_EARTH_ELEMENTS, check_symbol, oxide_kg_for_element_kg

#: Heavy rare earths, for the heavy_re_kg column.
HEAVY_RARE_EARTHS: tuple[str, ...] = ("Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Y")
#: Non-rare-earth constituents a content table may list; they are not costed as oxide (processing covers them).
OTHER_CONSTITUENTS: tuple[str, ...] = ("Fe", "Co", "B", "Cu", "Al", "Ga", "Nb", "Zr", "Ti", "Ni", "Sr", "Ba",
                                       "Mn", "Bi", "N", "C", "Si", "O", "Hf", "Ta", "V", "Cr", "Zn", "Mg")
MAGNET_COLUMNS = ("magnet_id", "name_en", "family", "bhmax_kj_per_m3_min", "bhmax_kj_per_m3_max",
                  "max_operating_temp_c", "density_g_per_cm3")
CONTENT_COLUMNS = ("magnet_id", "element", "wt_pct_min", "wt_pct_max")


def _frame(name: str, value: object, columns: tuple[str, ...]) -> pd.DataFrame:
    if not isinstance(value, pd.DataFrame):
        checks.reject(name, type(value).__name__, f"a table with columns {', '.join(columns)}")
    for column in columns:
        checks.choice(f"{name} column", column, list(value.columns))
    return value


def _identifier(name: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        checks.reject(name, value, "a non-empty identifier")
    return value


def _midpoint(name: str, low: object, high: object, maximum: float | None, positive: bool) -> float:
    """Midpoint of a non-negative range (``checks.midpoint``)."""
    return checks.midpoint(name, low, high, minimum=0.0, maximum=maximum, min_exclusive=positive)


def _optional(name: str, value: object, **limits: object) -> float:
    if checks.is_missing(value):
        return math.nan
    return checks.number(name, value, **limits)


def _content_by_magnet(content: pd.DataFrame) -> dict[str, dict[str, float]]:
    """{magnet_id: {element: wt % midpoint (NaN if unknown)}}; non-rare-earth constituents are skipped."""
    table: dict[str, dict[str, float]] = {}
    for row in content.itertuples(index=False):
        where = f"content (magnet_id={row.magnet_id!r}, element={row.element!r})"
        _identifier("content magnet_id", row.magnet_id)
        checks.choice(f"{where} element", row.element, RARE_EARTH_ELEMENTS + OTHER_CONSTITUENTS)
        if row.element not in RARE_EARTH_ELEMENTS:
            continue
        per_magnet = table.setdefault(row.magnet_id, {})
        if row.element in per_magnet:
            checks.duplicate(f"magnet_rare_earth_content (magnet_id={row.magnet_id!r}) element", row.element)
        per_magnet[row.element] = _midpoint(f"{where} wt_pct", row.wt_pct_min, row.wt_pct_max, 100.0, False)
    return table


def magnet_options(magnets: pd.DataFrame, content: pd.DataFrame, required_temp_c: float,
                   baseline_magnet_id: str, baseline_mass_kg: float,
                   element_prices_usd_per_kg_oxide: Mapping[str, float],
                   processing_cost_usd_per_kg_magnet: float) -> pd.DataFrame:
    """One row per magnet: can it stand the temperature, how much would replace the baseline, what it costs.

    bhmax_kj_per_m3 = midpoint of (min, max), or the one given
    mass_needed_kg  = baseline_mass · (BH_base / BH_mat) · (ρ_mat / ρ_base)
    re_kg_<El>      = mass_needed · wt %_midpoint / 100;  heavy_re_kg sums HEAVY_RARE_EARTHS
    oxide_cost_usd_per_motor      = Σ_El oxide_kg_for_element_kg(El, re_kg_El) · price_El (oxide basis)
    processing_cost_usd_per_motor = mass_needed · processing_cost
    material_cost_usd_per_motor   = oxide cost + processing cost

    The sizing is a FIRST-ORDER TEACHING APPROXIMATION (equal stored energy: magnet volume ∝ 1/BHmax, mass =
    volume × density). It ignores the magnet's working point, temperature derating of remanence and
    coercivity, and the motor redesign a weaker magnet needs. A material without BHmax or density cannot be
    sized (sizable False; cost columns NaN); unknown max temperature → meets_temperature False.
    reason_codes (';'-joined, empty when nothing is wrong): temp_unknown, too_cold, missing_bhmax,
    missing_density, content_unknown (the elements in content_unknown_elements); ``widgets.charts.words``
    phrases them. Non-rare-earth constituents (Fe, Co, B, …) are not costed as oxide; processing covers them.
    Content rows of magnets not in ``magnets`` are ignored.
    """
    _frame("magnets", magnets, MAGNET_COLUMNS)
    checks.not_empty("magnets", magnets, "give at least one magnet material")
    _frame("content", content, CONTENT_COLUMNS)
    required = checks.number("required_temp_c", required_temp_c, minimum=-50.0, maximum=400.0, unit="°C")
    ids = [_identifier("magnets magnet_id", magnet_id) for magnet_id in magnets["magnet_id"]]
    for magnet_id in ids:
        if ids.count(magnet_id) > 1:
            checks.unique("magnets.magnet_id", ids)
    checks.choice("baseline_magnet_id", baseline_magnet_id, ids)
    base_mass = checks.positive("baseline_mass_kg", baseline_mass_kg, unit="kg")
    processing = checks.non_negative("processing_cost_usd_per_kg_magnet", processing_cost_usd_per_kg_magnet,
                                     unit="USD/kg")
    if not isinstance(element_prices_usd_per_kg_oxide, Mapping):
        checks.reject("element_prices_usd_per_kg_oxide", element_prices_usd_per_kg_oxide,
                      "a mapping element → USD/kg oxide")
    prices = {}
    for element, price in element_prices_usd_per_kg_oxide.items():
        check_symbol("element_prices_usd_per_kg_oxide key", element)
        prices[element] = checks.non_negative(f"element_prices_usd_per_kg_oxide[{element!r}]", price,
                                              unit="USD/kg")

    wt_pct = _content_by_magnet(content)
    rows = [_describe(m, required, wt_pct.get(m.magnet_id, {})) for m in magnets.itertuples(index=False)]
    base = next(r for r in rows if r["magnet_id"] == baseline_magnet_id)
    if not base["sizable"]:
        checks.reject("baseline_magnet_id", baseline_magnet_id,
                      "a magnet with a BHmax and a density (the others are sized against it)")
    elements = [el for el in RARE_EARTH_ELEMENTS if any(el in wt_pct.get(r["magnet_id"], {}) for r in rows)]
    for r in rows:
        _cost(r, base, base_mass, wt_pct.get(r["magnet_id"], {}), elements, prices, processing)
    order = (["magnet_id", "name_en", "family", "max_operating_temp_c", "meets_temperature", "bhmax_kj_per_m3",
              "density_g_per_cm3", "mass_needed_kg"] + [f"re_kg_{el}" for el in elements]
             + ["heavy_re_kg", "total_re_kg", "oxide_cost_usd_per_motor", "processing_cost_usd_per_motor",
                "material_cost_usd_per_motor", "sizable", "required_temp_c", "reason_codes", "content_unknown_elements"])
    return pd.DataFrame(rows, columns=order)


def _describe(m: object, required_c: float, wt_pct: dict[str, float]) -> dict[str, object]:
    """Validated properties of one magnet row, whether it meets the temperature and whether it can be sized."""
    where = f"magnets (magnet_id={m.magnet_id!r})"
    bhmax = _midpoint(f"{where} bhmax_kj_per_m3", m.bhmax_kj_per_m3_min, m.bhmax_kj_per_m3_max, None, True)
    density = _optional(f"{where} density_g_per_cm3", m.density_g_per_cm3, minimum=0.0, min_exclusive=True)
    max_temp = _optional(f"{where} max_operating_temp_c", m.max_operating_temp_c, minimum=-273.15)
    codes = []
    if math.isnan(max_temp):
        codes.append("temp_unknown")
    elif max_temp < required_c:
        codes.append("too_cold")
    missing = [what for what, v in (("bhmax", bhmax), ("density", density)) if math.isnan(v)]
    codes += [f"missing_{what}" for what in missing]
    unknown_wt = [el for el, pct in wt_pct.items() if math.isnan(pct)]
    if unknown_wt:
        codes.append("content_unknown")
    return {"magnet_id": m.magnet_id, "name_en": m.name_en, "family": m.family, "max_operating_temp_c": max_temp,
            "required_temp_c": required_c, "meets_temperature": bool(not math.isnan(max_temp) and max_temp >= required_c),
            "bhmax_kj_per_m3": bhmax, "density_g_per_cm3": density, "sizable": not missing,
            "costable": not missing and not unknown_wt, "reason_codes": ";".join(codes),
            "content_unknown_elements": ";".join(unknown_wt)}


def _cost(r: dict[str, object], base: dict[str, object], base_mass_kg: float, wt_pct: dict[str, float],
          elements: list[str], prices: dict[str, float], processing_usd_per_kg: float) -> None:
    """Fill mass, rare-earth kg and cost columns of row ``r`` in place (NaN where it cannot be sized/costed)."""
    mass = math.nan
    if r["sizable"]:
        mass = (base_mass_kg * base["bhmax_kj_per_m3"] / r["bhmax_kj_per_m3"]
                * r["density_g_per_cm3"] / base["density_g_per_cm3"])
    r["mass_needed_kg"] = mass
    costable = r.pop("costable")
    oxide_cost = 0.0
    for el in elements:
        kg = mass * wt_pct.get(el, 0.0) / 100 if costable else math.nan
        r[f"re_kg_{el}"] = kg
        if costable and el in wt_pct:
            if el not in prices:
                checks.missing(f"element_prices_usd_per_kg_oxide[{el!r}]",
                               f"give an oxide price for {el}, contained in {r['magnet_id']!r}")
            oxide_cost += oxide_kg_for_element_kg(el, kg) * prices[el]
    nan_unless = (lambda v: v) if costable else (lambda v: math.nan)
    r["heavy_re_kg"] = nan_unless(sum(r[f"re_kg_{el}"] for el in elements if el in HEAVY_RARE_EARTHS))
    r["total_re_kg"] = nan_unless(sum(r[f"re_kg_{el}"] for el in elements))
    r["oxide_cost_usd_per_motor"] = nan_unless(oxide_cost)
    r["processing_cost_usd_per_motor"] = mass * processing_usd_per_kg
    r["material_cost_usd_per_motor"] = nan_unless(oxide_cost + mass * processing_usd_per_kg)


#: Price groups of the sliders: Nd and Pr share the NdPr oxide price; every other rare earth not named here
#: takes the "other rare earths" price.
PRICE_GROUPS = {"ndpr": ("Nd", "Pr"), "dy": ("Dy",), "tb": ("Tb",), "sm": ("Sm",)}


OTHER_GROUP = "other"


@dataclass(frozen=True)
class MagnetSliders:
    """Initial slider positions (taken from data by the caller)."""

    required_temp_c: float
    baseline_mass_kg: float
    ndpr_oxide_price_usd_per_kg: float
    dy_oxide_price_usd_per_kg: float
    tb_oxide_price_usd_per_kg: float
    sm_oxide_price_usd_per_kg: float
    processing_cost_usd_per_kg_magnet: float
    other_re_oxide_price_usd_per_kg: float = 0.0

    def element_prices(self) -> dict[str, float]:
        """Oxide price per element for ``magnet_options``: Nd and Pr take the NdPr price, Dy, Tb and Sm their
        own, every other rare earth the "other" price."""
        own = {"Nd": self.ndpr_oxide_price_usd_per_kg, "Pr": self.ndpr_oxide_price_usd_per_kg,
               "Dy": self.dy_oxide_price_usd_per_kg, "Tb": self.tb_oxide_price_usd_per_kg,
               "Sm": self.sm_oxide_price_usd_per_kg}
        return {el: own.get(el, self.other_re_oxide_price_usd_per_kg) for el in RARE_EARTH_ELEMENTS}


def one_content_row_per_element(content: pd.DataFrame) -> pd.DataFrame:
    """One row per (magnet_id, element): the content table may hold one row per source; this keeps, per pair,
    the row with the most non-empty of wt_pct_min / wt_pct_max; on a tie the first such row in table order.
    Pairs keep the order of their first appearance. Nothing is averaged."""
    filled = content[["wt_pct_min", "wt_pct_max"]].notna().sum(axis=1)
    keep = [filled[group.index].idxmax() for _key, group in content.groupby(["magnet_id", "element"], sort=False)]
    return content.loc[keep].reset_index(drop=True)


def magnet_per_kg_table(magnets: pd.DataFrame, content: pd.DataFrame, baseline_magnet_id: str) -> pd.DataFrame:
    """Per material, the slider-independent quantities the cost chart multiplies, from ONE run of
    ``magnet_options`` (baseline mass 1 kg, every oxide price 1 US$/kg, no processing cost):

    mass_per_baseline_kg        = mass_needed_kg / baseline mass  (BH_base / BH_mat · ρ_mat / ρ_base)
    oxide_<group>_kg_per_kg     = Σ_El in group oxide_kg_for_element_kg(El, re_kg_El) / mass_needed_kg
    heavy_re_kg_per_kg, dy_kg_per_kg, tb_kg_per_kg = the element (not oxide) kg per kg of the material
    sizable / costable          = as in the model; note_code says why a material cannot be sized or costed
                                  (cannot_be_sized, cannot_be_costed), or that no content row is given
                                  (no_content: the model then counts no rare earths); name_en / name_ja.

    Groups: ndpr (Nd, Pr), dy, tb, sm, other (every other rare earth). The oxide kg, priced at 1 US$/kg,
    sum to the model's oxide cost (a test checks it)."""
    unit_prices = dict.fromkeys(RARE_EARTH_ELEMENTS, 1.0)
    options = magnet_options(magnets, content, -50.0, baseline_magnet_id, 1.0, unit_prices, 0.0)
    names = {m.magnet_id: (m.name_en, getattr(m, "name_ja", None)) for m in magnets.itertuples(index=False)}
    with_content = set(content["magnet_id"])
    elements = [c.removeprefix("re_kg_") for c in options.columns if c.startswith("re_kg_")]
    group_of = {el: next((g for g, members in PRICE_GROUPS.items() if el in members), OTHER_GROUP)
                for el in elements}
    rows = []
    for r in options.itertuples(index=False):
        row = r._asdict()
        sizable = bool(r.sizable)
        costable = sizable and not math.isnan(r.material_cost_usd_per_motor)
        mass = r.mass_needed_kg
        out = {"magnet_id": r.magnet_id, "name_en": names[r.magnet_id][0], "name_ja": names[r.magnet_id][1],
               "family": r.family,
               "max_operating_temp_c": r.max_operating_temp_c, "sizable": sizable, "costable": costable,
               "mass_per_baseline_kg": mass if sizable else math.nan}
        for group in (*PRICE_GROUPS, OTHER_GROUP):
            oxide = sum(oxide_kg_for_element_kg(el, row[f"re_kg_{el}"]) for el in elements
                        if group_of[el] == group) if costable else math.nan
            out[f"oxide_{group}_kg_per_kg"] = oxide / mass if costable else math.nan
        for name, members in (("heavy_re", HEAVY_RARE_EARTHS), ("dy", ("Dy",)), ("tb", ("Tb",))):
            kg = sum(row[f"re_kg_{el}"] for el in elements if el in members) if costable else math.nan
            out[f"{name}_kg_per_kg"] = kg / mass if costable else math.nan
        out["note_code"] = ("cannot_be_sized" if not sizable else "cannot_be_costed" if not costable else
                            "" if r.magnet_id in with_content else "no_content")
        rows.append(out)
    return pd.DataFrame(rows)
