"""The index answers "what overlaps this window?" exactly, spans that began long before the
window included, under a filter mask, without scanning the data set."""

from __future__ import annotations

import random

import numpy as np
import pytest

from explorer.timescale.index import TimelineIndex
from tests.helpers.builders import TODAY, day, given_events, given_index, point, span, undated


def test_a_year_only_date_covers_its_whole_year():
    index = given_index(point("y", "2009"), point("m", "2009-03"), point("d", "2009-03-24"))
    assert (index.first[0], index.after[0]) == (day(2009), day(2010))
    assert (index.first[1], index.after[1]) == (day(2009, 3), day(2009, 4))
    assert (index.first[2], index.after[2]) == (day(2009, 3, 24), day(2009, 3, 25))


def test_open_and_ongoing_ends_sit_where_their_known_part_is():
    index = given_index(point("before", "../2013-07-03"), point("after", "2010-07/.."),
                        span("ongoing", "2009-03", None), span("unknown start", None, "2001"))
    assert (index.first[0], index.after[0]) == (day(2013, 7, 3), day(2013, 7, 4))
    assert (index.first[1], index.after[1]) == (day(2010, 7), day(2010, 8))
    assert (index.first[2], index.after[2]) == (day(2009, 3), TODAY)
    assert (index.first[3], index.after[3]) == (day(2001), day(2002))


def random_index(seed: int, count: int = 400) -> TimelineIndex:
    rng = random.Random(seed)
    events = []
    for number in range(count):
        year = rng.randint(1900, 2020)
        actors = rng.sample(["unodc", "eu", "costa", "MX"], rng.randint(0, 2))
        roll = rng.random()
        if roll < 0.05:
            events.append(undated(f"u{number}"))
        elif roll < 0.6:
            events.append(point(f"p{number}", f"{year}-{rng.randint(1, 12):02d}", actors=actors))
        elif roll < 0.65:
            events.append(span(f"o{number}", str(year), None, actors=actors))
        else:
            end = min(year + int(rng.expovariate(1 / 8)), 2024)
            events.append(span(f"s{number}", str(year), str(end), actors=actors))
    return TimelineIndex(given_events(*events), TODAY)


def brute_force(index, members, lo, hi):
    return sorted(p for p in members if index.dated[p] and index.mask[p]
                  and index.first[p] < hi and index.after[p] > lo)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("group_by", ["none", "actor"])
def test_counts_and_items_match_a_scan_of_every_event(seed, group_by):
    index = random_index(seed)
    if seed % 2:
        index.set_visible([p for p in range(index.size) if p % 3])
    lanes = index.lanes(group_by)
    rng = random.Random(seed)
    for lane_no, lane in enumerate(lanes.all_lanes):
        members = [p for p in range(index.size) if group_by == "none"
                   or lane.key in index.dataset.events[p].actors
                   or (lane.key == "" and not index.dataset.events[p].actors)]
        for _ in range(25):
            lo = day(rng.randint(1890, 2030)) + rng.random() * 300
            hi = lo + rng.choice([0.5, 3, 40, 400, 4000, 40000])
            expected = brute_force(index, members, lo, hi)
            assert lanes.count(lane_no, lo, hi) == len(expected)
            assert sorted(lanes.items(lane_no, lo, hi).tolist()) == expected


@pytest.mark.parametrize("group_by", ["none", "actor"])
def test_lanes_built_ahead_are_taken_once_under_the_filter_of_the_moment(group_by):
    index = random_index(11)
    index.build_lanes_ahead(group_by)
    index.set_visible([p for p in range(index.size) if p % 3])  # after they were built
    other = index.lanes("kind")  # another grouping leaves them waiting
    taken = index.lanes(group_by)
    fresh = index.lanes(group_by)  # taken once: the next is built anew

    assert other.group_by.value == "kind" and taken is not fresh
    assert [lane.title for lane in taken.lanes] == [lane.title for lane in fresh.lanes]
    rng = random.Random(11)
    for lane_no in range(len(taken.all_lanes)):
        for _ in range(20):
            lo = day(rng.randint(1890, 2030))
            hi = lo + rng.choice([3, 400, 40000])
            assert taken.count(lane_no, lo, hi) == fresh.count(lane_no, lo, hi)
            assert sorted(taken.items(lane_no, lo, hi).tolist()) == sorted(fresh.items(lane_no, lo, hi).tolist())


