"""Starting values for chapter 02's export-control charts and explorer, from the data package.

Facts (each with its row):
- magnet mass per traction motor: ``model_parameters`` ``ndfeb_magnet_mass_per_motor_kg_mp`` (MP/GM, 2022);
- magnet price per kg: the LOWEST sourced sintered-NdFeB price in ``prices`` (Ahlulang, N35, year-end 2025); the
  table's two magnet price series disagree by an order of magnitude, so :func:`alternative_magnet_price` gives
  the other series' latest point and the chapter shows both. A lower magnet price gives a HIGHER Part I share;
  the crossing content is computed at both prices;
- the magnet's composition: the kit's one traction-magnet composition
  (:func:`widgets.magnets.start.traction_magnet_composition`);
- element values per kg of element: the latest USGS annual-average oxide price divided by the element's mass
  fraction in its oxide (Dy2O3, Tb4O7): metal costs more, so the Part I value is a floor;
- which elements Part I lists, the threshold and the dates: the ``control_list_items`` and ``regulations`` rows.

Choices (not facts; their provenance says so): the four items of the teaching table are made outside China
from Chinese rare earths, or in China; none with Chinese technology; the motor's value is unknown.
The assessment date is the day the book is built ("today").
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from widgets.core.data import row
from widgets.core.data import load_table, split_list
from widgets.core.labels import label
from widgets.core import checks
from widgets.exposure.model import assess_items, crossing_content_wt_pct
from widgets.exposure.sample import ROLES, magnet_values_usd, sample_items
from widgets.core.stoichiometry import element_mass_fraction_in_oxide
from widgets.core.sourced import Provenance, parameter
from widgets.magnets.start import traction_magnet_composition

MAGNET_MASS_PARAMETER = "ndfeb_magnet_mass_per_motor_kg_mp"
MAGNET_COMMODITY = "ndfeb_magnet"
VALUE_RULE_ID = "cn-mofcom-2025-61-value-rule"
ANNEX_LIST_ID = "cn-no61-annex1"
SUSPENSION_ID = "cn-mofcom-2025-70"
STILL_IN_FORCE_ID = "cn-mofcom-2025-18"
ELEMENT_PRICE_MARKET = "Argus via USGS MCS"
SCENARIO = "scenario"


@dataclass(frozen=True)
class MagnetScenario:
    """The traction magnets of one motor, as the value rule sees them."""

    magnet_mass_kg: float
    magnet_price_usd_per_kg: float
    content_wt_pct: dict[str, float]
    element_value_usd_per_kg: dict[str, float]

    @property
    def values_usd(self) -> tuple[float, float]:
        """(magnet value, Part I content value) in US$ (``magnet_values_usd``)."""
        return magnet_values_usd(self.magnet_mass_kg, self.magnet_price_usd_per_kg, self.content_wt_pct,
                                 self.element_value_usd_per_kg, part_i_elements())


def regulations() -> pd.DataFrame:
    return load_table("regulations")


def control_list_items() -> pd.DataFrame:
    return load_table("control_list_items")


def part_i_elements() -> frozenset[str]:
    """Elements named by Part I of No. 61's Annex 1 (the inputs whose Chinese-origin value counts)."""
    items = control_list_items()
    rows = items[(items["list_id"] == ANNEX_LIST_ID) & (items["annex_part"] == "part_i")]
    checks.not_empty("control_list_items (Part I)", rows, f"the list {ANNEX_LIST_ID} needs Part I entries")
    return frozenset(e for cell in rows["elements"] for e in split_list(cell))


def list_elements(list_id: str, annex_part: str | None = None) -> list[str]:
    """Elements of a control list (optionally of one annex part), in order of first appearance."""
    items = control_list_items()
    rows = items[items["list_id"] == list_id]
    if annex_part:
        rows = rows[rows["annex_part"] == annex_part]
    checks.not_empty(f"control_list_items ({list_id})", rows, "the list needs entries")
    return list(dict.fromkeys(e for cell in rows["elements"] for e in split_list(cell)))


def _magnet_prices() -> pd.DataFrame:
    prices = load_table("prices")
    rows = prices[(prices["commodity"] == MAGNET_COMMODITY) & (prices["unit"] == "usd_per_kg")]
    checks.not_empty("prices (ndfeb_magnet, usd_per_kg)", rows, "the prices table needs a sintered NdFeB price")
    return rows


def _price(found: pd.Series, how: str) -> Provenance:
    return Provenance(float(found["value_low"]), str(found["source_id"]), str(found["confidence"]),
                      f"{how}: {found['market']}, {found['basis']}, {pd.Timestamp(found['date']).date()}")


def magnet_price() -> Provenance:
    """The lowest ``value_low`` among the sintered NdFeB magnet prices in US$/kg (ties: the latest date)."""
    rows = _magnet_prices().sort_values(["value_low", "date"], ascending=[True, False], kind="stable")
    return _price(rows.iloc[0], "lowest sourced NdFeB magnet price")


def alternative_magnet_price() -> Provenance:
    """The latest price of the OTHER magnet price series (a different source from :func:`magnet_price`'s)."""
    chosen = magnet_price()
    rows = _magnet_prices()
    others = rows[rows["source_id"] != chosen.source_id].sort_values("date", kind="stable")
    checks.not_empty("prices (ndfeb_magnet, other sources)", others, "a second magnet price series is needed")
    return _price(others.iloc[-1], "latest point of the other NdFeB magnet price series")


