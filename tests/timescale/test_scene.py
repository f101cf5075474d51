"""The scene of a frame: honest shapes for imprecise dates, labels that never overlap,
aggregates where it is too dense, eras, lanes and the undated tray, all in pixels."""

from __future__ import annotations

import itertools

import pytest

from explorer.timescale.aggregate import MAX_LANE_ITEMS, lane_capacity
from explorer.timescale.layout import build_scene
from explorer.timescale.scene import BadgeKind, SceneMetrics, Shape
from explorer.timescale.viewport import Viewport
from tests.helpers.builders import TODAY, day, given_index, point, span, undated

METRICS = SceneMetrics()


def when_viewport(index, first, last, group_by="none", width=1200.0, height=700.0, **state):
    lanes = index.lanes(group_by)
    return build_scene(lanes, Viewport(first, last, width), width, height, measure_text,
                       METRICS, today=TODAY, **state)


def measure_text(text: str) -> float:
    return 7.0 * len(text)


def item(scene, event_id):
    found = [i for i in scene.items if i.event_id == event_id]
    assert len(found) == 1, f"{event_id} drawn {len(found)} times"
    return found[0]


def test_a_year_only_date_is_drawn_over_its_whole_year():
    index = given_index(point("campaign", "2009"))
    scene = when_viewport(index, day(2008), day(2011))
    shape = item(scene, "campaign")
    vp = scene.viewport
    assert shape.shape is Shape.RANGE and not shape.exact
    assert shape.rect.x == pytest.approx(vp.x_of(day(2009)))
    assert shape.rect.right == pytest.approx(vp.x_of(day(2010)))


def test_a_known_day_is_a_filled_marker_on_that_day():
    index = given_index(point("force", "2003-12-25"))
    scene = when_viewport(index, day(2003), day(2005))
    shape = item(scene, "force")
    middle = (shape.rect.x + shape.rect.right) / 2
    assert shape.shape is Shape.MARKER and shape.exact
    assert middle == pytest.approx(scene.viewport.x_of(day(2003, 12, 25) + 0.5))


def test_a_month_seen_from_centuries_away_is_a_hollow_marker():
    index = given_index(point("launch", "2009-03"))
    shape = item(when_viewport(index, day(1500), day(2500)), "launch")
    assert shape.shape is Shape.MARKER and not shape.exact


def test_qualifiers_reach_the_shape_and_the_label():
    index = given_index(point("about", "2009~"), point("maybe", "2011-04?"))
    scene = when_viewport(index, day(2008), day(2013))
    about, maybe = item(scene, "about"), item(scene, "maybe")
    assert about.approximate and about.label.endswith("~")
    assert maybe.uncertain and maybe.label.endswith("?")


def test_a_span_with_a_year_only_start_fades_in_over_that_year():
    index = given_index(span("protocol", "2000", "2003-12-25"))
    scene = when_viewport(index, day(1999), day(2005))
    bar = item(scene, "protocol")
    vp = scene.viewport
    assert bar.shape is Shape.BAR
    assert bar.rect.x == pytest.approx(vp.x_of(day(2000)))
    assert bar.sure_left == pytest.approx(vp.x_of(day(2001)))
    assert bar.sure_right == pytest.approx(vp.x_of(day(2003, 12, 25)))
    assert not bar.fade_left and not bar.fade_right


def test_an_ongoing_span_is_solid_until_today_then_fades_out():
    index = given_index(span("campaign", "2009-03", None))
    scene = when_viewport(index, day(2008), day(2030))
    bar = item(scene, "campaign")
    assert bar.fade_right and bar.sure_right == pytest.approx(scene.viewport.x_of(TODAY))
    assert bar.rect.right == pytest.approx(bar.sure_right + METRICS.fade_px)


def test_open_ends_show_which_side_is_unknown():
    index = given_index(point("before", "../2013-07-03"), point("after", "2010-07/.."))
    scene = when_viewport(index, day(2009), day(2015))
    before, after = item(scene, "before"), item(scene, "after")
    assert before.fade_left and not before.fade_right
    assert before.rect.x == pytest.approx(before.sure_left - METRICS.fade_px)
    assert after.fade_right and not after.fade_left


def dense_index(count=60):
    events = [point(f"e{n}", f"2009-03-{1 + n % 28:02d}", title=f"Event number {n} of many")
              for n in range(count)]
    events += [span(f"s{n}", f"2009-0{1 + n % 5}", f"2009-0{5 + n % 4}") for n in range(8)]
    return given_index(*events)


