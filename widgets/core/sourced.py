"""Shared pieces of the topics' ``start`` modules: a starting value with its provenance, and lookups of
``model_parameters`` and annual prices."""
from __future__ import annotations

from dataclasses import dataclass

from widgets.core.data import row, workshop_note
from widgets.core.workshop import ASSUMPTION


@dataclass(frozen=True)
class Provenance:
    """Where a starting value comes from."""

    value: float
    source_id: str      # a key of data/references.bib; empty for a choice, a gap or a workshop's own value
    confidence: str     # the row's tag, or "assumption", "choice", "gap", "workshop-assumption"
    how: str

    @property
    def workshop_assumption(self) -> bool:
        return self.confidence == ASSUMPTION


def parameter(name: str, scenario: str = "base") -> Provenance:
    """A value of ``model_parameters`` with its provenance; a workshop's own value names no source, its
    confidence is "workshop-assumption" and ``how`` is the instructor's note."""
    found = row("model_parameters", parameter=name, scenario=scenario)
    note = workshop_note(found)
    if note:
        return Provenance(float(found["value"]), "", ASSUMPTION, note)
    return Provenance(float(found["value"]), str(found["source_id"]), str(found["confidence"]),
                      str(found["description_en"]))


def annual_price(commodity: str, year: int, market: str = "Argus via USGS MCS") -> Provenance:
    """An annual-average price (US$/kg) from ``prices``."""
    found = row("prices", commodity=commodity, date=f"{year}-01-01", market=market, basis="annual_average")
    return Provenance(float(found["value_low"]), str(found["source_id"]), str(found["confidence"]),
                      f"{commodity} annual average {year}, {market}")
