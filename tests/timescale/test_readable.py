"""What a person reads at every zoom and density: every mark with room beside it has a label,
no label covers another or a shape, and a close view of dense data draws that view's own
events one by one (spans longer than the view get rows of their own)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from explorer.model.calendar import days_from_civil
from explorer.model.dataset import Dataset
from explorer.timescale.index import TimelineIndex
from explorer.timescale.lane_items import long_span_days
from explorer.timescale.layout import build_scene
from explorer.timescale.scene import BadgeKind, Scene, SceneMetrics
from explorer.timescale.viewport import Viewport
from tests.helpers.builders import TODAY
from tests.helpers.paths import shared_data

METRICS = SceneMetrics()
#: A mark with this much free room on one side of it gets a label.
ROOM_FOR_A_LABEL = 60.0


def measure(text: str) -> float:
    return 7.0 * len(text)


def day(year: int, month: int = 1, date: int = 1) -> float:
    return float(days_from_civil(year, month, date))


def scene_of(dataset: Dataset, first: float, after: float, group_by="none", width=1200.0,
             height=700.0) -> Scene:
    index = TimelineIndex(dataset, TODAY)
    return build_scene(index.lanes(group_by), Viewport(first, after, width), width, height,
                       measure, METRICS, today=TODAY)


def free_room(scene: Scene, item) -> tuple[float, float]:
    """Free pixels left and right of an item's shape in its row (to the view's edges)."""
    row = [other for other in scene.items if other is not item and other.lane == item.lane
           and other.rect.y + other.rect.h / 2 == pytest.approx(item.rect.y + item.rect.h / 2, abs=4)
           and not other.thin]
    left_edge, right_edge = 0.0, scene.width
    for other in row:
        for rect in (other.rect, other.label_rect):
            if rect is None:
                continue
            if rect.right <= item.rect.x:
                left_edge = max(left_edge, rect.right)
            elif rect.x >= item.rect.right:
                right_edge = min(right_edge, rect.x)
            else:
                return 0.0, 0.0  # overlapping shapes: no room either side
    return max(0.0, item.rect.x - left_edge), max(0.0, right_edge - item.rect.right)


def assert_readable(scene: Scene) -> None:
    """Labels where there is room, none overlapping another label, a shape or a badge."""
    for item in scene.items:
        if item.thin or item.label_rect is not None:
            continue
        if item.rect.x < 0 or item.rect.right > scene.width:
            continue
        left, right = free_room(scene, item)
        assert max(left, right) < ROOM_FOR_A_LABEL, (
            f"{item.event_id} has {left:.0f} px free on its left and {right:.0f} on its right "
            "but no label")
    labels = [i.label_rect for i in scene.items if i.label_rect is not None]
    for first, second in itertools.combinations(labels, 2):
        assert not first.intersects(second)
    for item in scene.items:
        if item.label_rect is None or item.label_inside:
            continue
        for other in scene.items:
            assert not item.label_rect.intersects(other.rect) or other.thin, \
                f"the label of {item.event_id} covers {other.event_id}"
    for badge in scene.badges:
        assert not any(badge.rect.intersects(rect) for rect in labels)


ZOOMS = {
    "all": (day(1994), day(2025)),
    "five years": (day(2008), day(2013)),
    "a year": (day(2010), day(2011)),
    "a month": (day(2010, 6), day(2010, 7)),
}


@pytest.mark.parametrize("zoom", ZOOMS)
@pytest.mark.parametrize("group_by", ["none", "actor"])
@pytest.mark.parametrize("width", [800.0, 1600.0])
def test_the_shipped_data_set_reads_at_every_zoom(blue_heart, zoom, group_by, width):
    scene = scene_of(blue_heart, *ZOOMS[zoom], group_by, width)
    assert scene.items
    assert_readable(scene)


@pytest.mark.parametrize("zoom", ["all", "decade", "month", "day"])
def test_the_100k_file_reads_at_every_zoom(synthetic_100k, zoom):
    first, after = {"all": (day(-3000), day(2030)), "decade": (day(2000), day(2010)),
                    "month": (day(2005, 6), day(2005, 7)), "day": (day(2005, 6, 15), day(2005, 6, 16))}[zoom]
    scene = scene_of(synthetic_100k, first, after, width=1600.0, height=800.0)
    assert scene.items or scene.densities
    assert_readable(scene)


def busiest_day(index: TimelineIndex, year: int) -> float:
    """The day of `year` with the most events on that day alone."""
    one_day = (index.after - index.first <= 1.0) & (index.first >= day(year)) & (index.first < day(year + 1))
    days = index.first[one_day].astype(int)
    values, counts = np.unique(days, return_counts=True)
    return float(values[np.argmax(counts)])


@pytest.mark.parametrize("year", [1999, 2005, 2019])
def test_a_day_of_the_100k_file_draws_that_days_events_one_by_one(synthetic_100k, year):
    index = TimelineIndex(synthetic_100k, TODAY)
    first = busiest_day(index, year)
    after = first + 1.0
    scene = scene_of(synthetic_100k, first, after, width=1600.0, height=800.0)
    lanes = index.lanes("none")
    own = set(lanes.items(0, first, after, shorter_than=long_span_days(
        Viewport(first, after, 1600.0))).tolist())
    drawn = {i.position for i in scene.items if not i.thin}
    assert not scene.densities  # no cluster covers the day
    assert len(own) >= 3 and own <= drawn
    # Longer spans and imprecise dates are there too, in their own rows or counted.
    longer = {i.position for i in scene.items if i.thin}
    counted = sum(b.count for b in scene.badges if b.kind is BadgeKind.LONG)
    assert longer and counted > 100
    assert_readable(scene)


def test_the_treaty_data_reads_at_every_zoom():
    from explorer.model.importers.registry import convert_file
    from explorer.model.membership_events import with_membership_events

    conversion = convert_file(str(shared_data("memberships/untc_status_2012_untoc_and_protocols.csv")))
    assert conversion.dataset is not None
    dataset = with_membership_events(conversion.dataset)
    for first, after in ((day(2000), day(2014)), (day(2002), day(2004)), (day(2003, 12), day(2004, 1))):
        for group_by in ("none", "target"):
            scene = scene_of(dataset, first, after, group_by, width=1600.0, height=900.0)
            assert scene.items or scene.densities
            assert_readable(scene)


def test_a_long_badge_lists_the_long_events_its_rows_do_not_draw(synthetic_100k):
    from explorer.timescale.clusters import badge_positions

    index = TimelineIndex(synthetic_100k, TODAY)
    first = busiest_day(index, 2005)
    lanes = index.lanes("none")
    scene = build_scene(lanes, Viewport(first, first + 1.0, 1600.0), 1600.0, 800.0, measure,
                        METRICS, today=TODAY)
    (badge,) = [b for b in scene.badges if b.kind is BadgeKind.LONG]
    listed = badge_positions(lanes, scene, badge)
    drawn = {i.position for i in scene.items if i.thin}
    assert len(listed) == badge.count and not drawn & set(listed.tolist())
    long_days = long_span_days(Viewport(first, first + 1.0, 1600.0))
    assert all(index.after[p] - index.first[p] >= long_days for p in listed.tolist())
    assert list(index.first[listed]) == sorted(index.first[listed])
