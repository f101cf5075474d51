"""Partial, approximate and uncertain dates in the Extended Date/Time Format (EDTF, ISO 8601-2).

Supported: `2009`, `2009-03`, `2009-03-24`; negative (astronomical) years `-0043-03-15`;
long years `Y-20000`; seasons `2001-21`..`2001-24`; qualifiers `~` (approximate), `?` (uncertain),
`%` (both) on the whole date; unspecified digits `201X`, `19XX`, `2013-XX`, `1985-04-XX`;
intervals `2007/2009` with open (`..`) or unknown (empty) ends.

Every value keeps how it was written (precision, qualifiers) and knows its earliest and
latest possible day number (see `calendar`). A year-only date is the whole year.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

from explorer.model.calendar import (
    MONTH_NAMES,
    civil_from_days,
    days_from_civil,
    days_in_month,
    year_label,
)

MIN_YEAR = -999_999
MAX_YEAR = 999_999

#: Seasons (EDTF level 1): code -> (name, first month, number of months).
SEASONS = {21: ("spring", 3, 3), 22: ("summer", 6, 3), 23: ("autumn", 9, 3), 24: ("winter", 12, 3)}

_FORMS_HINT = (
    "write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2009, 2009-03, 2009-03-24), optionally ending in "
    "~ (approximate), ? (uncertain) or % (both); X for unknown digits (201X, 2013-XX); "
    "START/END for a range (2007/2009, ../2013-07-03, 2015/..)"
)


class Precision(IntEnum):
    """How much of a date is known; larger is coarser."""

    DAY = 0
    MONTH = 1
    SEASON = 2
    YEAR = 3
    DECADE = 4
    CENTURY = 5
    MILLENNIUM = 6


class DateError(ValueError):
    """A date that cannot be read; `offset` is the 0-based character where the problem is."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass(frozen=True, slots=True)
class EdtfDate:
    """A single calendar date of some precision, with its qualifiers and possible days."""

    text: str
    year: int  # astronomical; with unspecified digits, the lowest possible year
    month: int | None  # 1-12, a season code 21-24, or None when not given or unspecified
    day: int | None
    precision: Precision
    approximate: bool
    uncertain: bool
    earliest: int  # day number of the first possible day
    latest: int  # day number of the last possible day (inclusive)

    @property
    def is_interval(self) -> bool:
        return False

    @property
    def exact(self) -> bool:
        """True for a plain day-precision date with no qualifier."""
        return self.precision == Precision.DAY and not (self.approximate or self.uncertain)

    def words(self) -> str:
        """The date as a person would say it: "March 2009", "about 2009", "44 BCE"."""
        base = _base_words(self)
        if self.approximate:
            base = f"about {base}"
        if self.uncertain:
            base = f"{base} (uncertain)"
        return base


@dataclass(frozen=True, slots=True)
class EdtfInterval:
    """A range of time: either end may be a date, open (`..`) or unknown (empty)."""

    text: str
    start: EdtfDate | None
    end: EdtfDate | None
    start_open: bool  # `..`: no bound; otherwise None means the bound is unknown
    end_open: bool

    @property
    def is_interval(self) -> bool:
        return True

    @property
    def earliest(self) -> int | None:
        return None if self.start is None else self.start.earliest

    @property
    def latest(self) -> int | None:
        return None if self.end is None else self.end.latest

    @property
    def precision(self) -> Precision:
        ends = [d.precision for d in (self.start, self.end) if d is not None]
        return max(ends) if ends else Precision.MILLENNIUM

    @property
    def approximate(self) -> bool:
        return any(d.approximate for d in (self.start, self.end) if d is not None)

    @property
    def uncertain(self) -> bool:
        return any(d.uncertain for d in (self.start, self.end) if d is not None)

    @property
    def exact(self) -> bool:
        return False

    def words(self) -> str:
        """The range in words: "between 2007 and 2009", "on or before 3 July 2013"."""
        if self.start is not None and self.end is not None:
            return f"between {self.start.words()} and {self.end.words()}"
        if self.end is not None:
            return f"{_on_or_in(self.end)} or before {self.end.words()}"
        if self.start is not None:
            return f"{_on_or_in(self.start)} or after {self.start.words()}"
        return "date unknown"


EdtfValue = EdtfDate | EdtfInterval


def _on_or_in(date: EdtfDate) -> str:
    return "on" if date.precision == Precision.DAY and not date.approximate else "in"


