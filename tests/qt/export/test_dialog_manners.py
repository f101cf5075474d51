"""The export dialog suggests a folder of the person's own, previews what it will write, and
says when the file is written, with Open and Show in Folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPushButton, QRadioButton, QWidget

from explorer.paths import resource_dir, shipped_dataset


@pytest.fixture
def own_folders(tmp_path):
    """Qt's test locations (under ~/.qttest) in place of the person's own folders."""
    QStandardPaths.setTestModeEnabled(True)
    pictures = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation))
    pictures.mkdir(parents=True, exist_ok=True)
    yield pictures
    QStandardPaths.setTestModeEnabled(False)


def export_dialog(window, qtbot) -> QWidget:
    window.findChild(QAction, "exportImageAction").trigger()
    dialog = window.findChild(QWidget, "exportDialog")
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_shipped_data_set_is_never_exported_inside_the_package(window, qtbot, own_folders):
    window.resize(1400, 900)
    assert window.open_file(str(shipped_dataset()))
    path = Path(export_dialog(window, qtbot).findChild(QLineEdit, "exportPath").text())

    assert not path.resolve().is_relative_to(resource_dir().parent)
    assert path.parent == own_folders
    assert path.name == "blue_heart-timeline.png"


def test_the_preview_shows_what_will_be_written_and_follows_the_choices(shown, qtbot):
    dialog = export_dialog(shown, qtbot)
    preview = dialog.findChild(QLabel, "exportPreview")
    info = dialog.findChild(QLabel, "exportPreviewInfo")
    qtbot.waitUntil(lambda: not preview.pixmap().isNull())
    assert info.text().startswith("PNG, 1,600 × ")
    image = preview.pixmap().toImage()
    assert len({image.pixel(x, image.height() // 2) for x in range(0, image.width(), 3)}) > 3

    path = dialog.findChild(QLineEdit, "exportPath")
    path.setText(str(Path(path.text()).with_suffix(".pdf")))
    path.textEdited.emit(path.text())
    qtbot.waitUntil(lambda: info.text().startswith("PDF, A4 landscape, "))
    assert "page" in info.text()
    portrait = preview.pixmap()
    assert portrait.height() < portrait.width()  # a landscape sheet of paper

    dialog.findChild(QRadioButton, "exportRange_dates").setChecked(True)
    dialog.findChild(QLineEdit, "exportFrom").setText("2012")
    dialog.findChild(QLineEdit, "exportTo").setText("2011")
    qtbot.waitUntil(lambda: "ends before it starts" in info.text())
    assert preview.pixmap().isNull()


def test_a_written_export_says_so_and_opens_the_file_or_its_folder(shown, qtbot, tmp_path,
                                                                   monkeypatch):
    opened = []
    monkeypatch.setattr("explorer.qt.export.done.open_url", lambda url: opened.append(url.toLocalFile()))
    dialog = export_dialog(shown, qtbot)
    target = tmp_path / "out.png"
    dialog.findChild(QLineEdit, "exportPath").setText(str(target))
    qtbot.mouseClick(dialog.findChild(QPushButton, "exportButton"), Qt.MouseButton.LeftButton)

    message = shown.findChild(QMessageBox, "exportDoneMessage")
    qtbot.waitUntil(lambda: message is not None and message.isVisible())
    assert target.exists()
    assert "Exported out.png (PNG, 1,600 × " in message.text() and str(tmp_path) in message.text()

    qtbot.mouseClick(message.findChild(QPushButton, "exportOpenButton"), Qt.MouseButton.LeftButton)
    assert opened == [str(target)]
    message.open()
    qtbot.mouseClick(message.findChild(QPushButton, "exportShowFolderButton"),
                     Qt.MouseButton.LeftButton)
    assert opened == [str(target), str(tmp_path)]