@pytest.mark.parametrize("group_by", ["none", "actor", "kind", "tag"])
@pytest.mark.parametrize("width", [300.0, 800.0, 1600.0])
def test_labels_never_overlap_labels_or_other_shapes(group_by, width):
    scene = when_viewport(dense_index(), day(2009, 2), day(2009, 5), group_by, width=width)
    assert scene.items or scene.densities
    rects = [(i, "label", i.label_rect) for i in scene.items if i.label_rect is not None]
    rects += [(i, "shape", i.rect) for i in scene.items]
    for (a, kind_a, ra), (b, kind_b, rb) in itertools.combinations(rects, 2):
        if a is b or kind_a == kind_b == "shape":
            continue
        assert not ra.intersects(rb), f"{a.event_id} {kind_a} overlaps {b.event_id} {kind_b}"
    for badge in scene.badges:
        assert not any(badge.rect.intersects(r) for _, _, r in rects)


def test_a_crowded_lane_keeps_what_fits_and_counts_the_rest():
    scene = when_viewport(dense_index(), day(2009, 2), day(2009, 5), width=1600.0, height=200.0)
    assert not scene.densities
    shown = {i.event_id for i in scene.items}
    assert scene.badges and all(b.text.startswith("+") for b in scene.badges)
    assert len(shown) + sum(b.count for b in scene.badges) == 68
    for first, second in itertools.combinations(scene.badges, 2):
        assert not first.rect.intersects(second.rect)


