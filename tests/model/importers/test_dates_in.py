"""Dates as people and other tools write them, read at the precision written: a point, or a
span when the text says it lasted."""

from __future__ import annotations

import pytest

from explorer.model.importers.dates_in import DMY, Unreadable, guess_order, read_date

POINTS = [
    ("55 BC", "-0054"), ("500 B.C.", "-0499"), ("AD 43", "0043"), ("61", "0061"),
    ("c. 383", "0383~"), ("circa 1500", "1500~"), ("1903?", "1903?"),
    ("14 Oct 1066", "1066-10-14"), ("15 feb 1971", "1971-02-15"), ("Dec 1192", "1192-12"),
    ("Jan. 1825", "1825-01"), ("Sept. 1826", "1826-09"), ("October 11 2023", "2023-10-11"),
    ("November 10th 2016", "2016-11-10"), ("April 25, 1990", "1990-04-25"),
    ("11-Mar-15", "2015-03-11"), ("1/20/2025", "2025-01-20"), ("03/01/1946", "1946-03-01"),
    ("1850s", "185X"), ("1850's", "185X"), ("the 1800s", "18XX"), ("19th century", "18XX"),
    ("winter 1834-35", "1834-24"), ("winter of 1825-26", "1825-24"), ("summer 1862", "1862-22"),
    ("Between 47 and 50", "0047/0050"), ("after 1938", "1938/.."), ("before 1900", "../1900"),
    ("2013-03-30 11:16:00", "2013-03-30"), ("2009-6-1 3:14:47", "2009-06-01"),
    ("2014-04-20T10:00:00Z", "2014-04-20"), ("11:44 am, 12 September 1936", "1936-09-12"),
    ("[1917-05-2X..1917-06-0X]", "1917-05-2X/1917-06-0X"), ("[..1900-09-30]", "../1900-09-30"),
    ("1921-08-~21", "1921-08-21~"), ("1963-11-22T17:33~", "1963-11-22~"), ("1943-7", "1943-07"),
    ("late April 1938", "1938-04"), ("early 1942", "1942"),
]


@pytest.mark.parametrize("text, edtf", POINTS)
def test_a_point(text, edtf):
    reading = read_date(text)
    assert (reading.is_span, reading.date) == (False, edtf)


SPANS = [
    ("1831-35", ("1831", "1835")), ("1950-1956", ("1950", "1956")), ("1950s-60s", ("195X", "196X")),
    ("Sept 1857 - Dec 1861", ("1857-09", "1861-12")), ("1 March - 31 Aug 1988", ("1988-03-01", "1988-08-31")),
    ("1929 - Sept 1931", ("1929", "1931-09")), ("20 April 1938 – 26 May 1938", ("1938-04-20", "1938-05-26")),
    # an EDTF interval in a source means it lasted: a span, never `date: a/b`
    ("1892-01-03/1895-03-29", ("1892-01-03", "1895-03-29")),
    ("[1921-04-%20..1921-04-%30]/1926-01-04", ("1921-04-20%/1921-04-30%", "1926-01-04")),
]


@pytest.mark.parametrize("text, ends", SPANS)
def test_a_span(text, ends):
    reading = read_date(text)
    assert (reading.is_span, (reading.start, reading.end)) == (True, ends)


def test_a_column_of_years_reads_1911_12_as_two_years_and_a_date_column_as_december():
    assert (read_date("1911-12", years=True).start, read_date("1911-12", years=True).end) == ("1911", "1912")
    assert read_date("1911-12").date == "1911-12"


def test_what_edtf_cannot_keep_is_named():
    assert read_date("2013-03-30 11:16:00").dropped == "time of day"
    assert '"late"' in read_date("late April 1938").dropped


@pytest.mark.parametrize("text", ["probably the first session", "1925,28,37", "appointed June 1903",
                                  "30 February 2009", "10 May 1234567", ""])
def test_what_is_no_date_is_unreadable(text):
    with pytest.raises(Unreadable):
        read_date(text)


def test_day_first_is_read_when_a_value_shows_it():
    order, evidence = guess_order(["03/04/2001", "25/12/2001"])
    assert (order, evidence) == (DMY, "25/12/2001")
    assert read_date("03/04/2001", order).date == "2001-04-03"
    assert guess_order(["03/04/2001"]) == (None, "ambiguous")
    assert guess_order(["2001-04-03", "14 Oct 1066"]) == (None, "")


@pytest.mark.parametrize("text", ["2010-02-30", "2009-13-01", "2011-02-29", "-0001-02-29", "2009-00"])
def test_impossible_iso_days_are_unreadable_too(text):
    with pytest.raises(Unreadable):
        read_date(text)


@pytest.mark.parametrize("text", ["2012-02-29", "-0004-02-29", "2001-24", "2009-12-31~", "0000"])
def test_possible_iso_days_are_read_as_written(text):
    assert read_date(text).date == text
