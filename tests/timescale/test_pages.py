"""What an export shows when no range is given: what the widget's "fit everything" shows."""

from __future__ import annotations

from explorer.model.filters import EventFilter
from explorer.timescale.lanes import GroupBy
from explorer.timescale.pages import events_extent, fitted_range, prepare
from explorer.timescale.viewport import MAX_SPAN
from tests.helpers.builders import TODAY, day, given_events, point

RECENT = ["-3499", "-0299", "1021", "1609-11", "1969-07-20"]


def test_an_export_of_events_nearer_than_a_view_can_show_fits_them_all():
    dataset = given_events(point("a", "1997"), point("b", "2013-04-06"))
    timeline = prepare(dataset, EventFilter(), GroupBy.NONE, None, None, 1600.0, today=TODAY)
    assert (timeline.first, timeline.after) == fitted_range(day(1997), day(2013, 4, 7), 1600.0)


def test_an_export_of_events_further_apart_than_a_view_can_show_fits_where_most_of_them_are():
    # It took the range of all of them, 300,000 years, which the view kept to its widest
    # around their middle: an image of no event, captioned as though it showed them all.
    dataset = given_events(point("early", "Y-300000"), *[point(f"e{n}", d) for n, d in enumerate(RECENT)])
    timeline = prepare(dataset, EventFilter(), GroupBy.NONE, None, None, 1600.0, today=TODAY)
    assert timeline.after - timeline.first <= MAX_SPAN
    assert timeline.first < day(-3499) and timeline.after > day(1969, 7, 21)
    assert events_extent(timeline) == (day(-3499), day(1969, 7, 21))
