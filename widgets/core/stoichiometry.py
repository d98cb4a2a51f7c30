"""Rare-earth oxide stoichiometry: how much oxide (the form prices are quoted in) carries a given mass of
element. Atomic masses are the IUPAC standard atomic weights (abridged), defined once here."""
from __future__ import annotations

from widgets.core.labels import label
from widgets.core import checks

#: IUPAC standard atomic weights, g/mol.
ATOMIC_MASS_G_PER_MOL: dict[str, float] = {
    "La": 138.905, "Ce": 140.116, "Pr": 140.908, "Nd": 144.242, "Sm": 150.36, "Eu": 151.964,
    "Gd": 157.25, "Tb": 158.925, "Dy": 162.500, "Ho": 164.930, "Er": 167.259, "Tm": 168.934,
    "Yb": 173.045, "Lu": 174.967, "Y": 88.906, "Sc": 44.956, "O": 15.999,
}

#: The rare-earth elements (lanthanides La–Lu without Pm, plus Y and Sc), in atomic-number order of the
#: lanthanides followed by Y and Sc.
RARE_EARTH_ELEMENTS: tuple[str, ...] = tuple(symbol for symbol in ATOMIC_MASS_G_PER_MOL if symbol != "O")

#: Oxide formula as (rare-earth atoms, oxygen atoms): RE2O3 for all except CeO2, Pr6O11 and Tb4O7, the
#: forms in which these oxides are traded.
OXIDE_ATOMS: dict[str, tuple[int, int]] = {
    symbol: {"Ce": (1, 2), "Pr": (6, 11), "Tb": (4, 7)}.get(symbol, (2, 3)) for symbol in RARE_EARTH_ELEMENTS
}


def check_symbol(name: str, value: object) -> str:
    """``value`` if it is one of ``RARE_EARTH_ELEMENTS`` (case-sensitive); otherwise ValueError naming ``name``."""
    if not isinstance(value, str):  # NaN, NA, numbers, lists cannot be compared with symbols
        checks.reject(name, value, ", ".join(RARE_EARTH_ELEMENTS))
    return checks.choice(name, value, RARE_EARTH_ELEMENTS)


def oxide_formula(symbol: str) -> str:
    """The traded oxide's formula, e.g. 'Nd2O3', 'CeO2', 'Pr6O11'."""
    check_symbol("symbol", symbol)
    n_re, n_o = OXIDE_ATOMS[symbol]
    return f"{symbol}{n_re if n_re > 1 else ''}O{n_o}"


def element_mass_fraction_in_oxide(symbol: str) -> float:
    """Mass fraction of the element in its oxide RE_aO_b:  f = a·M_RE / (a·M_RE + b·M_O).

    Assumes the oxide formula in ``OXIDE_ATOMS`` (e.g. Nd2O3: 2×144.242 / (2×144.242 + 3×15.999) ≈ 0.8574)."""
    check_symbol("symbol", symbol)
    n_re, n_o = OXIDE_ATOMS[symbol]
    metal_g = n_re * ATOMIC_MASS_G_PER_MOL[symbol]
    return metal_g / (metal_g + n_o * ATOMIC_MASS_G_PER_MOL["O"])


def oxide_kg_for_element_kg(symbol: str, element_kg: float) -> float:
    """Oxide mass carrying ``element_kg`` of the element:  oxide_kg = element_kg / f  (f from
    ``element_mass_fraction_in_oxide``). Assumes full conversion, no process losses."""
    mass_kg = checks.non_negative("element_kg", element_kg, unit="kg")
    return mass_kg / element_mass_fraction_in_oxide(symbol)
