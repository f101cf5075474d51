"""Day numbers of the proleptic Gregorian calendar, BCE included (astronomical years)."""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer.model.calendar import (
    DAYS_PER_YEAR,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    civil_from_days,
    day_words,
    days_from_civil,
    days_in_month,
    is_leap_year,
    year_label,
    year_of_day,
)

FIRST_YEAR, LAST_YEAR = -10000, 10000
FIRST_DAY = days_from_civil(FIRST_YEAR, 1, 1)
LAST_DAY = days_from_civil(LAST_YEAR, 12, 31)
#: 1970-01-01 as an ordinal of `datetime.date` (0001-01-01 is 1).
UNIX_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


def next_civil_day(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The calendar date after (year, month, day), by the month lengths alone."""
    if day < days_in_month(year, month):
        return year, month, day + 1
    if month < 12:
        return year, month + 1, 1
    return year + 1, 1, 1


# ---------------------------------------------------------------- fixed points


@pytest.mark.parametrize(
    ("ymd", "number"),
    [
        ((1970, 1, 1), 0),
        ((1969, 12, 31), -1),
        ((2000, 3, 1), 11017),
        ((2009, 3, 24), 14327),
        ((0, 3, 1), -719468),  # Hinnant's epoch: 1 March of 1 BCE
        ((0, 1, 1), -719528),  # 1 BCE is a leap year: 31 + 29 days before 1 March
        ((-1, 12, 31), -719529),
        ((1, 1, 1), -719162),
        ((-43, 3, 15), days_from_civil(0, 3, 15) - (43 * 365 + 11)),  # 11 leap years in -43..-1
    ],
)
def test_known_day_numbers(ymd: tuple[int, int, int], number: int) -> None:
    assert days_from_civil(*ymd) == number
    assert civil_from_days(number) == ymd


def test_month_and_day_default_to_the_first() -> None:
    assert days_from_civil(2009) == days_from_civil(2009, 1, 1)
    assert days_from_civil(-43, 3) == days_from_civil(-43, 3, 1)


# ---------------------------------------------------------------- against datetime (years 1..9999)


def test_matches_date_toordinal_on_every_month_edge_of_years_1_to_9999() -> None:
    for year in range(1, 10000):
        for month in range(1, 13):
            for day in (1, stdlib_calendar.monthrange(year, month)[1]):
                expected = dt.date(year, month, day).toordinal() - UNIX_EPOCH_ORDINAL
                assert days_from_civil(year, month, day) == expected, (year, month, day)


def test_matches_date_fromordinal_on_a_dense_sample() -> None:
    # A prime stride visits every weekday, day of month and position in the 400-year cycle.
    for ordinal in range(1, dt.date.max.toordinal() + 1, 89):
        expected = dt.date.fromordinal(ordinal)
        assert civil_from_days(ordinal - UNIX_EPOCH_ORDINAL) == (
            expected.year, expected.month, expected.day,
        )


@given(st.dates())
def test_matches_datetime_for_any_date(date: dt.date) -> None:
    number = date.toordinal() - UNIX_EPOCH_ORDINAL
    assert days_from_civil(date.year, date.month, date.day) == number
    assert civil_from_days(number) == (date.year, date.month, date.day)


# ---------------------------------------------------------------- BCE and far years


def test_every_month_starts_where_the_previous_one_ends_from_10000_bce_to_10000() -> None:
    # Exhaustive over month starts: each month is exactly as long as days_in_month says,
    # so the numbering has no gap or overlap anywhere in the range, BCE included.
    previous = days_from_civil(FIRST_YEAR - 1, 12, 1)
    previous_length = 31
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for month in range(1, 13):
            start = days_from_civil(year, month, 1)
            assert start - previous == previous_length, (year, month)
            previous, previous_length = start, days_in_month(year, month)


def test_year_lengths_from_10000_bce_to_10000() -> None:
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        length = days_from_civil(year + 1, 1, 1) - days_from_civil(year, 1, 1)
        assert length == (366 if is_leap_year(year) else 365), year


@pytest.mark.parametrize("first_year", [-10001, -2001, -401, -101, -5, 1581, 1899, 1999, 9998])
def test_walks_day_by_day_across_century_and_era_boundaries(first_year: int) -> None:
    ymd = (first_year, 1, 1)
    number = days_from_civil(*ymd)
    for _ in range(3 * 366):
        assert civil_from_days(number) == ymd
        assert days_from_civil(*ymd) == number
        ymd = next_civil_day(*ymd)
        number += 1


def test_round_trip_on_a_dense_sample_from_10000_bce_to_10000() -> None:
    for number in range(FIRST_DAY, LAST_DAY + 1, 37):
        year, month, day = civil_from_days(number)
        assert FIRST_YEAR <= year <= LAST_YEAR
        assert 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)
        assert days_from_civil(year, month, day) == number


@pytest.mark.parametrize(
    "ymd",
    [(FIRST_YEAR, 1, 1), (FIRST_YEAR, 12, 31), (-1, 12, 31), (0, 1, 1), (0, 2, 29), (0, 12, 31),
     (1, 1, 1), (LAST_YEAR, 1, 1), (LAST_YEAR, 12, 31), (-999_999, 1, 1), (999_999, 12, 31)],
)
def test_round_trip_at_the_edges(ymd: tuple[int, int, int]) -> None:
    assert civil_from_days(days_from_civil(*ymd)) == ymd
    assert civil_from_days(days_from_civil(*ymd) + 1) == next_civil_day(*ymd)


@given(st.integers(min_value=FIRST_DAY - 10**6, max_value=LAST_DAY + 10**6))
def test_round_trip_for_any_day_number(number: int) -> None:
    year, month, day = civil_from_days(number)
    assert days_from_civil(year, month, day) == number
    assert civil_from_days(number + 1) == next_civil_day(year, month, day)


@given(
    st.integers(min_value=FIRST_YEAR, max_value=LAST_YEAR),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=31),
)
def test_four_hundred_years_are_always_146097_days(year: int, month: int, day: int) -> None:
    day = min(day, days_in_month(year, month))
    assert days_from_civil(year + 400, month, day) - days_from_civil(year, month, day) == 146097


def test_days_per_year_is_the_mean_of_the_400_year_cycle() -> None:
    assert DAYS_PER_YEAR * 400 == days_from_civil(2400, 1, 1) - days_from_civil(2000, 1, 1)


# ---------------------------------------------------------------- leap years and months


@pytest.mark.parametrize(
    ("year", "leap"),
    [(2000, True), (1900, False), (2024, True), (2023, False), (2100, False), (1600, True),
     (0, True), (-4, True), (-1, False), (-100, False), (-400, True), (-43, False), (-44, True)],
)
def test_leap_years(year: int, leap: bool) -> None:
    assert is_leap_year(year) is leap
    assert days_in_month(year, 2) == (29 if leap else 28)


def test_leap_years_match_the_standard_library_for_years_1_to_9999() -> None:
    assert [y for y in range(1, 10000) if is_leap_year(y)] == [
        y for y in range(1, 10000) if stdlib_calendar.isleap(y)
    ]


def test_days_in_month() -> None:
    assert [days_in_month(2009, m) for m in range(1, 13)] == [
        31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]
    assert days_in_month(2012, 2) == 29
    assert days_in_month(-43, 3) == 31


def test_month_names() -> None:
    assert MONTH_NAMES[0] == "January" and MONTH_NAMES[11] == "December"
    assert MONTH_ABBREVIATIONS[2] == "Mar" and len(MONTH_ABBREVIATIONS) == 12


# ---------------------------------------------------------------- labels and fractional days


@pytest.mark.parametrize(
    ("year", "label"),
    [(2009, "2009"), (1, "1"), (0, "1 BCE"), (-1, "2 BCE"), (-43, "44 BCE"), (-9999, "10000 BCE")],
)
def test_year_label(year: int, label: str) -> None:
    assert year_label(year) == label


@pytest.mark.parametrize(
    ("day", "year"),
    [(0.0, 1970), (-0.5, 1969), (-1e-9, 1969), (364.999, 1970), (365.0, 1971),
     (float(days_from_civil(0, 1, 1)), 0), (days_from_civil(0, 1, 1) - 0.25, -1)],
)
def test_year_of_fractional_day(day: float, year: int) -> None:
    assert year_of_day(day) == year


def test_day_words_writes_a_day_as_people_do():
    assert day_words(days_from_civil(2012, 4, 6)) == "6 April 2012"
    assert day_words(days_from_civil(-43, 3, 15) + 0.7) == "15 March 44 BCE"
