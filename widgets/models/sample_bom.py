"""A sample traction-motor bill of materials for the export-control exposure model, and the teaching figure of
the value-share rule: the largest product value at which a given magnet set still makes the rule bind."""
from __future__ import annotations

import pandas as pd

from widgets.labels import label
from widgets.models import checks
from widgets.models.exposure import BOM_COLUMNS, ORIGINS
from widgets.models.stoichiometry import check_symbol


def _elements(name: str, value: object) -> str:
    """A ';'-joined list of rare-earth symbols (a str such as 'Nd;Pr;Dy', or a sequence of symbols)."""
    if isinstance(value, str):
        items = [item.strip() for item in value.split(";") if item.strip()]
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        raise ValueError(label("error.not_allowed", name=name, value=value,
                               allowed="a ';'-separated list such as 'Nd;Pr;Dy'"))
    checks.not_empty(name, items, "list the magnets' rare earths, e.g. 'Nd;Pr;Dy'")
    return ";".join(check_symbol(name, item) for item in items)


def _flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(label("error.not_allowed", name=name, value=value, allowed="True, False"))
    return value


def sample_motor_bom(magnet_mass_kg: float, magnet_price_usd_per_kg: float, magnet_elements: object,
                     rare_earth_origin: str, made_in_china: bool, made_with_chinese_technology: bool,
                     product_value_usd: float, *, rest_of_motor_mass_kg: float = 0.0) -> pd.DataFrame:
    """A two-component BOM in the columns ``assess_bom`` expects:

    magnets:           value_usd = magnet_mass_kg · magnet_price_usd_per_kg, mass = magnet_mass_kg, the given
                       elements, origin and flags (the flags describe where and how the MAGNETS are made);
    rest of the motor: value_usd = product_value_usd − magnet value, no rare earths, origin 'non_china', both
                       flags False (with no rare earths only a technology rule listing no elements could bind it,
                       and the sample's technology flag is about the magnets). Its mass is
                       ``rest_of_motor_mass_kg`` (the rules do not use mass).

    ValueError if product_value_usd < the magnet value (the magnets cannot be worth more than the motor)."""
    mass = checks.non_negative("magnet_mass_kg", magnet_mass_kg, unit="kg")
    price = checks.non_negative("magnet_price_usd_per_kg", magnet_price_usd_per_kg, unit="USD/kg")
    elements = _elements("magnet_elements", magnet_elements)
    if not isinstance(rare_earth_origin, str):
        raise ValueError(label("error.not_allowed", name="rare_earth_origin", value=rare_earth_origin,
                               allowed=", ".join(ORIGINS)))
    origin = checks.choice("rare_earth_origin", rare_earth_origin, ORIGINS)
    in_china = _flag("made_in_china", made_in_china)
    chinese_tech = _flag("made_with_chinese_technology", made_with_chinese_technology)
    magnet_value = mass * price
    product = checks.positive("product_value_usd", product_value_usd, unit="USD")
    checks.number("product_value_usd", product_value_usd, minimum=magnet_value, unit="USD (the magnet value)")
    rest_mass = checks.non_negative("rest_of_motor_mass_kg", rest_of_motor_mass_kg, unit="kg")
    rows = [
        (label("exposure.bom.magnets"), magnet_value, mass, elements, origin, in_china, chinese_tech),
        (label("exposure.bom.rest"), product - magnet_value, rest_mass, "", "non_china", False, False),
    ]
    return pd.DataFrame(rows, columns=list(BOM_COLUMNS))


def value_rule_threshold_product_value_usd(controlled_value_usd: float, threshold_pct: float) -> float:
    """The largest product value at which a value-share rule still binds:

    controlled_value_usd / (threshold_pct / 100)

    The rule binds while controlled value / product value · 100 ≥ threshold, i.e. for every product worth up to
    this figure (e.g. a US$100 magnet set and a 0.1 % threshold: any product worth up to US$100,000)."""
    controlled = checks.non_negative("controlled_value_usd", controlled_value_usd, unit="USD")
    threshold = checks.percent("threshold_pct", threshold_pct, min_exclusive=True)
    return controlled / (threshold / 100)
