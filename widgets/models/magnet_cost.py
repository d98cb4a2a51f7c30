"""Magnet cost per motor: how much of each magnet material would replace a baseline magnet, how many kg of
each rare earth that carries, and what the oxide content plus processing costs."""
from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from widgets.labels import label
from widgets.models import checks
from widgets.models.stoichiometry import RARE_EARTH_ELEMENTS, check_symbol, oxide_kg_for_element_kg

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
        raise ValueError(label("error.not_allowed", name=name, value=type(value).__name__,
                               allowed=f"a table with columns {', '.join(columns)}"))
    for column in columns:
        checks.choice(f"{name} column", column, list(value.columns))
    return value


def _identifier(name: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(label("error.not_allowed", name=name, value=value, allowed="a non-empty identifier"))
    return value


def _midpoint(name: str, low: object, high: object, maximum: float | None, positive: bool) -> float:
    """Midpoint of [low, high], the one given if the other is missing, NaN if both are missing."""
    given = []
    for suffix, value in (("min", low), ("max", high)):
        if checks.is_missing(value):
            continue
        given.append(checks.number(f"{name}_{suffix}", value, minimum=0.0, maximum=maximum,
                                   min_exclusive=positive))
    if len(given) == 2:
        checks.number(f"{name}_max", given[1], minimum=given[0])
    return sum(given) / len(given) if given else math.nan


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
            checks.not_empty(f"{where}", [], "each element may appear once per magnet")
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
    sized (sizable False, reason says why; cost columns NaN); unknown max temperature → meets_temperature
    False. Non-rare-earth constituents (Fe, Co, B, …) are not costed as oxide; processing covers them.
    Content rows of magnets not in ``magnets`` are ignored.
    """
    _frame("magnets", magnets, MAGNET_COLUMNS)
    checks.not_empty("magnets", magnets, "give at least one magnet material")
    _frame("content", content, CONTENT_COLUMNS)
    required = checks.number("required_temp_c", required_temp_c, minimum=-50.0, maximum=400.0, unit="°C")
    ids = [_identifier("magnets magnet_id", magnet_id) for magnet_id in magnets["magnet_id"]]
    for magnet_id in ids:
        if ids.count(magnet_id) > 1:
            checks.not_empty(f"magnets (magnet_id={magnet_id!r})", [], "each magnet_id may appear once")
    checks.choice("baseline_magnet_id", baseline_magnet_id, ids)
    base_mass = checks.positive("baseline_mass_kg", baseline_mass_kg, unit="kg")
    processing = checks.non_negative("processing_cost_usd_per_kg_magnet", processing_cost_usd_per_kg_magnet,
                                     unit="USD/kg")
    if not isinstance(element_prices_usd_per_kg_oxide, Mapping):
        raise ValueError(label("error.not_allowed", name="element_prices_usd_per_kg_oxide",
                               value=element_prices_usd_per_kg_oxide, allowed="a mapping element → USD/kg oxide"))
    prices = {}
    for element, price in element_prices_usd_per_kg_oxide.items():
        check_symbol("element_prices_usd_per_kg_oxide key", element)
        prices[element] = checks.non_negative(f"element_prices_usd_per_kg_oxide[{element!r}]", price,
                                              unit="USD/kg")

    wt_pct = _content_by_magnet(content)
    rows = [_describe(m, required, wt_pct.get(m.magnet_id, {})) for m in magnets.itertuples(index=False)]
    base = next(r for r in rows if r["magnet_id"] == baseline_magnet_id)
    if not base["sizable"]:
        checks.not_empty("baseline_magnet_id", [],
                         f"the baseline {baseline_magnet_id!r} needs a BHmax and a density to size the others")
    elements = [el for el in RARE_EARTH_ELEMENTS if any(el in wt_pct.get(r["magnet_id"], {}) for r in rows)]
    for r in rows:
        _cost(r, base, base_mass, wt_pct.get(r["magnet_id"], {}), elements, prices, processing)
    order = (["magnet_id", "name_en", "family", "max_operating_temp_c", "meets_temperature", "bhmax_kj_per_m3",
              "density_g_per_cm3", "mass_needed_kg"] + [f"re_kg_{el}" for el in elements]
             + ["heavy_re_kg", "total_re_kg", "oxide_cost_usd_per_motor", "processing_cost_usd_per_motor",
                "material_cost_usd_per_motor", "sizable", "reason"])
    return pd.DataFrame(rows, columns=order)


def _describe(m: object, required_c: float, wt_pct: dict[str, float]) -> dict[str, object]:
    """Validated properties of one magnet row, whether it meets the temperature and whether it can be sized."""
    where = f"magnets (magnet_id={m.magnet_id!r})"
    bhmax = _midpoint(f"{where} bhmax_kj_per_m3", m.bhmax_kj_per_m3_min, m.bhmax_kj_per_m3_max, None, True)
    density = _optional(f"{where} density_g_per_cm3", m.density_g_per_cm3, minimum=0.0, min_exclusive=True)
    max_temp = _optional(f"{where} max_operating_temp_c", m.max_operating_temp_c, minimum=-273.15)
    reasons = []
    if math.isnan(max_temp):
        reasons.append(label("reason.magnet.temp_unknown"))
    elif max_temp < required_c:
        reasons.append(label("reason.magnet.too_cold", rated=f"{max_temp:g}", required=f"{required_c:g}"))
    missing = [what for what, v in (("BHmax", bhmax), (label("reason.magnet.density"), density)) if math.isnan(v)]
    if missing:
        reasons.append(label("reason.magnet.not_sized", missing=label("reason.and").join(missing)))
    unknown_wt = [el for el, pct in wt_pct.items() if math.isnan(pct)]
    if unknown_wt:
        reasons.append(label("reason.magnet.not_costed", elements=", ".join(unknown_wt)))
    return {"magnet_id": m.magnet_id, "name_en": m.name_en, "family": m.family, "max_operating_temp_c": max_temp,
            "meets_temperature": bool(not math.isnan(max_temp) and max_temp >= required_c),
            "bhmax_kj_per_m3": bhmax, "density_g_per_cm3": density, "sizable": not missing,
            "costable": not missing and not unknown_wt, "reason": "; ".join(reasons) or label("reason.ok")}


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
                checks.not_empty(f"element_prices_usd_per_kg_oxide[{el!r}]", [],
                                 f"give an oxide price for {el}, contained in {r['magnet_id']!r}")
            oxide_cost += oxide_kg_for_element_kg(el, kg) * prices[el]
    nan_unless = (lambda v: v) if costable else (lambda v: math.nan)
    r["heavy_re_kg"] = nan_unless(sum(r[f"re_kg_{el}"] for el in elements if el in HEAVY_RARE_EARTHS))
    r["total_re_kg"] = nan_unless(sum(r[f"re_kg_{el}"] for el in elements))
    r["oxide_cost_usd_per_motor"] = nan_unless(oxide_cost)
    r["processing_cost_usd_per_motor"] = mass * processing_usd_per_kg
    r["material_cost_usd_per_motor"] = nan_unless(oxide_cost + mass * processing_usd_per_kg)
