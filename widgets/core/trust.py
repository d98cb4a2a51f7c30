"""The kit's one trust order and its one verdict order, read from the schema (``data/datapackage.json``): the
enum of every ``confidence`` column (most trusted first) and the enum of ``claims.verdict`` (most supported
first). Models rank rows with ``confidence_rank``; nothing else types either list."""
from __future__ import annotations

from functools import lru_cache

from widgets.core.data import enum_of


@lru_cache(maxsize=1)
def confidences() -> tuple[str, ...]:
    """Confidence tags, most trusted first (primary, secondary, vendor, company-claim, weak)."""
    return tuple(enum_of("prices", "confidence"))


@lru_cache(maxsize=1)
def verdicts() -> tuple[str, ...]:
    """Claim verdicts, most supported first."""
    return tuple(enum_of("claims", "verdict"))


def confidence_rank(tag: object) -> int:
    """0 for the most trusted tag, one more per step down; an unknown tag ranks below every known one."""
    order = confidences()
    return order.index(tag) if tag in order else len(order)


def weaker(*tags: str) -> str:
    """The least trusted of ``tags``."""
    return max(tags, key=confidence_rank)
