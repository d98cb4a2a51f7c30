"""The items a Japanese magnet maker or Tier-1 supplier might export, in the columns ``assess_items`` reads:
the teaching scenario of chapter 02 and the starting table of its explorer.

The value of a magnet and of its Part I content (the rare earths that No. 61 Annex 1 Part I lists: Sm, Dy,
Gd, Tb, Lu, Sc, Y as metals, alloys or oxides):

    value_usd                = magnet_mass_kg · magnet_price_usd_per_kg
    part_i_content_value_usd = magnet_mass_kg · Σ_e (wt_pct_e / 100) · element_value_usd_per_kg_e,
                               over the elements e of the composition that Part I lists

Assumption: an element's value is its price per kg of element contained (the caller converts an oxide price
with the element's mass fraction in its oxide; metal and alloy cost more than oxide, so the content value,
and the share, are if anything understated).
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from widgets.core import checks
from widgets.exposure.model import ITEM_COLUMNS
from widgets.core.stoichiometry import check_symbol

#: The four items of the teaching scenario, by role.
ROLES = ("magnet_made_abroad", "motor_made_abroad", "magnet_made_in_china", "magnet_without_heavy_rare_earths")


def magnet_values_usd(magnet_mass_kg: float, magnet_price_usd_per_kg: float, content_wt_pct: Mapping[str, float],
                      element_value_usd_per_kg: Mapping[str, float], part_i_elements: frozenset[str]
                      ) -> tuple[float, float]:
    """(value_usd, part_i_content_value_usd) of a magnet set (equations in the module docstring).
    Every Part I element of the composition needs a value in ``element_value_usd_per_kg``."""
    mass = checks.positive("magnet_mass_kg", magnet_mass_kg, unit="kg")
    price = checks.positive("magnet_price_usd_per_kg", magnet_price_usd_per_kg, unit="USD/kg")
    checks.not_empty("content_wt_pct", content_wt_pct, "give the magnet's rare earths, e.g. {'Nd': 28, 'Dy': 3}")
    total = 0.0
    for element, wt_pct in content_wt_pct.items():
        symbol = check_symbol("content_wt_pct element", element)
        share = checks.percent(f"content_wt_pct[{symbol}]", wt_pct)
        if symbol in part_i_elements and share > 0:
            if symbol not in element_value_usd_per_kg:
                checks.choice("element_value_usd_per_kg element", symbol, list(element_value_usd_per_kg))
            value = checks.non_negative(f"element_value_usd_per_kg[{symbol}]", element_value_usd_per_kg[symbol],
                                        unit="USD/kg")
            total += mass * share / 100 * value
    checks.percent("content_wt_pct (sum)", sum(content_wt_pct.values()))
    return mass * price, total


def _elements_text(content_wt_pct: Mapping[str, float], drop: frozenset[str] = frozenset()) -> str:
    return ";".join(e for e, wt in content_wt_pct.items() if wt > 0 and e not in drop)


def sample_items(names: Mapping[str, str], magnet_mass_kg: float, magnet_price_usd_per_kg: float,
                 content_wt_pct: Mapping[str, float], element_value_usd_per_kg: Mapping[str, float],
                 part_i_elements: frozenset[str], heavy_elements: frozenset[str]) -> pd.DataFrame:
    """Four items, one per role in ``ROLES`` (``names`` gives each its display name):

    magnet_made_abroad:   the traction magnets, made outside China from Chinese-origin rare earths;
    motor_made_abroad:    a motor containing those magnets, made outside China (form 'assembly'; its value is
                          unknown: the data hold no motor price, and the kit does not invent one);
    magnet_made_in_china: the same magnets made in China and imported, to be shipped on;
    magnet_without_heavy_rare_earths: the same magnet set without the ``heavy_elements`` (an Nd-Pr magnet),
                          made outside China from Chinese-origin rare earths (same mass and price: an assumption).
    No item is made with Chinese technology (a choice the explorer lets the reader change)."""
    missing = [role for role in ROLES if role not in names]
    if missing:
        checks.choice("names role", missing[0], list(names))
    value, content = magnet_values_usd(magnet_mass_kg, magnet_price_usd_per_kg, content_wt_pct,
                                       element_value_usd_per_kg, part_i_elements)
    light = {e: wt for e, wt in content_wt_pct.items() if e not in heavy_elements}
    light_value, light_content = magnet_values_usd(magnet_mass_kg, magnet_price_usd_per_kg, light or {"Nd": 0.0},
                                                   element_value_usd_per_kg, part_i_elements)
    elements = _elements_text(content_wt_pct)
    rows = [
        (names["magnet_made_abroad"], "permanent_magnet", elements, False, "china", False, value, content),
        (names["motor_made_abroad"], "assembly", elements, False, "china", False, np.nan, content),
        (names["magnet_made_in_china"], "permanent_magnet", elements, True, "china", False, value, content),
        (names["magnet_without_heavy_rare_earths"], "permanent_magnet", _elements_text(light), False, "china", False,
         light_value, light_content),
    ]
    return pd.DataFrame(rows, columns=list(ITEM_COLUMNS))
