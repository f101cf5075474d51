"""Our EDTF dates against the `edtf` package on the subset both read the same way.

`edtf` is the reference implementation of the Library of Congress format; it is only a test
oracle here (about 8 ms a date, and it needs pyparsing at run time). The strategies below
generate the shared subset; `test_documented_difference` pins, with the reason, every place
where the two deliberately part ways, so a change on either side shows up here.
"""

from __future__ import annotations

import math
import time

import pytest
from edtf import parse_edtf as edtf_parse
from edtf.parser.edtf_exceptions import EDTFParseException
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.model.calendar import civil_from_days, days_in_month, is_leap_year
from explorer.model.dates import DateError, EdtfValue, Precision, parse_edtf

Bound = tuple[int, int, int] | float

#: edtf takes 3-15 ms a date: a bounded, reproducible number of examples keeps this file short.
ORACLE = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
#: For strategies with few distinct shapes.
ORACLE_SMALL = settings(ORACLE, max_examples=60)


def oracle_bounds(text: str) -> tuple[Bound, Bound]:
    """edtf's strict first and last day as (year, month, day); open ends are +-inf."""
    return _bounds_of(edtf_parse(text))


def _bounds_of(value: object) -> tuple[Bound, Bound]:
    return _ymd(value.lower_strict()), _ymd(value.upper_strict())


def _ymd(moment: time.struct_time | float) -> Bound:
    if isinstance(moment, float):
        return moment
    return moment.tm_year, moment.tm_mon, moment.tm_mday


def our_bounds(value: EdtfValue) -> tuple[Bound, Bound]:
    first = -math.inf if value.earliest is None else civil_from_days(value.earliest)
    last = math.inf if value.latest is None else civil_from_days(value.latest)
    return first, last


def assert_same_reading(text: str) -> tuple[EdtfValue, object]:
    """Both parsers accept `text` with the same days and qualifiers; returns both values."""
    ours = parse_edtf(text)
    theirs = edtf_parse(text)
    assert our_bounds(ours) == _bounds_of(theirs), text
    # edtf keeps `%` apart from `~` and `?`; ours sets both flags.
    both = theirs.is_uncertain_and_approximate
    assert ours.approximate == bool(theirs.is_approximate or both), text
    assert ours.uncertain == bool(theirs.is_uncertain or both), text
    return ours, theirs


# ---------------------------------------------------------------- strategies for the shared subset


years = st.integers(min_value=-9999, max_value=9999)
qualifiers = st.sampled_from(["", "~", "?", "%"])


def four_digits(year: int) -> str:
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


@st.composite
def level0_dates(draw: st.DrawFn) -> str:
    """`2009`, `2009-03`, `-0043-03-15`: any year from -9999 to 9999, any existing day."""
    year = draw(years)
    parts = draw(st.integers(min_value=1, max_value=3))
    if parts == 1:
        return four_digits(year)
    month = draw(st.integers(min_value=1, max_value=12))
    if parts == 2:
        return f"{four_digits(year)}-{month:02d}"
    day = draw(st.integers(min_value=1, max_value=days_in_month(year, month)))
    return f"{four_digits(year)}-{month:02d}-{day:02d}"


@st.composite
def seasons(draw: st.DrawFn) -> str:
    # Winter (24) is left out: edtf makes it December alone, we run it into February.
    return f"{four_digits(draw(years))}-{draw(st.integers(min_value=21, max_value=23))}"


@st.composite
def trailing_unspecified_years(draw: st.DrawFn) -> str:
    """`201X`, `19XX`, `1XXX`, `-001X`: what edtf's Unspecified reads, qualified and BCE too."""
    digits = f"{draw(st.integers(min_value=0, max_value=9999)):04d}"
    unknown = draw(st.integers(min_value=1, max_value=3))
    sign = draw(st.sampled_from(["", "-"]))
    year = digits[: 4 - unknown] + "X" * unknown
    if sign and set(year) <= {"0", "X"}:
        sign = ""  # see the documented difference for -000X
    return f"{sign}{year}{draw(qualifiers)}"


@st.composite
def inner_unspecified_years(draw: st.DrawFn) -> str:
    """`1X9X`, `X999`: unknown digits anywhere in a year (edtf level 2, CE years only there)."""
    digits = list(f"{draw(st.integers(min_value=0, max_value=9999)):04d}")
    unknown = draw(st.sets(st.integers(min_value=0, max_value=3), min_size=1, max_size=3))
    for position in unknown:
        digits[position] = "X"
    return "".join(digits)


