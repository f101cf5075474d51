"""The viewport maps days to pixels and back, zooms about a fixed point, and clamps."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer.model.calendar import DAYS_PER_YEAR
from explorer.timescale.viewport import HIGHEST_DAY, LOWEST_DAY, MAX_SPAN, MIN_SPAN, Viewport
from tests.helpers.builders import day


def test_days_and_pixels_map_both_ways():
    vp = Viewport(day(2000), day(2010), 1000)
    assert vp.x_of(day(2000)) == 0
    assert vp.x_of(day(2010)) == pytest.approx(1000)
    assert vp.day_at(500) == pytest.approx((day(2000) + day(2010)) / 2)
    assert vp.day_at(vp.x_of(day(2004, 7, 3))) == pytest.approx(day(2004, 7, 3))


@given(x=st.floats(0, 1600), factor=st.floats(0.01, 100))
def test_zoom_keeps_the_day_under_the_cursor(x, factor):
    vp = Viewport(day(1990), day(2020), 1600)
    zoomed = vp.zoomed_at(x, factor)
    assert zoomed.day_at(x) == pytest.approx(vp.day_at(x), abs=1e-6)
    assert zoomed.span == pytest.approx(vp.span / factor)


def test_zoom_in_stops_at_a_few_hours_and_out_at_fifty_thousand_years():
    vp = Viewport(day(2009), day(2010), 800)
    deep = vp.zoomed_at(400, 1e9)
    assert deep.span == pytest.approx(MIN_SPAN) and MIN_SPAN <= 3 / 24
    assert deep.day_at(400) == pytest.approx(vp.day_at(400))
    wide = vp.zoomed_at(400, 1e-9)
    assert wide.span == pytest.approx(MAX_SPAN)
    assert wide.span >= 20_000 * DAYS_PER_YEAR


def test_pan_moves_the_content_by_pixels():
    vp = Viewport(0.0, 100.0, 1000)
    moved = vp.panned(100)  # content moves right: earlier days come into view
    assert moved.start == pytest.approx(-10.0) and moved.span == pytest.approx(100.0)


@pytest.mark.parametrize("start, end, width", [
    (math.nan, 10.0, 800), (0.0, math.inf, 800), (10.0, 0.0, 800), (5.0, 5.0, 800),
    (0.0, 1e300, 800), (-1e300, -1e299, 800), (0.0, 10.0, 0), (0.0, 10.0, math.nan),
])
def test_anything_clamps_to_a_valid_view_and_never_raises(start, end, width):
    vp = Viewport(start, end, width).clamped()
    assert math.isfinite(vp.start) and math.isfinite(vp.end) and vp.width_px >= 1
    assert MIN_SPAN - 1e-9 <= vp.span <= MAX_SPAN + 1e-6
    assert LOWEST_DAY <= vp.start and vp.end <= HIGHEST_DAY


def test_nonsense_zoom_and_pan_leave_the_view_usable():
    vp = Viewport(0.0, 10.0, 800)
    assert vp.zoomed_at(400, math.nan) == vp
    assert vp.zoomed_at(400, -2.0) == vp
    assert vp.panned(math.inf) == vp


def test_a_view_cannot_leave_the_calendar():
    vp = Viewport(HIGHEST_DAY - 10, HIGHEST_DAY - 5, 800).panned(-1e12)
    assert vp.end <= HIGHEST_DAY and vp.span == pytest.approx(5.0)


def test_fitting_shows_the_range_with_a_margin():
    vp = Viewport.fitting(day(2000), day(2010), 1000, margin=0.05)
    assert vp.start < day(2000) and vp.end > day(2010)
    assert vp.span == pytest.approx((day(2010) - day(2000)) * 1.1)