def _base_words(date: EdtfDate) -> str:
    precision = date.precision
    if precision == Precision.DAY:
        return f"{date.day} {MONTH_NAMES[date.month - 1]} {year_label(date.year)}"
    if precision == Precision.MONTH:
        words = f"{MONTH_NAMES[date.month - 1]} {year_label(date.year)}"
        return f"{words} (day unknown)" if _written_parts(date.text) > 2 else words
    if precision == Precision.SEASON:
        name = SEASONS[date.month][0]
        return f"{name} {year_label(date.year)}"
    if precision == Precision.YEAR:
        if _written_parts(date.text) > 1:
            return f"{year_label(date.year)} (month unknown)"
        return year_label(date.year)
    span = {Precision.DECADE: 10, Precision.CENTURY: 100, Precision.MILLENNIUM: 1000}[precision]
    low, high = _year_range(date)
    if low >= 1 and low % span == 0 and high == low + span - 1:
        return f"the {low}s"
    return f"between {year_label(low)} and {year_label(high)}"


def _written_parts(text: str) -> int:
    """How many of year, month and day the text writes out (digits or X)."""
    return text.lstrip("Y-").rstrip("~?%").count("-") + 1


def _year_range(date: EdtfDate) -> tuple[int, int]:
    return civil_from_days(date.earliest)[0], civil_from_days(date.latest)[0]


_DATE_RE = re.compile(
    r"""
    (?P<year>Y-?\d{5,6}|-?[\dX]{4})
    (?:-(?P<month>[\dX]{2})
       (?:-(?P<day>[\dX]{2}))?
    )?
    (?P<qualifier>[~?%])?
    """,
    re.VERBOSE,
)


def parse_date(value: object) -> EdtfValue:
    """Read a date as YAML hands it over (int, str, date or datetime) into an EDTF value."""
    if isinstance(value, bool):
        raise DateError(f"{str(value).lower()!r} is not a date; {_FORMS_HINT}")
    if isinstance(value, int):
        text = f"-{-value:04d}" if value < 0 else f"{value:04d}"
        return parse_edtf(text)
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return parse_edtf(value.isoformat())
    if isinstance(value, str):
        return parse_edtf(value)
    kind = type(value).__name__
    raise DateError(f"a date must be written as text or a number, not a {kind}; {_FORMS_HINT}")


