"""The timeline widget driven by real input events: wheel, pinch, drag, clicks, keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QNativeGestureEvent, QPointingDevice, QWheelEvent
from PySide6.QtWidgets import QApplication, QPushButton

from explorer.model.filters import EventFilter
from explorer.qt.document import Document
from explorer.qt.timeline.widget import ZOOM_STEP, TimelineWidget
from explorer.timescale.lanes import GroupBy
from explorer.timescale.viewport import Viewport
from tests.helpers.builders import day, given_events, point, span, undated

DATA = given_events(
    point("office", "1997", "UNODC established", actors=["unodc"]),
    point("force", "2003-12-25", "Protocol enters into force"),
    point("launch", "2009-03", "Blue Heart Campaign launched", actors=["unodc", "costa"]),
    point("mexico", "2010-04", "Mexico joins", actors=["MX", "unodc"]),
    span("directive", "2011-04-05", "2013-04-06", "EU directive in force", actors=["eu"]),
    point("report", "2012-12-31", "Europol report", actors=["eu"]),
    undated("play", "Kenyan play"),
)
TIME_ORDER = ["office", "force", "launch", "mexico", "directive", "report"]


@pytest.fixture
def document():
    return Document()


@pytest.fixture
def timeline(qtbot, document):
    widget = TimelineWidget(document)
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.show()
    qtbot.waitExposed(widget)
    document.set_dataset(DATA)
    return widget


def wheel(widget, x, y, dy=0, dx=0, modifiers=Qt.KeyboardModifier.NoModifier):
    position = QPointF(x, y)
    event = QWheelEvent(position, QPointF(widget.mapToGlobal(position)), QPoint(), QPoint(dx, dy),
                        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def item_point(widget, event_id) -> QPoint:
    found = next(i for i in widget.current_scene().items if i.event_id == event_id)
    return QPoint(int(found.rect.x + found.rect.w / 2), int(found.rect.y + found.rect.h / 2))


def empty_point(widget) -> QPoint:
    scene = widget.current_scene()
    y = int(scene.lanes_rect.bottom - 5)
    x = next(x for x in range(20, int(scene.width), 10) if scene.item_at(x, y) is None)
    return QPoint(x, y)


def test_it_has_names_for_tools_and_assistive_technology(timeline):
    assert timeline.objectName() == "timeline"
    assert timeline.accessibleName() == "Timeline"
    assert "Shift+drag" in timeline.accessibleDescription()


def test_loading_fits_every_dated_event(timeline):
    vp = timeline.viewport
    assert vp.start < day(1997) and vp.end > day(2013, 4, 6)
    assert {i.event_id for i in timeline.current_scene().items} == set(TIME_ORDER)


def test_the_wheel_zooms_keeping_the_date_under_the_pointer(timeline):
    before = timeline.viewport
    x = 300.0
    wheel(timeline, x, 200, dy=120)
    after = timeline.viewport
    assert after.day_at(x) == pytest.approx(before.day_at(x), abs=1e-6)
    assert after.span == pytest.approx(before.span / ZOOM_STEP)
    wheel(timeline, 700, 200, dy=-240)
    assert timeline.viewport.day_at(700) == pytest.approx(after.day_at(700), abs=1e-6)
    assert timeline.viewport.span == pytest.approx(after.span * ZOOM_STEP ** 2)


def test_a_pinch_zooms_at_the_fingers(timeline):
    before = timeline.viewport
    position = QPointF(250, 200)
    event = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture,
                                QPointingDevice.primaryPointingDevice(), 2, position, position,
                                QPointF(timeline.mapToGlobal(position)), 0.5, QPointF())
    QApplication.sendEvent(timeline, event)
    assert timeline.viewport.span == pytest.approx(before.span / 1.5)
    assert timeline.viewport.day_at(250) == pytest.approx(before.day_at(250), abs=1e-6)


def test_the_horizontal_wheel_and_shift_wheel_pan(timeline):
    before = timeline.viewport
    wheel(timeline, 400, 200, dx=-120)
    assert timeline.viewport.span == pytest.approx(before.span)
    assert timeline.viewport.start > before.start
    moved = timeline.viewport
    wheel(timeline, 400, 200, dy=120, modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert timeline.viewport.start < moved.start


def test_dragging_pans_by_the_distance_dragged(timeline, document, qtbot):
    before = timeline.viewport
    start = empty_point(timeline)
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(timeline, start + QPoint(60, 0))
    qtbot.mouseMove(timeline, start + QPoint(120, 0))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=start + QPoint(120, 0))
    assert timeline.viewport.start == pytest.approx(before.start - 120 * before.days_per_px)
    assert timeline.viewport.span == pytest.approx(before.span)
    assert document.selection.event_id is None


def test_shift_drag_zooms_to_the_range_swept(timeline, qtbot):
    before = timeline.viewport
    y = empty_point(timeline).y()
    shift = Qt.KeyboardModifier.ShiftModifier
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, shift, QPoint(200, y))
    qtbot.mouseMove(timeline, QPoint(300, y))
    qtbot.mouseMove(timeline, QPoint(400, y))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, shift, QPoint(400, y))
    assert timeline.viewport.start == pytest.approx(before.day_at(200))
    assert timeline.viewport.end == pytest.approx(before.day_at(400))


def test_clicking_an_event_selects_it_in_the_document(timeline, document, qtbot):
    with qtbot.waitSignal(document.selection_changed) as signal:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=item_point(timeline, "launch"))
    assert signal.args[0].event_id == "launch"
    assert timeline.current_scene().selected_id == "launch"


def test_clicking_empty_timeline_names_the_day_and_clears_the_selection(timeline, document, qtbot):
    document.select_event("force")
    where = empty_point(timeline)
    expected = timeline.viewport.day_at(where.x())
    with qtbot.waitSignal(timeline.day_clicked) as signal:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=where)
    assert signal.args[0] == pytest.approx(expected)
    assert document.selection.event_id is None


def test_clicking_an_undated_chip_selects_it(timeline, document, qtbot):
    chip = timeline.current_scene().chips[0]
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton,
                     pos=QPoint(int(chip.rect.x + 4), int(chip.rect.y + 4)))
    assert document.selection.event_id == "play"


def test_double_clicking_an_event_zooms_to_it(timeline, qtbot):
    qtbot.mouseDClick(timeline, Qt.MouseButton.LeftButton, pos=item_point(timeline, "directive"))
    vp = timeline.viewport
    assert vp.start < day(2011, 4, 5) and vp.end > day(2013, 4, 6)
    assert vp.span < 4 * 365


def test_arrow_keys_step_through_events_in_time_order(timeline, document, qtbot):
    timeline.setFocus()
    with qtbot.waitSignal(document.selection_changed):
        qtbot.keyClick(timeline, Qt.Key.Key_Home)
    seen = [document.selection.event_id]
    for _ in range(len(TIME_ORDER) - 1):
        with qtbot.waitSignal(document.selection_changed):
            qtbot.keyClick(timeline, Qt.Key.Key_Right)
        seen.append(document.selection.event_id)
    assert seen == TIME_ORDER
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    assert document.selection.event_id == TIME_ORDER[-2]


def test_tab_and_shift_tab_step_the_selection(timeline, document, qtbot):
    timeline.setFocus()
    document.select_event("launch")
    qtbot.keyClick(timeline, Qt.Key.Key_Tab)
    assert document.selection.event_id == "mexico"
    qtbot.keyClick(timeline, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert document.selection.event_id == "launch"


def test_arrows_pan_when_nothing_is_selected_and_with_ctrl(timeline, document, qtbot):
    timeline.setFocus()
    before = timeline.viewport
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    assert timeline.viewport.start > before.start and document.selection.event_id is None
    document.select_event("launch")
    moved = timeline.viewport
    qtbot.keyClick(timeline, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert timeline.viewport.start < moved.start and document.selection.event_id == "launch"


def test_ctrl_zero_fits_everything_the_filter_keeps(timeline, document, qtbot):
    fitted = timeline.viewport
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(timeline, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert timeline.viewport.span == pytest.approx(fitted.span / ZOOM_STEP ** 2)
    qtbot.keyClick(timeline, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert timeline.viewport == fitted
    document.set_filter(EventFilter(actors=frozenset({"eu"})))
    qtbot.keyClick(timeline, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    vp = timeline.viewport
    assert day(2010) < vp.start < day(2011, 4, 5) and day(2013, 4, 6) < vp.end < day(2016)


def test_a_filter_shows_only_the_events_it_keeps(timeline, document):
    document.set_filter(EventFilter(actors=frozenset({"unodc"})))
    shown = {i.event_id for i in timeline.current_scene().items}
    assert shown == {"office", "launch", "mexico"}
    assert timeline.current_scene().chips == ()


def test_an_event_selected_elsewhere_is_brought_into_view(timeline, document):
    timeline.set_viewport(Viewport(day(1990), day(1991), timeline.viewport.width_px))
    document.select_event("report")
    vp = timeline.viewport
    assert vp.start < day(2012, 12, 31) < vp.end
    assert vp.span == pytest.approx(day(1991) - day(1990))


def test_grouping_by_actor_repeats_shared_events_in_each_lane(timeline, qtbot):
    with qtbot.waitSignal(timeline.group_by_changed):
        timeline.group_actions[GroupBy.ACTOR].trigger()
    scene = timeline.current_scene()
    lanes = {scene.lanes[i.lane].title for i in scene.items if i.event_id == "launch"}
    assert lanes == {"UNODC", "Antonio Maria Costa"}


def test_tooltips_say_what_when_in_words_and_who(timeline):
    where = item_point(timeline, "launch")
    text = timeline.tooltip_at(where.x(), where.y())
    assert "Blue Heart Campaign launched" in text
    assert "March 2009" in text and "2009-03" not in text  # EDTF is for Event Details
    assert "UNODC" in text and "Antonio Maria Costa" in text


def test_an_era_title_cut_in_its_band_is_whole_in_its_tooltip(qtbot, document):
    dataset = given_events(point("a", "2000"), point("b", "2001"),
                           eras=[("Trafficking in Persons Protocol adopted, not yet in force",
                                  "2000-11-15", "2001-01-15"),
                                 ("A following era", "2001-01-16", "2002")])
    widget = TimelineWidget(document)
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    document.set_dataset(dataset)
    band = next(b for b in widget.current_scene().eras if b.title.startswith("Trafficking"))
    assert band.label != band.title  # no room in its band before the next era
    text = widget.tooltip_at(band.strip.x + 3, band.strip.y + band.strip.h / 2)
    assert band.title in text and "15 November 2000" in text


def test_a_dense_view_aggregates_and_its_badges_list_what_they_count(qtbot, document):
    many = given_events(*[point(f"e{n}", f"2000-{1 + n % 12:02d}-{1 + n % 28:02d}")
                          for n in range(600)])
    widget = TimelineWidget(document)
    qtbot.addWidget(widget)
    widget.resize(800, 400)
    widget.show()
    document.set_dataset(many)
    scene = widget.current_scene()
    assert scene.densities and not scene.items
    assert sum(b.count for b in scene.badges) == 600
    badge = max(scene.badges, key=lambda b: b.count)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton,
                     pos=QPoint(int(badge.rect.x + badge.rect.w / 2), int(badge.rect.y + 3)))
    listed = widget.cluster_list
    assert listed is not None and listed.model.rowCount() == badge.count
    before = widget.viewport
    qtbot.mouseClick(listed.findChild(QPushButton, "clusterZoom"), Qt.MouseButton.LeftButton)
    assert widget.viewport.span < before.span / 3


def test_the_scroll_bar_pans_through_time(timeline):
    before = timeline.viewport
    timeline.zoom_by(8.0)
    zoomed = timeline.viewport
    timeline.hbar.setValue(timeline.hbar.value() + timeline.hbar.pageStep() // 2)
    assert timeline.viewport.start == pytest.approx(zoomed.start + zoomed.span / 2, abs=2.0)
    assert timeline.viewport.span == pytest.approx(before.span / 8)


def test_a_scene_for_any_range_and_size_for_export(timeline):
    scene = timeline.scene_for((3000, 400), Viewport(day(2009), day(2011), 10))
    assert scene.width == 3000 and scene.viewport.width_px == 3000
    assert {i.event_id for i in scene.items} == {"launch", "mexico"}


def test_reloading_the_same_file_keeps_the_view_and_another_file_is_fitted(qtbot, document):
    widget = TimelineWidget(document)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    first = given_events(point("a", "2000"), point("b", "2010"))
    document.set_dataset(type(first).build(events=first.events, path="/data/one.yaml"))
    widget.zoom_by(3.0)
    zoomed = widget.viewport
    document.set_dataset(type(first).build(events=first.events, path="/data/one.yaml"))
    assert widget.viewport == zoomed
    document.set_dataset(type(first).build(events=first.events, path="/data/two.yaml"))
    assert widget.viewport.span > zoomed.span * 2


def test_a_data_set_loaded_before_the_widget_shows_is_fitted_to_its_real_width(qtbot, document):
    widget = TimelineWidget(document)
    qtbot.addWidget(widget)
    document.set_dataset(DATA)
    widget.resize(1200, 400)
    widget.show()
    qtbot.waitExposed(widget)
    vp = widget.viewport
    assert vp.width_px == widget.canvas_rect().width()
    assert vp.x_of(day(1997)) == pytest.approx(24, abs=1)


def test_many_lanes_scroll_vertically_and_a_selection_brings_its_lane_into_view(qtbot, document):
    actors = ["unodc", "eu", "costa", "MX"]
    data = given_events(*[point(f"e{n}", f"{2000 + n}", actors=[actors[n % 4]]) for n in range(8)],
                        point("last", "2005-05-05", actors=["MX"]))
    widget = TimelineWidget(document)
    qtbot.addWidget(widget)
    widget.resize(900, 260)
    widget.show()
    qtbot.waitExposed(widget)
    document.set_dataset(data)
    widget.set_group_by("actor")
    assert widget.vbar.isVisible() and widget.vbar.maximum() > 0
    assert "Mexico" not in {lane.title for lane in widget.current_scene().lanes}
    wheel(widget, 400, 150, dy=-120, modifiers=Qt.KeyboardModifier.AltModifier)
    assert widget.scroll_y > 0
    widget.set_scroll_y(0)
    document.select_event("last")
    assert "Mexico" in {lane.title for lane in widget.current_scene().lanes}
    assert widget.vbar.value() == int(widget.scroll_y)


def test_ctrl_tab_leaves_the_timeline_while_tab_walks_the_events(qtbot, document):
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    widget = TimelineWidget(document)
    after = QLineEdit()
    layout.addWidget(widget)
    layout.addWidget(after)
    window.resize(900, 500)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    document.set_dataset(DATA)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert document.selection.event_id == TIME_ORDER[0] and widget.hasFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert after.hasFocus()
