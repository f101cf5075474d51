"""Proleptic Gregorian day numbers for any year, BCE included (astronomical numbering).

Day 0 is 1970-01-01. Year 0 is 1 BCE, year -43 is 44 BCE. `date.toordinal()` cannot
reach BCE and Unix timestamps are not meant for history, so the axis uses these numbers.
"""

from __future__ import annotations

import datetime as _dt

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)

#: Mean length of a Gregorian year in days, for converting spans of years to spans of days.
DAYS_PER_YEAR = 365.2425


def is_leap_year(year: int) -> bool:
    """Whether the astronomical `year` has a 29 February."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Number of days in `month` (1-12) of the astronomical `year`."""
    if month == 2:
        return 29 if is_leap_year(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def days_from_civil(year: int, month: int = 1, day: int = 1) -> int:
    """Day number of a proleptic Gregorian date; 1970-01-01 is 0."""
    # Howard Hinnant's algorithm: count in 400-year eras starting on 1 March. His C++ adjusts
    # negative dividends because `/` truncates; Python's `//` already floors, so it must not.
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(days: int) -> tuple[int, int, int]:
    """The (year, month, day) of a day number; inverse of `days_from_civil`."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + (3 if mp < 10 else -9)
    return yoe + era * 400 + (month <= 2), month, day


def year_of_day(day: float) -> int:
    """The astronomical year containing the (possibly fractional) day number."""
    return civil_from_days(int(day // 1))[0]


def year_label(year: int) -> str:
    """A year as people write it: 2009, 44 BCE (there is no year 0)."""
    if year <= 0:
        return f"{1 - year} BCE"
    return str(year)


def day_words(day: float) -> str:
    """A day number as people write it: "6 April 2012", "15 March 44 BCE"."""
    year, month, date = civil_from_days(int(day // 1))
    return f"{date} {MONTH_NAMES[month - 1]} {year_label(year)}"


def today() -> float:
    """The day number of today's date (local time), where ongoing spans and eras end."""
    date = _dt.date.today()
    return float(days_from_civil(date.year, date.month, date.day))
