"""Starting values for the export-control exposure chart and explorer, from the data package.

Facts (each with its row):
- magnet mass per traction motor: ``model_parameters`` ``ndfeb_magnet_mass_per_motor_kg_mp`` (MP/GM, 2022);
- magnet price per kg: the LOWEST sourced sintered-NdFeB price in ``prices`` (Ahlulang, N35, year-end 2025, low
  end). The table's two magnet series disagree by an order of magnitude; the lowest gives the smallest magnet
  value and so the smallest product value the 0.1 % rule reaches — the conservative side of the teaching point.
  :func:`alternative_magnet_price` gives the other series' latest point (Xinhui) so the chapter can show both;
- magnet elements: the rare earths the ``magnet_rare_earth_content`` table lists for the N42SH traction grade
  (Nd and Dy; the table has no separate Pr row, so Pr is not added);
- the value-share threshold, suspension end and dates: the ``regulations`` rows of No. 61 and No. 70;
- the assessment date: the date the gap "what happened after the suspension ended" was recorded (``gaps``).

Choices (not facts; their provenance says so):
- origin and flags: magnets made in China from Chinese rare earths, not with Chinese technology abroad — the
  pattern the report describes for Japanese firms, not a statement about any company;
- product value: the data hold no motor price, so none is invented. The chart evaluates a product worth
  ``CHART_PRODUCT_FACTOR`` times the threshold value, i.e. a product for which the 0.1 % rule still binds with
  a margin; every cheaper product is caught too.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from widgets.book import row
from widgets.data import load_table, split_list
from widgets.models import checks
from widgets.models.exposure import assess_bom
from widgets.models.sample_bom import sample_motor_bom, value_rule_threshold_product_value_usd
from widgets.scenarios.common import Provenance, parameter

MAGNET_MASS_PARAMETER = "ndfeb_magnet_mass_per_motor_kg_mp"
MAGNET_GRADE = "ndfeb-n42sh"
MAGNET_COMMODITY = "ndfeb_magnet"
VALUE_RULE_ID = "cn-mofcom-2025-61-value-rule"
SUSPENSION_ID = "cn-mofcom-2025-70"
STILL_IN_FORCE_ID = "cn-mofcom-2025-18"
AFTER_SUSPENSION_GAP = "no70-after-2026-11-10"
#: Illustrative choice, not data: the chart's product is worth half the largest value the 0.1 % rule reaches.
CHART_PRODUCT_FACTOR = 0.5
SCENARIO = "scenario"


@dataclass(frozen=True)
class TextProvenance:
    """Where a non-numeric starting value comes from (or that it is a scenario choice)."""

    value: str | bool
    source_id: str
    confidence: str
    how: str


@dataclass(frozen=True)
class SampleMotor:
    """The sample motor's magnets, in the arguments of :func:`sample_motor_bom` (without the product value)."""

    magnet_mass_kg: float
    magnet_price_usd_per_kg: float
    magnet_elements: str
    rare_earth_origin: str
    made_in_china: bool
    made_with_chinese_technology: bool

    @property
    def magnet_value_usd(self) -> float:
        """Magnet mass × price per kg: the value of the controlled rare-earth-bearing component."""
        return self.magnet_mass_kg * self.magnet_price_usd_per_kg


def regulations() -> pd.DataFrame:
    """The regulations table (for the model, the chart and the explorer)."""
    return load_table("regulations")


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
    return _price(rows.iloc[0], "lowest sourced NdFeB magnet price (conservative for the threshold)")


def alternative_magnet_price() -> Provenance:
    """The latest price of the OTHER magnet price series (a different source from :func:`magnet_price`'s)."""
    chosen = magnet_price()
    rows = _magnet_prices()
    others = rows[rows["source_id"] != chosen.source_id].sort_values("date", kind="stable")
    checks.not_empty("prices (ndfeb_magnet, other sources)", others, "a second magnet price series is needed")
    return _price(others.iloc[-1], "latest point of the other NdFeB magnet price series")


def magnet_elements(magnet_id: str = MAGNET_GRADE) -> TextProvenance:
    """The rare earths the content table lists for ``magnet_id`` with a non-zero, known content, in table order."""
    content = load_table("magnet_rare_earth_content")
    rows = content[(content["magnet_id"] == magnet_id) & ~content["content_kind"].isin(["zero", "unknown"])]
    checks.not_empty(f"magnet_rare_earth_content ({magnet_id})", rows, "the grade needs content rows")
    elements = list(dict.fromkeys(rows["element"]))
    sources = ";".join(dict.fromkeys(rows["source_id"]))
    confidences = ";".join(dict.fromkeys(rows["confidence"]))
    return TextProvenance(";".join(elements), sources, confidences,
                          f"rare earths listed for {magnet_id} in magnet_rare_earth_content")


