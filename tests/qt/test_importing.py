"""Other tools' files in the window: opened directly (converted in memory), the report in the
banner and a "converted from" badge, Save As Timeline…, live reload of the source, files
dropped on the window, and File > Export Data…."""

from __future__ import annotations

import csv

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from explorer.model.filters import EventFilter
from explorer.model.load.loader import load_dataset
from explorer.paths import shipped_dataset

TABLE = "Date,Title,Tags\n14 Oct 1066,Battle of Hastings,battle\n55 BC,Caesar lands,landing\nsometime,Unplaced,\n"


def given_table(tmp_path, text=TABLE):
    path = tmp_path / "history.csv"
    path.write_text(text, encoding="utf-8")
    return path


def titles(window) -> list[str]:
    return [e.title for e in window.document.dataset.events]


def test_a_csv_opens_converted_with_its_report_and_badge(window, tmp_path):
    path = given_table(tmp_path)
    assert window.open_file(str(path))
    assert titles(window) == ["Battle of Hastings", "Caesar lands", "Unplaced"]
    assert window.importing.badge.text() == "Converted from CSV table of events"
    assert not window.banner.isHidden()
    assert "history.csv</b> was converted from CSV table of events with 1 warning" in window.banner.headline.text()
    lines = window.banner.lines()
    assert lines[0].startswith("4:1: 'sometime' is not a date")  # located at the row's line
    assert any(line.startswith("converted: dates in 'Date' written as EDTF") for line in lines)
    assert window.importing.save_as_action.isEnabled()


def test_a_timeline_file_shows_no_badge(window, tmp_path):
    window.open_file(str(given_table(tmp_path)))
    assert window.open_file(str(shipped_dataset()))
    assert window.importing.badge.isHidden() and window.banner.isHidden()
    assert not window.importing.save_as_action.isEnabled()


def test_save_as_timeline_keeps_the_converted_file_and_shows_it(window, tmp_path):
    window.open_file(str(given_table(tmp_path)))
    target = tmp_path / "history.yaml"
    assert window.importing.save_as_timeline(str(target))
    saved = load_dataset(target)
    assert [e.title for e in saved.events] == ["Battle of Hastings", "Caesar lands", "Unplaced"]
    assert target.read_text(encoding="utf-8").startswith("# Converted from history.csv")
    assert window.path == str(target.resolve()) and window.importing.badge.isHidden()


def test_the_source_file_reloads_when_it_changes(window, qtbot, tmp_path):
    path = given_table(tmp_path)
    window.open_file(str(path))
    path.write_text(TABLE + "2009-03,Blue Heart Campaign launched,campaign\n", encoding="utf-8")
    qtbot.waitUntil(lambda: "Blue Heart Campaign launched" in titles(window), timeout=2000)
    assert window.importing.badge.text() == "Converted from CSV table of events"


def test_a_file_that_cannot_be_imported_keeps_what_is_shown(window, qtbot, tmp_path):
    window.open_file(str(shipped_dataset()))
    shown = window.document.dataset
    broken = tmp_path / "image.csv"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    assert not window.open_file(str(broken))
    dialog = window.diagnostics_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "this is a PNG image" in dialog.table.topLevelItem(0).text(4)
    assert window.document.dataset is shown
    dialog.close()


def drop_event(kind, path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    if kind is QDragEnterEvent:
        return QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                               Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier), mime
    return QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier), mime


def test_a_file_dropped_on_the_window_opens(window, tmp_path):
    path = given_table(tmp_path)
    enter, _mime = drop_event(QDragEnterEvent, path)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop, _mime2 = drop_event(QDropEvent, path)
    QApplication.sendEvent(window, drop)
    assert window.path == str(path.resolve())
    assert titles(window)[0] == "Battle of Hastings"


def test_export_data_writes_what_the_filter_keeps(window, tmp_path):
    window.open_file(str(shipped_dataset()))
    window.document.set_filter(EventFilter(tags=frozenset({"campaign"})))
    target = tmp_path / "kept.csv"
    assert window.importing.export_data(str(target))
    with target.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    kept = [window.document.dataset.events[p].title for p in window.document.visible_positions]
    assert [r["title"] for r in rows] == kept and 0 < len(kept) < len(window.document.dataset.events)
    assert window.importing.export_data_action.isEnabled()
    menu = [a.objectName() for a in window.file_menu.actions()]
    assert menu.index("saveAsTimelineAction") < menu.index("exportDataAction") < menu.index("quitAction")