@lru_cache(maxsize=65536)
def parse_edtf(text: str) -> EdtfValue:
    """Parse EDTF text; raises `DateError` with the offset of the problem."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    if not stripped:
        raise DateError(f"the date is empty; {_FORMS_HINT}")
    if "/" in stripped:
        return _parse_interval(stripped, lead)
    return _parse_single(stripped, lead)


def _parse_interval(text: str, lead: int) -> EdtfInterval:
    if text.count("/") > 1:
        second = text.index("/", text.index("/") + 1)
        raise DateError(f"{text!r} has more than one '/'; a range is START/END", lead + second)
    left, right = text.split("/")
    right_offset = lead + len(left) + 1
    start = None if left in ("", "..") else _parse_single(left, lead)
    end = None if right in ("", "..") else _parse_single(right, right_offset)
    if start is None and end is None:
        raise DateError(
            f"{text!r} has no date at either end; leave the date out when it is unknown", lead
        )
    if start is not None and end is not None and end.latest < start.earliest:
        raise DateError(
            f"the range {text!r} ends before it starts; swap the two dates", right_offset
        )
    return EdtfInterval(
        text=text, start=start, end=end, start_open=left == "..", end_open=right == ".."
    )


def _parse_single(text: str, offset: int) -> EdtfDate:
    match = _DATE_RE.fullmatch(text)
    if match is None:
        bad = _first_bad_offset(text)
        raise DateError(f"{text!r} is not a date; {_FORMS_HINT}", offset + bad)
    year_text, month_text, day_text, qualifier = match.group("year", "month", "day", "qualifier")
    approximate = qualifier in ("~", "%")
    uncertain = qualifier in ("?", "%")

    if year_text.startswith("Y"):
        year_low = year_high = int(year_text[1:])
        year_precision = Precision.YEAR
    else:
        year_low, year_high, year_precision = _year_bounds(year_text, text, offset)
    if not MIN_YEAR <= year_low <= year_high <= MAX_YEAR:
        raise DateError(f"year {year_text} is out of range", offset)

    month_offset = offset + len(year_text) + 1
    day_offset = month_offset + 3
    if day_text is not None and month_text is not None and "X" in month_text and "X" not in day_text:
        raise DateError(
            f"{text!r} gives a day but not its month; write the month or use XX for the day",
            day_offset,
        )

    precision = year_precision
    month = day = None
    if month_text is None:
        first = days_from_civil(year_low, 1, 1)
        last = days_from_civil(year_high, 12, 31)
    elif month_text.isdigit() and int(month_text) in SEASONS:
        if day_text is not None:
            raise DateError(f"{text!r}: a season ({month_text}) takes no day", day_offset)
        if year_low != year_high:
            raise DateError(f"{text!r}: a season needs a full year", offset)
        month = int(month_text)
        _name, first_month, length = SEASONS[month]
        first = days_from_civil(year_low, first_month, 1)
        end_month = first_month + length - 1
        end_year = year_low + (end_month - 1) // 12
        end_month = (end_month - 1) % 12 + 1
        last = days_from_civil(end_year, end_month, days_in_month(end_year, end_month))
        precision = Precision.SEASON
    else:
        months = _matching(month_text, range(1, 13))
        if not months:
            raise DateError(
                f"month {month_text} does not exist; months run from 01 to 12 "
                "(21-24 are the seasons)",
                month_offset,
            )
        if year_precision == Precision.YEAR:
            precision = Precision.YEAR if len(months) > 1 else Precision.MONTH
        if len(months) == 1:
            month = months[0]
        if day_text is None:
            first = days_from_civil(year_low, months[0], 1)
            last = days_from_civil(year_high, months[-1], days_in_month(year_high, months[-1]))
        else:
            first_days = _matching(day_text, range(1, days_in_month(year_low, months[0]) + 1))
            last_days = _matching(day_text, range(1, days_in_month(year_high, months[-1]) + 1))
            if not first_days or not last_days:
                if "X" in day_text or len(months) > 1 or year_low != year_high:
                    raise DateError(f"day {day_text} does not exist in any month of {text!r}", day_offset)
                length = days_in_month(year_low, months[0])
                raise DateError(
                    f"day {int(day_text)} does not exist in {MONTH_NAMES[months[0] - 1]} "
                    f"{year_label(year_low)}, which has {length} days; check the day",
                    day_offset,
                )
            first = days_from_civil(year_low, months[0], first_days[0])
            last = days_from_civil(year_high, months[-1], last_days[-1])
            if len(months) == 1 and len(first_days) == 1 and year_precision == Precision.YEAR:
                day = first_days[0]
                precision = Precision.DAY
            elif len(months) == 1 and year_precision == Precision.YEAR:
                precision = Precision.MONTH
    return EdtfDate(
        text=text,
        year=year_low,
        month=month,
        day=day,
        precision=precision,
        approximate=approximate,
        uncertain=uncertain,
        earliest=first,
        latest=last,
    )


def _year_bounds(year_text: str, text: str, offset: int) -> tuple[int, int, Precision]:
    negative = year_text.startswith("-")
    digits = year_text[1:] if negative else year_text
    if digits == "XXXX":
        raise DateError(
            f"{text!r} has no known digit of the year; leave the date out when it is unknown",
            offset,
        )
    if negative and digits == "0000":
        raise DateError("-0000 is not a year; write 0000 for 1 BCE", offset)
    low = int(digits.replace("X", "0"))
    high = int(digits.replace("X", "9"))
    if "X" in digits:
        first_unknown = digits.index("X")
        precision = (Precision.MILLENNIUM, Precision.MILLENNIUM, Precision.CENTURY, Precision.DECADE)[
            first_unknown
        ]
    else:
        precision = Precision.YEAR
    if negative:
        low, high = -high, -low
    return low, high, precision


def _matching(pattern: str, candidates: range) -> list[int]:
    """The numbers in `candidates` whose two-digit form matches `pattern` (X is any digit)."""
    if "X" not in pattern:
        number = int(pattern)
        return [number] if number in candidates else []
    return [
        n for n in candidates
        if all(p in ("X", c) for p, c in zip(pattern, f"{n:02d}"))
    ]


def _first_bad_offset(text: str) -> int:
    """Where a malformed date stops looking like EDTF, for the diagnostic's column."""
    for end in range(len(text), 0, -1):
        if _DATE_PREFIX_RE.fullmatch(text[:end]):
            return end
    return 0


_DATE_PREFIX_RE = re.compile(r"-?[\dX]{1,4}|-?[\dX]{4}-[\dX]{0,2}|-?[\dX]{4}-[\dX]{2}-[\dX]{0,2}")


def day_extent(value: EdtfValue | None) -> tuple[float | None, float | None]:
    """Axis extent of a value: (first day, day after the last), None where unbounded."""
    if value is None:
        return None, None
    first, last = value.earliest, value.latest
    return (None if first is None else float(first)), (None if last is None else float(last + 1))