@st.composite
def unspecified_months_and_days(draw: st.DrawFn) -> str:
    """`2013-XX`, `1985-04-XX`, `1985-XX-XX`, `201X-03-15`, `1X0X-02-XX` (a day without its
    month, `2009-XX-20`, is an error here though edtf reads it)."""
    # CE years only: for BCE years edtf swaps the first and last month or day (see below).
    year = f"{draw(st.integers(min_value=0, max_value=9999)):04d}"
    known_year = draw(st.booleans())
    if not known_year:
        year = draw(inner_unspecified_years())
    month = draw(st.integers(min_value=1, max_value=12))
    form = draw(st.sampled_from(["Y-XX", "Y-XX-XX", "Y-M-XX", "Y-M", "Y-M-D"]))
    if known_year and form in ("Y-M", "Y-M-D"):
        form = "Y-XX"
    # A day that exists in every reading: edtf takes the X-as-0 year's day without checking it.
    day = draw(st.integers(min_value=1, max_value=28))
    text = (
        form.replace("Y", year, 1).replace("-M", f"-{month:02d}").replace("-D", f"-{day:02d}")
    )
    # edtf reads a trailing qualifier only on its level 1 forms (a fully known year).
    return text + (draw(qualifiers) if known_year else "")


@st.composite
def long_years(draw: st.DrawFn) -> str:
    magnitude = draw(st.integers(min_value=10_000, max_value=999_999))
    return f"Y{draw(st.sampled_from(['', '-']))}{magnitude}"


interval_ends = st.one_of(
    st.builds(lambda date, q: date + q, level0_dates(), qualifiers),
    st.builds(lambda season, q: season + q, seasons(), qualifiers),
    st.just(".."),
)


@st.composite
def intervals(draw: st.DrawFn) -> str:
    """`2007/2009`, `../2013-07-03`, `2015/..`, `2004-06~/2004-08?`, `2001-21/2002`."""
    first, second = draw(interval_ends), draw(interval_ends)
    if first == second == "..":
        second = draw(level0_dates())
    if ".." not in (first, second) and parse_edtf(second).latest < parse_edtf(first).earliest:
        first, second = second, first  # edtf does not check the order of the ends; we do
    return f"{first}/{second}"


@st.composite
def level2_intervals(draw: st.DrawFn) -> str:
    """`201X/2015`, `2001-21/1X9X`: an unspecified CE year at one end, a plain date at the other."""
    unspecified = draw(inner_unspecified_years())
    plain = draw(st.one_of(level0_dates(), seasons()))
    if parse_edtf(plain).latest < parse_edtf(unspecified).earliest:
        return f"{plain}/{unspecified}"
    return f"{unspecified}/{plain}"


# ---------------------------------------------------------------- the shared subset reads the same


@ORACLE
@given(level0_dates(), qualifiers)
def test_plain_and_qualified_dates(text: str, qualifier: str) -> None:
    ours, theirs = assert_same_reading(text + qualifier)
    date = theirs.date if qualifier else theirs
    assert ours.precision.name.lower() == date.precision


@ORACLE_SMALL
@given(seasons(), qualifiers)
def test_seasons(season: str, qualifier: str) -> None:
    # edtf reads a qualified season only as the end of a range, so it is compared there.
    assert_same_reading(season if not qualifier else f"{season}{qualifier}/..")
    assert parse_edtf(season).precision == Precision.SEASON


@ORACLE
@given(trailing_unspecified_years())
def test_years_with_unspecified_last_digits(text: str) -> None:
    ours, theirs = assert_same_reading(text)
    expected = {1: "decade", 2: "century", 3: "millennium"}[text.count("X")]
    assert ours.precision.name.lower() == expected
    assert theirs.precision.replace("millenium", "millennium") == expected


@ORACLE_SMALL
@given(inner_unspecified_years())
def test_years_with_unspecified_digits_anywhere(text: str) -> None:
    assert_same_reading(text)


@ORACLE
@given(unspecified_months_and_days())
def test_unspecified_months_and_days(text: str) -> None:
    assert_same_reading(text)


@ORACLE_SMALL
@given(long_years())
def test_long_years(text: str) -> None:
    assert_same_reading(text)