def oxide_price(element: str) -> Provenance:
    """The latest annual-average oxide price (US$/kg of oxide) of ``element`` from the USGS series."""
    prices = load_table("prices")
    rows = prices[(prices["commodity"] == f"{element.lower()}_oxide") & (prices["market"] == ELEMENT_PRICE_MARKET)
                  & (prices["basis"] == "annual_average")].sort_values("date", kind="stable")
    checks.not_empty(f"prices ({element.lower()}_oxide, {ELEMENT_PRICE_MARKET})", rows,
                     "the prices table needs an annual average for the element")
    return _price(rows.iloc[-1], f"latest {element} oxide annual average")


def element_value_usd_per_kg(element: str) -> Provenance:
    """Value per kg of element contained: oxide price / element mass fraction in the oxide."""
    oxide = oxide_price(element)
    fraction = element_mass_fraction_in_oxide(element)
    return Provenance(oxide.value / fraction, oxide.source_id, oxide.confidence,
                      f"{oxide.how}, divided by {fraction:.4f} (mass fraction of {element} in its oxide)")


def magnet_scenario(price: Provenance | None = None) -> tuple[MagnetScenario, dict[str, Provenance]]:
    """The traction magnets of one motor with the provenance of every starting value."""
    composition = traction_magnet_composition()
    content = {"Nd": composition.nd_pr_wt_pct, "Dy": composition.dy_wt_pct, "Tb": composition.tb_wt_pct}
    provenance: dict[str, Provenance] = {
        "magnet_mass_kg": parameter(MAGNET_MASS_PARAMETER, "reference"),
        "magnet_price_usd_per_kg": price or magnet_price(),
        **{f"wt_pct_{element}": value for element, value in content.items()},
    }
    heavy = [e for e in ("Dy", "Tb") if content[e].value > 0]
    values = {e: element_value_usd_per_kg(e) for e in heavy}
    provenance.update({f"value_usd_per_kg_{e}": v for e, v in values.items()})
    scenario = MagnetScenario(provenance["magnet_mass_kg"].value, provenance["magnet_price_usd_per_kg"].value,
                              {e: p.value for e, p in content.items()}, {e: v.value for e, v in values.items()})
    return scenario, provenance


def item_names() -> dict[str, str]:
    """Display names of the four teaching items (from the label table, so the Japanese edition has its own)."""
    return {role: label(f"exposure.item.{role}") for role in ROLES}


def items(scenario: MagnetScenario | None = None) -> pd.DataFrame:
    """The teaching items (see ``sample_items``) at the scenario's starting values."""
    scenario = scenario or magnet_scenario()[0]
    return sample_items(item_names(), scenario.magnet_mass_kg, scenario.magnet_price_usd_per_kg,
                        scenario.content_wt_pct, scenario.element_value_usd_per_kg, part_i_elements(),
                        frozenset(("Dy", "Tb")))


def value_rule_threshold_pct() -> Provenance:
    """No. 61's value-share threshold (%), from its regulations row."""
    found = row("regulations", regulation_id=VALUE_RULE_ID)
    return Provenance(float(found["value_share_threshold_pct"]), str(found["source_id"]), str(found["confidence"]),
                      f"value_share_threshold_pct of {VALUE_RULE_ID}")


def crossing_content_wt_pct_of(element: str, magnet_price_usd_per_kg: float) -> float:
    """The content of ``element`` at which a magnet at this price reaches the value rule's threshold."""
    return crossing_content_wt_pct(value_rule_threshold_pct().value, element_value_usd_per_kg(element).value,
                                   magnet_price_usd_per_kg)


def crossing_dy_wt_pct(magnet_price_usd_per_kg: float) -> float:
    """The Dy content at which a magnet at this price reaches the value rule's threshold."""
    return crossing_content_wt_pct_of("Dy", magnet_price_usd_per_kg)


def suspension_start() -> pd.Timestamp:
    """The day No. 70's suspension took effect (its ``effective_date``)."""
    return pd.Timestamp(row("regulations", regulation_id=SUSPENSION_ID)["effective_date"])


def suspension_end() -> pd.Timestamp:
    """The last day of No. 70's suspension (its ``suspended_until``)."""
    return pd.Timestamp(row("regulations", regulation_id=SUSPENSION_ID)["suspended_until"])


def assessment_date() -> pd.Timestamp:
    """The day the book is built: the "today" of the chapter and the explorer's starting date."""
    return pd.Timestamp(dt.date.today())


def regulation_elements(regulation_id: str) -> list[str]:
    """The elements a regulations row covers (its ``elements_covered`` list, in table order)."""
    return split_list(row("regulations", regulation_id=regulation_id)["elements_covered"])


def rare_earth_count() -> int:
    """How many rare-earth elements there are (rows of the ``elements`` table)."""
    return len(load_table("elements"))


def licensed_element_count() -> int:
    """How many elements Chinese element licences name (No. 18 and No. 57 in the data), suspended or not."""
    table = regulations()
    rows = table[table["rule_type"] == "element_licence"]
    return len({e for rid in rows["regulation_id"] for e in regulation_elements(rid)})


def rules_binding(table: pd.DataFrame, day: object, **context) -> dict[str, list[str]]:
    """For each teaching item, the identifiers of the rules that bind it on ``day``."""
    result = assess_items(regulations(), control_list_items(), table, day, **context)
    binding = result.binding
    return {item: list(dict.fromkeys(binding.loc[binding["item"] == item, "regulation_id"]))
            for item in table["item"]}