def capacity_for(scene_height=700.0, width=1200.0):
    rows = int((scene_height - METRICS.axis_height) // METRICS.row_height)
    return lane_capacity(rows, width)


def exact_days(count):
    return given_index(*[point(f"e{n}", f"{2000 + n // 30}-{1 + n % 30 // 3:02d}-{1 + n % 3 * 9:02d}",
                               title="x") for n in range(count)])


def test_aggregation_starts_above_the_lane_capacity():
    capacity = capacity_for()
    assert capacity == MAX_LANE_ITEMS
    scene = when_viewport(exact_days(capacity), day(2000), day(2005))
    assert not scene.densities
    assert len(scene.items) + sum(b.count for b in scene.badges) == capacity
    scene = when_viewport(exact_days(capacity + 1), day(2000), day(2005))
    assert not scene.items and len(scene.densities) == 1
    assert sum(b.count for b in scene.badges) == capacity + 1


def test_a_density_strip_counts_per_bin_and_its_badges_zoom_to_their_stretch():
    many = given_index(*[point(f"e{n}", f"2000-{1 + n % 12:02d}-{1 + n % 28:02d}")
                         for n in range(500)])
    scene = when_viewport(many, day(1999), day(2002))
    strip = scene.densities[0]
    assert strip.counts.sum() > 0 and strip.counts.size == int(1200 / strip.bin_px)
    assert sum(b.count for b in scene.badges) == 500
    for badge in scene.badges:
        assert badge.first < badge.last and badge.kind is BadgeKind.DENSITY
        # The badge says what it counts when its stretch has room: "123 events".
        assert badge.text in (f"{badge.count:,}", f"{badge.count:,} events")
    assert any(badge.text.endswith(" events") for badge in scene.badges)


def test_an_event_with_two_actors_is_in_both_lanes_as_the_same_event():
    index = given_index(point("launch", "2009-03", actors=["unodc", "costa"]),
                        point("other", "2010", actors=["eu"]))
    scene = when_viewport(index, day(2008), day(2012), "actor")
    launches = [i for i in scene.items if i.event_id == "launch"]
    assert len(launches) == 2
    assert {scene.lanes[i.lane].title for i in launches} == {"UNODC", "Antonio Maria Costa"}
    assert launches[0].rect.x == launches[1].rect.x
    assert [lane.title for lane in scene.lanes] == ["UNODC", "EU", "Antonio Maria Costa"]


def test_lanes_below_the_view_are_not_laid_out_and_scroll_into_it():
    events = [point(f"e{n}", "2009", actors=[a]) for n, a in enumerate(["unodc", "eu", "costa",
                                                                          "MX"] * 3)]
    index = given_index(*events)
    top = when_viewport(index, day(2008), day(2011), "actor", height=150.0)
    assert len(top.lanes) < 4 and top.content_height > top.lanes_rect.h
    scrolled = when_viewport(index, day(2008), day(2011), "actor", height=150.0,
                             scroll_y=top.content_height)
    assert scrolled.lanes[-1].title == "Mexico"
    assert scrolled.scroll_y == pytest.approx(top.content_height - top.lanes_rect.h)


def test_undated_events_sit_in_the_tray_not_on_the_axis():
    index = given_index(point("dated", "2009"), undated("play", "Kenyan play"),
                        undated("tiers", "TIP Report tiers"))
    scene = when_viewport(index, day(2008), day(2011))
    assert [c.label for c in scene.chips] == ["Kenyan play", "TIP Report tiers"]
    assert scene.tray_title == "Undated (2):" and scene.tray_note == ""
    assert {i.event_id for i in scene.items} == {"dated"}
    crowded = given_index(*[undated(f"u{n}", f"Undated event {n}") for n in range(40)])
    scene = when_viewport(crowded, day(2008), day(2011), width=600.0)
    assert 0 < len(scene.chips) < 40 and scene.tray_note == f"+{40 - len(scene.chips)} more"
    assert scene.chips[-1].rect.right <= 600


def test_overlapping_eras_get_their_own_rows_and_labels():
    index = given_index(point("x", "2005"), eras=[("Protocol pending", "2000", "2003-12-25"),
                                                   ("Campaign", "2009-03", None),
                                                   ("Overlap", "2002", "2010")])
    scene = when_viewport(index, day(1999), day(2012))
    rows = {era.title: era.row for era in scene.eras}
    assert rows["Protocol pending"] != rows["Overlap"] and rows["Campaign"] != rows["Overlap"]
    assert scene.era_rect.h == 2 * METRICS.era_row_height
    labelled = [e for e in scene.eras if e.label_rect is not None]
    for a, b in itertools.combinations(labelled, 2):
        if a.row == b.row:
            assert not a.label_rect.intersects(b.label_rect)
    assert next(e for e in scene.eras if e.title == "Campaign").ongoing


def test_what_is_under_the_pointer():
    index = given_index(point("force", "2003-12-25", title="Protocol enters into force"),
                        undated("play"))
    scene = when_viewport(index, day(2003), day(2005))
    shape = item(scene, "force")
    middle_y = shape.rect.y + shape.rect.h / 2
    assert scene.item_at(shape.rect.x + 2, middle_y) is shape
    assert scene.item_at(shape.label_rect.x + 5, shape.label_rect.y + 3) is shape
    assert scene.item_at(shape.label_rect.right + 300, middle_y) is None
    chip = scene.chips[0]
    assert scene.chip_at(chip.rect.x + 1, chip.rect.y + 1) is chip


def test_a_label_that_would_run_off_the_right_edge_goes_left_of_its_mark_whole():
    index = given_index(point("late", "2010-11-20", title="A rather long title that cannot fit"))
    scene = when_viewport(index, day(2010), day(2011), width=600.0)
    late = item(scene, "late")
    assert late.label == "A rather long title that cannot fit"
    assert late.label_rect.right <= late.rect.x and late.label_rect.x >= 0


def test_a_label_with_no_room_on_either_side_ends_in_an_ellipsis_inside_the_view():
    index = given_index(point("late", "2010-11-20", title="A rather long title that cannot fit " * 3))
    scene = when_viewport(index, day(2010), day(2011), width=600.0)
    late = item(scene, "late")
    assert late.label.endswith("…") and 0 <= late.label_rect.x and late.label_rect.right <= 600


def test_the_count_badges_of_a_crowded_lane_start_after_its_inline_title():
    # An export writes each lane's title at the start of its first row (inline titles): a
    # density badge there covered it ("Trafficking in Persons Protocol" under "24 events").
    from dataclasses import replace

    many = given_index(*[point(f"e{n}", f"{1999 + n % 3}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                               actors=["a long organization name"]) for n in range(600)])
    metrics = replace(METRICS, inline_titles=True, min_lane_rows=1, max_lane_rows=1, lane_rows=(1,))
    lanes = many.lanes("actor")
    scene = build_scene(lanes, Viewport(day(1999), day(2002), 1200.0), 1200.0, 300.0, measure_text,
                        metrics, today=TODAY)
    band = scene.lanes[0]
    assert band.header_rect is not None and scene.densities
    badges = [badge for badge in scene.badges if badge.lane == 0]
    assert badges and sum(badge.count for badge in badges) == 600
    assert all(badge.rect.x >= band.header_rect.right for badge in badges)
