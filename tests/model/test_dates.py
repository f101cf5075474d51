"""EDTF dates as timeline files write them: precision, qualifiers, first and last day, words."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer.model.calendar import civil_from_days, days_from_civil, days_in_month, year_label
from explorer.model.dates import (
    MAX_YEAR,
    MIN_YEAR,
    DateError,
    EdtfDate,
    EdtfInterval,
    Precision,
    day_extent,
    parse_date,
    parse_edtf,
)
from explorer.model.entities import Event
from tests.helpers.days import day

P = Precision


def ymd(number: int | None) -> tuple[int, int, int] | None:
    """A day number as (year, month, day), so expectations read as dates."""
    return None if number is None else civil_from_days(number)


def edtf_year(year: int) -> str:
    """A four-digit EDTF year, astronomical: -0043 is 44 BCE."""
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def raises_date_error(value: object) -> DateError:
    with pytest.raises(DateError) as caught:
        parse_date(value)
    return caught.value


# ---------------------------------------------------------------- YAML gives int, str or date


@pytest.mark.parametrize(
    ("as_yaml_gives", "as_text"),
    [
        (2009, "2009"),
        (dt.date(2009, 3, 24), "2009-03-24"),
        (dt.datetime(2009, 3, 24, 10, 30), "2009-03-24"),
        (-43, "-0043"),
        (0, "0000"),
        (1, "0001"),
        (850, "0850"),
        (9999, "9999"),
        (-9999, "-9999"),
        (20000, "Y20000"),
        (-20000, "Y-20000"),
        (dt.date(1, 1, 1), "0001-01-01"),
    ],
)
def test_int_str_and_date_give_the_same_value(as_yaml_gives: object, as_text: str) -> None:
    value = parse_date(as_yaml_gives)
    assert value == parse_date(as_text) == parse_edtf(as_text)
    assert value.text == as_text


def test_the_three_forms_of_the_seed_dates_agree() -> None:
    assert parse_date(2009) == parse_date("2009")
    assert parse_date("2009-03").earliest == days_from_civil(2009, 3, 1)
    day = parse_date(dt.date(2009, 3, 24))
    assert day == parse_date("2009-03-24")
    assert (day.year, day.month, day.day, day.precision) == (2009, 3, 24, P.DAY)


def test_surrounding_spaces_are_ignored() -> None:
    assert parse_edtf("  2009-03 \n") == parse_edtf("2009-03")


# ---------------------------------------------------------------- single dates, form by form


SINGLE_DATES = [
    # text, earliest, latest, precision, approximate, uncertain, words
    ("2009", (2009, 1, 1), (2009, 12, 31), P.YEAR, False, False, "2009"),
    ("2009-03", (2009, 3, 1), (2009, 3, 31), P.MONTH, False, False, "March 2009"),
    ("2009-03-24", (2009, 3, 24), (2009, 3, 24), P.DAY, False, False, "24 March 2009"),
    ("2008-02", (2008, 2, 1), (2008, 2, 29), P.MONTH, False, False, "February 2008"),
    ("2009-02", (2009, 2, 1), (2009, 2, 28), P.MONTH, False, False, "February 2009"),
    ("2000-02-29", (2000, 2, 29), (2000, 2, 29), P.DAY, False, False, "29 February 2000"),
    # negative years are astronomical: year 0 is 1 BCE, -0043 is 44 BCE
    ("-0043-03-15", (-43, 3, 15), (-43, 3, 15), P.DAY, False, False, "15 March 44 BCE"),
    ("-0043", (-43, 1, 1), (-43, 12, 31), P.YEAR, False, False, "44 BCE"),
    ("-0044-02", (-44, 2, 1), (-44, 2, 29), P.MONTH, False, False, "February 45 BCE"),
    ("0000", (0, 1, 1), (0, 12, 31), P.YEAR, False, False, "1 BCE"),
    ("0000-02-29", (0, 2, 29), (0, 2, 29), P.DAY, False, False, "29 February 1 BCE"),
    ("0001", (1, 1, 1), (1, 12, 31), P.YEAR, False, False, "1"),
    ("-9999-01-01", (-9999, 1, 1), (-9999, 1, 1), P.DAY, False, False, "1 January 10000 BCE"),
    ("9999-12-31", (9999, 12, 31), (9999, 12, 31), P.DAY, False, False, "31 December 9999"),
    # long years
    ("Y20000", (20000, 1, 1), (20000, 12, 31), P.YEAR, False, False, "20000"),
    ("Y-20000", (-20000, 1, 1), (-20000, 12, 31), P.YEAR, False, False, "20001 BCE"),
    ("Y-999999", (MIN_YEAR, 1, 1), (MIN_YEAR, 12, 31), P.YEAR, False, False, "1000000 BCE"),
    ("Y999999", (MAX_YEAR, 1, 1), (MAX_YEAR, 12, 31), P.YEAR, False, False, "999999"),
    # qualifiers apply to the whole date and change no day
    ("2009~", (2009, 1, 1), (2009, 12, 31), P.YEAR, True, False, "about 2009"),
    ("2010-04?", (2010, 4, 1), (2010, 4, 30), P.MONTH, False, True, "April 2010 (uncertain)"),
    ("2009%", (2009, 1, 1), (2009, 12, 31), P.YEAR, True, True, "about 2009 (uncertain)"),
    ("2009-03-24~", (2009, 3, 24), (2009, 3, 24), P.DAY, True, False, "about 24 March 2009"),
    ("-0043-03-15?", (-43, 3, 15), (-43, 3, 15), P.DAY, False, True, "15 March 44 BCE (uncertain)"),
    ("Y-20000~", (-20000, 1, 1), (-20000, 12, 31), P.YEAR, True, False, "about 20001 BCE"),
    # unspecified digits: the span of every reading
    ("201X", (2010, 1, 1), (2019, 12, 31), P.DECADE, False, False, "the 2010s"),
    ("19XX", (1900, 1, 1), (1999, 12, 31), P.CENTURY, False, False, "the 1900s"),
    ("1XXX", (1000, 1, 1), (1999, 12, 31), P.MILLENNIUM, False, False, "between 1000 and 1999"),
    ("0XXX", (0, 1, 1), (999, 12, 31), P.MILLENNIUM, False, False, "between 1 BCE and 999"),
    ("000X", (0, 1, 1), (9, 12, 31), P.DECADE, False, False, "between 1 BCE and 9"),
    ("-001X", (-19, 1, 1), (-10, 12, 31), P.DECADE, False, False, "between 20 BCE and 11 BCE"),
    ("-000X", (-9, 1, 1), (-1, 12, 31), P.DECADE, False, False, "between 10 BCE and 2 BCE"),
    ("-0XXX", (-999, 1, 1), (-1, 12, 31), P.MILLENNIUM, False, False, "between 1000 BCE and 2 BCE"),
    ("-1XXX", (-1999, 1, 1), (-1000, 12, 31), P.MILLENNIUM, False, False,
     "between 2000 BCE and 1001 BCE"),
    ("2013-XX", (2013, 1, 1), (2013, 12, 31), P.YEAR, False, False, "2013 (month unknown)"),
    ("1985-04-XX", (1985, 4, 1), (1985, 4, 30), P.MONTH, False, False, "April 1985 (day unknown)"),
    ("1985-XX-XX", (1985, 1, 1), (1985, 12, 31), P.YEAR, False, False, "1985 (month unknown)"),
    ("2012-02-XX", (2012, 2, 1), (2012, 2, 29), P.MONTH, False, False,
     "February 2012 (day unknown)"),
    ("-0043-XX", (-43, 1, 1), (-43, 12, 31), P.YEAR, False, False, "44 BCE (month unknown)"),
    ("201X~", (2010, 1, 1), (2019, 12, 31), P.DECADE, True, False, "about the 2010s"),
    ("1X9X~", (1090, 1, 1), (1999, 12, 31), P.MILLENNIUM, True, False, "about 1090\u20131999"),
    ("1985-04-XX%", (1985, 4, 1), (1985, 4, 30), P.MONTH, True, True,
     "about April 1985 (day unknown) (uncertain)"),
    ("201X-03", (2010, 3, 1), (2019, 3, 31), P.DECADE, False, False, "the 2010s"),
    ("2009-1X", (2009, 10, 1), (2009, 12, 31), P.YEAR, False, False, "2009 (month unknown)"),
    ("2009-04-3X", (2009, 4, 30), (2009, 4, 30), P.DAY, False, False, "30 April 2009"),
    ("2010-X2-30", (2010, 12, 30), (2010, 12, 30), P.DAY, False, False, "30 December 2010"),
    # only the readings that exist count: 29 February falls in leap years only
    ("201X-02-29", (2012, 2, 29), (2016, 2, 29), P.DECADE, False, False, "between 2012 and 2016"),
    # seasons (EDTF level 1); winter runs into the next year
    ("2001-21", (2001, 3, 1), (2001, 5, 31), P.SEASON, False, False, "spring 2001"),
    ("2001-22", (2001, 6, 1), (2001, 8, 31), P.SEASON, False, False, "summer 2001"),
    ("2001-23", (2001, 9, 1), (2001, 11, 30), P.SEASON, False, False, "autumn 2001"),
    ("2001-24", (2001, 12, 1), (2002, 2, 28), P.SEASON, False, False, "winter 2001"),
    ("2003-24", (2003, 12, 1), (2004, 2, 29), P.SEASON, False, False, "winter 2003"),
    ("-0043-22", (-43, 6, 1), (-43, 8, 31), P.SEASON, False, False, "summer 44 BCE"),
    ("2001-21~", (2001, 3, 1), (2001, 5, 31), P.SEASON, True, False, "about spring 2001"),
]


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision", "approximate", "uncertain", "words"),
    SINGLE_DATES,
    ids=[row[0] for row in SINGLE_DATES],
)
def test_single_date(
    text: str,
    earliest: tuple[int, int, int],
    latest: tuple[int, int, int],
    precision: Precision,
    approximate: bool,
    uncertain: bool,
    words: str,
) -> None:
    value = parse_edtf(text)
    assert isinstance(value, EdtfDate) and not value.is_interval
    assert value.text == text
    assert (ymd(value.earliest), ymd(value.latest)) == (earliest, latest)
    assert value.precision == precision
    assert (value.approximate, value.uncertain) == (approximate, uncertain)
    assert value.words() == words
    assert value.exact == (precision == P.DAY and not (approximate or uncertain))
    assert value.year == earliest[0]


@pytest.mark.parametrize(
    ("text", "month", "day"),
    [("2009", None, None), ("2009-03", 3, None), ("2009-03-24", 3, 24), ("2013-XX", None, None),
     ("1985-04-XX", 4, None), ("2001-24", 24, None), ("201X-03", 3, None), ("Y20000", None, None)],
)
def test_month_and_day_fields(text: str, month: int | None, day: int | None) -> None:
    value = parse_edtf(text)
    assert (value.month, value.day) == (month, day)


def test_a_year_only_date_is_the_whole_year_not_its_first_day() -> None:
    year = parse_date(2009)
    assert year.latest - year.earliest + 1 == 365
    assert day_extent(year) == (float(days_from_civil(2009)), float(days_from_civil(2010)))


# ---------------------------------------------------------------- every year from -9999 to 9999


@given(
    st.integers(min_value=-9999, max_value=9999),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=31),
    st.sampled_from(["", "~", "?", "%"]),
)
def test_any_day_of_years_minus_9999_to_9999(
    year: int, month: int, day: int, qualifier: str
) -> None:
    day = min(day, days_in_month(year, month))
    text = f"{edtf_year(year)}-{month:02d}-{day:02d}{qualifier}"
    value = parse_edtf(text)
    assert value.earliest == value.latest == days_from_civil(year, month, day)
    assert (value.year, value.month, value.day, value.precision) == (year, month, day, P.DAY)
    assert value.approximate == (qualifier in "~%" and qualifier != "")
    assert value.uncertain == (qualifier in "?%" and qualifier != "")
    assert year_label(year) in value.words()


@given(st.integers(min_value=-9999, max_value=9999), st.integers(min_value=1, max_value=12))
def test_any_month_of_years_minus_9999_to_9999(year: int, month: int) -> None:
    value = parse_edtf(f"{edtf_year(year)}-{month:02d}")
    assert ymd(value.earliest) == (year, month, 1)
    assert ymd(value.latest) == (year, month, days_in_month(year, month))
    assert value.precision == P.MONTH


def test_every_year_from_minus_9999_to_9999() -> None:
    for year in range(-9999, 10000):
        value = parse_date(year)
        assert ymd(value.earliest) == (year, 1, 1) and ymd(value.latest) == (year, 12, 31)
        assert value.precision == P.YEAR and value.words() == year_label(year)


@given(st.integers(min_value=10000, max_value=MAX_YEAR), st.booleans())
def test_long_years(magnitude: int, negative: bool) -> None:
    year = -magnitude if negative else magnitude
    value = parse_edtf(f"Y{year}")
    assert value == parse_date(year)
    assert ymd(value.earliest) == (year, 1, 1) and ymd(value.latest) == (year, 12, 31)


# ---------------------------------------------------------------- intervals


INTERVALS = [
    # text, earliest, latest, precision, start_open, end_open, words
    ("2007/2009", (2007, 1, 1), (2009, 12, 31), P.YEAR, False, False, "between 2007 and 2009"),
    ("../2013-07-03", None, (2013, 7, 3), P.DAY, True, False, "on or before 3 July 2013"),
    ("2015/..", (2015, 1, 1), None, P.YEAR, False, True, "in or after 2015"),
    ("/2013", None, (2013, 12, 31), P.YEAR, False, False, "in or before 2013"),
    ("2013/", (2013, 1, 1), None, P.YEAR, False, False, "in or after 2013"),
    ("2009-03-24/2010", (2009, 3, 24), (2010, 12, 31), P.YEAR, False, False,
     "between 24 March 2009 and 2010"),
    ("-0044/-0043-03-15", (-44, 1, 1), (-43, 3, 15), P.YEAR, False, False,
     "between 45 BCE and 15 March 44 BCE"),
    ("Y-20000/2009", (-20000, 1, 1), (2009, 12, 31), P.YEAR, False, False,
     "between 20001 BCE and 2009"),
    ("2009/2009", (2009, 1, 1), (2009, 12, 31), P.YEAR, False, False, "between 2009 and 2009"),
    ("2001-21/2001-24", (2001, 3, 1), (2002, 2, 28), P.SEASON, False, False,
     "between spring 2001 and winter 2001"),
    ("201X/2015", (2010, 1, 1), (2015, 12, 31), P.DECADE, False, False,
     "between the 2010s and 2015"),
    ("1X9X/2015-03-04", (1090, 1, 1), (2015, 3, 4), P.MILLENNIUM, False, False,
     "between 1090\u20131999 and 4 March 2015"),
    ("-201X/..", (-2019, 1, 1), None, P.DECADE, False, True, "in or after 2020 BCE\u20132011 BCE"),
    ("../2013~", None, (2013, 12, 31), P.YEAR, True, False, "in or before about 2013"),
]


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision", "start_open", "end_open", "words"),
    INTERVALS,
    ids=[row[0] for row in INTERVALS],
)
def test_interval(
    text: str,
    earliest: tuple[int, int, int] | None,
    latest: tuple[int, int, int] | None,
    precision: Precision,
    start_open: bool,
    end_open: bool,
    words: str,
) -> None:
    value = parse_edtf(text)
    assert isinstance(value, EdtfInterval) and value.is_interval and not value.exact
    assert value.text == text
    assert (ymd(value.earliest), ymd(value.latest)) == (earliest, latest)
    assert value.precision == precision
    assert (value.start_open, value.end_open) == (start_open, end_open)
    assert value.words() == words
    left, right = text.split("/")
    assert (value.start is None) == (left in ("", ".."))
    assert (value.end is None) == (right in ("", ".."))


def test_interval_ends_keep_their_own_qualifiers() -> None:
    value = parse_edtf("2004-06~/2004-08?")
    assert (value.start.approximate, value.start.uncertain) == (True, False)
    assert (value.end.approximate, value.end.uncertain) == (False, True)
    assert value.approximate and value.uncertain
    assert value.words() == "between about June 2004 and August 2004 (uncertain)"


def test_open_and_unknown_ends_are_told_apart() -> None:
    open_start, unknown_start = parse_edtf("../2013"), parse_edtf("/2013")
    assert open_start.start_open and not unknown_start.start_open
    assert open_start.earliest is None and unknown_start.earliest is None
    assert day_extent(open_start) == (None, float(days_from_civil(2014)))


def test_overlapping_ends_are_a_valid_range() -> None:
    value = parse_edtf("2010/2010-03")
    assert (ymd(value.earliest), ymd(value.latest)) == ((2010, 1, 1), (2010, 3, 31))


# ---------------------------------------------------------------- immutable values, text kept


@given(st.sampled_from([row[0] for row in SINGLE_DATES + INTERVALS]))
def test_text_round_trips_and_values_are_frozen(text: str) -> None:
    value = parse_edtf(text)
    assert parse_edtf(value.text) == value and hash(parse_edtf(value.text)) == hash(value)
    with pytest.raises(dataclasses.FrozenInstanceError):
        value.text = "2000"  # type: ignore[misc]


# ---------------------------------------------------------------- mistakes: a message and a column


ERRORS = [
    # text, offset of the problem, part of the message
    ("2010-02-30", 8, "day 30 does not exist in February 2010, which has 28 days"),
    ("2011-02-29", 8, "day 29 does not exist in February 2011, which has 28 days"),
    ("1900-02-29", 8, "February 1900, which has 28 days"),
    ("-0001-02-29", 9, "February 2 BCE, which has 28 days"),
    ("2010-04-31", 8, "April 2010, which has 30 days"),
    ("2010-03-00", 8, "day 00 does not exist"),
    ("2010-13", 5, "month 13 does not exist; months run from 01 to 12"),
    ("2010-00", 5, "month 00 does not exist"),
    ("2010-13-01", 5, "month 13 does not exist"),
    ("2010-25", 5, "(21-24 are the seasons)"),
    ("2013-21-03", 8, "a season (21) takes no day"),
    ("201X-21", 0, "a season needs a full year"),
    ("2009/2007", 5, "ends before it starts; swap the two dates"),
    ("2009-05/2009-03", 8, "ends before it starts"),
    ("-0043/-0044", 6, "ends before it starts"),
    ("-0000", 0, "-0000 is not a year; write 0000 for 1 BCE"),
    ("-0000-03-15", 0, "write 0000 for 1 BCE"),
    ("-0000-XX", 0, "write 0000 for 1 BCE"),
    ("XXXX", 0, "no known digit of the year; leave the date out"),
    ("-XXXX-03", 0, "no known digit of the year"),
    ("2009-XX-05", 8, "'2009-XX-05' gives a day without its month; write the month (2009-03-05) or leave "
                      "the day unknown too (2009-XX-XX)"),
    ("2009-XX-3X", 8, "gives a day without its month"),
    ("201X-XX-15~", 8, "gives a day without its month"),
    ("2009-02-3X", 8, "day 3X does not exist in any reading"),
    ("2009-X2-32", 8, "day 32 does not exist in any reading"),
    ("1X01-02-29", 8, "day 29 does not exist in any reading"),
    ("", 0, "the date is empty"),
    ("  \t", 0, "the date is empty"),
    ("/", 0, "no date at either end"),
    ("../..", 0, "no date at either end"),
    ("2009/2010/2011", 9, "more than one '/'"),
    ("24/03/2009", 0, "year first"),
    ("24.03.2009", 0, "year first"),
    ("March 2009", 0, "in numbers, year first"),
    ("about 2009", 0, "2009~ for about 2009"),
    ("2009 -03", 4, "remove the spaces"),
    ("2009-03\n-24", 7, "'2009-03\\n-24' is not a date: remove the line break inside the date: a date is "
                       "written on one line"),
    ("2009 03\u2028-24", 7, "remove the line break"),
    ("2009-03-24T10:00:00", 10, "a time of day is not part of a date"),
    # the two that pointed the wrong way ("remove the spaces inside the date")
    ("55 BC", 0, "55 BC is -0054"),
    ("44 BCE", 0, "44 BC is -0043"),
    ("1 bc", 0, "1 BC is 0000"),
    ("2013-03-30 11:16:00", 10, "times of day are not kept: write 2013-03-30"),
    ("-0043-03-15 09:00", 11, "times of day are not kept: write -0043-03-15"),
    ("201x", 3, "capital X"),
    ("1985-04-xx", 8, "capital X"),
    ("20uu", 2, "capital X"),
    ("850", 0, "four digits (0850, -0043)"),
    ("-43-03-15", 0, "four digits"),
    ("20000", 0, "with a Y"),
    ("-20000", 0, "with a Y"),
    ("Y2009", 0, "Y is only for years of more than four digits"),
    ("Y00100", 1, "no leading zeros"),
    ("Y20000-03", 6, "stands alone"),
    ("Y1000000", 0, "out of range; years run from -999999 to 999999"),
    ("Y-1000000", 0, "out of range"),
    ("2009-3", 5, "month with two digits"),
    ("2009-3-24", 5, "month with two digits"),
    ("2009-03-5", 8, "day with two digits"),
    ("2009~?", 5, "one qualifier: ~ approximate, ? uncertain, % both"),
    ("?2009", 0, "at the end"),
    ("2004-06~-11", 7, "at the end"),
    ("2009-03-24-", 10, "write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("\u0662\u0660\u0660\u0669", 0, "write YYYY"),  # Arabic-Indic digits are not EDTF digits
    ("2" * 100, 0, "too long to be a date"),
    # the column counts from the start of what was written, spaces and the range's start included
    ("  2010-13", 7, "month 13"),
    ("2010/2011-13", 10, "month 13"),
    ("2010/2011-02-29", 13, "February 2011"),
    ("2009/abc", 5, "'abc' is not a date"),
]


@pytest.mark.parametrize(("text", "offset", "message"), ERRORS, ids=[row[0] for row in ERRORS])
def test_malformed_or_impossible_date(text: str, offset: int, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_edtf(text)
    error = caught.value
    assert message in error.message
    assert str(error) == error.message
    assert error.offset == offset
    assert 0 <= error.offset <= len(text)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "true is not a date"),
        (False, "false is not a date"),
        (2009.5, "2009.5 is a number with a fraction, not a date"),
        (2009.0, "a number with a fraction"),
        (None, "the date is empty; leave the field out when it is unknown"),
        ([2009], "a date is a single value, not a list"),
        ({"year": 2009}, "a date is a single value, not a mapping"),
        (b"2009", "a date must be written as text or a number, not a bytes"),
        (dt.time(10, 30), "not a time"),
        (10**7, "out of range"),
        (-(10**7), "out of range"),
    ],
)
def test_values_that_are_not_dates_say_what_to_write(value: object, message: str) -> None:
    error = raises_date_error(value)
    assert message in error.message
    if not isinstance(value, int) or isinstance(value, bool):
        assert "YYYY-MM-DD" in error.message


def assert_parses_or_raises_a_date_error(text: str) -> None:
    """Any text either reads as a date with ordered bounds or raises a located DateError."""
    try:
        value = parse_edtf(text)
    except DateError as error:
        assert error.message and 0 <= error.offset <= len(text)
    else:
        earliest = value.earliest if value.earliest is not None else value.latest
        latest = value.latest if value.latest is not None else value.earliest
        assert earliest <= latest


@given(st.text(max_size=30))
def test_any_text_parses_or_raises_a_date_error(text: str) -> None:
    assert_parses_or_raises_a_date_error(text)


@given(st.text(alphabet="0123456789X-/.~?%Y ", max_size=24))
def test_date_like_text_parses_or_raises_a_date_error(text: str) -> None:
    assert_parses_or_raises_a_date_error(text)


# ---------------------------------------------------------------- events: axis extent and words


def event(start: object = None, end: object = None, *, is_span: bool = False) -> Event:
    return Event(
        id="e",
        title="An event",
        start=None if start is None else parse_date(start),
        end=None if end is None else parse_date(end),
        is_span=is_span,
    )


def test_a_year_only_point_covers_its_whole_year() -> None:
    launch = event(2009)
    assert launch.extent() == (day(2009), day(2010))
    assert launch.when_words() == "2009"
    assert launch.is_dated and not launch.is_ongoing


def test_a_day_point_covers_one_day() -> None:
    ides = event("-0043-03-15")
    assert ides.extent() == (day(-43, 3, 15), day(-43, 3, 16))
    assert ides.when_words() == "15 March 44 BCE"


def test_a_month_point_covers_its_month() -> None:
    assert event("2009-03").extent() == (day(2009, 3), day(2009, 4))


def test_a_span_runs_from_its_start_to_the_end_of_its_end() -> None:
    span = event("2007-03", 2009, is_span=True)
    assert span.extent() == (day(2007, 3), day(2010))
    assert span.when_words() == "from March 2007 to 2009"


def test_an_ongoing_span_has_no_end() -> None:
    ongoing = event(2015, is_span=True)
    assert ongoing.is_ongoing
    assert ongoing.extent() == (day(2015), None)
    assert ongoing.when_words() == "from 2015, ongoing"


def test_a_span_with_an_unknown_start() -> None:
    span = event(None, "2013-07-03", is_span=True)
    assert span.extent() == (None, day(2013, 7, 4))
    assert span.when_words() == "from an unknown date to 3 July 2013"


def test_an_undated_event_has_no_extent() -> None:
    undated = event()
    assert not undated.is_dated
    assert undated.extent() == (None, None)
    assert undated.when_words() == "date unknown"
    assert day_extent(None) == (None, None)


def test_a_point_given_as_a_range() -> None:
    before = event("../2013-07-03")
    assert before.extent() == (None, day(2013, 7, 4))
    assert before.when_words() == "on or before 3 July 2013"
    between = event("2007/2009")
    assert between.extent() == (day(2007), day(2010))
    assert between.when_words() == "between 2007 and 2009"
