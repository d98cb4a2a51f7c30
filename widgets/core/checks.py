"""The one validation vocabulary every model uses. Each check returns the checked value or raises
``ValueError`` naming the parameter, its value and what is allowed (message text from
``widgets/core/labels.csv``, so it reads in the reader's language):

- ``number``, ``percent``, ``positive``, ``non_negative``: a real, finite number in a range;
- ``choice``: one of a list of allowed values;
- ``reject``: the raise the others share, for a rule none of them states;
- ``require_columns``: a table has the columns a model reads;
- ``unique`` and ``duplicate``: no value repeats (an identifier, a name);
- ``missing``: a required key or entry is absent;
- ``not_empty``: a table or list has at least one item;
- ``is_missing`` and ``midpoint``: the shared helpers for missing cells and ranges."""
from __future__ import annotations

import math
from collections.abc import Iterable, Sized

from widgets.core.labels import label


def _interval(minimum: float | None, maximum: float | None, min_exclusive: bool, unit: str) -> str:
    low = "-∞" if minimum is None else f"{minimum:g}"
    high = "∞" if maximum is None else f"{maximum:g}"
    left = "(" if (min_exclusive or minimum is None) else "["
    right = ")" if maximum is None else "]"
    return f"{left}{low}, {high}{right}" + (f" {unit}" if unit else "")


def number(name: str, value: object, *, minimum: float | None = None, maximum: float | None = None,
           min_exclusive: bool = False, unit: str = "") -> float:
    """Return ``value`` as a float if it is a real, finite number inside [minimum, maximum]
    (or (minimum, maximum] when ``min_exclusive``); otherwise raise ValueError."""
    allowed = _interval(minimum, maximum, min_exclusive, unit)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            import numpy as np  # numpy scalars are numbers too
            if not isinstance(value, np.number) or isinstance(value, np.bool_):
                raise TypeError
        except (ImportError, TypeError):
            raise ValueError(label("error.not_a_number", name=name, value=value)) from None
    as_float = float(value)
    if math.isnan(as_float) or math.isinf(as_float):
        raise ValueError(label("error.out_of_range", name=name, value=value, allowed=allowed))
    too_low = minimum is not None and (as_float <= minimum if min_exclusive else as_float < minimum)
    too_high = maximum is not None and as_float > maximum
    if too_low or too_high:
        raise ValueError(label("error.out_of_range", name=name, value=value, allowed=allowed))
    return as_float


def percent(name: str, value: object, *, min_exclusive: bool = False) -> float:
    """A percentage in [0, 100] (or (0, 100] when ``min_exclusive``)."""
    return number(name, value, minimum=0.0, maximum=100.0, min_exclusive=min_exclusive, unit="%")


def positive(name: str, value: object, *, unit: str = "") -> float:
    """A number strictly greater than zero (used wherever the value divides)."""
    return number(name, value, minimum=0.0, min_exclusive=True, unit=unit)


def non_negative(name: str, value: object, *, unit: str = "") -> float:
    """A number ≥ 0."""
    return number(name, value, minimum=0.0, unit=unit)


def reject(name: str, value: object, allowed: str):
    """Raise the kit's 'not allowed' error: ``name`` = ``value`` breaks a rule; ``allowed`` says what would do."""
    raise ValueError(label("error.not_allowed", name=name, value=value, allowed=allowed))


def require_columns(name: str, table: object, columns: Iterable[str]):
    """``table`` if it is a DataFrame with every one of ``columns``; else say which columns are missing."""
    import pandas as pd
    if not isinstance(table, pd.DataFrame):
        reject(name, type(table).__name__, f"a table with columns {', '.join(columns)}")
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise ValueError(label("error.missing_columns", name=name, columns=", ".join(missing)))
    return table


def missing(name: str, what: str):
    """Raise the kit's 'missing' error: ``name`` is absent; ``what`` says what to give."""
    raise ValueError(label("error.missing", name=name, allowed=what))


def duplicate(name: str, value: object):
    """Raise the kit's 'duplicate' error: ``value`` appears more than once in ``name``."""
    raise ValueError(label("error.duplicate", name=name, value=value))


def unique(name: str, values: Iterable[object]) -> list:
    """``values`` as a list if none repeats; else name the first value that does."""
    seen: set = set()
    items = list(values)
    for value in items:
        if value in seen:
            duplicate(name, value)
        seen.add(value)
    return items


def midpoint(name: str, low: object, high: object, *, minimum: float | None = None, maximum: float | None = None,
             min_exclusive: bool = False) -> float:
    """(low + high) / 2 of a range; the end given if the other is missing; NaN if both are. Each end is a number
    in [minimum, maximum] (``number``) and the high end is not below the low one; ``name_min`` / ``name_max``
    name the ends in messages."""
    given = [number(f"{name}_{end}", value, minimum=minimum, maximum=maximum, min_exclusive=min_exclusive)
             for end, value in (("min", low), ("max", high)) if not is_missing(value)]
    if len(given) == 2 and given[1] < given[0]:
        number(f"{name}_max", given[1], minimum=given[0])
    return sum(given) / len(given) if given else math.nan


def choice(name: str, value: object, allowed: Iterable[object]) -> object:
    """``value`` if it is one of ``allowed``; otherwise raise ValueError listing them."""
    options = list(allowed)
    try:
        allowed_value = any(value is option or (type(value) is type(option) and value == option) for option in options)
    except (TypeError, ValueError):  # NA, NaN and unhashable values cannot be compared: not allowed
        allowed_value = False
    if not allowed_value:
        raise ValueError(label("error.not_allowed", name=name, value=value,
                               allowed=", ".join(map(str, options))))
    return value


def is_missing(value: object) -> bool:
    """True for None, NaN, NaT and pandas NA; False for anything else (including lists)."""
    if value is None:
        return True
    try:
        import pandas as pd
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def not_empty(name: str, value: Sized, what: str) -> Sized:
    """``value`` if it has at least one item; ``what`` says what is expected (e.g. 'add at least one component')."""
    if value is None or len(value) == 0:
        raise ValueError(label("error.empty", name=name, allowed=what))
    return value
