"""Rounding a computed figure to what its inputs carry."""
from __future__ import annotations

import math


def round_to(value: float, significant: int) -> float:
    """``value`` rounded to ``significant`` significant figures (an integer-valued float stays a float).

    Use it for figures computed from rough inputs: a result carries no more precision than its
    roughest input, so 1,217.5 years from two-figure inputs reads 'about 1,200 years'."""
    number = float(value.item() if hasattr(value, "item") else value)
    if significant < 1:
        raise ValueError(f"Parameter 'significant' = {significant} is outside the allowed range 1 or more.")
    if number == 0 or math.isnan(number) or math.isinf(number):
        return number
    digits = significant - 1 - math.floor(math.log10(abs(number)))
    rounded = round(number, digits)
    return float(int(rounded)) if digits <= 0 else rounded


