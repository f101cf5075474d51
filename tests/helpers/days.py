"""Day numbers as the specs write them."""

from __future__ import annotations

from explorer.model.calendar import days_from_civil
from explorer.model.dates import parse_edtf


def day(year: int, month: int = 1, dom: int = 1) -> float:
    """The day number of a calendar date, as the axis counts it."""
    return float(days_from_civil(year, month, dom))


def first_day(text: str) -> int:
    """The first day an EDTF date may mean ("2010" is 1 January 2010)."""
    earliest = parse_edtf(text).earliest
    assert earliest is not None, text
    return earliest
