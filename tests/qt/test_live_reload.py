"""Live reload: edits on disk show up, broken saves keep the last good view, and nothing is lost."""

from __future__ import annotations

import os

import pytest

from explorer.model.calendar import days_from_civil
from explorer.model.filters import EventFilter
from explorer.qt import load_worker
from tests.helpers.files import broken_text, events_text

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


# links and edits made while a file loads


def three_events_and_five(tmp_path):
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    first.write_text(events_text(3, title="First"), encoding="utf-8")
    second.write_text(events_text(5, title="Second"), encoding="utf-8")
    link = tmp_path / "current.yaml"
    link.symlink_to(first)
    return link, second


def point(link, target) -> None:
    """Point the link at `target` the way tools do: a new link renamed over the old one."""
    fresh = link.with_name(link.name + ".new")
    fresh.symlink_to(target)
    os.replace(fresh, link)


def test_a_link_pointed_at_another_file_shows_that_file(window, qtbot, tmp_path):
    link, second = three_events_and_five(tmp_path)
    assert window.open_file(str(link))
    assert window.path == str(link)

    point(link, second)
    qtbot.waitUntil(lambda: window.document.dataset.title == "Second", timeout=3000)
    second.write_text(events_text(6, title="Second"), encoding="utf-8")  # and its edits from then on
    qtbot.waitUntil(lambda: len(window.document.dataset.events) == 6, timeout=3000)


def test_reload_reads_where_a_link_points_now(window, tmp_path):
    window.auto_reload_action.setChecked(False)
    link, second = three_events_and_five(tmp_path)
    assert window.open_file(str(link))
    point(link, second)
    assert window.reload()
    assert (window.document.dataset.title, len(window.document.dataset.events)) == ("Second", 5)


def test_an_edit_saved_while_the_file_opens_is_shown(window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "t.yaml"
    path.write_text(events_text(3), encoding="utf-8")
    real_load = load_worker.load_dataset
    edits = []

    def load_then_edit(*args, **kwargs):  # the editor saves after the bytes were read, before the window shows them
        dataset = real_load(*args, **kwargs)
        if not edits:
            edits.append(path)
            path.write_text(events_text(4), encoding="utf-8")
        return dataset

    monkeypatch.setattr(load_worker, "load_dataset", load_then_edit)
    assert window.open_file(str(path))
    assert edits == [path]
    qtbot.waitUntil(lambda: len(window.document.dataset.events) == 4, timeout=3000)


def test_an_edit_saved_while_a_broken_file_opens_is_tried(window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "t.yaml"
    path.write_text(broken_text(1), encoding="utf-8")
    real_load = load_worker.load_dataset
    edits = []

    def load_then_fix(*args, **kwargs):
        if not edits:
            edits.append(path)
            try:
                return real_load(*args, **kwargs)
            finally:
                path.write_text(events_text(2), encoding="utf-8")
        return real_load(*args, **kwargs)

    monkeypatch.setattr(load_worker, "load_dataset", load_then_fix)
    assert not window.open_file(str(path), explain=False)
    qtbot.waitUntil(lambda: window.document.dataset is not None, timeout=3000)
    assert len(window.document.dataset.events) == 2
