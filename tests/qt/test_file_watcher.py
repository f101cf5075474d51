"""The watcher notices every way an editor saves, once per save."""

from __future__ import annotations

import os

import pytest

from explorer.qt.file_watcher import FileWatcher


@pytest.fixture
def watched(tmp_path, qtbot):
    path = tmp_path / "timeline.yaml"
    path.write_text("timeline: 1\n", encoding="utf-8")
    watcher = FileWatcher(debounce_ms=100)
    changes: list[str] = []
    watcher.file_changed.connect(changes.append)
    watcher.watch(str(path))
    yield path, watcher, changes
    watcher.stop()


def test_an_in_place_write_is_noticed(watched, qtbot):
    path, _watcher, changes = watched
    path.write_text("timeline: 1\ntitle: edited\n", encoding="utf-8")
    qtbot.waitUntil(lambda: len(changes) == 1, timeout=3000)
    assert changes == [str(path.resolve())]


def test_a_save_by_rename_over_the_file_is_noticed_and_followed(watched, qtbot):
    path, _watcher, changes = watched
    for number in (1, 2):
        replacement = path.with_name(f".timeline.yaml.{number}.tmp")
        replacement.write_text(f"timeline: 1\ntitle: version {number}\n", encoding="utf-8")
        os.replace(replacement, path)
        qtbot.waitUntil(lambda seen=number: len(changes) == seen, timeout=3000)
    assert len(changes) == 2


def test_a_save_in_several_writes_is_one_change(watched, qtbot):
    path, _watcher, changes = watched
    with open(path, "w", encoding="utf-8") as stream:
        for line in ("timeline: 1\n", "title: a\n", "description: b\n"):
            stream.write(line)
            stream.flush()
            qtbot.wait(30)
    qtbot.waitUntil(lambda: len(changes) == 1, timeout=3000)
    qtbot.wait(400)
    assert len(changes) == 1


def test_nothing_is_reported_without_a_change_or_after_stop(watched, qtbot):
    path, watcher, changes = watched
    qtbot.wait(400)
    assert changes == []
    watcher.stop()
    path.write_text("timeline: 1\ntitle: unseen\n", encoding="utf-8")
    qtbot.wait(400)
    assert changes == []