def sample_motor() -> tuple[SampleMotor, dict[str, Provenance | TextProvenance]]:
    """The sample motor's magnets with the provenance of each value (facts from data, choices named)."""
    choice = "scenario choice, not a fact about any firm"
    provenance: dict[str, Provenance | TextProvenance] = {
        "magnet_mass_kg": parameter(MAGNET_MASS_PARAMETER, "reference"),
        "magnet_price_usd_per_kg": magnet_price(),
        "magnet_elements": magnet_elements(),
        "rare_earth_origin": TextProvenance("china", "", SCENARIO,
                                            f"{choice}: the magnets' rare earths come from China"),
        "made_in_china": TextProvenance(True, "", SCENARIO, f"{choice}: the magnets are made in China"),
        "made_with_chinese_technology": TextProvenance(
            False, "", SCENARIO, f"{choice}: no magnet is made outside China with Chinese technology"),
    }
    return SampleMotor(**{name: p.value for name, p in provenance.items()}), provenance


def value_rule_threshold_pct() -> Provenance:
    """No. 61's value-share threshold (%), from its regulations row."""
    found = row("regulations", regulation_id=VALUE_RULE_ID)
    return Provenance(float(found["value_share_threshold_pct"]), str(found["source_id"]), str(found["confidence"]),
                      f"value_share_threshold_pct of {VALUE_RULE_ID}")


def threshold_product_value_usd(motor: SampleMotor) -> float:
    """The largest product value at which the value-share rule still binds, for this motor's magnets."""
    return value_rule_threshold_product_value_usd(motor.magnet_value_usd, value_rule_threshold_pct().value)


def chart_product_value_usd(motor: SampleMotor) -> float:
    """The product value the chart and explorer start from: ``CHART_PRODUCT_FACTOR`` × the threshold value
    (an illustrative choice: a product the rule binds with a margin; the data hold no motor price)."""
    return CHART_PRODUCT_FACTOR * threshold_product_value_usd(motor)


def sample_bom(motor: SampleMotor, product_value_usd: float) -> pd.DataFrame:
    """The two-row bill of materials (magnets, rest of the motor) for ``assess_bom``."""
    return sample_motor_bom(motor.magnet_mass_kg, motor.magnet_price_usd_per_kg, motor.magnet_elements,
                            motor.rare_earth_origin, motor.made_in_china, motor.made_with_chinese_technology,
                            product_value_usd)


def suspension_end() -> pd.Timestamp:
    """The last day of No. 70's suspension (its ``suspended_until``)."""
    return pd.Timestamp(row("regulations", regulation_id=SUSPENSION_ID)["suspended_until"])


def assessment_date() -> pd.Timestamp:
    """The date the kit's data were last checked for what followed the suspension (``as_of`` of the gap row):
    the explorer's starting date."""
    return pd.Timestamp(row("gaps", gap_id=AFTER_SUSPENSION_GAP)["as_of"])


def regulation_elements(regulation_id: str) -> list[str]:
    """The elements a regulations row covers (its ``elements_covered`` list, in table order)."""
    return split_list(row("regulations", regulation_id=regulation_id)["elements_covered"])


def controlled_elements() -> list[str]:
    """Every element named by a Chinese element licence on exports from China (No. 18 and No. 57 in the data),
    in order of first appearance, whether or not the licence is suspended."""
    table = regulations()
    rows = table[(table["rule_type"] == "element_licence") & (table["applies_to"] == "exports_from_china")]
    return list(dict.fromkeys(element for rid in rows["regulation_id"] for element in regulation_elements(rid)))


def rare_earth_count() -> int:
    """How many rare-earth elements there are (rows of the ``elements`` table)."""
    return len(load_table("elements"))


def rules_that_bind(regulations_table: pd.DataFrame, bom: pd.DataFrame, day: object,
                    product_value_usd: float) -> list[str]:
    """Identifiers of the rules that bind ``bom`` on ``day`` (component rules, then product rules), each once."""
    result = assess_bom(regulations_table, bom, day, product_value_usd)
    ids = [rid for cell in result.components["regulation_ids"] for rid in split_list(cell)]
    return list(dict.fromkeys(ids + list(result.product_regulation_ids)))


def first_month_after(months: pd.DataFrame, day: pd.Timestamp) -> int:
    """``month_index`` of the first month in ``months`` (from ``monthly_assessments``) starting after ``day``."""
    later = months[months["date"] > pd.Timestamp(day)]
    checks.not_empty("months after the date", later, f"the months shown must reach past {pd.Timestamp(day).date()}")
    return int(later["month_index"].iloc[0])
