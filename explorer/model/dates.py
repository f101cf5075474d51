"""Partial, approximate and uncertain dates in the Extended Date/Time Format (EDTF, ISO 8601-2).

Supported: `2009`, `2009-03`, `2009-03-24`; negative (astronomical) years `-0043-03-15`;
long years `Y-20000`; seasons `2001-21`..`2001-24`; qualifiers `~` (approximate), `?` (uncertain),
`%` (both) on the whole date; unspecified digits `201X`, `19XX`, `2013-XX`, `1985-04-XX`, and
elsewhere in a date (`1X9X`, `2009-1X`, but never a day without its month: `2009-XX-20`
is an error); intervals `2007/2009` with open (`..`) or unknown
(empty) ends. Not supported: times, level 2 seasons (25-41), qualifiers on single components,
sets, exponential years. `tests/model/test_dates_oracle.py` maps where this differs from the
`edtf` package, and why.

Every value keeps how it was written (precision, qualifiers) and knows its earliest and
latest possible day number (see `calendar`). A year-only date is the whole year; a date with
unspecified digits spans its first to its last existing reading.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from itertools import product

from explorer.model.calendar import (
    MONTH_ABBREVIATIONS,
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
    "write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2009, 2009-03, 2009-03-24; -0043 is 44 BCE), "
    "optionally ending in ~ (approximate), ? (uncertain) or % (both); X for unknown digits "
    "(201X, 2013-XX); "
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
        return _date_words(self, range_end=False)

    def short_words(self) -> str:
        """The same for a table: "21 Aug 2002", "April 2010", "about 2003"."""
        return _date_words(self, range_end=False, short=True)


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

    def words(self, short: bool = False) -> str:
        """The range in words: "between 2007 and 2009", "on or before 3 July 2013"."""
        start = None if self.start is None else _date_words(self.start, range_end=True, short=short)
        end = None if self.end is None else _date_words(self.end, range_end=True, short=short)
        if start is not None and end is not None:
            return f"between {start} and {end}"
        if self.end is not None and end is not None:
            return f"{_on_or_in(self.end)} or before {end}"
        if self.start is not None and start is not None:
            return f"{_on_or_in(self.start)} or after {start}"
        return "date unknown"

    def short_words(self) -> str:
        """The range in words for a table: "on or before 3 Jul 2013"."""
        return self.words(short=True)


EdtfValue = EdtfDate | EdtfInterval


def _on_or_in(date: EdtfDate) -> str:
    return "on" if date.precision == Precision.DAY and not date.approximate else "in"


def _date_words(date: EdtfDate, range_end: bool, short: bool = False) -> str:
    base = _base_words(date, range_end or date.approximate, short)
    if date.approximate:
        base = f"about {base}"
    if date.uncertain:
        base = f"{base} (uncertain)"
    return base


def _base_words(date: EdtfDate, range_end: bool, short: bool = False) -> str:
    precision, month = date.precision, date.month
    if precision == Precision.DAY and month is not None:
        name = MONTH_ABBREVIATIONS[month - 1] if short else MONTH_NAMES[month - 1]
        return f"{date.day} {name} {year_label(date.year)}"
    if precision == Precision.MONTH and month is not None:
        words = f"{MONTH_NAMES[month - 1]} {year_label(date.year)}"
        return f"{words} (day unknown)" if _written_parts(date.text) > 2 else words
    if precision == Precision.SEASON and month is not None:
        name = SEASONS[month][0]
        return f"{name} {year_label(date.year)}"
    if precision == Precision.YEAR:
        if _written_parts(date.text) > 1:
            return f"{year_label(date.year)} (month unknown)"
        return year_label(date.year)
    low, high = _year_range(date)
    # "the 1000s" would read as a century, so a millennium is always given as a range.
    span = {Precision.DECADE: 10, Precision.CENTURY: 100}.get(precision)
    if span is not None and low >= 1 and low % span == 0 and high == low + span - 1:
        return f"the {low}s"
    if range_end:
        # "between between 1090 and 1999 and 2015" or "about between..." would trip a reader.
        return f"{year_label(low)}\u2013{year_label(high)}"
    return f"between {year_label(low)} and {year_label(high)}"


def _written_parts(text: str) -> int:
    """How many of year, month and day the text writes out (digits or X)."""
    return text.lstrip("Y-").rstrip("~?%").count("-") + 1


def _year_range(date: EdtfDate) -> tuple[int, int]:
    return civil_from_days(date.earliest)[0], civil_from_days(date.latest)[0]


_DATE_RE = re.compile(
    r"(?P<year>-?[0-9X]{4})(?:-(?P<month>[0-9X]{2})(?:-(?P<day>[0-9X]{2}))?)?(?P<qualifier>[~?%])?"
)
_LONG_YEAR_RE = re.compile(r"Y(?P<year>-?[1-9][0-9]{4,})(?P<qualifier>[~?%])?")

#: Longer text cannot be a date; the bound also keeps the search for an error's column cheap.
MAX_LENGTH = 64


def parse_date(value: object) -> EdtfValue:
    """Read a date as YAML hands it over (int, str, date or datetime) into an EDTF value."""
    if isinstance(value, str):
        return parse_edtf(value)
    if isinstance(value, bool):
        raise DateError(f"{str(value).lower()} is not a date; {_FORMS_HINT}")
    if isinstance(value, int):
        if -9999 <= value <= 9999:
            return parse_edtf(f"-{-value:04d}" if value < 0 else f"{value:04d}")
        return parse_edtf(f"Y{value}")
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return parse_edtf(value.isoformat())
    if value is None:
        raise DateError(
            f"the date is empty; leave the field out when it is unknown, or {_FORMS_HINT}"
        )
    if isinstance(value, float):
        raise DateError(f"{value!r} is a number with a fraction, not a date; {_FORMS_HINT}")
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        kind = "mapping" if isinstance(value, dict) else "list"
        raise DateError(f"a date is a single value, not a {kind}; {_FORMS_HINT}")
    kind = type(value).__name__
    raise DateError(f"a date must be written as text or a number, not a {kind}; {_FORMS_HINT}")


@lru_cache(maxsize=65536)
def parse_edtf(text: str) -> EdtfValue:
    """Parse EDTF text; raises `DateError` with the offset of the problem."""
    stripped = text.strip()
    lead = 0 if stripped is text else len(text) - len(text.lstrip())
    if not stripped:
        raise DateError(f"the date is empty; {_FORMS_HINT}")
    if len(stripped) > MAX_LENGTH:
        raise DateError(f"this text is too long to be a date; {_FORMS_HINT}", lead)
    if "/" in stripped:
        return _parse_interval(stripped, lead)
    return _parse_single(stripped, lead)


def _parse_interval(text: str, lead: int) -> EdtfInterval:
    if text.count("/") > 1:
        if _DAY_FIRST_RE.fullmatch(text):
            raise DateError(f"{text!r} is not a date: {_DAY_FIRST_HINT}", lead)
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
        return _parse_long_year(text, offset)
    year_text, month_text, day_text, qualifier = match.groups()
    if "X" in text:
        return _parse_unspecified(text, offset, year_text, month_text, day_text, qualifier)
    if year_text == "-0000":
        raise DateError("-0000 is not a year; write 0000 for 1 BCE", offset)
    year = int(year_text)
    month = day = None
    if month_text is None:
        precision = Precision.YEAR
        first = days_from_civil(year, 1, 1)
        last = days_from_civil(year, 12, 31)
    else:
        month = int(month_text)
        month_offset = offset + len(year_text) + 1
        if month in SEASONS:
            if day_text is not None:
                raise DateError(f"{text!r}: a season ({month_text}) takes no day", month_offset + 3)
            precision = Precision.SEASON
            first, last = _season_days(year, month)
        elif not 1 <= month <= 12:
            raise DateError(_no_such_month(month_text), month_offset)
        elif day_text is None:
            precision = Precision.MONTH
            first = days_from_civil(year, month, 1)
            last = first + days_in_month(year, month) - 1
        else:
            day = int(day_text)
            length = days_in_month(year, month)
            if not 1 <= day <= length:
                raise DateError(
                    f"day {day_text} does not exist in {MONTH_NAMES[month - 1]} "
                    f"{year_label(year)}, which has {length} days; check the day",
                    month_offset + 3,
                )
            precision = Precision.DAY
            first = last = days_from_civil(year, month, day)
    return EdtfDate(
        text=text,
        year=year,
        month=month,
        day=day,
        precision=precision,
        approximate=qualifier in ("~", "%"),
        uncertain=qualifier in ("?", "%"),
        earliest=first,
        latest=last,
    )


def _parse_long_year(text: str, offset: int) -> EdtfDate:
    """A year of more than four digits, written `Y12000` or `Y-12000` (EDTF level 1)."""
    match = _LONG_YEAR_RE.fullmatch(text)
    if match is None:
        raise _malformed(text, offset)
    year_text, qualifier = match.groups()
    year = int(year_text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(
            f"year {year_text} is out of range; years run from {MIN_YEAR} to {MAX_YEAR}", offset
        )
    return EdtfDate(
        text=text,
        year=year,
        month=None,
        day=None,
        precision=Precision.YEAR,
        approximate=qualifier in ("~", "%"),
        uncertain=qualifier in ("?", "%"),
        earliest=days_from_civil(year, 1, 1),
        latest=days_from_civil(year, 12, 31),
    )


def _season_days(year: int, season: int) -> tuple[int, int]:
    """First and last day of a season; winter runs from December into the next year."""
    _name, first_month, length = SEASONS[season]
    end_month = first_month + length - 1
    end_year = year + (end_month - 1) // 12
    end_month = (end_month - 1) % 12 + 1
    first = days_from_civil(year, first_month, 1)
    return first, days_from_civil(end_year, end_month, days_in_month(end_year, end_month))


def _no_such_month(month_text: str) -> str:
    return f"month {month_text} does not exist; months run from 01 to 12 (21-24 are the seasons)"


def _parse_unspecified(
    text: str,
    offset: int,
    year_text: str,
    month_text: str | None,
    day_text: str | None,
    qualifier: str | None,
) -> EdtfDate:
    """A date with unspecified digits (`201X`, `2013-XX`, `1985-04-XX`): all its readings."""
    negative = year_text.startswith("-")
    digits = year_text[1:] if negative else year_text
    if digits == "XXXX":
        raise DateError(
            f"{text!r} has no known digit of the year; leave the date out when it is unknown",
            offset,
        )
    if digits == "0000" and negative:
        raise DateError("-0000 is not a year; write 0000 for 1 BCE", offset)
    month_offset = offset + len(year_text) + 1
    day_offset = month_offset + 3
    if "X" in digits:
        # The first unknown digit says how coarse the year is: 201X a decade, 19XX a century.
        precision = _PRECISION_BY_FIRST_UNKNOWN_DIGIT[digits.index("X")]
        ascending: Iterable[int] = _years_in_order(digits, negative, descending=False)
        descending: Iterable[int] = _years_in_order(digits, negative, descending=True)
    else:
        precision = Precision.YEAR
        ascending = descending = (int(year_text),)
    month = day = None
    if month_text == "XX" and day_text is not None and day_text != "XX":
        raise DateError(
            f"{text!r} gives a day without its month; write the month ({year_text}-03-{day_text}) "
            f"or leave the day unknown too ({year_text}-XX-XX)",
            day_offset,
        )
    if month_text is None or month_text == "XX":
        months = _ALL_MONTHS
    elif month_text.isdigit() and int(month_text) in SEASONS:
        raise DateError(f"{text!r}: a season needs a full year; write all four digits", offset)
    else:
        months = tuple(_matching(month_text, range(1, 13)))
        if not months:
            raise DateError(_no_such_month(month_text), month_offset)
        if len(months) == 1:
            month = months[0]
            if precision == Precision.YEAR:
                precision = Precision.MONTH
    first = _first_reading(ascending, months, day_text, latest=False)
    if first is None:
        raise DateError(f"day {day_text} does not exist in any reading of {text!r}", day_offset)
    last = _first_reading(descending, months[::-1], day_text, latest=True)
    assert last is not None  # a first reading exists, so a last one does
    earliest_year, first_month, first_day = civil_from_days(first)
    if first == last:
        month, day = first_month, first_day
        precision = Precision.DAY
    return EdtfDate(
        text=text,
        year=earliest_year,
        month=month,
        day=day,
        precision=precision,
        approximate=qualifier in ("~", "%"),
        uncertain=qualifier in ("?", "%"),
        earliest=first,
        latest=last,
    )


_ALL_MONTHS = tuple(range(1, 13))
_PRECISION_BY_FIRST_UNKNOWN_DIGIT = (
    Precision.MILLENNIUM, Precision.MILLENNIUM, Precision.CENTURY, Precision.DECADE,
)


def _years_in_order(digits: str, negative: bool, descending: bool) -> Iterator[int]:
    """The astronomical years a four-digit pattern such as `19X5` stands for, in order, lazily."""
    # BCE years run the other way: -0019 comes before -0010.
    backwards = descending != negative
    unknown = range(9, -1, -1) if backwards else range(10)
    for a, b, c, d in product(*(unknown if ch == "X" else (int(ch),) for ch in digits)):
        magnitude = ((a * 10 + b) * 10 + c) * 10 + d
        if not negative:
            yield magnitude
        elif magnitude:  # -0000 is not a year, so -000X stands for -0001 to -0009 only
            yield -magnitude


def _first_reading(
    years: Iterable[int], months: tuple[int, ...], day_text: str | None, latest: bool
) -> int | None:
    """Day number of the first existing day in the readings, in the order given; None if none."""
    for year in years:
        for month in months:
            length = days_in_month(year, month)
            if day_text is None or day_text == "XX":
                return days_from_civil(year, month, length if latest else 1)
            days = _matching(day_text, range(1, length + 1))
            if days:
                return days_from_civil(year, month, days[-1] if latest else days[0])
    return None


def _matching(pattern: str, candidates: range) -> list[int]:
    """The numbers in `candidates` whose two-digit form matches `pattern` (X is any digit)."""
    if "X" not in pattern:
        number = int(pattern)
        return [number] if number in candidates else []
    tens, units = pattern[0], pattern[1]
    return [
        n for n in candidates
        if (tens == "X" or n // 10 == int(tens)) and (units == "X" or n % 10 == int(units))
    ]


_DAY_FIRST_RE = re.compile(r"[0-9]{1,2}([./-])[0-9]{1,2}\1[0-9]{4}")
_DAY_FIRST_HINT = "write dates year first, with two-digit months and days: 2009-03-24"

#: The hint for a date with a space inside.
SPACES_HINT = "remove the spaces inside the date"


def _bce_hint(match: re.Match) -> str:
    """"55 BC" is the astronomical year -54: write -0054."""
    year = int(match.group("at"))
    return (f"write years before the common era as negative astronomical years: {year} BC is "
            f"-{year - 1:04d} (1 BC is 0000)" if year > 0 else "a year BC is a positive number")


def _time_hint(match: re.Match) -> str:
    return f"times of day are not kept: write {match.group('day')}"


#: Common ways of writing a date that EDTF does not read, each with what to write instead
#: (a text, or a function of the match that makes it). The pattern's `at` group (or its
#: start) is where the problem is.
_MISTAKES = (
    (_DAY_FIRST_RE, _DAY_FIRST_HINT),
    (
        re.compile(r"(?P<day>-?[0-9]{4}-[0-9]{2}-[0-9]{2})(?P<at>T)"),
        "a time of day is not part of a date; write the day alone (2009-03-24)",
    ),
    (re.compile(r"(?P<day>-?[0-9]{4}-[0-9]{2}-[0-9]{2})(?P<at>\s+)[0-9]{1,2}:[0-9]{2}"), _time_hint),
    (re.compile(r"(?P<at>[0-9]{1,4})\s*(?:BCE?|B\.C\.(?:E\.)?)$", re.IGNORECASE), _bce_hint),
    (
        re.compile(r"[^A-Za-z]*(?P<at>[A-Za-z]{3,})"),
        "write it in numbers, year first (2009-03 for March 2009, 2009~ for about 2009)",
    ),
    (
        re.compile("[^\r\n\x85\u2028\u2029]*(?P<at>[\r\n\x85\u2028\u2029])"),
        "remove the line break inside the date: a date is written on one line",
    ),
    (re.compile(r".*?(?P<at>\s)"), SPACES_HINT),
    (
        re.compile(
            r"(?:-?[0-9X]{0,4}|-?[0-9X]{4}-[0-9X]{0,2}|-?[0-9X]{4}-[0-9X]{2}-[0-9X]{0,2})"
            r"(?P<at>[xu])"
        ),
        "write unknown digits as a capital X (201X, 2013-XX)",
    ),
    (
        re.compile(r"Y-?(?P<at>0)"),
        "a long year (Y...) has no leading zeros; years of up to four digits are written 0850",
    ),
    (
        re.compile(r"Y-?[0-9]{1,4}(?:$|[~?%]$)"),
        "Y is only for years of more than four digits; write 2009, 0850 or -0043",
    ),
    (
        re.compile(r"Y-?[0-9]+(?P<at>-)"),
        "a long year (Y...) stands alone: it takes no month or day",
    ),
    (
        re.compile(r"(?P<at>-?[0-9]{5,})"),
        "years of more than four digits are written with a Y and stand alone (Y12000, Y-12000)",
    ),
    (
        re.compile(r"(?P<at>-?[0-9]{1,3})(?:$|[-~?%])"),
        "write the year with four digits (0850, -0043); a long year as Y12000",
    ),
    (
        re.compile(r"-?[0-9X]{4}-(?P<at>[0-9X])(?:$|[-~?%])"),
        "write the month with two digits (2009-03)",
    ),
    (
        re.compile(r"-?[0-9X]{4}-[0-9X]{2}-(?P<at>[0-9X])(?:$|[~?%])"),
        "write the day with two digits (2009-03-05)",
    ),
    (
        re.compile(r"(?:Y-?[0-9]+|-?[0-9X]{4}(?:-[0-9X]{2}){0,2})[~?%](?P<at>[~?%])"),
        "write one qualifier: ~ approximate, ? uncertain, % both",
    ),
    (
        re.compile(r"[0-9X-]*(?P<at>[~?%])[0-9X-]"),
        "put the qualifier (~ ? %) at the end, where it applies to the whole date (2009-03?)",
    ),
)


def _malformed(text: str, offset: int) -> DateError:
    """The error for text that does not have the shape of a date, saying what to write."""
    for pattern, hint in _MISTAKES:
        match = pattern.match(text)
        if match is not None:
            column = match.start("at") if "at" in pattern.groupindex else 0
            said = hint if isinstance(hint, str) else hint(match)
            return DateError(f"{text!r} is not a date: {said}", offset + column)
    return DateError(f"{text!r} is not a date; {_FORMS_HINT}", offset + _first_bad_offset(text))


def _first_bad_offset(text: str) -> int:
    """Where a malformed date stops looking like EDTF, for the diagnostic's column."""
    for end in range(len(text), 0, -1):
        if _DATE_PREFIX_RE.fullmatch(text[:end]):
            return end
    return 0


