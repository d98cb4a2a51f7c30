"""Shared pieces of the topics' ``start`` modules: a starting value with its provenance, and lookups of
``model_parameters`` and annual prices."""
from __future__ import annotations

from dataclasses import dataclass

from widgets.core.data import row


@dataclass(frozen=True)
class Provenance:
    """Where a starting value comes from."""

    value: float
    source_id: str
    confidence: str
    how: str


def parameter(name: str, scenario: str = "base") -> Provenance:
    """A value of ``model_parameters`` with its provenance."""
    found = row("model_parameters", parameter=name, scenario=scenario)
    return Provenance(float(found["value"]), str(found["source_id"]), str(found["confidence"]),
                      str(found["description_en"]))


def annual_price(commodity: str, year: int, market: str = "Argus via USGS MCS") -> Provenance:
    """An annual-average price (US$/kg) from ``prices``."""
    found = row("prices", commodity=commodity, date=f"{year}-01-01", market=market, basis="annual_average")
    return Provenance(float(found["value_low"]), str(found["source_id"]), str(found["confidence"]),
                      f"{commodity} annual average {year}, {market}")