def test_a_long_span_that_began_long_before_the_window_is_found():
    index = given_index(span("empire", "-0027", "1453"), *[point(f"p{n}", f"{1000 + n}")
                                                         for n in range(50)])
    lanes = index.lanes("none")
    window = (day(1200, 5), day(1200, 6))
    assert [index.dataset.events[p].id for p in lanes.items(0, *window)] == ["empire"]
    assert lanes.count(0, *window) == 1


def test_coverage_counts_every_event_overlapping_each_bin():
    index = random_index(7)
    lanes = index.lanes("none")
    edges = np.linspace(day(1950), day(2000), 11)
    counts = lanes.coverage(0, edges)
    for number, count in enumerate(counts.tolist()):
        assert count == len(brute_force(index, range(index.size), edges[number], edges[number + 1]))
    assert index.coverage(edges).tolist() == counts.tolist()


def test_a_filter_hides_events_and_the_lanes_left_empty():
    index = given_index(point("a", "2000", actors=["unodc"]), point("b", "2001", actors=["eu"]),
                        undated("c"))
    lanes = index.lanes("actor")
    assert [lane.title for lane in lanes.lanes] == ["UNODC", "EU"]
    index.set_visible([0, 2])
    lanes.refresh()
    assert [lane.title for lane in lanes.lanes] == ["UNODC"]
    assert lanes.count(lanes.shown[0], day(1990), day(2010)) == 1
    assert index.visible_undated.tolist() == [2]
    assert index.extent() == (day(2000), day(2001))


def test_stepping_walks_visible_dated_events_in_time_order():
    index = given_index(point("late", "2010"), point("early", "2001-05-02"), undated("u"),
                        point("middle", "2005-07"), point("hidden", "2003"))
    index.set_visible([0, 1, 2, 3])
    ids = index.dataset.events
    order = []
    position = None
    while (position := index.step(position, 1)) is not None:
        order.append(ids[position].id)
    assert order == ["early", "middle", "late"]
    assert ids[index.step(None, -1)].id == "late"
    assert ids[index.step(3, -1)].id == "early"
    assert index.step(2, 1) == 1  # from an undated event: the first one


def test_short_counts_and_the_shortest_long_events_agree_with_the_full_lists():
    import numpy as np

    from explorer.timescale.index import TimelineIndex
    from tests.helpers.builders import TODAY, given_events, point, span

    events = [point(f"d{n}", f"2005-06-{1 + n % 28:02d}") for n in range(40)]
    events += [point(f"m{n}", f"2005-{1 + n % 12:02d}") for n in range(30)]
    events += [point(f"y{n}", f"{1990 + n}") for n in range(30)]
    events += [span(f"s{n}", f"{1950 + n}-01-01", f"{2010 + n}-12-31") for n in range(10)]
    lanes = TimelineIndex(given_events(*events), TODAY).lanes("none")
    index = lanes.index
    for lo, hi in ((day(2005, 6, 10), day(2005, 6, 11)), (day(2005, 6, 1), day(2005, 7, 1)),
                   (day(2005), day(2006)), (day(1900), day(2030))):
        for threshold in (1.0, 31.0, 366.0, 20000.0):
            short = lanes.items(0, lo, hi, shorter_than=threshold)
            long = lanes.long_items(0, lo, hi, at_least=threshold)
            assert lanes.count_short(0, lo, hi, threshold) == len(short)
            assert len(short) + len(long) == lanes.count(0, lo, hi)
            durations = index.after[long] - index.first[long]
            for limit in (1, 3, 50):
                found = lanes.shortest_long(0, lo, hi, threshold, limit)
                assert len(found) == min(limit, len(long))
                assert sorted(index.after[found] - index.first[found]) == \
                    sorted(np.sort(durations))[:len(found)]


def test_the_busiest_stretch_is_where_the_most_visible_events_start():
    index = given_index(point("alone", "1000"), point("a", "1900"), span("b", "1950", "1960"),
                        point("c", "1990"), point("later", "2500"))
    first, after = index.busiest(day(2000) - day(1890))
    assert (first, after) == (day(1900), day(1991))
    index.set_visible([0, 4])  # the two left: the earliest of equals
    assert index.busiest(100.0) == (day(1000), day(1000) + 100.0)  # its year, cut to the stretch
