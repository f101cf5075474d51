"""The window opens files, explains bad ones without losing what is shown, and remembers itself."""

from __future__ import annotations

import gc
import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from explorer.paths import shipped_dataset
from explorer.qt.dialogs import DiagnosticsDialog
from explorer.qt.main_window import MainWindow

BROKEN = """\
timeline: 1
events:
  - title: Fine
    date: 2009-03
  - title: Impossible day
    date: 2010-02-30
  - date: 2011
"""


def test_opens_the_shipped_data_set(window):
    assert window.open_file(str(shipped_dataset()))
    dataset = window.document.dataset
    assert dataset is not None and len(dataset.events) > 0
    assert window.panes.events.table.model().rowCount() == len(dataset.events)
    assert window.count_label.text() == f"{len(dataset.events)} events"
    assert "blue_heart.yaml" in window.windowTitle()
    assert window.reload_action.isEnabled()


def test_a_broken_file_shows_every_problem_and_keeps_the_current_data(window, qtbot, tmp_path):
    window.open_file(str(shipped_dataset()))
    shown = window.document.dataset
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN, encoding="utf-8")

    assert not window.open_file(str(broken))

    dialog = window.diagnostics_dialog
    assert isinstance(dialog, DiagnosticsDialog)
    qtbot.waitUntil(dialog.isVisible)
    rows = [
        [dialog.table.topLevelItem(r).text(c) for c in range(5)]
        for r in range(dialog.table.topLevelItemCount())
    ]
    assert rows[0][:3] == ["6", "19", "error"] and "February 2010" in rows[0][4]
    assert rows[1][:3] == ["7", "5", "error"] and "title" in rows[1][4]
    summary = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "2 errors" in summary and "Traceback" not in summary
    assert window.document.dataset is shown  # nothing lost
    dialog.close()


def test_a_missing_file_is_explained(window, qtbot, tmp_path):
    assert not window.open_file(str(tmp_path / "nowhere.yaml"))
    message = window.cannot_open_message
    qtbot.waitUntil(message.isVisible)
    assert "nowhere.yaml" in message.text()
    message.close()


def test_selecting_in_the_list_selects_in_the_document(window, qtbot):
    window.open_file(str(shipped_dataset()))
    view = window.panes.events.table
    index = view.model().index(2, 0)
    view.setCurrentIndex(index)
    expected = index.data(Qt.ItemDataRole.UserRole)
    assert window.document.selection.event_id == expected


def test_recent_files_and_window_geometry_are_remembered(qtbot, settings, blue_heart_copy):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.resize(700, 500)  # within the 800x600 offscreen screen
    first.open_file(str(blue_heart_copy))
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert settings.recent_files()[0] == str(blue_heart_copy.resolve())
    assert (second.width(), second.height()) == (700, 500)
    second.watcher.stop()
    first.watcher.stop()


def test_every_action_and_menu_has_an_object_name(window):
    for action in window.findChildren(type(window.open_action)):
        if action.text() and not action.isSeparator() and action.menu() is None:
            assert action.objectName(), action.text()
    assert window.objectName() == "mainWindow"



def test_opening_a_file_leaves_the_collector_running_with_nothing_young_to_walk(window, blue_heart_copy):
    """Loads pause automatic collections; the one collection after the data set is in place
    leaves the young generation empty instead of leaving every object of the load in it for
    the next automatic collection to walk (seconds at a million events)."""
    frozen = gc.get_freeze_count()
    assert window.open_file(str(blue_heart_copy))
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
    _young, middle, old = gc.get_count()
    assert (middle, old) == (0, 0), "the last collection was the full one after the load"


def test_a_file_of_many_entities_and_few_events_is_frozen_not_collected(window, tmp_path):
    # Entities are objects to walk as much as events: a million organizations with one
    # event held the window 0.8 s in the collection after the load.
    from explorer.collector import FREEZE_ABOVE
    organizations = {f"o{n}": {"name": f"Org {n}"} for n in range(FREEZE_ABOVE + 1)}
    path = tmp_path / "many.json"
    path.write_text(json.dumps({"timeline": 1, "title": "T", "organizations": organizations,
                                "events": [{"title": "t", "date": "2009", "actors": ["o0"]}]}))
    frozen = gc.get_freeze_count()
    try:
        assert window.open_file(str(path))
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
