"""Live reload: edits on disk show up, broken saves keep the last good view, and nothing is lost."""

from __future__ import annotations

import os

import pytest

from explorer.model.calendar import days_from_civil
from explorer.model.filters import EventFilter

NEW_EVENT = """
  - id: added-by-editor
    title: An event added in the editor
    date: 2013-03-13
    sources: [unodc-about]
"""


def event_ids(window) -> set[str]:
    return {event.id for event in window.document.dataset.events}


@pytest.fixture
def opened(window, blue_heart_copy):
    assert window.open_file(str(blue_heart_copy))
    return window, blue_heart_copy


def test_an_in_place_edit_is_shown_within_a_second(opened, qtbot):
    window, path = opened
    path.write_text(path.read_text(encoding="utf-8") + NEW_EVENT, encoding="utf-8")
    qtbot.waitUntil(lambda: "added-by-editor" in event_ids(window), timeout=1000)


def test_a_save_by_rename_is_shown_within_a_second(opened, qtbot):
    window, path = opened
    temporary = path.with_name("blue_heart.yaml.swp")
    temporary.write_text(path.read_text(encoding="utf-8") + NEW_EVENT, encoding="utf-8")
    os.replace(temporary, path)
    qtbot.waitUntil(lambda: "added-by-editor" in event_ids(window), timeout=1000)


def test_a_broken_save_keeps_the_old_events_and_the_banner_names_the_line(opened, qtbot):
    window, path = opened
    good = path.read_text(encoding="utf-8")
    before = event_ids(window)
    lines = good.splitlines()
    broken_line = next(n for n, line in enumerate(lines) if "date: 2009-03" in line)
    lines[broken_line] = lines[broken_line].replace("2009-03", "2009-13")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    qtbot.waitUntil(lambda: window.banner.diagnostics != (), timeout=1000)
    assert event_ids(window) == before
    assert window.banner.lines()[0].startswith(f"{broken_line + 1}:")
    assert "month 13" in window.banner.lines()[0]

    path.write_text(good, encoding="utf-8")
    qtbot.waitUntil(lambda: window.banner.diagnostics == (), timeout=1000)
    assert window.banner.isHidden()


def test_selection_zoom_filter_and_lanes_survive_a_reload(opened, qtbot):
    window, path = opened
    window.resize(900, 600)
    window.show()
    window.document.select_event("spain-joins")
    window.timeline.zoom_to_range(days_from_civil(2009, 1, 1), days_from_civil(2013, 1, 1))
    window.timeline.set_group_by("actor")
    window.document.set_filter(EventFilter(tags=frozenset({"membership", "campaign"})))
    before = (window.timeline.viewport.start, window.timeline.viewport.end)

    path.write_text(path.read_text(encoding="utf-8") + NEW_EVENT, encoding="utf-8")
    qtbot.waitUntil(lambda: "added-by-editor" in event_ids(window), timeout=1000)

    assert window.document.selection.event_id == "spain-joins"
    assert (window.timeline.viewport.start, window.timeline.viewport.end) == before
    assert window.timeline.group_by.value == "actor"
    assert window.document.filter.tags == {"membership", "campaign"}


def test_f5_reloads_and_auto_reload_can_be_turned_off(opened, qtbot):
    window, path = opened
    window.auto_reload_action.trigger()  # off
    assert window.settings.auto_reload() is False
    path.write_text(path.read_text(encoding="utf-8") + NEW_EVENT, encoding="utf-8")
    qtbot.wait(600)
    assert "added-by-editor" not in event_ids(window)
    window.reload_action.trigger()
    assert "added-by-editor" in event_ids(window)


def test_the_data_file_is_never_written(opened, qtbot):
    window, path = opened
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    window.reload()
    window.document.select_event("mexico-joins")
    window.close()
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before