@ORACLE
@given(intervals())
def test_intervals(text: str) -> None:
    assert_same_reading(text)


@ORACLE_SMALL
@given(level2_intervals())
def test_intervals_with_an_unspecified_end(text: str) -> None:
    assert_same_reading(text)


# ---------------------------------------------------------------- what both reject


def _invalid_day(draw: st.DrawFn) -> str:
    year = draw(years)
    month = draw(st.integers(min_value=1, max_value=12))
    length = days_in_month(year, month)
    # 29 February of a common year is left out: edtf's grammar allows day 29 in every February.
    low = 30 if month == 2 and not is_leap_year(year) else length + 1
    day = draw(st.sampled_from([0, *range(low, 32), *range(32, 100, 7)]))
    return f"{four_digits(year)}-{month:02d}-{day:02d}"


@st.composite
def invalid_dates(draw: st.DrawFn) -> str:
    """Text that breaks the EDTF grammar in a way both parsers must refuse."""
    kind = draw(st.integers(min_value=0, max_value=11))
    year = four_digits(draw(years))
    date = draw(level0_dates())
    if kind == 0:
        return _invalid_day(draw)
    if kind == 1:  # months that are neither months nor level 1 seasons (25-41 are level 2 seasons)
        month = draw(st.sampled_from([0, *range(13, 21), *range(42, 100)]))
        return f"{year}-{month:02d}" + draw(st.sampled_from(["", "-01"]))
    if kind == 2:  # there is no year minus zero
        return "-0000" + draw(st.sampled_from(["", "-01", "-01-01", "~", "-21"]))
    if kind == 3:  # years of one to three, or more than four, digits without the Y
        digits = draw(st.integers(min_value=1, max_value=999)) if draw(st.booleans()) else draw(
            st.integers(min_value=10_000, max_value=10**7)
        )
        return draw(st.sampled_from(["", "-"])) + str(digits) + draw(st.sampled_from(["", "-03"]))
    if kind == 4:  # one-digit or three-digit months and days
        return f"{year}-{draw(st.sampled_from(['3', '003', '03-5', '03-005', '3-05']))}"
    if kind == 5:  # Y only before five digits or more, never with a leading zero or a month
        return draw(
            st.sampled_from(["Y2009", "Y-0043", "Y0", "Y012345", "Y-012345", "Y12345-03", "Y"])
        )
    if kind == 6:  # two qualifiers
        return date + draw(st.sampled_from(["~~", "?~", "~?", "%%", "??", "%~"]))
    if kind == 7:  # stray characters before or after a date
        letter = draw(st.sampled_from("abcdfghjklmnopqrtuvwxyz!#&*+,;=@"))
        return draw(st.sampled_from([letter + date, date + letter]))
    if kind == 8:  # more than one slash
        return f"{date}/{draw(level0_dates())}/{draw(level0_dates())}"
    if kind == 9:  # nothing but separators
        return draw(st.sampled_from(["", "/", "//", "-", "--", "~", "?", "%", ".", "..."]))
    if kind == 10:  # a qualifier or open end where a date must be
        return draw(st.sampled_from(["~/2009", "2009/~", "?", ".../2009", "2009/..."]))
    return f"{date}-"  # a dangling separator


@ORACLE
@given(invalid_dates())
def test_both_reject(text: str) -> None:
    with pytest.raises(DateError):
        parse_edtf(text)
    with pytest.raises(EDTFParseException):
        edtf_parse(text)


# ---------------------------------------------------------------- deliberate differences, pinned


def ours_or_rejects(text: str) -> object:
    try:
        return our_bounds(parse_edtf(text))
    except DateError:
        return "rejects"


def theirs_or_rejects(text: str) -> object:
    try:
        return oracle_bounds(text)
    except EDTFParseException:
        return "rejects"