_DATE_PREFIX_RE = re.compile(
    r"Y-?[0-9]*|-?[0-9X]{1,4}|-?[0-9X]{4}-[0-9X]{0,2}|-?[0-9X]{4}-[0-9X]{2}-[0-9X]{0,2}"
    r"|-?[0-9X]{4}(?:-[0-9X]{2}){0,2}[~?%]"
)


def day_extent(value: EdtfValue | None) -> tuple[float | None, float | None]:
    """Axis extent of a value: (first day, day after the last), None where unbounded."""
    if value is None:
        return None, None
    first, last = value.earliest, value.latest
    return (None if first is None else float(first)), (None if last is None else float(last + 1))


def day_text(day: float) -> str:
    """A day number as EDTF text ("2011-01-01", "-0043-03-15")."""
    year, month, date = civil_from_days(math.floor(day))
    year_text = f"-{-year:04d}" if year < 0 else f"{year:04d}"
    return f"{year_text}-{month:02d}-{date:02d}"


def parse_day(text: str) -> float:
    """The first day an EDTF date may mean ("2011" is 1 January 2011); raises `DateError`."""
    value = parse_edtf(text)
    day = value.earliest if value.earliest is not None else value.latest
    if day is None:
        raise DateError("give a date with at least one known end, such as 2011-01-01")
    return float(day)
