"""Random sequences of what a person does (zoom, pan, filter, select, group, reload broken and
fixed files) on the real window never raise and always leave a consistent state."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from explorer.model.filters import EventFilter, Match, apply_filter
from explorer.paths import shipped_dataset
from explorer.qt.main_window import MainWindow
from tests.helpers.fuzzing import fuzz_settings
from tests.helpers.windows import live_main_windows, window_of_one_example

ORIGINAL = shipped_dataset().read_text(encoding="utf-8")
EXTRA_EVENT = """
  - id: fuzz-extra
    title: An event added while exploring
    date: 2013-03-13
    actors: [ES]
    sources: [unodc-about]
"""
BROKEN = ORIGINAL.replace("date: 2009-03", "date: 2009-13", 1)
ACTORS = ["unodc", "ES", "MX", "PT", "blue-heart-campaign", "antonio-maria-costa", "no-such-actor"]
TAGS = ["campaign", "membership", "legislation", "no-such-tag"]
TEXTS = ["", "joins", "PROTOCOL", "blue heart", "zzz"]
KEYS = [
    (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Home, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_End, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
]

actions = st.one_of(
    st.tuples(st.just("wheel"), st.integers(-2400, 2400), st.floats(0.0, 1.0)),
    st.tuples(st.just("zoom"), st.floats(1e-6, 1e6), st.floats(0.0, 1.0)),
    st.tuples(st.just("drag"), st.integers(-3000, 3000)),
    st.tuples(st.just("key"), st.sampled_from(KEYS)),
    st.tuples(st.just("actors"), st.sets(st.sampled_from(ACTORS), max_size=3),
              st.sampled_from(list(Match)), st.booleans()),
    st.tuples(st.just("tags"), st.sets(st.sampled_from(TAGS), max_size=2)),
    st.tuples(st.just("text"), st.sampled_from(TEXTS)),
    st.tuples(st.just("dates"), st.floats(-800_000, 30_000), st.floats(0, 40_000)),
    st.tuples(st.just("clear")),
    st.tuples(st.just("select_event"), st.integers(0, 30)),
    st.tuples(st.just("select_entity"), st.sampled_from(ACTORS + ["tip-protocol", "untoc"])),
    st.tuples(st.just("group"), st.sampled_from(["none", "actor", "kind", "tag"])),
    st.tuples(st.just("write"), st.sampled_from(["broken", "extra", "original"])),
)


def wheel(widget, delta: int, x_fraction: float) -> None:
    position = QPointF(widget.width() * x_fraction, widget.height() / 2)
    event = QWheelEvent(
        position, widget.mapToGlobal(position), QPoint(0, 0), QPoint(0, delta),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def perform(window: MainWindow, qtbot, path, action, state: dict) -> None:
    timeline, document = window.timeline, window.document
    kind = action[0]
    if kind == "wheel":
        wheel(timeline, action[1], action[2])
    elif kind == "zoom":
        timeline.zoom_by(action[1], timeline.width() * action[2])
    elif kind == "drag":
        start = QPoint(timeline.width() // 2, 40)
        qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(timeline, start + QPoint(action[1] // 2, 0))
        qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=start + QPoint(action[1], 0))
    elif kind == "key":
        key, modifiers = action[1]
        qtbot.keyClick(timeline, key, modifiers)
    elif kind == "actors":
        document.set_filter(EventFilter(
            actors=frozenset(action[1]), match=action[2], include_children=action[3],
            tags=document.filter.tags, text=document.filter.text))
    elif kind == "tags":
        document.set_filter(EventFilter(
            actors=document.filter.actors, match=document.filter.match,
            include_children=document.filter.include_children, tags=frozenset(action[1])))
    elif kind == "text":
        document.set_filter(EventFilter(actors=document.filter.actors, text=action[1]))
    elif kind == "dates":
        document.set_filter(EventFilter(date_from=action[1], date_to=action[1] + action[2]))
    elif kind == "clear":
        document.clear_filter()
    elif kind == "select_event":
        events = document.dataset.events
        document.select_event(events[action[1] % len(events)].id)
    elif kind == "select_entity":
        document.select_entity(action[1])
    elif kind == "group":
        timeline.set_group_by(action[1])
    elif kind == "write":
        content = {"broken": BROKEN, "extra": ORIGINAL + EXTRA_EVENT, "original": ORIGINAL}[action[1]]
        path.write_text(content, encoding="utf-8")
        window.reload()
        state["broken_on_disk"] = action[1] == "broken"
        if action[1] != "broken":
            state["good_ids"] = {e.id for e in window.document.dataset.events}


def assert_consistent(window: MainWindow, state: dict) -> None:
    document, timeline = window.document, window.timeline
    dataset = document.dataset
    assert {e.id for e in dataset.events} == state["good_ids"]  # the last good data is shown
    assert window.banner.isVisibleTo(window) == state["broken_on_disk"]
    expected = apply_filter(dataset, document.filter)
    assert list(document.visible_positions) == list(expected)
    index = timeline.index
    assert index.dataset is dataset
    shown = set(index.time_order.tolist()) | set(index.visible_undated.tolist())
    assert shown == set(expected)  # the timeline shows exactly the filtered events
    scene = timeline.current_scene()
    if scene is not None:
        assert {item.position for item in scene.items} <= set(expected)
    selected = document.selection.event_id
    assert selected is None or selected in dataset.events_by_id
    viewport = timeline.viewport
    assert math.isfinite(viewport.start) and math.isfinite(viewport.end)
    assert viewport.start < viewport.end


@fuzz_settings(25)
@given(steps=st.lists(actions, min_size=1, max_size=14))
def test_random_sessions_keep_the_window_consistent(qtbot, tmp_path_factory, settings, steps):
    assert live_main_windows() == [], "the window of the example before is gone"
    path = tmp_path_factory.mktemp("fuzz") / "timeline.yaml"
    path.write_text(ORIGINAL, encoding="utf-8")
    with window_of_one_example(settings) as window:
        window.auto_reload_action.setChecked(False)  # reloads happen exactly when the steps say
        window.resize(760, 560)
        window.show()
        assert window.open_file(str(path))
        state = {"broken_on_disk": False, "good_ids": {e.id for e in window.document.dataset.events}}
        for step in steps:
            perform(window, qtbot, path, step, state)
            window.timeline.grab()  # paint the current state
            assert_consistent(window, state)