DIFFERENCES = [
    # text, our bounds or "rejects", edtf's bounds or "rejects", why we differ
    ("/2013", (-math.inf, (2013, 12, 31)), ((2003, 12, 31), (2013, 12, 31)),
     "an unknown end is unknown to us; edtf guesses ten years"),
    ("2013/", ((2013, 1, 1), math.inf), ((2013, 1, 1), (2023, 1, 1)),
     "an unknown end is unknown to us; edtf guesses ten years"),
    ("2001-24", ((2001, 12, 1), (2002, 2, 28)), ((2001, 12, 1), (2001, 12, 31)),
     "winter runs from December into the next year; edtf keeps it to December"),
    ("-0043-XX", ((-43, 1, 1), (-43, 12, 31)), ((-43, 12, 1), (-43, 1, 31)),
     "edtf swaps first and last month of a BCE year with unknown month"),
    ("-0043-03-XX", ((-43, 3, 1), (-43, 3, 31)), ((-43, 3, 31), (-43, 3, 1)),
     "edtf swaps first and last day of a BCE month with unknown day"),
    ("-000X", ((-9, 1, 1), (-1, 12, 31)), ((-9, 1, 1), (0, 12, 31)),
     "-0000 is not a year, so it is not a reading; edtf counts it as year 0"),
    ("201X-02-29", ((2012, 2, 29), (2016, 2, 29)), ((2010, 2, 29), (2019, 2, 29)),
     "only readings that exist count; edtf gives 29 February of common years"),
    ("2011-02-29", "rejects", ((2011, 2, 29), (2011, 2, 29)),
     "2011 is a common year; edtf's grammar allows 29 February in any year"),
    ("XXXX", "rejects", ((0, 1, 1), (9999, 12, 31)),
     "a date with no known digit is no date: the format says leave it out"),
    ("2010/2009", "rejects", ((2010, 1, 1), (2009, 12, 31)),
     "a range that ends before it starts is a mistake; edtf does not check"),
    ("../..", "rejects", (-math.inf, math.inf), "a range with no date at either end says nothing"),
    ("2009-25", "rejects", ((2009, 3, 1), (2009, 5, 31)),
     "level 2 seasons (hemispheres, quarters, halves) are not supported"),
    ("2009 /2010", "rejects", ((2009, 1, 1), (2010, 12, 31)),
     "spaces inside a date are a mistake; edtf's parser skips them"),
    ("2009-03-24T10:00:00", "rejects", ((2009, 3, 24), (2009, 3, 24)),
     "a timeline file has no times of day"),
    ("?2009-03", "rejects", ((2009, 3, 1), (2009, 3, 31)),
     "level 2 qualification of single components is not supported"),
    ("2004-06~-11", "rejects", ((2004, 6, 11), (2004, 6, 11)),
     "level 2 qualification of single components is not supported"),
    ("[2009, 2011]", "rejects", ((2009, 1, 1), (2011, 12, 31)), "level 2 sets are not supported"),
    ("Y1000000", "rejects", ((1000000, 1, 1), (1000000, 12, 31)),
     "years beyond a million are out of our range"),
    # extensions: forms edtf refuses that read naturally and mean one thing
    ("2001-21~", ((2001, 3, 1), (2001, 5, 31)), "rejects",
     "edtf qualifies a season only as the end of a range"),
    ("Y20000~", ((20000, 1, 1), (20000, 12, 31)), "rejects",
     "a long year may be approximate too"),
    ("Y-20000/2009", ((-20000, 1, 1), (2009, 12, 31)), "rejects",
     "a long year may end a range too"),
    ("-201X/2015", ((-2019, 1, 1), (2015, 12, 31)), "rejects",
     "a BCE year with unknown digits may end a range too"),
    ("2013-XX/..", ((2013, 1, 1), math.inf), "rejects",
     "an unspecified date may have an open other end"),
    ("10X0~", ((1000, 1, 1), (1090, 12, 31)), "rejects",
     "a year with unknown digits anywhere may be qualified too"),
]


@pytest.mark.parametrize(
    ("text", "ours", "theirs", "why"), DIFFERENCES, ids=[row[0] for row in DIFFERENCES]
)
def test_documented_difference(text: str, ours: object, theirs: object, why: str) -> None:
    assert why
    assert ours_or_rejects(text) == ours
    assert theirs_or_rejects(text) == theirs


@pytest.mark.parametrize("text", ["2009-1X", "2009-X2", "2009-03-3X", "2013-XX/2014"])
def test_edtf_cannot_read_these_partly_unspecified_months_and_days(text: str) -> None:
    # edtf fails inside its own code on them, so they are checked against hand-made values
    # in test_dates.py instead.
    parse_edtf(text)
    with pytest.raises(Exception) as caught:
        oracle_bounds(text)
    assert not isinstance(caught.value, EDTFParseException)
