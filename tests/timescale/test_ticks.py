"""Ticks walk a ladder from hours to millions of years, pick the finest level whose labels fit,
name BCE years as people do, and never number more ticks than the width allows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer.model.calendar import DAYS_PER_YEAR
from explorer.timescale.ticks import LABEL_GAP_PX, MIN_TICK_PX, YearStep, axis_ticks
from explorer.timescale.viewport import Viewport
from tests.helpers.builders import day, measure


def when_viewport(first: float, last: float, width: float = 1600):
    return axis_ticks(Viewport(first, last, width), measure)


def labels(ticks):
    return [tick.label for tick in ticks]


def test_a_few_hours_show_hours_under_their_day():
    ticks = when_viewport(day(2009, 3, 24) + 0.25, day(2009, 3, 24) + 0.5)
    assert ticks.level == "1h"
    assert labels(ticks.minor)[:4] == ["06:00", "07:00", "08:00", "09:00"]
    assert labels(ticks.major) == ["24 March 2009"]


def test_a_month_shows_days_under_their_month():
    ticks = when_viewport(day(2009, 3, 1), day(2009, 4, 1))
    assert ticks.level == "day"
    assert labels(ticks.minor)[:3] == ["1", "2", "3"] and labels(ticks.minor)[-1] == "1"
    assert labels(ticks.major) == ["March 2009", "April 2009"]


def test_a_year_shows_months_under_their_year():
    ticks = when_viewport(day(2009), day(2010), width=600)
    assert ticks.level == "month"
    assert labels(ticks.minor)[:3] == ["Jan", "Feb", "Mar"]
    assert labels(ticks.major) == ["2009", "2010"]


def test_a_decade_shows_quarters_or_years():
    ticks = when_viewport(day(2000), day(2010), width=800)
    assert ticks.level in ("year", "3 months", "6 months")
    assert "2005" in labels(ticks.major) + labels(ticks.minor)


@pytest.mark.parametrize("years, level", [(100, "5 years"), (1000, "50 years"),
                                           (10_000, "500 years"), (100_000, "5000 years")])
def test_long_views_step_in_round_numbers_of_years(years, level):
    first = day(1000) - years * DAYS_PER_YEAR / 2
    ticks = when_viewport(first, first + years * DAYS_PER_YEAR)
    assert ticks.level == level and ticks.major == ()
    step = int(level.split()[0])
    for label in labels(ticks.minor):
        number = int(label.split()[0])
        assert number % step == 0 or number == 1, label


def test_bce_years_are_written_bce_and_caesar_dies_in_44_bce():
    ticks = when_viewport(day(-50), day(-40), width=1600)
    assert "44 BCE" in labels(ticks.major) + labels(ticks.minor)
    assert all("BCE" in label for label in labels(ticks.major))


def test_one_bce_is_followed_by_one_ce_with_no_year_zero():
    ticks = when_viewport(day(-3), day(4), width=1600)
    years = labels(ticks.major)
    assert years == ["4 BCE", "3 BCE", "2 BCE", "1 BCE", "1 CE", "2 CE", "3 CE", "4 CE"]
    wide = when_viewport(day(-60), day(60), width=1600)
    assert "1 CE" in labels(wide.minor) and "10 BCE" in labels(wide.minor)
    for shown in (ticks, wide):
        assert not any(label.split()[0] == "0" for label in labels(shown.minor + shown.major))


@pytest.mark.parametrize("step", [1, 2, 5, 10, 100, 1000])
def test_year_ticks_never_land_on_year_zero(step):
    stepper = YearStep(step)
    years = {stepper.tick_year_at_or_after(y) for y in range(-3 * step - 5, 3 * step + 5)}
    assert 0 not in years or step == 1  # year 0 is 1 BCE, a real year only at step 1
    assert all(stepper.tick_year_at_or_before(y) <= y for y in range(-50, 50))
    assert all(stepper.tick_year_at_or_after(y) >= y for y in range(-50, 50))


@given(
    centre=st.floats(day(-900_000), day(900_000)),
    span=st.floats(1e-9, 1e13),
    width=st.floats(1, 5000),
)
def test_tick_count_is_bounded_by_the_width_at_any_zoom(centre, span, width):
    ticks = axis_ticks(Viewport(centre - span / 2, centre + span / 2, width), measure)
    assert len(ticks.minor) <= width / MIN_TICK_PX + 3
    assert len(ticks.major) <= width / MIN_TICK_PX + 3


@pytest.mark.parametrize("first, last", [
    (day(2009, 3, 24), day(2009, 3, 25)), (day(2009), day(2009, 2)), (day(2009), day(2011)),
    (day(1900), day(2000)), (day(-5000), day(2000)), (day(-20000), day(2000)),
])
def test_neighbouring_labels_never_overlap(first, last):
    vp = Viewport(first, last, 1200)
    ticks = axis_ticks(vp, measure)
    xs = [vp.x_of(t.day) for t in ticks.minor]
    for (x, tick), following in zip(zip(xs, ticks.minor), xs[1:]):
        assert x + measure(tick.label) + LABEL_GAP_PX <= following + 1e-6


def test_huge_labels_in_a_sliver_get_at_most_the_ticks_around_the_view():
    ticks = axis_ticks(Viewport(day(2000), day(2001), 3), lambda text: 1e6)
    assert len(ticks.minor) <= 2 and len(ticks.major) <= 2
