"""What the person is told once an export is written: where it is, with "Open" and "Show in
Folder"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from explorer.model.queries import counted
from explorer.qt.export.render import ExportResult


def open_url(url: QUrl) -> bool:
    """Open a file or folder with the desktop's program for it."""
    return QDesktopServices.openUrl(url)


def size_text(size: int) -> str:
    """A file size as people read it: "812 bytes", "48 KB", "3.2 MB"."""
    if size < 1024:
        return counted(size, "byte")
    if size < 1024 * 1024:
        return f"{size / 1024:,.0f} KB"
    return f"{size / (1024 * 1024):,.1f} MB"


def export_done(parent: QWidget, result: ExportResult) -> QMessageBox:
    """Say the export was written, with buttons that open it or the folder it is in."""
    path = Path(result.path)
    parts = [result.format.upper()]
    if result.format == "pdf":
        parts.append(counted(result.pages, "page"))
    else:
        parts.append(f"{result.size[0]:,} × {result.size[1]:,} px")
    parts.append(size_text(result.bytes))
    box = QMessageBox(QMessageBox.Icon.Information, "Export Done",
                      f"Exported {path.name} ({', '.join(parts)}) to {path.parent}.",
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("exportDoneMessage")
    opened = box.addButton("&Open", QMessageBox.ButtonRole.ActionRole)
    opened.setObjectName("exportOpenButton")
    folder = box.addButton("Show in &Folder", QMessageBox.ButtonRole.ActionRole)
    folder.setObjectName("exportShowFolderButton")
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    opened.clicked.connect(lambda: open_url(QUrl.fromLocalFile(str(path))))
    folder.clicked.connect(lambda: open_url(QUrl.fromLocalFile(str(path.parent))))
    box.open()
    return box
